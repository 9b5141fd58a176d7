from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "laurel.candidates"
    label = "candidates"
    verbose_name = _("Candidates")

    def ready(self) -> None:
        from laurel.candidates import services
        from laurel.candidates.queries import dashboard_counts
        from laurel.cycles.queries import DASHBOARD_SOURCES
        from laurel.cycles.signals import phase_moved
        from laurel.nominations.signals import nomination_changed, nomination_confirmed

        DASHBOARD_SOURCES.append(dashboard_counts)
        nomination_confirmed.connect(services.on_nomination_confirmed, dispatch_uid="candidates")
        nomination_changed.connect(services.on_nomination_changed, dispatch_uid="candidates")
        phase_moved.connect(services.on_phase_moved, dispatch_uid="candidates")
