"""Due diligence, documents, the committee's version of each nomination, and readiness."""

import re
import secrets
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.enums import (
    DILIGENCE_DONE,
    CandidateState,
    DiligenceArea,
    DiligenceStatus,
    DocumentKind,
)
from laurel.candidates.models import (
    REDACTED,
    Candidate,
    CandidateDocument,
    CommitteeVersion,
    DiligenceCheck,
)
from laurel.candidates.queries import original_texts
from laurel.candidates.services.common import ScreeningError
from laurel.candidates.signals import candidates_ready
from laurel.core.services import record
from laurel.cycles.phases import require_phase
from laurel.nominations.enums import COUNTING_STATES
from laurel.nominations.language import detect_language
from laurel.nominations.models import Nomination


@transaction.atomic
def update_check(
    candidate: Candidate,
    *,
    area: str,
    status: str,
    notes: str,
    actor: User,
    committee_note: str = "",
) -> DiligenceCheck:
    """One area of due diligence: its verdict and notes (update_diligence, for one area)."""
    if area not in DiligenceArea.values:
        raise ScreeningError(_("Choose an area and a status from the list."))
    update_diligence(
        candidate,
        parts={area: {"status": status, "notes": notes, "committee_note": committee_note}},
        actor=actor,
    )
    # An area never touched and left blank is not stored: its check is the unsaved default.
    found = DiligenceCheck.objects.filter(candidate=candidate, area=area).first()
    return found or DiligenceCheck(candidate=candidate, area=area)


# Verdicts the committee must have explained: every verdict that is not clean.
NEEDS_COMMITTEE_NOTE = DILIGENCE_DONE - {DiligenceStatus.SATISFACTORY}


def needs_committee_note(status: str) -> bool:
    return status in NEEDS_COMMITTEE_NOTE


@transaction.atomic
def update_diligence(
    candidate: Candidate, *, parts: dict[str, dict[str, str]], actor: User
) -> list[str]:
    """Every area of due diligence at once, as one form sends them: {area: {"status",
    "notes", "committee_note"}}. Only the areas that changed are written, each with its own
    audit entry; returns those areas. A verdict that is not clean needs a note for the
    committee, which the committee reads beside it; `notes` stay with staff."""
    require_phase(candidate.cycle_id, "screen")
    if set(parts) - set(DiligenceArea.values):
        raise ScreeningError(_("Choose an area and a status from the list."))
    for area, part in parts.items():
        if part.get("status") not in DiligenceStatus.values:
            raise ScreeningError(_("Choose an area and a status from the list."))
        if needs_committee_note(part["status"]) and not (part.get("committee_note") or "").strip():
            raise ScreeningError(
                _("%(area)s: say in a note for the committee what the concern is.")
                % {"area": DiligenceArea(area).label}
            )
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    existing = {check.area: check for check in candidate.checks.select_for_update()}
    changed = []
    for area in DiligenceArea.values:
        if area not in parts:
            continue
        part = parts[area]
        check = existing.get(area) or DiligenceCheck(candidate=candidate, area=area)
        wanted = {
            "status": part["status"],
            "notes": (part.get("notes") or "").strip()[:4000],
            "committee_note": (part.get("committee_note") or "").strip()[:2000],
        }
        differs = [name for name, value in wanted.items() if getattr(check, name) != value]
        if not differs:  # unchanged, or an area never touched that is still blank
            continue
        for name, value in wanted.items():
            setattr(check, name, value)
        check.updated_by = actor
        if check.pk is None:
            check.save()
        else:
            check.save(update_fields=[*wanted, "updated_by", "updated_at"])
        changed.append(area)
        record(
            "diligence.updated",
            actor=actor,
            subject=candidate,
            summary=f"{area}: {check.status}",
            # Which fields changed, never the notes' text.
            data={"area": area, "status": check.status, "changed": differs},
        )
    statuses = {area: check.status for area, check in existing.items()}
    statuses.update({area: part["status"] for area, part in parts.items()})
    if candidate.ready_for_committee and any(
        status not in DILIGENCE_DONE for status in statuses.values()
    ):
        _set_ready(candidate, False, actor)
    return changed


