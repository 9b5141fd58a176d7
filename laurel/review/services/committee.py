"""Members' profiles and ties, and conflicts of interest: declared, or found and decided."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.accounts.queries import committee_members
from laurel.accounts.rules import sits_on_committee
from laurel.candidates.enums import ACTIVE_STATES
from laurel.candidates.matching import SUGGEST_FROM, Record, Suggestion, find_duplicates
from laurel.candidates.models import Candidate
from laurel.candidates.services.common import records_of
from laurel.core.services import ServiceError, record, transition
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.cycles.phases import ORDER, stored_phase
from laurel.review.enums import (
    AFFILIATION_TO_CONFLICT,
    BLOCKING_STATES,
    CONFLICT_TRANSITIONS,
    AffiliationKind,
    ConflictKind,
    ConflictState,
)
from laurel.review.models import Affiliation, Assignment, CommitteeProfile, Conflict

# A found conflict's reasons are matching's codes, then which of the candidate's names the
# tie matched, as "matched:<name>" (Conflict.matched_name reads it back).
MATCHED = "matched:"


class ReviewError(ServiceError):
    """A committee step that cannot be done; the message says what to change."""


def committee_of(cycle: Cycle) -> list[User]:
    return list(committee_members(cycle))


def _require_member(user: User, cycle: Cycle) -> None:
    if not sits_on_committee(user, cycle):
        raise ReviewError(_("Only members of this cycle's committee can do this."))


@dataclass(frozen=True)
class Tie:
    """An organisation a member is tied to, as save_profile takes it."""

    name: str
    kind: str  # an AffiliationKind
    country: str = ""
    website: str = ""


@transaction.atomic
def save_profile(
    user: User,
    cycle: Cycle,
    *,
    languages: list[str],
    country: str,
    affiliations: Sequence[Tie],
) -> CommitteeProfile:
    """A member's languages, country and ties; possible conflicts are looked for again."""
    _require_member(user, cycle)
    for tie in affiliations:
        if tie.kind not in AffiliationKind.values or not tie.name:
            raise ReviewError(_("Every tie needs an organisation and what kind of tie it is."))
    profile, _created = CommitteeProfile.objects.update_or_create(
        user=user, cycle=cycle, defaults={"languages": sorted(set(languages)), "country": country}
    )
    profile.affiliations.all().delete()
    Affiliation.objects.bulk_create(
        Affiliation(
            profile=profile,
            name=tie.name[:200],
            country=tie.country.upper()[:2],
            website=tie.website[:300],
            kind=tie.kind,
        )
        for tie in affiliations
    )
    record(
        "committee.profile_updated",
        actor=user,
        subject=profile,
        data={"languages": profile.languages, "affiliations": len(affiliations)},
    )
    detect_conflicts(cycle, member=user)
    return profile


@transaction.atomic
def detect_conflicts(cycle: Cycle, *, member: User | None = None) -> int:
    """Possible conflicts from members' ties: the same organisation, website or a name close
    enough in the same country. Each is a suggestion the member confirms or dismisses; a pair
    already decided is left alone. Returns how many are new."""
    candidates = list(
        Candidate.objects.filter(cycle=cycle, state__in=ACTIVE_STATES).select_related(
            "organisation"
        )
    )
    ties = list(
        Affiliation.objects.filter(profile__cycle=cycle).select_related("profile")
        if member is None
        else Affiliation.objects.filter(profile__cycle=cycle, profile__user=member)
    )
    if not candidates or not ties:
        return 0
    # Every name and website each candidate is known by: a tie under a name only a merged
    # nomination carried finds the candidate too.
    records = records_of(candidates)
    records += [
        # str() of a django-countries Country is its code
        Record(key=-tie.pk, name=tie.name, country=str(tie.country), website=tie.website)
        for tie in ties
    ]
    by_tie = {tie.pk: tie for tie in ties}
    known = set(Conflict.objects.filter(cycle=cycle).values_list("member_id", "candidate_id"))
    new = {}
    for found in find_duplicates(records, only=[-tie.pk for tie in ties], generous=True):
        if found.first >= 0 or found.second <= 0 or found.confidence < SUGGEST_FROM:
            continue  # a tie against a candidate: the tie's key is negative, the candidate's not
        tie, candidate_id = by_tie[-found.first], found.second
        pair = (tie.profile.user_id, candidate_id)
        if pair in known or pair in new:
            continue
        new[pair] = Conflict(
            cycle=cycle,
            member_id=pair[0],
            candidate_id=candidate_id,
            kind=AFFILIATION_TO_CONFLICT[tie.kind],
            state=ConflictState.SUGGESTED,
            declared=False,
            reasons=[*found.reasons, *matched_reason(found, tie)],
        )
    Conflict.objects.bulk_create(new.values())
    if new:
        record("conflict.detected", subject=cycle, data={"count": len(new)})
    return len(new)


