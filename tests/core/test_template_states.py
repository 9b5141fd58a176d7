"""Templates compare a state with its enum (`decision.state == DecisionState.DRAFT`), never with
its value typed again ("draft"): a renamed value then fails here, not silently on a page."""

import re
from pathlib import Path

from django.conf import settings

from laurel.core.states import state_enums

ROOT = Path(settings.BASE_DIR)
TEMPLATE_FILES = sorted(
    path
    for base in [ROOT / "templates", *(ROOT / "laurel").glob("*/templates")]
    for path in base.rglob("*")
    if path.suffix in {".html", ".txt"}
)
# A model's state-like field compared with a string inside a template tag.
LITERAL_STATE = re.compile(
    r"\{%[^%]*?\.(?:state|status|consent|phase|method|answer|kind|about)\s*[!=]=\s*['\"][^%]*%\}"
)
ENUM_MEMBER = re.compile(r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)*)\.([A-Z][A-Z0-9_]*)\b")
# Not model states: the duplicates page's own rows are a group or a pair of candidates.
NOT_STATES = {'row.kind == "group"'}


def test_no_template_compares_a_state_with_a_string():
    found = [
        (str(path.relative_to(ROOT)), match.group())
        for path in TEMPLATE_FILES
        for match in LITERAL_STATE.finditer(path.read_text())
        if not any(allowed in match.group() for allowed in NOT_STATES)
    ]
    assert found == []


def test_every_enum_member_a_template_names_exists():
    enums = state_enums()
    unknown = sorted(
        {
            f"{enum}.{member}"
            for path in TEMPLATE_FILES
            for tag in re.findall(r"\{%.*?%\}", path.read_text())
            for enum, member in ENUM_MEMBER.findall(tag)
            if enum not in enums or member not in enums[enum].names
        }
    )
    assert unknown == []
