"""Every state machine's map is the one its services move by (core.services.transition)."""

import re
from itertools import pairwise
from pathlib import Path

import pytest
from django.core import mail

from laurel.candidates import enums as candidate_enums
from laurel.core.models import AuditEntry
from laurel.core.services import bulk_transition
from laurel.cycles import phases
from laurel.cycles.enums import Phase
from laurel.laureates import enums as laureate_enums
from laurel.nominations import enums as nomination_enums
from laurel.nominations import services as nomination_services
from laurel.notifications import enums as email_enums
from laurel.notifications.enums import WAITING_STATES, EmailState
from laurel.notifications.models import OutgoingEmail, Suppression
from laurel.notifications.services import cancel_waiting, deliver
from laurel.privacy import enums as privacy_enums
from laurel.review import enums as review_enums
from laurel.sanctions import enums as sanctions_enums
from laurel.selection import enums as selection_enums

LAUREL = Path(__file__).resolve().parents[2] / "laurel"
MAPS = [
    (nomination_enums.ALLOWED_TRANSITIONS, nomination_enums.NominationState),
    (candidate_enums.ALLOWED_TRANSITIONS, candidate_enums.CandidateState),
    (email_enums.ALLOWED_TRANSITIONS, email_enums.EmailState),
    (laureate_enums.PAYMENT_TRANSITIONS, laureate_enums.PaymentState),
    (laureate_enums.PAYING_ACCOUNT_TRANSITIONS, laureate_enums.PayingAccountState),
    (laureate_enums.DELEGATE_TRANSITIONS, laureate_enums.DelegateState),
    (selection_enums.ROUND_TRANSITIONS, selection_enums.RoundState),
    (selection_enums.DECISION_TRANSITIONS, selection_enums.DecisionState),
    (privacy_enums.REQUEST_TRANSITIONS, privacy_enums.RequestState),
    (review_enums.REVIEW_TRANSITIONS, review_enums.ReviewState),
    (review_enums.CONFLICT_TRANSITIONS, review_enums.ConflictState),
    (review_enums.ASSIGNMENT_TRANSITIONS, review_enums.AssignmentState),
    (candidate_enums.SUGGESTION_TRANSITIONS, candidate_enums.SuggestionState),
    (laureate_enums.VISA_TRANSITIONS, laureate_enums.VisaState),
    (sanctions_enums.HIT_TRANSITIONS, sanctions_enums.HitState),
    (phases.PHASE_TRANSITIONS, Phase),
]
# Where maps are declared: each app's enums.py, and the cycle's phases.py (its phase is the
# cycle's state).
MAP_MODULES = [*LAUREL.glob("*/enums.py"), LAUREL / "cycles" / "phases.py"]


def declared_maps() -> set[tuple[str, str]]:
    """(app, name) of each map declared in an app's enums.py."""
    return {
        (path.parent.name, name)
        for path in MAP_MODULES
        for name in re.findall(r"^(\w*TRANSITIONS)\b", path.read_text(), flags=re.M)
    }


def moving_services(app: str) -> list[str]:
    """The texts of an app's service modules that move a state through transition()."""
    paths = [*LAUREL.glob(f"{app}/services.py"), *LAUREL.glob(f"{app}/services/*.py")]
    paths += [*LAUREL.glob(f"{app}/requests.py")]  # privacy's services module
    return [text for path in paths if "transition(" in (text := path.read_text())]


def test_every_declared_map_is_passed_to_transition_by_its_apps_services():
    declared = declared_maps()

    unread = {
        (app, name)
        for app, name in declared
        if not any(re.search(rf"\b{name}\b", text) for text in moving_services(app))
    }

    assert len(declared) == len(MAPS) + 1  # with candidates' UNDO_TRANSITIONS, a partial map
    assert len(declared) == 17
    assert unread == set()


@pytest.mark.parametrize(("allowed", "states"), MAPS)
def test_each_map_names_every_state_once_and_only_its_own_states(allowed, states):
    assert set(allowed) == set(states.values)
    assert set().union(*allowed.values()) <= set(states.values)