def matched_reason(found: Suggestion, tie: Affiliation) -> list[str]:
    """The candidate's name (or website) the tie matched, as one more reason: the member sees
    which name it was when the candidate is known by several."""
    pair = [text for text in found.matched if text]
    theirs = [text for text in pair if text not in (tie.name, tie.website)] or pair[1:]
    return [f"{MATCHED}{theirs[-1]}"] if theirs else []


def _drop_assignment(member_id: int, candidate_id: int, actor: User) -> None:
    dropped, _count = Assignment.objects.filter(
        member_id=member_id, candidate_id=candidate_id
    ).delete()
    if dropped:
        record(
            "assignment.withdrawn_for_conflict",
            actor=actor,
            data={"member": member_id, "candidate": candidate_id},
        )


@transaction.atomic
def declare_conflict(member: User, candidate: Candidate, *, kind: str, note: str = "") -> Conflict:
    """A member declares a conflict: from now on they are kept away from the candidate."""
    _require_member(member, candidate.cycle)
    if kind not in ConflictKind.values:
        raise ReviewError(_("Choose what kind of conflict it is."))
    declared = {"kind": kind, "declared": True, "note": note[:500], "decided_at": timezone.now()}
    pair = {"member": member, "candidate": candidate}
    conflict = Conflict.objects.select_for_update().filter(**pair).first()
    if conflict is None:
        conflict = Conflict.objects.create(
            **pair, cycle=candidate.cycle, state=ConflictState.CONFIRMED, **declared
        )
    else:  # what Laurel suggested, or someone decided, the member declares a conflict
        for name, value in declared.items():
            setattr(conflict, name, value)
        # The member's declaration, recorded below, tells of the move.
        transition(
            conflict, ConflictState.CONFIRMED, CONFLICT_TRANSITIONS, key=None, actor=member,
            fields=list(declared),
        )  # fmt: skip
    _drop_assignment(member.pk, candidate.pk, member)
    record("conflict.declared", actor=member, subject=candidate, data={"kind": kind})
    return conflict


def withdrawal_open(cycle: Cycle | int) -> bool:
    """Whether members may still withdraw their conflicts: until the review ends. Withdrawn
    during the deliberation, a conflict would open the candidate's reviews, discussion and
    votes to the member: from then on only the secretariat changes the register."""
    return ORDER.index(Phase(stored_phase(cycle))) <= ORDER.index(Phase.REVIEW)


@transaction.atomic
def withdraw_conflict(conflict: Conflict, *, member: User) -> None:
    """A member takes back a conflict they declared by mistake (or a suggestion they confirmed
    by mistake, which becomes a suggestion to decide again). A conflict staff recorded in the
    register stays: only staff change it. An assignment dropped for it is not given back."""
    conflict = Conflict.objects.select_for_update().select_related("candidate").get(pk=conflict.pk)
    if conflict.member_id != member.pk:
        raise ReviewError(_("Only the member concerned can withdraw this conflict."))
    if conflict.by_staff:
        raise ReviewError(
            _("The secretariat recorded this conflict: ask them if you think it is wrong.")
        )
    if conflict.state != ConflictState.CONFIRMED:
        raise ReviewError(_("Only a conflict you declared or confirmed can be withdrawn."))
    if not withdrawal_open(conflict.cycle_id):
        raise ReviewError(
            _(
                "The review is over: a conflict can no longer be withdrawn here. Ask the "
                "secretariat if you think it is wrong."
            )
        )
    data = {"kind": conflict.kind, "declared": conflict.declared}
    if conflict.declared:
        record("conflict.withdrawn", actor=member, subject=conflict.candidate, data=data)
        conflict.delete()
        return
    conflict.decided_at = None
    transition(
        conflict, ConflictState.SUGGESTED, CONFLICT_TRANSITIONS, key="conflict.withdrawn",
        actor=member, fields=["decided_at"], subject=conflict.candidate, data=data,
    )  # fmt: skip


# Staff decide: a conflict or not (a suggestion is for the member to answer).
STAFF_STATES = {ConflictState.CONFIRMED, ConflictState.DISMISSED}


