"""Amendments: every change to a locked decision, dated and signed with its own reason, kept
beside the frozen record (which is never edited)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.core.services import record
from laurel.selection.enums import AmendmentKind, DecisionState
from laurel.selection.models import Amendment, Decision, Place
from laurel.selection.services.checking import LANGUAGES
from laurel.selection.services.common import SelectionError


def _texts(texts: dict[str, str] | None) -> dict[str, str]:
    return {code: (texts or {}).get(code, "").strip() for code in LANGUAGES}


@transaction.atomic
def record_amendment(
    decision: Decision,
    *,
    kind: str,
    place: Place | None,
    reason: str,
    actor: User | None,
    incoming: Place | None = None,
    citation: dict[str, str] | None = None,
    summary: dict[str, str] | None = None,
) -> Amendment:
    """Write one amendment to a locked decision. `place`: the place the change is about (a
    laureate that declined or was withdrawn, a text corrected); `incoming`: a reserve that comes
    in, whose citation and description (sv and en) are written here and become its place's
    texts. `actor` is None when the laureate itself answered through its private link."""
    if decision.state == DecisionState.DRAFT:
        raise SelectionError(_("The decision is not locked yet: change it directly."))
    if kind not in AmendmentKind.values:
        raise SelectionError(_("Choose what changed from the list."))
    reason = reason.strip()
    if not reason:
        raise SelectionError(_("Give the reason for the amendment: it goes into the record."))
    for each in (place, incoming):
        if each is not None and each.decision_id != decision.pk:
            raise SelectionError(_("Choose a place of this decision."))
    citation, summary = _texts(citation), _texts(summary)
    written = incoming or (place if kind == AmendmentKind.TEXT_CORRECTED else None)
    if kind in (AmendmentKind.RESERVE_PROMOTED, AmendmentKind.TEXT_CORRECTED):
        if written is None:
            raise SelectionError(_("Choose the place whose texts are written."))
        if not all(citation.values()) or not all(summary.values()):
            raise SelectionError(_("Write the citation and what it does in Swedish and English."))
        written = Place.objects.select_for_update().get(pk=written.pk)
        written.citation, written.summary = citation, summary
        written.save(update_fields=["citation", "summary"])
    amendment = Amendment.objects.create(
        decision=decision,
        kind=kind,
        place=place,
        incoming=incoming,
        reason=reason,
        citation=citation if written else {},
        summary=summary if written else {},
        by=actor,
        at=timezone.now(),
    )
    record(
        "decision.amended",
        actor=actor,
        subject=decision,
        summary=kind,
        data={
            "amendment": amendment.pk,
            "kind": kind,
            "place": place.pk if place else None,
            "incoming": incoming.pk if incoming else None,
        },
    )
    return amendment
