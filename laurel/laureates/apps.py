from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaureatesConfig(AppConfig):
    name = "laurel.laureates"
    label = "laureates"
    verbose_name = _("Laureates' programme")

    def ready(self) -> None:
        from laurel.accounts.signals import email_changed, invitation_accepted
        from laurel.laureates import services
        from laurel.selection.queries import NAMED_IN_PUBLIC
        from laurel.selection.signals import award_answered

        award_answered.connect(services.on_award_answered, dispatch_uid="laureates")
        invitation_accepted.connect(services.on_invitation_accepted, dispatch_uid="laureates")
        email_changed.connect(services.on_email_changed, dispatch_uid="laureates")
        NAMED_IN_PUBLIC.append(services.named_in_public)
        from laurel.cycles.queries import DASHBOARD_SOURCES
        from laurel.laureates.dashboard import programme_counts

        if programme_counts not in DASHBOARD_SOURCES:
            DASHBOARD_SOURCES.append(programme_counts)
