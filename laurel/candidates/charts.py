"""Charts drawn on the server as SVG: no map service, no script. Each has a table beside it
with the same numbers, for screen readers and for reading exact figures."""

from dataclasses import dataclass
from datetime import date, timedelta

# Europe as tiles on a grid (column, row): roughly where each country lies, every country the
# same size, so that small countries are as visible as large ones.
TILES = {
    "IS": (0, 0), "NO": (4, 0), "SE": (5, 0), "FI": (6, 0),
    "IE": (1, 1), "GB": (2, 1), "DK": (4, 1), "EE": (7, 1),
    "NL": (3, 2), "DE": (4, 2), "PL": (5, 2), "LT": (6, 2), "LV": (7, 2),
    "FR": (2, 3), "BE": (3, 3), "LU": (4, 3), "CZ": (5, 3), "SK": (6, 3), "UA": (7, 3),
    "PT": (0, 4), "ES": (1, 4), "AD": (2, 4), "CH": (3, 4), "LI": (4, 4), "AT": (5, 4),
    "HU": (6, 4), "MD": (7, 4),
    "MC": (2, 5), "IT": (3, 5), "SI": (4, 5), "HR": (5, 5), "RS": (6, 5), "RO": (7, 5),
    "GE": (9, 5),
    "MT": (2, 6), "SM": (3, 6), "BA": (5, 6), "ME": (6, 6), "XK": (7, 6), "BG": (8, 6),
    "AM": (9, 6),
    "AL": (5, 7), "MK": (6, 7), "GR": (7, 7), "TR": (8, 7), "AZ": (9, 7),
    "CY": (8, 8),
}  # fmt: skip
TILE = 44  # pixels, gap included
LEVELS = 5  # shades, from none to most


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    count: int
    level: int
    x: int
    y: int


def _level(count: int, most: int) -> int:
    if count == 0 or most == 0:
        return 0
    return 1 + min(LEVELS - 2, (count - 1) * (LEVELS - 1) // most)


def europe(counts: dict[str, int], names: dict[str, str]) -> tuple[list[Tile], int, int]:
    """Tiles for every country named (eligible ones), placed on the grid; a country the grid
    does not know goes on a row of its own below. Returns the tiles, width and height."""
    most = max(counts.values(), default=0)
    tiles, extra = [], 0
    last_row = max(row for _column, row in TILES.values())
    for code in sorted(names):
        if code in TILES:
            column, row = TILES[code]
        else:
            column, row = extra, last_row + 2
            extra += 1
        count = counts.get(code, 0)
        tiles.append(Tile(code, names[code], count, _level(count, most), column * TILE, row * TILE))
    width = (max(t.x for t in tiles) + TILE) if tiles else TILE
    height = (max(t.y for t in tiles) + TILE) if tiles else TILE
    return tiles, width, height


@dataclass(frozen=True)
class Bar:
    day: date
    count: int
    x: int
    y: int
    height: int


BAR_WIDTH = 12
CHART_HEIGHT = 160


def per_day(counts: dict[date, int]) -> tuple[list[Bar], int, int]:
    """One bar per day from the first to the last day with nominations, empty days included."""
    if not counts:
        return [], BAR_WIDTH, CHART_HEIGHT
    first, last = min(counts), max(counts)
    most = max(counts.values())
    bars = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        count = counts.get(day, 0)
        height = round(count / most * (CHART_HEIGHT - 20)) if most else 0
        bars.append(Bar(day, count, offset * BAR_WIDTH, CHART_HEIGHT - height, height))
    return bars, len(bars) * BAR_WIDTH, CHART_HEIGHT
