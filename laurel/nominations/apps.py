from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "laurel.nominations"
    label = "nominations"
    verbose_name = _("Nominations")

    def ready(self) -> None:
        from laurel.core.limits import EXTRA_DOCUMENTS
        from laurel.cycles.queries import DASHBOARD_SOURCES
        from laurel.cycles.signals import phase_moved
        from laurel.nominations import services
        from laurel.nominations.queries import dashboard_counts
        from laurel.nominations.services.documents import files_asked

        DASHBOARD_SOURCES.append(dashboard_counts)
        # The form's body holds a document for each `file` question besides the evidence.
        EXTRA_DOCUMENTS["nominations:nominate"] = files_asked
        EXTRA_DOCUMENTS["nominations:manage"] = files_asked
        # Nominations closed: changes never confirmed are dropped with their documents.
        phase_moved.connect(services.on_phase_moved, dispatch_uid="nominations")
