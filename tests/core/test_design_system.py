"""The design system, checked: every class a template uses has a rule, colours, radii and spacing
are tokens, each selector is written once.

The stylesheets are read as text (no browser): comments are dropped, declaration blocks are told
apart from selectors, and a template's `class="…"` is resolved through its `{% if %}` branches, so
`signal--{% if x %}matched{% else %}unmatched{% endif %}` counts as `signal--matched` and
`signal--unmatched`.
"""

import itertools
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
STYLESHEETS = sorted((ROOT / "static" / "css").glob("*.css"))

# Classes that are hooks for scripts or tests, not for looks: listed with their reason.
HOOKS: dict[str, str] = {}  # scripts find their elements by data attributes, not classes
# Modifiers built from a value (`badge--{{ state }}`): the base class must have a rule; a value
# without a modifier rule keeps the base look (a neutral badge, a plain message).
OPEN_MODIFIERS = {
    "badge--": "one modifier per state; states with no colour of their own stay neutral",
    "message--": "Django's message levels; info, success, warning and error have rules",
    "status-panel--": "the nomination's states; those without a colour keep the brand border",
    "evidence-level--": "the duplicate evidence levels; the weakest keeps the plain border",
}
# Modifiers built from a value with a known, closed range: each value must have its own rule.
CLOSED_MODIFIERS = {
    "tile--": range(5),  # the screening chart's shades, none to most
    "tile-label--": range(5),
}
VARIABLE = "\x00"
QUIET_TAGS = {"block", "endblock", "load", "csrf_token"}


def _template_files():
    for base in [ROOT / "templates", *sorted((ROOT / "laurel").glob("*/templates"))]:
        yield from sorted(base.rglob("*.html"))


def _class_values(text):
    """Every `class="…"` value in a template, template tags inside it kept whole, and what a
    template puts in the `body_class` block."""
    yield from re.findall(r"\{% block body_class %\}(.*?)\{% endblock %\}", text)
    for match in re.finditer(r'\bclass="', text):
        i, value = match.end(), []
        while i < len(text) and text[i] != '"':
            if text.startswith(("{%", "{{"), i):
                end = text.index("%}" if text[i + 1] == "%" else "}}", i) + 2
                value.append(text[i:end])
                i = end
            else:
                value.append(text[i])
                i += 1
        yield "".join(value)


def _resolve(value):
    """The strings a class value can render to: each `{% if %}` branch taken or not, each variable
    replaced by a marker."""
    parts = re.split(r"(\{%.*?%\}|\{\{.*?\}\})", value)

    def parse(pos, stop):
        seq = []  # a sequence of alternatives-lists
        while pos < len(parts):
            part = parts[pos]
            tag = part[2:-2].split() if part.startswith("{%") else None
            if tag and tag[0] in stop:
                return seq, pos
            if tag and tag[0] == "if":
                branches, has_else = [], False
                pos += 1
                while True:
                    branch, pos = parse(pos, {"elif", "else", "endif"})
                    branches.append(branch)
                    word = parts[pos][2:-2].split()[0]
                    pos += 1
                    if word == "endif":
                        break
                    has_else = has_else or word == "else"
                options = [alt for branch in branches for alt in _expand(branch)]
                seq.append(options if has_else else [*options, ""])
                continue
            if tag and (tag[0] in QUIET_TAGS or "as" in tag):
                seq.append([""])  # renders nothing (a block's edge, a value stored for later)
            elif part.startswith(("{{", "{%")):
                seq.append([VARIABLE])
            else:
                seq.append([part])
            pos += 1
        return seq, pos

    seq, _ = parse(0, set())
    return _expand(seq)


def _expand(seq):
    return ["".join(combo) for combo in itertools.product(*seq)] if seq else [""]


def used_classes():
    """{class: first template using it}; a class built from a variable ends in the marker."""
    used = {}
    for path in _template_files():
        for value in _class_values(path.read_text()):
            for rendered in _resolve(value):
                for name in rendered.split():
                    used.setdefault(name, path.relative_to(ROOT))
    return used


def _without_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def _rules(css):
    """(context, selectors, declarations) for each rule; context is the enclosing at-rules."""
    rules = []
    _parse(_without_comments(css), 0, (), rules)
    return rules


def _parse(css, pos, context, rules):
    start = pos
    while pos < len(css):
        if css[pos] == "}":
            return pos + 1
        if css[pos] != "{":
            pos += 1
            continue
        head = " ".join(css[start:pos].split())
        if head.startswith(("@media", "@supports", "@layer")):
            pos = _parse(css, pos + 1, (*context, head), rules)
        else:  # a declaration block (an @page block may hold a margin box: kept in its text)
            depth, end = 1, pos + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[end], 0)
                end += 1
            rules.append((context, head, css[pos + 1 : end - 1]))
            pos = end
        start = pos
    return pos


def defined_classes():
    names = set()
    for sheet in STYLESHEETS:
        for _context, selectors, _body in _rules(sheet.read_text()):
            names.update(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selectors))
    return names


def test_every_class_in_a_template_has_a_rule_or_is_a_listed_hook():
    defined = defined_classes()
    missing = {}
    for name, where in used_classes().items():
        if VARIABLE in name:
            prefix = name.split(VARIABLE)[0]
            base = prefix.removesuffix("--")
            if prefix in CLOSED_MODIFIERS:
                unruled = [
                    f"{prefix}{value}"
                    for value in CLOSED_MODIFIERS[prefix]
                    if f"{prefix}{value}" not in defined
                ]
            else:
                unruled = [] if prefix in OPEN_MODIFIERS and base in defined else [name]
            missing.update({each.replace(VARIABLE, "{{…}}"): str(where) for each in unruled})
        elif name not in defined and name not in HOOKS:
            missing[name] = str(where)
    assert missing == {}


