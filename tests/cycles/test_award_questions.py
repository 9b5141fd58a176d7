"""The award's own questions (`[[questions]]`, issue 20): read from the award file, every
problem named by its key, loaded as the cycle's questions; a question answered is never
removed, only retired."""

import copy
import tomllib

import pytest

from laurel.cycles.definition import DefinitionError, parse
from laurel.cycles.models import Question
from laurel.cycles.services import load_award
from laurel.nominations.models import Nomination
from tests.conftest import AWARD_FILE
from tests.factories import NominationFactory
from tests.scenarios import award_with

RAW = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))
NETWORK = {
    "key": "network",
    "kind": "yes_no",
    "label": {
        "sv": "Ingår organisationen i ett nätverk?",
        "en": "Is the organisation part of a network?",
    },
    "required": True,
}
WHICH = {
    "key": "network_name",
    "kind": "short_text",
    "label": {"sv": "Vilket nätverk?", "en": "Which network?"},
    "required": True,
    "shown_if": {"question": "network", "equals": ["yes"]},
}
# A document: the organisation's latest annual report.
REPORT = {
    "key": "annual_report",
    "kind": "file",
    "label": {"sv": "Den senaste årsberättelsen", "en": "The latest annual report"},
    "section": "evidence",
}
STAFF = {
    "key": "staff",
    "kind": "number",
    "label": {"sv": "Hur många anställda har den?", "en": "How many staff does it have?"},
    "min": 0,
    "max": 100000,
    "section": "organisation",
}


def award(*questions):
    return award_with(list(questions))


def errors_of(*questions) -> dict[str, str]:
    with pytest.raises(DefinitionError) as caught:
        award(*questions)
    return dict(caught.value.errors)


def test_the_questions_load_in_the_files_order_with_their_settings(db):
    cycle, _outcome = load_award(award(NETWORK, WHICH, STAFF))

    rows = list(cycle.questions.values_list("key", "kind", "position", "required", "section"))
    assert rows == [
        ("network", "yes_no", 1, True, "organisation"),
        ("network_name", "short_text", 2, True, "organisation"),
        ("staff", "number", 3, False, "organisation"),
    ]
    which = cycle.questions.get(key="network_name")
    assert which.shown_if == {"question": "network", "equals": ["yes"]}
    assert which.max_characters == 200  # a short text's default
    assert (which.visible_to, which.personal, which.retired) == ("staff", False, False)
    staff = cycle.questions.get(key="staff")
    assert (staff.min_value, staff.max_value, staff.max_characters) == (0, 100000, None)
    assert [q.key for q in cycle.asked_questions()] == ["network", "network_name", "staff"]


def test_a_question_left_out_goes_unless_it_was_answered_then_it_must_be_retired(db):
    cycle, _outcome = load_award(award(NETWORK, WHICH, STAFF))
    NominationFactory(cycle=cycle, question_answers={"staff": 12})

    _cycle, outcome = load_award(award(NETWORK, STAFF))  # network_name never answered
    assert outcome == "updated"
    assert list(cycle.questions.values_list("key", flat=True)) == ["network", "staff"]

    with pytest.raises(DefinitionError) as caught:
        load_award(award(NETWORK))
    assert caught.value.errors == [
        (
            "questions",
            "staff has answers: keep it in the file with retired = true instead of removing it",
        )
    ]
    assert cycle.questions.filter(key="staff").exists()

    load_award(award(NETWORK, {**STAFF, "retired": True}))
    assert cycle.questions.get(key="staff").retired
    assert Nomination.objects.get().question_answers == {"staff": 12}


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (
            [{**STAFF, "kind": "essay"}],
            {"questions[1].kind": "does not have a valid value"},
        ),
        (
            [{**STAFF, "key": "Staff count"}],
            {
                "questions[1].key": "must start with a letter and be lower-case letters, "
                "digits and _ (1 to 40)"
            },
        ),
        (
            [
                {
                    **NETWORK,
                    "kind": "single_choice",
                    "options": [{"key": "a", "label": NETWORK["label"]}],
                }
            ],
            {"questions[1]": "a choice question must list at least two options"},
        ),
        (
            [{**STAFF, "options": [{"key": "a", "label": STAFF["label"]}] * 2}],
            {"questions[1]": "only a choice question has options"},
        ),
        (
            [{**STAFF, "min": 10, "max": 1}],
            {"questions[1]": "its min must not be greater than its max"},
        ),
        ([{**NETWORK, "max": 3}], {"questions[1]": "only a number question has a min and a max"}),
        (
            [{**STAFF, "max_characters": 300}],
            {"questions[1]": "only a text question has max_characters"},
        ),
        (
            [
                {k: v for k, v in WHICH.items() if k != "shown_if"}
                | {"personal": True, "visible_to": "public"}
            ],
            {"questions[1]": "an answer that is personal data cannot be public"},
        ),
        ([STAFF, STAFF], {"questions": "the key staff is given twice"}),
        (
            [WHICH, NETWORK],
            {"questions": "network_name is shown if network, which is not an earlier question"},
        ),
        (
            [{**NETWORK, "retired": True}, WHICH],
            {"questions": "network_name is shown if network, which is retired"},
        ),
        (
            [STAFF, {**WHICH, "shown_if": {"question": "staff", "equals": ["3"]}}],
            {"questions": "network_name may be shown only by a choice or yes/no question"},
        ),
        (
            [NETWORK, {**WHICH, "shown_if": {"question": "network", "equals": ["maybe"]}}],
            {"questions": "network_name is shown if network is maybe, which it cannot be"},
        ),
        (
            [{**STAFF, "visible": "committee"}],
            {"questions[1].visible": "is not a known key"},
        ),
        (
            [{**REPORT, "visible_to": "committee"}],
            {"questions[1]": "a file answer is read by staff only"},
        ),
        (
            [{**REPORT, "max_characters": 20}],
            {"questions[1]": "only a text question has max_characters"},
        ),
    ],
)
def test_a_wrong_question_is_refused_by_its_key(questions, expected):
    assert errors_of(*questions) == expected


def test_the_child10_file_asks_whether_the_organisation_knows(db):
    """Once a field of every form, now Child10 2022's own question: the secretariat's only."""
    cycle, _outcome = load_award(parse(copy.deepcopy(RAW)))
    question = Question.objects.get(cycle=cycle)
    assert (question.key, question.kind, question.section) == (
        "organisation_aware",
        "single_choice",
        "nominator",
    )
    assert (question.required, question.visible_to, question.personal) == (True, "staff", False)
    assert [option["key"] for option in question.options] == ["yes", "no", "unsure"]
