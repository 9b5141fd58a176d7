import copy
import tomllib
from datetime import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.management import CommandError, call_command

from laurel.core.models import AuditEntry
from laurel.cycles.definition import DefinitionError, parse, read_file
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.cycles.services import load_award
from tests.conftest import AWARD_FILE

RAW = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))


def errors_of(raw: dict) -> dict[str, str]:
    with pytest.raises(DefinitionError) as caught:
        parse(raw)
    return dict(caught.value.errors)


def test_child10_definition_holds_the_whole_call():
    definition = read_file(AWARD_FILE)

    assert definition.slug == "child10-2022"
    assert definition.texts["theme"] == {
        "sv": "Slipping through the net",
        "en": "Slipping through the net",
    }
    assert len(definition.criteria) == 4
    assert [c.weight for c in definition.criteria] == [Decimal("1.0")] * 4
    assert all(set(c.guidance) == {"1", "2", "3", "4", "5"} for c in definition.criteria)
    assert len(definition.benefits) == 4
    assert definition.laureate_count == 10
    assert (definition.prize_amount, definition.prize_currency) == (100000, "SEK")
    assert definition.prize_funder["en"] == "H.M. Queen Silvia's Foundation"
    assert len(definition.eligible_countries) == 47
    assert "XK" in definition.eligible_countries
    assert definition.time_zone == "Europe/Stockholm"
    assert definition.dates["nominations_open_at"].isoformat() == "2021-04-23T09:00:00+02:00"


def test_invalid_definition_names_every_error_by_key():
    raw = copy.deepcopy(RAW)
    raw["slug"] = "Not A Slug"
    raw["time_zone"] = "Mars/Olympus"
    del raw["name"]["sv"]
    raw["criteria"][1]["weight"] = -2
    del raw["criteria"][2]["guidance"]["4"]
    raw["eligibility"]["countries"][3] = "ZZ"
    raw["dates"]["review_open"] = datetime(2021, 5, 1)  # noqa: DTZ001 (a TOML local date-time)
    raw["prize"]["currency"] = "KRONOR"
    raw["colour"] = "green"

    errors = errors_of(raw)

    assert set(errors) == {
        "slug",
        "time_zone",
        "name.sv",
        "criteria[2].weight",
        "criteria[3].guidance.4",
        "eligibility.countries[4]",
        "dates.review_open",
        "prize.currency",
        "colour",
    }
    assert errors["dates.review_open"] == "must be later than dates.nominations_close"
    assert errors["colour"] == "is not a known key"


def test_definition_refuses_a_repeated_country_and_an_empty_criteria_list():
    raw = copy.deepcopy(RAW)
    raw["eligibility"]["countries"].append("SE")
    raw["criteria"] = []

    errors = errors_of(raw)

    assert errors == {
        "eligibility.countries[48]": "repeats SE",
        "criteria": "must list at least one criterion",
    }


def test_load_award_command_refuses_an_invalid_file_listing_each_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(AWARD_FILE.read_text().replace("laureate_count = 10", 'laureate_count = "ten"'))

    with pytest.raises(CommandError) as caught:
        call_command("load_award", str(bad))

    assert "1 problem(s)" in str(caught.value)
    assert "laureate_count: must be a whole number" in str(caught.value)


def test_load_award_command_refuses_a_file_that_is_not_toml(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("slug = [unclosed")

    with pytest.raises(CommandError, match="file: is not valid TOML"):
        call_command("load_award", str(bad))


@pytest.mark.django_db
def test_loading_twice_is_idempotent():
    definition = read_file(AWARD_FILE)

    first, first_outcome = load_award(definition)
    second, second_outcome = load_award(definition)

    assert (first_outcome, second_outcome) == ("created", "unchanged")
    assert first.pk == second.pk
    assert Cycle.objects.count() == 1
    assert second.criteria.count() == 4
    assert second.benefits.count() == 4
    assert list(AuditEntry.objects.values_list("key", flat=True)) == ["cycle.created"]


@pytest.mark.django_db
def test_loading_a_changed_file_updates_the_cycle_and_records_what_changed():
    raw = copy.deepcopy(RAW)
    load_award(parse(raw))
    raw["laureate_count"] = 12
    raw["criteria"][0]["title"]["en"] = "Brave work"
    raw["benefits"].pop()

    cycle, outcome = load_award(parse(raw))

    assert outcome == "updated"
    assert cycle.laureate_count == 12
    assert cycle.criteria.get(number=1).title["en"] == "Brave work"
    assert cycle.benefits.count() == 3
    entry = AuditEntry.objects.get(key="cycle.updated")
    assert entry.data == {"fields": ["benefits[4]", "criteria[1]", "laureate_count"]}


@pytest.mark.django_db
def test_create_only_keeps_what_staff_edited():
    cycle, _ = load_award(read_file(AWARD_FILE))
    Cycle.objects.filter(pk=cycle.pk).update(laureate_count=7)

    _, outcome = load_award(read_file(AWARD_FILE), create_only=True)

    assert outcome == "kept"
    assert Cycle.objects.get(pk=cycle.pk).laureate_count == 7


@pytest.mark.django_db
@time_machine.travel("2026-11-28 12:00 +0100", tick=False)
def test_open_now_moves_a_past_window_to_today_for_eight_weeks():
    cycle, _ = load_award(read_file(AWARD_FILE), open_now=True)

    local = cycle.zone
    assert cycle.nominations_open_at.astimezone(local).isoformat() == "2026-11-28T00:00:00+01:00"
    assert cycle.nominations_close_at.astimezone(local).isoformat() == "2027-01-23T23:59:59+01:00"
    assert cycle.phase == Phase.NOMINATIONS
    # Later phases keep their distance from the deadline.
    file_dates = read_file(AWARD_FILE).dates
    assert (cycle.review_open_at - cycle.nominations_close_at) == (
        file_dates["review_open_at"] - file_dates["nominations_close_at"]
    )


@pytest.mark.django_db
@time_machine.travel("2021-05-01 12:00 +0200", tick=False)
def test_open_now_leaves_a_window_that_is_not_past():
    cycle, _ = load_award(read_file(AWARD_FILE), open_now=True)

    assert cycle.nominations_close_at == read_file(AWARD_FILE).dates["nominations_close_at"]