def test_no_state_is_set_by_hand_outside_a_service_or_a_migration():
    """Tasks and views never set a state themselves: `.state = ` appears only in services."""
    setters = [
        f"{path.relative_to(LAUREL)}:{number}"
        for path in LAUREL.rglob("*.py")
        if "migrations" not in path.parts and "services" not in path.as_posix()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\.state(, \w+(\.\w+)*)* = ", line)
    ]

    assert setters == []


def test_the_phase_map_is_one_step_forward_or_the_one_step_back_and_the_lock_alone_decides():
    forward = set(pairwise(phases.ORDER))
    moves = {(a, b) for a, targets in phases.PHASE_TRANSITIONS.items() for b in targets}
    by_hand = {(a, b) for a in Phase.values for b in Phase.values if phases.may_move(a, b)}

    assert moves == forward | set(phases.BACK_STEPS.items())
    assert by_hand == moves - {(Phase.DELIBERATION, Phase.DECIDED)}


def email(state: str, to: str = "a@example.org") -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        key="decision_laureate", to=to, language="en", subject="S", body_text="T",
        state=state, links='["https://x.test/secret"]',
    )  # fmt: skip


@pytest.mark.django_db
def test_an_email_restricted_after_it_was_queued_is_cancelled_through_the_map():
    queued = email(EmailState.QUEUED, to="restricted@example.org")
    Suppression.objects.create(address="restricted@example.org", reason="restriction")

    outcome = deliver(queued.pk)

    queued.refresh_from_db()
    assert outcome == "restricted"
    assert (queued.state, queued.links, queued.last_error) == (
        EmailState.CANCELLED,
        "",
        "restricted",
    )
    assert mail.outbox == []


@pytest.mark.django_db
def test_cancel_waiting_cancels_what_waits_and_leaves_what_left():
    waiting = [email(state) for state in WAITING_STATES]
    sent, failed = email(EmailState.SENT), email(EmailState.FAILED)

    count = cancel_waiting(OutgoingEmail.objects.all())

    assert count == 3
    assert [e.state for e in OutgoingEmail.objects.filter(pk__in=[w.pk for w in waiting])] == [
        EmailState.CANCELLED
    ] * 3
    assert set(
        OutgoingEmail.objects.filter(state=EmailState.CANCELLED).values_list("links", flat=True)
    ) == {""}
    assert OutgoingEmail.objects.get(pk=sent.pk).state == EmailState.SENT
    assert OutgoingEmail.objects.get(pk=failed.pk).state == EmailState.FAILED


@pytest.mark.django_db
def test_cancel_waiting_held_only_leaves_queued_emails_alone():
    held, queued = email(EmailState.HELD), email(EmailState.QUEUED)

    assert cancel_waiting(OutgoingEmail.objects.all(), held_only=True) == 1

    assert OutgoingEmail.objects.get(pk=held.pk).state == EmailState.CANCELLED
    assert OutgoingEmail.objects.get(pk=queued.pk).state == EmailState.QUEUED


@pytest.mark.django_db
def test_the_lapse_service_keeps_a_nomination_that_is_gone():
    assert nomination_services.lapse_if_unconfirmed(0) == "kept"
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_a_bulk_move_is_one_update_of_those_the_map_lets_move():
    """bulk_transition: what the map allows into the state moves, with the other values and
    updated_at; what it does not (sent, or there already) stays as it was."""
    held, failed = email(EmailState.HELD), email(EmailState.FAILED)
    sent, cancelled = email(EmailState.SENT), email(EmailState.CANCELLED)
    before = {e.pk: e.updated_at for e in (sent, cancelled)}

    count = bulk_transition(
        OutgoingEmail.objects.all(), EmailState.CANCELLED, email_enums.ALLOWED_TRANSITIONS, links=""
    )

    rows = {e.pk: e for e in OutgoingEmail.objects.all()}
    assert count == 2
    assert [(rows[e.pk].state, rows[e.pk].links) for e in (held, failed)] == [
        (EmailState.CANCELLED, "")
    ] * 2
    assert all(rows[e.pk].updated_at > e.updated_at for e in (held, failed))
    assert (rows[sent.pk].state, rows[sent.pk].links) == (EmailState.SENT, sent.links)
    assert {pk: rows[pk].updated_at for pk in before} == before
