"""An award file's problems, each named by its key in the house words (never pydantic's English),
in the reader's language: the schema is pydantic's (laurel.cycles.award_schema), the words ours."""

import copy
import tomllib
from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from laurel.cycles.award_schema import Dates
from laurel.cycles.definition import DATE_KEYS, DefinitionError, message, parse
from tests.conftest import AWARD_FILE

RAW = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))


def errors_of(change) -> dict[str, str]:
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(DefinitionError) as caught:
        parse(raw)
    errors = dict(caught.value.errors)
    assert len(errors) == len(caught.value.errors), "one problem a key"
    return errors


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # A value of the wrong type: TOML has types, nothing is converted.
        (lambda raw: raw.update(laureate_count="10"), {"laureate_count": "must be a whole number"}),
        (lambda raw: raw.update(laureate_count=True), {"laureate_count": "must be a whole number"}),
        (lambda raw: raw["prize"].update(amount=1.5), {"prize.amount": "must be a whole number"}),
        (lambda raw: raw.update(laureate_count=0), {"laureate_count": "must be at least 1"}),
        (
            lambda raw: raw["dates"].update(decision=date(2022, 2, 25)),
            {"dates.decision": "must be a date and time such as 2021-04-23T09:00:00"},
        ),
        (lambda raw: raw["name"].update(en=5), {"name.en": "must be a text that is not empty"}),
        (lambda raw: raw["name"].update(en="  "), {"name.en": "must be a text that is not empty"}),
        (
            lambda raw: raw["organiser"].update(privacy="x"),
            {"organiser.privacy": "must be a table"},
        ),
        (lambda raw: raw.update(theme=["x"]), {"theme": "must be a table"}),
        # A key missing, at any depth.
        (lambda raw: raw["dates"].pop("decision"), {"dates.decision": "is missing"}),
        (lambda raw: raw.pop("slug"), {"slug": "is missing"}),
        (lambda raw: raw["criteria"][1].pop("title"), {"criteria[2].title": "is missing"}),
        (lambda raw: raw["scoring"]["labels"].pop("3"), {"scoring.labels.3": "is missing"}),
        # A key the file may not have.
        (lambda raw: raw["prize"].update(sponsor="x"), {"prize.sponsor": "is not a known key"}),
        (
            lambda raw: raw["criteria"][0]["guidance"].update(
                {"6": {"sv": "Enastående", "en": "Outstanding"}}
            ),
            {"criteria[1].guidance.6": "is not a known key"},
        ),
        # A bad item of a list or of a table of tables.
        (lambda raw: raw["benefits"].__setitem__(1, "x"), {"benefits[2]": "must be a table"}),
        (
            lambda raw: raw["benefits"][2].update(nl="Ontvangen"),
            {"benefits[3].nl": "is not a known key"},
        ),
        (
            lambda raw: raw["criteria"][3]["guidance"]["2"].update(sv=""),
            {"criteria[4].guidance.2.sv": "must be a text that is not empty"},
        ),
        (lambda raw: raw["criteria"].__setitem__(1, 5), {"criteria[2]": "must be a table"}),
        (
            lambda raw: raw["eligibility"]["countries"].extend(["ZZ", "SE", "ZZ"]),
            {
                "eligibility.countries[48]": "is not a two-letter country code",
                "eligibility.countries[49]": "repeats SE",
                "eligibility.countries[50]": "is not a two-letter country code",
            },
        ),
        # The old form of [organiser], a name in each language: its problems are its own keys.
        (lambda raw: raw.update(organiser={"sv": "Child10"}), {"organiser.en": "is missing"}),
    ],
)
def test_each_kind_of_problem_is_named_by_its_key_in_the_house_words(change, expected):
    assert errors_of(change) == expected


def test_the_problems_are_said_in_the_readers_language():
    def change(raw):
        raw["laureate_count"] = "tio"
        raw["prize"]["sponsor"] = "x"
        del raw["dates"]["decision"]
        raw["organiser"]["privacy"] = "x"
        raw["criteria"][1]["weight"] = 0
        raw["eligibility"]["countries"].append("SE")

    with translation.override("sv"):
        errors = errors_of(change)

    assert errors == {
        "laureate_count": "måste vara ett heltal",
        "organiser.privacy": "måste vara en tabell",
        "prize.sponsor": "är inte en känd nyckel",
        "dates.decision": "saknas",
        "eligibility.countries[48]": "upprepar SE",
        "criteria[2].weight": "måste vara ett tal större än 0 och högst 99",
    }


def test_pydantic_never_speaks_to_the_reader():
    """Every key of the file given a value of the wrong kind: each problem in the house words."""
    wrong = [5, "x", [], {}, True, 1.5, date(2021, 1, 1)]

    for index, value in enumerate(wrong):
        errors = errors_of(lambda raw, value=value: raw.update(dict.fromkeys(raw, value)))

        for key, words in errors.items():
            assert "Input should" not in words and "valid value" not in words, (index, key)
    # A problem of a type the table does not know is still said in words of ours.
    unknown = {"type": "uuid_parsing", "loc": ("slug",), "msg": "Input should be a valid UUID"}
    assert message(unknown) == "does not have a valid value"
    with translation.override("sv"):
        assert message(unknown) == "har inget giltigt värde"


def test_an_empty_table_is_refused_not_read_as_nothing():
    assert errors_of(lambda raw: raw.update(prize={})) == {
        "prize.amount": "is missing",
        "prize.currency": "is missing",
        "prize.funder": "is missing",
    }


def test_a_wrong_scale_is_one_problem_not_one_for_each_guidance():
    assert errors_of(lambda raw: raw["scoring"].update(max="five")) == {
        "scoring.max": "must be a whole number"
    }
    errors = errors_of(lambda raw: raw["scoring"].update(max=4))
    assert errors["criteria[3].guidance.5"] == "is not a known key"
    assert errors["scoring.labels.5"] == "is not a known key"


def test_a_date_with_an_offset_beside_an_unknown_time_zone_is_no_crash():
    def change(raw):
        raw["time_zone"] = "Mars/Olympus"
        raw["dates"]["nominations_close"] = datetime(2021, 9, 30, 21, 59, tzinfo=UTC)

    assert errors_of(change) == {"time_zone": "must be a time zone name such as Europe/Stockholm"}


def test_the_schema_names_each_phase_date():
    assert list(Dates.model_fields) == DATE_KEYS
