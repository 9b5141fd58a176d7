from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    name = "laurel.cycles"
    label = "cycles"
    verbose_name = _("Award cycles")

    def ready(self) -> None:
        from laurel.cycles.identity import site_cycle
        from laurel.notifications.services import outbox

        # An email about no award in particular (sign-in, invitations) speaks for this one.
        outbox.default_award = site_cycle
