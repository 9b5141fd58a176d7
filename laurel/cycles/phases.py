"""Phases are the truth: what each phase of a cycle allows, and who does it.

One table, as data: every action a service takes on a cycle names its entry here and calls
`require_phase(cycle, action)` first. The dashboard and docs/concepts.md show the same table.
The stored `Cycle.phase` decides; the dates are the plan (they drive reminders and the public
deadline, never a permission on their own).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from laurel.core.services import ServiceError
from laurel.cycles.enums import PHASE_STARTS, Phase
from laurel.cycles.models import Cycle


@dataclass(frozen=True)
class Rule:
    phases: tuple[Phase, ...]
    label: Promise  # what the action is, for the table
    who: Promise  # the roles that take it
    refusal: Promise  # %(phase)s: the current phase; %(allowed)s: the phases that allow it


P = Phase
ACTIONS: dict[str, Rule] = {
    "nominate": Rule(
        (P.NOMINATIONS,),
        gettext_lazy("Submit, edit and withdraw nominations"),
        gettext_lazy("the public, who nominate"),
        gettext_lazy(
            "Nominations cannot be sent or changed in the phase “%(phase)s”: "
            "only while nominations are open."
        ),
    ),
    "screen": Rule(
        (P.NOMINATIONS, P.SCREENING, P.REVIEW, P.DELIBERATION),
        gettext_lazy("Decide eligibility, due diligence, mark ready for the committee"),
        gettext_lazy("staff"),
        gettext_lazy(
            "Screening has ended with the lock: eligibility and due diligence cannot change in "
            "the phase “%(phase)s” (only in “%(allowed)s”)."
        ),
    ),
    "merge": Rule(
        (P.NOMINATIONS, P.SCREENING, P.REVIEW),
        gettext_lazy(
            "Merge and split duplicates, prepare what the committee reads, ask organisations "
            "for consent"
        ),
        gettext_lazy("staff"),
        gettext_lazy(
            "Candidates cannot be merged, split, rewritten for the committee or asked for consent "
            "in the phase “%(phase)s”: only in “%(allowed)s”."
        ),
    ),
    "assign": Rule(
        (P.SCREENING, P.REVIEW),
        gettext_lazy("Propose and publish the review assignments"),
        gettext_lazy("staff"),
        gettext_lazy(
            "Assignments cannot be proposed or published in the phase “%(phase)s”: "
            "only in “%(allowed)s”."
        ),
    ),
    "review": Rule(
        (P.REVIEW,),
        gettext_lazy("Write, submit and revise reviews"),
        gettext_lazy("committee members and the chair"),
        gettext_lazy(
            "Reviews cannot be changed in the phase “%(phase)s”: "
            "they are written only in the phase “%(allowed)s”."
        ),
    ),
    "shortlist": Rule(
        (P.DELIBERATION,),
        gettext_lazy("Shortlist and reserve, the meeting and its notes"),
        gettext_lazy("the chair and staff"),
        gettext_lazy(
            "The shortlist and the meeting belong to the phase “%(allowed)s”: "
            "they cannot change in the phase “%(phase)s”."
        ),
    ),
    "vote": Rule(
        (P.DELIBERATION,),
        gettext_lazy("Open, vote in and close voting rounds"),
        gettext_lazy("the chair opens and closes; members vote"),
        gettext_lazy(
            "Votes belong to the phase “%(allowed)s”: "
            "there are no voting rounds in the phase “%(phase)s”."
        ),
    ),
    "decide": Rule(
        (P.DELIBERATION,),
        gettext_lazy("The slate, overrides, reasons and citations, the order of the reserves"),
        gettext_lazy("the chair and staff"),
        gettext_lazy(
            "The decision can change only in the phase “%(allowed)s”: not in the phase “%(phase)s”."
        ),
    ),
    "lock": Rule(
        (P.DELIBERATION,),
        gettext_lazy("Lock the decision (the cycle moves to “Decided”)"),
        gettext_lazy("the chair"),
        gettext_lazy(
            "The decision is locked at the end of the phase “%(allowed)s”: "
            "it cannot be locked in the phase “%(phase)s”."
        ),
    ),
    "letters": Rule(
        (P.DECIDED, P.PROGRAMME),
        gettext_lazy("Prepare and release the decision letters, offer places to reserves"),
        gettext_lazy("staff"),
        gettext_lazy(
            "Decision letters wait for the locked decision: they cannot be written, released "
            "or offered in the phase “%(phase)s” (only in “%(allowed)s”)."
        ),
    ),
    "answer": Rule(
        (P.DECIDED, P.PROGRAMME),
        gettext_lazy("Accept or decline the award"),
        gettext_lazy("laureate contacts"),
        gettext_lazy("The award cannot be answered in the phase “%(phase)s”."),
    ),
    "programme": Rule(
        (P.DECIDED, P.PROGRAMME),
        gettext_lazy(
            "The programme of a laureate that accepted: portal, summit, support, prize, cohort"
        ),
        gettext_lazy("laureate contacts, staff, finance"),
        gettext_lazy(
            "The programme is not running in the phase “%(phase)s”: "
            "it starts when a laureate accepts, after the decision is locked."
        ),
    ),
}


class PhaseRefused(ServiceError):
    """An action outside its phase. Views that catch their app's error catch this too where they
    must keep what was typed; any other view gets `PhaseRefusedMessage` (the message, and back)."""

    left_to_middleware = True

    def __init__(self, message: str, *, action: str = "", phase: str = ""):
        super().__init__(message)
        self.action = action
        self.phase = phase


def allows(phase: str, action: str) -> bool:
    return phase in ACTIONS[action].phases


def stored_phase(cycle: Cycle | int) -> str:
    """The phase as stored now (not as a copy of the cycle read earlier holds it)."""
    pk = cycle if isinstance(cycle, int) else cycle.pk
    return Cycle.objects.filter(pk=pk).values_list("phase", flat=True).get()


def refusal(phase: str, action: str) -> str:
    rule = ACTIONS[action]
    allowed = ", ".join(str(Phase(p).label) for p in rule.phases)
    return str(rule.refusal) % {"phase": Phase(phase).label, "allowed": allowed}


def require_phase(cycle: Cycle | int, action: str) -> None:
    """Refuse `action` unless the cycle's stored phase allows it (PhaseRefused, translated).
    `cycle` may be its id (`entry.cycle_id`): one query either way."""
    phase = stored_phase(cycle)
    if isinstance(cycle, Cycle):
        cycle.phase = phase
    if not allows(phase, action):
        raise PhaseRefused(refusal(phase, action), action=action, phase=phase)


def count_is_open(phase: str) -> bool:
    """Whether the number of laureates may still change: until the decision is locked (from
    then on it is part of the locked decision, and the public page says how many will be named)."""
    return ORDER.index(Phase(phase)) <= ORDER.index(Phase.DELIBERATION)


def count_refusal() -> str:
    return _("The number of laureates is part of the locked decision: it cannot change any more.")


def table() -> list[tuple[Phase, list[Rule]]]:
    """Phase → the actions it allows (with who takes them), in the lifecycle's order."""
    return [(phase, [r for r in ACTIONS.values() if phase in r.phases]) for phase in Phase]


