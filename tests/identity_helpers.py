"""An award definition as read from its file, with the organiser's names changed."""

from tests.conftest import AWARD_FILE


def raw_award(**organiser) -> dict:
    import tomllib

    raw = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))
    raw["organiser"] = organiser
    return raw
