from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "laurel.nominations"
    label = "nominations"
    verbose_name = _("Nominations")

    def ready(self) -> None:
        from laurel.cycles.queries import DASHBOARD_SOURCES
        from laurel.nominations.queries import dashboard_counts

        DASHBOARD_SOURCES.append(dashboard_counts)