ORDER: list[Phase] = list(Phase)

# Apps above this one name what is still unfinished before a cycle moves (from their
# AppConfig.ready): each source takes the cycle and the phase it would move to, and returns
# sentences ("12 nominations are not yet screened.").
STILL_OPEN_SOURCES: list[Callable[[Cycle, Phase], list[str]]] = []


def next_phase(phase: str) -> Phase | None:
    index = ORDER.index(Phase(phase))
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def still_open(cycle: Cycle, to: str) -> list[str]:
    """What is unfinished in the cycle, for staff to see before it moves to `to`."""
    return [item for source in STILL_OPEN_SOURCES for item in source(cycle, Phase(to))]


BACK_STEPS = {Phase.SCREENING: Phase.NOMINATIONS}  # nominations reopen before reviews start

# The cycle's map: one step forward, or the one safe step back (BACK_STEPS). Only the chair's
# lock moves a cycle into "decided" (services.decided_by_lock); staff move it by hand along the
# rest (may_move, services.move_phase).
PHASE_TRANSITIONS: dict[str, set[str]] = {
    Phase.DRAFT: {Phase.NOMINATIONS},
    Phase.NOMINATIONS: {Phase.SCREENING},
    Phase.SCREENING: {Phase.REVIEW, Phase.NOMINATIONS},
    Phase.REVIEW: {Phase.DELIBERATION},
    Phase.DELIBERATION: {Phase.DECIDED},
    Phase.DECIDED: {Phase.PROGRAMME},
    Phase.PROGRAMME: {Phase.ARCHIVED},
    Phase.ARCHIVED: set(),
}


def may_move(phase: str, to: str) -> bool:
    """Staff may move a cycle from `phase` to `to` by hand: as the map allows, but never into
    "decided", which only the chair's lock reaches."""
    return to != Phase.DECIDED and to in PHASE_TRANSITIONS[phase]


def planned_start(cycle: Cycle, phase: Phase | None):
    """When the dates plan `phase` to start (None for the draft phase or no phase)."""
    field = next((f for f, p in PHASE_STARTS if p == phase), None)
    return getattr(cycle, field) if field else None


def overdue(cycle: Cycle) -> str:
    """What the dates say staff should do now, if they plan a later phase than the stored one."""
    planned, current = cycle.planned_phase, Phase(cycle.phase)
    if ORDER.index(planned) <= ORDER.index(current):
        return ""
    if current == Phase.NOMINATIONS:
        return _("The nomination deadline has passed: move the cycle to “%(next)s”.") % {
            "next": Phase.SCREENING.label
        }
    return _("The dates plan “%(planned)s” by now: move the cycle on when its work is done.") % {
        "planned": planned.label
    }


def panel(cycle: Cycle) -> dict:
    """The phase part of the staff dashboard."""
    current = Phase(cycle.phase)
    forward = next_phase(current)
    back = BACK_STEPS.get(current)
    return {
        "phase": current,
        "allows": [rule for rule in ACTIONS.values() if current in rule.phases],
        "next": forward,
        "next_at": planned_start(cycle, forward),
        "may_move_next": forward is not None and may_move(current, forward),
        "by_lock": forward == Phase.DECIDED,
        "back": back,
        "still_open": still_open(cycle, forward) if forward else [],
        "overdue": overdue(cycle),
    }
