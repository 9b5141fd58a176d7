"""Staff define the award's questions in the staff area before the call opens (issue 20): each
question checked as the award file's are, every problem at its field with what was typed kept;
refused once the call is open; only for staff."""

import copy
import tomllib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from laurel.core.models import AuditEntry
from laurel.cycles.definition import parse
from laurel.cycles.enums import Phase
from laurel.cycles.services import load_award
from tests.conftest import AWARD_FILE, make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def upcoming(db):
    """Child10 as a cycle whose call opens in a month, still a draft, asking none of its own."""
    raw = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))
    later = timezone.localtime().replace(tzinfo=None, microsecond=0) + timedelta(days=30)
    for offset, name in enumerate(raw["dates"]):
        raw["dates"][name] = later + timedelta(days=60 * offset)
    raw["questions"] = []  # the questions staff define here
    cycle, _ = load_award(parse(copy.deepcopy(raw)))
    assert cycle.current_phase == Phase.DRAFT
    return cycle


def new_url(cycle) -> str:
    return reverse("staff:question_new", args=[cycle.slug])


NETWORK = {
    "key": "network",
    "kind": "yes_no",
    "label_sv": "Ingår organisationen i ett nätverk?",
    "label_en": "Is the organisation part of a network?",
    "section": "organisation",
    "required": "on",
    "visible_to": "committee",
}


def test_staff_add_a_question_before_the_call_opens(staff_client, upcoming):
    response = staff_client.post(new_url(upcoming), NETWORK)

    assert response.status_code == 302
    question = upcoming.questions.get()
    assert (question.key, question.kind, question.required, question.visible_to) == (
        "network",
        "yes_no",
        True,
        "committee",
    )
    assert question.label == {"sv": NETWORK["label_sv"], "en": NETWORK["label_en"]}
    assert AuditEntry.objects.filter(key="cycle.questions_edited").exists()
    page = staff_client.get(reverse("staff:cycle", args=[upcoming.slug])).content.decode()
    assert "Is the organisation part of a network?" in page and "Add a question" in page


def test_staff_ask_for_a_document(staff_client, upcoming):
    report = NETWORK | {"key": "annual_report", "kind": "file", "section": "evidence"}

    response = staff_client.post(new_url(upcoming), report | {"visible_to": "staff"})

    assert response.status_code == 302
    question = upcoming.questions.get()
    assert (question.kind, question.section, question.visible_to) == ("file", "evidence", "staff")


def test_a_conditional_question_with_choices_is_saved_in_order(staff_client, upcoming):
    staff_client.post(new_url(upcoming), NETWORK)
    which = {
        "key": "network_kind",
        "kind": "single_choice",
        "label_sv": "Vilket slags nätverk?",
        "label_en": "What kind of network?",
        "section": "organisation",
        "options": "national | Nationellt | National\n"
        "international | Internationellt | International",
        "shown_if_question": "network",
        "shown_if_equals": "yes",
        "visible_to": "staff",
    }

    assert staff_client.post(new_url(upcoming), which).status_code == 302

    second = upcoming.questions.get(key="network_kind")
    assert second.position == 2
    assert second.shown_if == {"question": "network", "equals": ["yes"]}
    assert [option["key"] for option in second.options] == ["national", "international"]
    assert second.options[1]["label"] == {"sv": "Internationellt", "en": "International"}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"label_en": ""}, "label_en", "required"),
        ({"kind": "single_choice"}, "kind", None),  # a choice without options
        ({"options": "just-a-key"}, "options", "key and its text in each language"),
        ({"key": "Network!"}, "key", "lower-case"),
        ({"kind": "number", "min": "10", "max": "2"}, None, "min must not be greater"),
        ({"personal": "on", "visible_to": "public"}, None, "personal data cannot be public"),
        ({"kind": "file"}, None, "a file answer is read by staff only"),
    ],
)
def test_a_wrong_question_is_refused_at_its_field_keeping_what_was_typed(
    staff_client, upcoming, change, field, words
):
    response = staff_client.post(new_url(upcoming), NETWORK | change)

    assert response.status_code == 400
    form = response.context["form"]
    errors = form.errors.get(field or "__all__") or form.non_field_errors()
    assert errors, form.errors
    if words:
        assert words in " ".join(errors)
    assert form["label_sv"].value() == NETWORK["label_sv"]  # what was typed stays
    assert not upcoming.questions.exists()


def test_a_condition_on_an_answer_its_question_cannot_have_is_refused(staff_client, upcoming):
    staff_client.post(new_url(upcoming), NETWORK)
    asked = NETWORK | {"key": "which", "shown_if_question": "network", "shown_if_equals": "maybe"}

    response = staff_client.post(new_url(upcoming), asked)

    assert response.status_code == 400
    assert "maybe" in " ".join(response.context["form"].non_field_errors())
    assert upcoming.questions.count() == 1


def test_staff_change_a_question_but_not_its_key(staff_client, upcoming):
    staff_client.post(new_url(upcoming), NETWORK)
    url = reverse("staff:question_edit", args=[upcoming.slug, "network"])
    form = staff_client.get(url).context["form"]
    assert form["label_en"].value() == NETWORK["label_en"]

    changed = staff_client.post(url, NETWORK | {"key": "other", "label_en": "In a network?"})

    assert changed.status_code == 302
    question = upcoming.questions.get()
    assert (question.key, question.label["en"]) == ("network", "In a network?")


def test_once_the_call_is_open_the_questions_change_only_in_the_file(staff_client, child10):
    page = staff_client.get(reverse("staff:cycle", args=[child10.slug])).content.decode()
    assert "Add a question" not in page
    assert "They change only in the award file now" in page

    response = staff_client.post(new_url(child10), NETWORK)

    assert response.status_code == 400
    assert "only before the call opens" in " ".join(response.context["form"].non_field_errors())
    assert list(child10.questions.values_list("key", flat=True)) == ["organisation_aware"]


@pytest.mark.parametrize("role", ["committee", "finance", "plain"])
def test_no_one_but_staff_edits_the_questions(client, upcoming, role):
    sign_in(client, make_user(role, upcoming))

    assert client.get(new_url(upcoming)).status_code == 404
    assert client.post(new_url(upcoming), NETWORK).status_code == 404
    assert not upcoming.questions.exists()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"kind": "number", "min": "10000000000000000000"}, "min", "at most 2147483647"),
        (
            {"kind": "single_choice", "options": "a | " + "x" * 301 + " | A\nb | B | B"},
            "options",
            "at most 300 characters",
        ),
        ({"kind": "single_choice", "options": "a | A | A"}, None, "at least two options"),
    ],
)
def test_a_limit_of_the_file_is_said_at_its_field_without_a_path(
    staff_client, upcoming, change, field, words
):
    """An attack session's findings: a huge bound was a 500, an option had no length limit,
    and a problem of the question as a whole was shown as "questions[1]: …"."""
    response = staff_client.post(new_url(upcoming), NETWORK | change)

    assert response.status_code == 400
    form = response.context["form"]
    errors = " ".join(form.errors.get(field) or []) if field else " ".join(form.non_field_errors())
    assert words in errors and "questions[" not in errors
    assert not upcoming.questions.exists()
