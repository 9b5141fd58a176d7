"""The award file's [organiser] gives a phone (for consulates to verify visa letters) and a
code of conduct link in each language (for the summit's delegates): issue 17, items 5 and 10."""

import copy
import tomllib

import pytest

from laurel.cycles.definition import DefinitionError, parse
from laurel.cycles.models import Cycle
from laurel.cycles.services import load_award
from tests.conftest import AWARD_FILE

RAW = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))
CONDUCT = {"sv": "https://child10.org/sv/kod", "en": "https://child10.org/en/code"}


def with_organiser(**keys) -> dict:
    raw = copy.deepcopy(RAW)
    raw["organiser"] |= keys
    return raw


@pytest.mark.django_db
def test_the_phone_and_the_code_of_conduct_reach_the_cycle():
    definition = parse(with_organiser(phone="+46 8 123 456 78", code_of_conduct=CONDUCT))

    cycle, _outcome = load_award(definition)

    cycle = Cycle.objects.get(pk=cycle.pk)
    assert cycle.phone == "+46 8 123 456 78"
    assert cycle.code_of_conduct == CONDUCT


def test_both_may_be_left_out():
    definition = parse(copy.deepcopy(RAW))

    assert (definition.identity["phone"], definition.identity["code_of_conduct"]) == ("", {})


def test_a_code_of_conduct_must_be_links_in_each_language():
    raw = with_organiser(code_of_conduct={"sv": "uppforandekod.pdf", "en": "https://x.org/c"})

    with pytest.raises(DefinitionError) as refused:
        parse(raw)

    assert dict(refused.value.errors) == {
        "organiser.code_of_conduct.sv": "must be a link (https://…)"
    }
    with pytest.raises(DefinitionError) as half:
        parse(with_organiser(code_of_conduct={"en": "https://x.org/c"}))
    assert "organiser.code_of_conduct.sv" in dict(half.value.errors)
