"""The web form's gate: what a request adds to a save or a submission, asked by the nomination
services inside their own transaction (services.Gate). This module is the one seam between the
rush path's defences (the counters of core.ratelimit, the proof of work of `challenge`) and the
services, which read plainly: they call `gate.admit()` and `gate.hold_reason(nomination)` and
never see a request.

Asked inside the transaction, so a counter counts only together with what it admits (a refused
or rolled-back save counts nothing), and the proof of work is used up by the submission it
proves, not before."""

from django.conf import settings
from django.http import HttpRequest

from laurel.core.http import client_ip
from laurel.core.ratelimit import over_limit
from laurel.nominations import challenge
from laurel.nominations.models import Nomination
from laurel.nominations.services import TooManySaves


class RequestGate:
    """The gate of one request to the nomination form (services.Gate)."""

    def __init__(self, request: HttpRequest):
        self.request = request

    def admit(self) -> None:
        """A save (draft, autosave or change) from an address that saved too often in the hour
        is refused: nothing is written, and the page says to wait."""
        limit = settings.NOMINATION_SAVES_PER_ADDRESS
        if over_limit("nomination-save", client_ip(self.request), limit=limit, window=3600):
            raise TooManySaves

    def hold_reason(self, nomination: Nomination) -> str:
        """Why a submission (or a change) waits for a person to look at it, "" if nothing
        says so; never a reason to refuse it. Asked afresh for each: a nomination staff
        released once is not held again for its old reason."""
        posted = self.request.POST.get("altcha")
        if not posted:
            return "no-proof-of-work"
        if not challenge.verify(posted):
            return "failed-proof-of-work"
        by_address = settings.NOMINATION_SUBMITS_PER_ADDRESS
        address = client_ip(self.request)
        if over_limit("nomination-submit-ip", address, limit=by_address, window=3600):
            return "many-from-one-address"
        by_email = settings.NOMINATION_SUBMITS_PER_EMAIL
        email = nomination.nominator_email
        if over_limit("nomination-submit-email", email, limit=by_email, window=3600):
            return "many-from-one-email"
        return ""
