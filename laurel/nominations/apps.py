from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "laurel.nominations"
    label = "nominations"
    verbose_name = _("Nominations")

    def ready(self) -> None:
        from laurel.cycles.queries import DASHBOARD_SOURCES
        from laurel.cycles.signals import phase_moved
        from laurel.nominations import services
        from laurel.nominations.queries import dashboard_counts

        DASHBOARD_SOURCES.append(dashboard_counts)
        # Nominations closed: changes never confirmed are dropped with their documents.
        phase_moved.connect(services.on_phase_moved, dispatch_uid="nominations")
