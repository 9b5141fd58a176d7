"""The overview charts: a tile map of Europe and nominations per day, with their tables."""

from datetime import date

import pytest
from django.urls import reverse

from laurel.candidates import charts
from tests.candidates.helpers import confirmed


def test_every_eligible_country_has_its_own_tile(child10_countries):
    names = dict.fromkeys(child10_countries, "x")

    tiles, _width, _height = charts.europe({}, names)

    positions = [(tile.x, tile.y) for tile in tiles]
    assert len(positions) == len(set(positions)) == len(child10_countries)
    assert all(tile.code in charts.TILES for tile in tiles)


def test_a_country_the_grid_does_not_know_goes_below(child10_countries):
    tiles, _width, height = charts.europe({"ZZ": 1}, {"SE": "Sweden", "ZZ": "Elsewhere"})

    by_code = {tile.code: tile for tile in tiles}
    assert by_code["ZZ"].y > max(row for _column, row in charts.TILES.values()) * charts.TILE
    assert height == by_code["ZZ"].y + charts.TILE


def test_shades_go_from_none_to_most():
    tiles, _w, _h = charts.europe({"SE": 10, "NO": 1}, {"SE": "S", "NO": "N", "FI": "F"})

    levels = {tile.code: tile.level for tile in tiles}
    assert levels == {"SE": charts.LEVELS - 1, "NO": 1, "FI": 0}


def test_days_without_nominations_are_bars_of_nothing():
    bars, width, _height = charts.per_day({date(2026, 11, 1): 4, date(2026, 11, 3): 2})

    assert [(bar.day.day, bar.count) for bar in bars] == [(1, 4), (2, 0), (3, 2)]
    assert bars[1].height == 0
    assert width == 3 * charts.BAR_WIDTH


@pytest.mark.django_db
def test_the_overview_page_gives_the_numbers_in_tables(staff_client, child10):
    confirmed(child10, "Ljus", country="SE")
    confirmed(child10, "Licht", country="DE")
    confirmed(child10, "Licht Zwei", country="DE")

    response = staff_client.get(reverse("candidates:overview"))
    page = response.content.decode()

    assert response.context["by_country"] == [("Germany", 2), ("Sweden", 1)]
    assert "<title>Germany: 2</title>" in page
    assert sum(bar.count for bar in response.context["bars"]) == 3


@pytest.fixture
def child10_countries():
    from laurel.cycles.definition import read_file
    from tests.conftest import AWARD_FILE

    return read_file(AWARD_FILE).eligible_countries
