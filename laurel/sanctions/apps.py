from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SanctionsConfig(AppConfig):
    name = "laurel.sanctions"
    verbose_name = _("Sanctions lists")

    def ready(self) -> None:
        from laurel.candidates.signals import candidates_ready
        from laurel.sanctions.receivers import screen_when_ready

        candidates_ready.connect(screen_when_ready, dispatch_uid="sanctions.screen_when_ready")
        from laurel.cycles.queries import DASHBOARD_SOURCES
        from laurel.sanctions.queries import screening_counts

        if screening_counts not in DASHBOARD_SOURCES:
            DASHBOARD_SOURCES.append(screening_counts)
