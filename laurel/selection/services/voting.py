"""Voting rounds: open, vote (once, never on a conflict), close and count."""

from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.accounts.rules import sits_on_committee
from laurel.candidates.models import Candidate
from laurel.core.services import TransitionRefused, record, transition
from laurel.cycles.models import Cycle
from laurel.cycles.phases import require_phase
from laurel.selection import enums
from laurel.selection.counting import Tally
from laurel.selection.enums import Method, RoundState, RoundTopic
from laurel.selection.models import Ballot, Receipt, ShortlistEntry, VotingRound
from laurel.selection.queries import conflicted_candidates
from laurel.selection.services.common import SelectionError, locked


@transaction.atomic
def open_round(
    cycle: Cycle,
    *,
    method: str,
    secret: bool,
    candidates: list[Candidate],
    actor: User,
    topic: str = "",
) -> VotingRound:
    """A new round over shortlisted candidates; `topic` says what it decides (a RoundTopic)."""
    require_phase(cycle, "vote")
    if locked(cycle):
        raise SelectionError(_("The decision is locked: no more rounds of votes."))
    if method not in Method.values:
        raise SelectionError(_("Choose the kind of ballot."))
    if topic and topic not in RoundTopic.values:
        raise SelectionError(_("Choose what the round decides."))
    ids = {c.pk for c in candidates}
    shortlisted = set(
        ShortlistEntry.objects.filter(cycle=cycle, candidate_id__in=ids).values_list(
            "candidate_id", flat=True
        )
    )
    if len(ids) < 2:
        raise SelectionError(_("A round needs at least two candidates."))
    if shortlisted != ids:
        raise SelectionError(_("Only shortlisted candidates can be voted on."))
    if VotingRound.objects.select_for_update().filter(cycle=cycle, state=RoundState.OPEN):
        raise SelectionError(_("Close the open round before opening another."))
    number = (VotingRound.objects.filter(cycle=cycle).aggregate(n=Max("number"))["n"] or 0) + 1
    round_ = VotingRound.objects.create(
        cycle=cycle,
        number=number,
        method=method,
        topic=topic,
        secret=secret,
        opened_by=actor,
        tally=Tally.empty(ids).as_json(),
    )
    round_.candidates.set(candidates)
    record(
        "round.opened",
        actor=actor,
        subject=round_,
        data={"method": method, "topic": topic, "secret": secret, "candidates": sorted(ids)},
    )
    return round_


@transaction.atomic
def cast_ballot(
    round_: VotingRound, *, voter: User, ranks: dict[int, int], actor: User
) -> Ballot | None:
    """One ballot per member and round. `ranks` maps candidates to 1, 2, … (ties allowed); an
    approval ballot gives 1 to each approved candidate. A candidate the voter has a conflict
    with may not be on the ballot: it is left out of their comparisons.

    The ballot is added to the round's tally at once. Only a round that is not secret also
    keeps it as a row with its voter (returned); a secret ballot leaves nothing of its own, so
    no column, id, order or time can tie it to the voter's receipt (None is returned)."""
    require_phase(round_.cycle_id, "vote")
    round_ = VotingRound.objects.select_for_update().get(pk=round_.pk)
    if round_.state != RoundState.OPEN:
        raise SelectionError(_("This round is closed."))
    if not sits_on_committee(voter, round_.cycle):
        raise SelectionError(_("Only the committee votes."))
    if Receipt.objects.filter(round=round_, voter=voter).exists():
        raise SelectionError(_("You have already voted in this round. A vote cannot be changed."))
    in_round = set(round_.candidates.values_list("pk", flat=True))
    conflicts = conflicted_candidates(voter, round_.cycle) & in_round
    if set(ranks) - in_round:
        raise SelectionError(_("The ballot names a candidate that is not in this round."))
    if set(ranks) & conflicts:
        raise SelectionError(
            _("You have a conflict with a candidate on your ballot: you cannot vote on it.")
        )
    if any(not isinstance(r, int) or r < 1 for r in ranks.values()):
        raise SelectionError(_("Ranks are whole numbers from 1."))
    if round_.method == Method.APPROVAL:
        ranks = dict.fromkeys(ranks, 1)
    try:
        with transaction.atomic():
            Receipt.objects.create(round=round_, voter=voter)
    except IntegrityError:
        raise SelectionError(
            _("You have already voted in this round. A vote cannot be changed.")
        ) from None
    tally = Tally.of_json(round_.tally, in_round)
    tally.add(ranks, excluded=conflicts)
    round_.tally = tally.as_json()
    round_.save(update_fields=["tally"])
    ballot = None
    if not round_.secret:
        ballot = Ballot.objects.create(
            round=round_, voter=voter, ranks={str(c): r for c, r in sorted(ranks.items())}
        )
    # The audit says that someone voted, never how (the round may be secret).
    record("round.voted", actor=actor, subject=round_)
    return ballot


def count(round_: VotingRound) -> dict:
    """The result of a round from its tally (closed or not)."""
    tally = Tally.of_json(round_.tally, round_.candidates.values_list("pk", flat=True))
    candidates = tally.candidates
    ballots = round_.receipts.count()
    if round_.method == Method.APPROVAL:
        approvals = tally.approval()
        position, previous = 0, None
        result_rows = []
        for index, row in enumerate(approvals, start=1):
            key = (row.approvals, row.voters)
            position = position if key == previous else index
            previous = key
            result_rows.append(
                {
                    "candidate": row.candidate,
                    "position": position,
                    "approvals": row.approvals,
                    "voters": row.voters,
                }
            )
        return {"ballots": ballots, "rows": result_rows}
    result = tally.schulze()
    rows = []
    position = 1
    for tier in result.order:  # tied candidates share a position; the next one skips
        for candidate in tier:
            rows.append(
                {
                    "candidate": candidate,
                    "position": position,
                    "wins": sum(result.beats(candidate, other) for other in candidates),
                }
            )
        position += len(tier)
    return {
        "ballots": ballots,
        "rows": rows,
        "pairwise": [[a, b, n] for (a, b), n in sorted(result.pairwise.items())],
    }


@transaction.atomic
def close_round(round_: VotingRound, *, actor: User) -> VotingRound:
    require_phase(round_.cycle_id, "vote")
    round_ = VotingRound.objects.select_for_update().get(pk=round_.pk)
    round_.result = count(round_) if round_.state == RoundState.OPEN else round_.result
    round_.closed_at = timezone.now()
    transition(
        round_, RoundState.CLOSED, enums.ROUND_TRANSITIONS, key="round.closed", actor=actor,
        fields=["result", "closed_at"], data={"ballots": round_.result["ballots"]},
        refused=ClosedAlready,
    )  # fmt: skip
    return round_


class ClosedAlready(TransitionRefused, SelectionError):
    def describe(self, obj: models.Model, state: str, to: str) -> str:
        return _("This round is closed already.")
