"""The one way a state machine moves (core.services.transition), and the one way a view shows
a service's refusal (core.forms.refuse, and core.forms.refusals around the service call)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from laurel.core.forms import refusals, refuse
from laurel.core.models import AuditEntry
from laurel.core.services import ServiceError, TransitionRefused, transition
from laurel.cycles.phases import PhaseRefused
from laurel.notifications.enums import ALLOWED_TRANSITIONS, EmailState
from laurel.notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def held_email() -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        key="decision_laureate", to="a@example.org", language="en", subject="Before",
        body_text="Text", state=EmailState.HELD, last_error="old",
    )  # fmt: skip


def test_transition_saves_the_state_and_only_the_named_fields_and_audits(staff_user):
    email = held_email()
    stamped = email.updated_at
    email.subject = "Changed in memory only"
    email.last_error = ""

    transition(
        email,
        EmailState.QUEUED,
        ALLOWED_TRANSITIONS,
        key="email.released",
        actor=staff_user,
        fields=["last_error"],
        data={"why": "test"},
    )

    saved = OutgoingEmail.objects.get(pk=email.pk)
    assert (saved.state, saved.last_error, saved.subject) == (EmailState.QUEUED, "", "Before")
    assert saved.updated_at > stamped
    entry = AuditEntry.objects.get()
    assert (entry.key, entry.actor, entry.subject_id, entry.data) == (
        "email.released",
        staff_user,
        str(email.pk),
        {"why": "test"},
    )


def test_transition_refuses_a_move_the_map_does_not_allow_and_changes_nothing(staff_user):
    email = held_email()
    email.last_error = "changed in memory"

    with pytest.raises(TransitionRefused) as refused:
        transition(
            email,
            EmailState.SENT,
            ALLOWED_TRANSITIONS,
            key="email.sent",
            actor=staff_user,
            fields=["last_error"],
        )

    assert (refused.value.state, refused.value.to) == (EmailState.HELD, EmailState.SENT)
    assert refused.value.message == "This email is “Held for release”: it cannot become “Sent”."
    assert isinstance(refused.value, ServiceError)
    saved = OutgoingEmail.objects.get(pk=email.pk)
    assert (saved.state, saved.last_error) == (EmailState.HELD, "old")
    assert email.state == EmailState.HELD
    assert AuditEntry.objects.count() == 0


def test_transition_without_a_key_writes_no_audit_entry():
    email = held_email()

    transition(email, EmailState.CANCELLED, ALLOWED_TRANSITIONS, key=None, actor=None)

    assert OutgoingEmail.objects.get(pk=email.pk).state == EmailState.CANCELLED
    assert AuditEntry.objects.count() == 0


class NameForm(forms.Form):
    name = forms.CharField()


def request_with_messages():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_refuse_puts_the_error_on_the_field_it_names():
    form = NameForm({"name": "x"})
    form.is_valid()

    refuse(request_with_messages(), ServiceError("Too short.", field="name"), form)

    assert form.errors == {"name": ["Too short."]}


def test_refuse_puts_an_error_without_a_known_field_on_the_whole_form():
    form = NameForm({"name": "x"})
    form.is_valid()

    refuse(request_with_messages(), ServiceError("Not now.", field="iban"), form)

    assert form.errors == {"__all__": ["Not now."]}


def test_refuse_without_a_form_is_an_error_message():
    request = request_with_messages()

    refuse(request, ServiceError("Not now."), extra_tags="ready")

    assert [(m.message, m.level_tag, m.extra_tags) for m in get_messages(request)] == [
        ("Not now.", "error", "ready")
    ]


def refuse_short(name: str) -> None:
    raise ServiceError("Too short.", field="name")


def test_refusals_puts_a_refusal_on_the_field_it_names_and_ends_the_block():
    form = NameForm({"name": "x"})
    form.is_valid()
    request = request_with_messages()
    reached = []

    with refusals(request, form) as outcome:
        refuse_short(form.cleaned_data["name"])
        reached.append("after the service")

    assert (outcome.refused, reached, form.errors) == (True, [], {"name": ["Too short."]})
    assert outcome.error is not None and outcome.error.message == "Too short."
    assert list(get_messages(request)) == []


def test_refusals_without_a_form_shows_a_services_refusal_as_a_message(staff_user):
    """A real refusal: the transition map has no move from held to sent."""
    request = request_with_messages()

    with refusals(request, extra_tags="email") as outcome:
        transition(held_email(), EmailState.SENT, ALLOWED_TRANSITIONS, key=None, actor=staff_user)

    assert isinstance(outcome.error, TransitionRefused)
    assert [(m.message, m.level_tag, m.extra_tags) for m in get_messages(request)] == [
        ("This email is “Held for release”: it cannot become “Sent”.", "error", "email")
    ]


def test_refusals_when_the_service_agrees_shows_nothing(staff_user):
    request = request_with_messages()
    email = held_email()

    with refusals(request) as outcome:
        transition(email, EmailState.QUEUED, ALLOWED_TRANSITIONS, key=None, actor=staff_user)

    assert (outcome.refused, outcome.error, list(get_messages(request))) == (False, None, [])
    assert OutgoingEmail.objects.get(pk=email.pk).state == EmailState.QUEUED


def test_refusals_lets_any_other_exception_go_on():
    request = request_with_messages()

    with pytest.raises(ValueError, match="not a number"), refusals(request) as outcome:
        int("not a number")

    assert (outcome.refused, list(get_messages(request))) == (False, [])


def phase_refused(message: str) -> None:
    raise PhaseRefused(message, action="review", phase="archived")


def test_refusals_leaves_a_phase_refusal_to_its_middleware_unless_asked_or_on_a_form():
    """Without a form a phase refusal goes on to its middleware (the message, and back), unless
    the view asks to show it; with a form it is the form's error, so the page keeps what was
    typed."""
    request = request_with_messages()
    with pytest.raises(PhaseRefused), refusals(request):
        phase_refused("Not in this phase.")
    with refusals(request, phase=True) as asked:
        phase_refused("Not in this phase.")
    assert asked.refused
    assert [m.message for m in get_messages(request)] == ["Not in this phase."]

    request = request_with_messages()
    form = NameForm({"name": "x"})
    form.is_valid()
    with refusals(request, form) as outcome:
        phase_refused("Not in this phase.")

    assert outcome.refused
    assert form.errors == {"__all__": ["Not in this phase."]}
    assert form["name"].value() == "x"
    assert list(get_messages(request)) == []


def test_every_task_a_service_schedules_by_name_is_a_task():
    """Services name the tasks they schedule (core.services.enqueue): each name is a task."""
    import re
    from pathlib import Path

    from django.utils.module_loading import import_string
    from django_tasks.base import Task

    root = Path(__file__).resolve().parents[2] / "laurel"
    named = {
        name
        for path in root.rglob("*.py")
        if path.name != "tasks.py"
        for name in re.findall(r'"(laurel\.\w+\.tasks\.\w+)"', path.read_text())
    }

    assert len(named) >= 8
    assert all(isinstance(import_string(name), Task) for name in named)