@transaction.atomic
def add_document(
    candidate: Candidate,
    *,
    upload: Any,
    checked: Any,
    kind: str,
    actor: User | None = None,
    from_organisation: bool = False,
) -> CandidateDocument:
    """A due-diligence document, already checked by its content (nominations.uploads)."""
    if kind not in DocumentKind.values:
        raise ScreeningError(_("Choose what kind of document this is."))
    document = CandidateDocument(
        candidate=candidate,
        kind=kind,
        original_name=upload.name[-200:],
        file_type=checked.kind,
        size=checked.size,
        sha256=checked.sha256,
        from_organisation=from_organisation,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # A random name: nothing the uploader chose reaches the file system.
    document.file.save(f"{secrets.token_hex(16)}.{checked.kind}", File(upload), save=False)
    document.save()
    record(
        "candidate.document_added",
        actor=actor,
        subject=candidate,
        summary=kind,
        data={"document": document.pk, "from_organisation": from_organisation},
    )
    return document


def redacted_texts(nomination: Nomination) -> dict[str, str]:
    """The free texts with every detail the safeguarding check flagged replaced: where staff
    start when they prepare the committee's version."""
    texts = original_texts(nomination)
    for flag in nomination.safeguarding_flags:
        field, found = flag.get("field", ""), flag.get("text", "")
        if field in texts and found:
            texts[field] = re.sub(re.escape(found), REDACTED, texts[field])
    return texts


@transaction.atomic
def save_committee_version(
    nomination: Nomination,
    *,
    texts: dict[str, str],
    actor: User,
    translations: dict[str, str] | None = None,
    into: str = "",
) -> CommitteeVersion:
    """What the committee will read of this nomination. Only the nomination's own fields are
    kept; the audit entry names the fields that differ from the original, never their text.
    `translations`: staff's translation of a text into `into` (a working language), shown to
    the committee beside it, marked with who translated it from which language; an empty one
    removes it."""
    require_phase(nomination.cycle_id, "merge")
    original = original_texts(nomination)
    kept = {field: (texts.get(field) or "").strip() for field in original}
    version, _created = CommitteeVersion.objects.select_for_update().get_or_create(
        nomination=nomination, defaults={"texts": kept, "prepared_by": actor}
    )
    before = dict(version.translations)
    changed_texts = {field for field in kept if kept[field] != (version.texts or {}).get(field, "")}
    version.texts = kept
    version.translations = _translations(nomination, original, before, translations, into, actor)
    for field in changed_texts & set(version.translations):
        if version.translations[field] is before.get(field):
            # A text staff changed (a detail redacted) keeps no translation of what it said.
            raise ScreeningError(
                _("The text changed: change its translation to match, or empty it."),
                field=f"translation_{field}",
            )
    version.prepared_by = actor
    version.save(update_fields=["texts", "translations", "prepared_by", "prepared_at"])
    changed = sorted(field for field in original if kept[field] != original[field].strip())
    record(
        "nomination.redacted",
        actor=actor,
        subject=nomination,
        summary=nomination.reference or "",
        data={
            "fields_changed": changed,
            "translated": sorted(
                field
                for field, given in version.translations.items()
                if before.get(field, {}).get("text") != given["text"]
            ),
        },
    )
    return version


def _translations(
    nomination: Nomination,
    original: dict[str, str],
    before: dict[str, dict],
    given: dict[str, str] | None,
    into: str,
    actor: User,
) -> dict[str, dict]:
    """The version's translations after staff's save: a text changed is attributed to `actor`
    now; one unchanged keeps who translated it and when."""
    if given is None:
        return {field: value for field, value in before.items() if field in original}
    texts = {field: (given.get(field) or "").strip() for field in original}
    if any(texts.values()) and into not in nomination.cycle.working:
        raise ScreeningError(_("Choose the language of the translations."), field="translated_into")
    result = {}
    for field, text in texts.items():
        if not text:
            continue
        earlier = before.get(field, {})
        if earlier.get("text") == text and earlier.get("into") == into:
            result[field] = earlier
            continue
        result[field] = {
            "text": text,
            "into": into,
            "from": _written_in(nomination, field, original[field]),
            "by": actor.pk,
            "at": timezone.now().isoformat(),
        }
    return result


def _written_in(nomination: Nomination, field: str, text: str) -> str:
    """The language a text was written in: as detected when it was submitted (the criteria's
    answers), else detected now ("" when it cannot be told)."""
    number = field.removeprefix("answer_")
    if number in nomination.answer_languages:
        return nomination.answer_languages[number]
    return detect_language(text)


def _missing_for_committee(candidate: Candidate) -> list[str]:
    missing = []
    if candidate.state != CandidateState.ELIGIBLE:
        missing.append(_("the candidate is not screened eligible"))
    done = set(
        DiligenceCheck.objects.filter(candidate=candidate, status__in=DILIGENCE_DONE).values_list(
            "area", flat=True
        )
    )
    for area in DiligenceArea:
        if area.value not in done:
            missing.append(_("due diligence: %(area)s") % {"area": area.label})
    unprepared = Nomination.objects.filter(
        placement__candidate=candidate, state__in=COUNTING_STATES, committee_version=None
    ).values_list("reference", flat=True)
    for reference in unprepared:
        missing.append(_("the committee's version of %(reference)s") % {"reference": reference})
    return missing


def _set_ready(candidate: Candidate, ready: bool, actor: User) -> None:
    candidate.ready_for_committee = ready
    candidate.ready_at = timezone.now() if ready else None
    candidate.save(update_fields=["ready_for_committee", "ready_at", "updated_at"])
    record(
        "candidate.ready" if ready else "candidate.unready",
        actor=actor,
        subject=candidate,
        summary=candidate.name,
    )
    if ready:
        candidates_ready.send(Candidate, candidate_ids=[candidate.pk], actor=actor)


@transaction.atomic
def mark_ready(candidate: Candidate, *, ready: bool, actor: User) -> Candidate:
    """Ready for the committee: eligible, every area of due diligence decided, and the
    committee's version of every nomination that counts prepared. Or taken off again."""
    require_phase(candidate.cycle_id, "screen")
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if ready:
        missing = _missing_for_committee(candidate)
        if missing:
            raise ScreeningError(
                _("Not ready for the committee yet. Still needed: %(missing)s.")
                % {"missing": "; ".join(missing)}
            )
    if candidate.ready_for_committee != ready:
        _set_ready(candidate, ready, actor)
    return candidate