def _check_register_entry(kind: str, state: str) -> None:
    if kind not in ConflictKind.values:
        raise ReviewError(_("Choose what kind of conflict it is."))
    if state not in STAFF_STATES:
        raise ReviewError(_("Choose whether it is a conflict."))


@transaction.atomic
def record_conflict(
    cycle: Cycle,
    *,
    member: User,
    candidate: Candidate,
    kind: str,
    note: str = "",
    actor: User,
) -> Conflict:
    """Staff record a conflict in the register for any member of the committee: it blocks at
    once, and the member cannot withdraw it."""
    _check_register_entry(kind, ConflictState.CONFIRMED)
    if candidate.cycle_id != cycle.pk:
        raise ReviewError(_("This candidate is not in this cycle."))
    if member not in committee_of(cycle):
        raise ReviewError(
            _("%(email)s is not on this cycle's committee.") % {"email": member.email}
        )
    if Conflict.objects.filter(member=member, candidate=candidate).exists():
        raise ReviewError(
            _("The register has an entry for this member and candidate already: edit it.")
        )
    conflict = Conflict.objects.create(
        cycle=cycle,
        member=member,
        candidate=candidate,
        kind=kind,
        state=ConflictState.CONFIRMED,
        declared=True,
        by_staff=True,
        note=note.strip()[:500],
        decided_at=timezone.now(),
    )
    _drop_assignment(member.pk, candidate.pk, actor)
    record(
        "conflict.recorded",
        actor=actor,
        subject=candidate,
        data={"member": member.pk, "kind": kind},
    )
    return conflict


@transaction.atomic
def edit_conflict(
    conflict: Conflict, *, kind: str, state: str, note: str = "", actor: User
) -> Conflict:
    """Staff correct an entry of the register: its kind, whether it is a conflict, the note.
    Staff's word is final: the member can no longer withdraw it."""
    _check_register_entry(kind, state)
    conflict = Conflict.objects.select_for_update().select_related("candidate").get(pk=conflict.pk)
    before = {"kind": conflict.kind, "state": conflict.state, "note": conflict.note}
    conflict.kind = kind
    conflict.note = note.strip()[:500]
    conflict.by_staff = True
    conflict.decided_at = timezone.now()
    transition(
        conflict,
        state,
        CONFLICT_TRANSITIONS,
        key="conflict.edited",
        actor=actor,
        fields=["kind", "note", "by_staff", "decided_at"],
        subject=conflict.candidate,
        data={"member": conflict.member_id, "before": before, "kind": kind, "state": state},
    )
    if state in BLOCKING_STATES:
        _drop_assignment(conflict.member_id, conflict.candidate_id, actor)
    return conflict


@transaction.atomic
def remove_conflict(conflict: Conflict, *, actor: User) -> None:
    """Staff take an entry out of the register (recorded by mistake): the member is no longer
    kept from the candidate. Laurel will not suggest the same pair again unprompted: a new
    profile save looks for conflicts again."""
    conflict = Conflict.objects.select_for_update().select_related("candidate").get(pk=conflict.pk)
    record(
        "conflict.removed",
        actor=actor,
        subject=conflict.candidate,
        data={"member": conflict.member_id, "kind": conflict.kind, "state": conflict.state},
    )
    conflict.delete()


@transaction.atomic
def decide_conflict(conflict: Conflict, *, member: User, confirmed: bool) -> Conflict:
    """The member confirms or dismisses a conflict Laurel suggested; only they can."""
    conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
    if conflict.member_id != member.pk:
        raise ReviewError(_("Only the member concerned can decide about this conflict."))
    if conflict.state != ConflictState.SUGGESTED:
        raise ReviewError(_("This conflict was decided already."))
    conflict.decided_at = timezone.now()
    transition(
        conflict,
        ConflictState.CONFIRMED if confirmed else ConflictState.DISMISSED,
        CONFLICT_TRANSITIONS,
        key="conflict.confirmed" if confirmed else "conflict.dismissed",
        actor=member,
        fields=["decided_at"],
        subject=conflict.candidate,
    )
    if confirmed:
        _drop_assignment(member.pk, conflict.candidate_id, member)
    return conflict


def blocking_pairs(cycle: Cycle) -> frozenset[tuple[int, int]]:
    """(candidate, member) pairs a member must be kept from: confirmed or not yet dismissed."""
    return frozenset(
        Conflict.objects.filter(cycle=cycle, state__in=BLOCKING_STATES).values_list(
            "candidate_id", "member_id"
        )
    )