def test_the_hooks_listed_are_still_used():
    used = used_classes()
    assert sorted(name for name in HOOKS if name not in used) == []


def test_a_class_with_if_branches_is_resolved_to_each_branch():
    value = (
        'signal signal--{% if a == "x" %}matched{% else %}unmatched{% endif %}'
        "{% if b %} strong{% endif %}"
    )
    assert sorted(_resolve(value)) == [
        "signal signal--matched",
        "signal signal--matched strong",
        "signal signal--unmatched",
        "signal signal--unmatched strong",
    ]


RAW_COLOUR = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|"
    r"\b(?:white|black|red|green|blue|yellow|orange|grey|gray|silver|navy|maroon|purple)\b"
)


def _declarations_outside_token_blocks():
    for sheet in STYLESHEETS:
        for _context, selectors, body in _rules(sheet.read_text()):
            if selectors == ":root":
                body = ";".join(
                    part for part in body.split(";") if not part.strip().startswith("--")
                )
            for declaration in body.split(";"):
                if ":" in declaration:
                    prop, value = declaration.split(":", 1)
                    yield sheet.name, selectors, prop.strip(), value.strip()


def test_no_raw_colour_outside_the_token_block():
    raw = [
        (sheet, sel, f"{prop}: {value}")
        for sheet, sel, prop, value in _declarations_outside_token_blocks()
        if RAW_COLOUR.search(value)
    ]
    assert raw == []


def test_no_raw_radius_outside_the_token_block():
    raw = [
        (sheet, sel, f"{prop}: {value}")
        for sheet, sel, prop, value in _declarations_outside_token_blocks()
        if "radius" in prop and not re.fullmatch(r"(var\(--[\w-]+\)\s*)+|0", value)
    ]
    assert raw == []


SPACING = re.compile(
    r"(?:scroll-)?(?:padding|margin)(?:-[a-z-]+)?|(?:row-|column-)?gap|inset(?:-[a-z-]+)?"
    r"|top|right|bottom|left"
)
# A number with a unit; `0`, `auto`, a token and `calc(-1 * var(--space-3))` have none.
RAW_LENGTH = re.compile(r"(?<![\w.-])-?(?:\d*\.)?\d+(?:[a-zA-Z]+|%)")
# The decision report is WeasyPrint's A4 page, loaded alone (laurel/core/pdf.py): the site's
# tokens are not defined there, and paper is measured in cm, pt and the text's em.
SPACING_OWN_UNITS = {"report.css"}
# Spacing that is not a step of the scale, each declaration listed whole with its reason.
SPACING_ALLOWED = {
    ("h1, h2, h3", "margin-block", "1.5em 0.5em"): "a heading's space grows with its own size",
    ("mark", "padding", "0 0.15em"): "a marked word's edge, in the word's own size",
    (
        ".field input, .field select, .field textarea",
        "scroll-margin-top",
        "10rem",
    ): "room above a field for its label, help and error when a link scrolls to it",
    (
        ".hero",
        "padding",
        "var(--space-5) clamp(var(--space-4), 3vw, var(--space-6)) var(--space-6)",
    ): "the inline padding follows the window's width between two steps",
}


def _has_raw_length(value):
    return bool(RAW_LENGTH.search(re.sub(r"var\(--[\w-]+\)", "", value)))


def _spacing_declarations():
    for sheet, sel, prop, value in _declarations_outside_token_blocks():
        if sheet not in SPACING_OWN_UNITS and SPACING.fullmatch(prop):
            yield sel, prop, value


def test_no_raw_spacing_outside_the_token_block():
    """Padding, margins, gaps and offsets are steps of the scale (`--space-1` … `--space-6`,
    `--space-nudge`), `0`, `auto`, or listed in SPACING_ALLOWED with their reason."""
    raw = [
        (sel, f"{prop}: {value}")
        for sel, prop, value in _spacing_declarations()
        if _has_raw_length(value) and (sel, prop, value) not in SPACING_ALLOWED
    ]
    assert raw == []


def test_the_spacing_allowed_is_still_written():
    written = set(_spacing_declarations())
    assert sorted(key for key in SPACING_ALLOWED if key not in written) == []


def test_a_raw_length_is_told_from_a_token():
    tokens = ["0", "auto", "var(--space-2) var(--space-4)", "calc(-1 * var(--space-3))"]
    raw = ["0.6rem", "0 1px", "-999px", "2mm", "1em", "5%", "3vw"]
    assert [_has_raw_length(value) for value in tokens + raw] == [False] * 4 + [True] * 7


def test_each_rule_is_written_once():
    """A selector list has one rule in its context (its stylesheet and at-rules), not two that a
    reader must merge in their head."""
    seen, twice = set(), []
    for sheet in STYLESHEETS:
        for context, selectors, _body in _rules(sheet.read_text()):
            key = (sheet.name, context, ", ".join(s.strip() for s in selectors.split(",")))
            if key in seen:
                twice.append(key)
            seen.add(key)
    assert twice == []


def test_the_badge_is_defined_once():
    badge_rules = [
        selectors
        for sheet in STYLESHEETS
        for _context, selectors, _body in _rules(sheet.read_text())
        if ".badge" in [s.strip() for s in selectors.split(",")]
    ]
    assert badge_rules == [".badge"]
