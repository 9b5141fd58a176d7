"""djLint rule T901 (`.djlint_rules.yaml`): no template line over `max_line_length` characters.

djLint's `max_line_length` only guides its formatter, which this project does not run, so this
rule is what holds the templates to it. A line may be longer only where a single Django tag makes
it so: a tag cannot span lines, and a `{% translate "..." %}` string or a `{% blocktranslate %}`
opening tag must stay as it is, or the Swedish catalogue loses its msgid. Such a line is allowed
when, without that tag and its indentation, at most `REST` characters are left (the `<p>` and
`</p>` around it, say). Anything else is to be broken where HTML collapses the whitespace anyway:
between attributes, beside block-level tags, at a space in text; a long `{% blocktranslate %}`
text by making it `trimmed`, which leaves its msgid unchanged.

An exception beyond that is written in the template: `{# djlint:off T901 #}` up to
`{# djlint:on #}`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from djlint.settings import Config
    from djlint.types import LintError

# What a line may hold beside its one long tag.
REST = 40

_TAG = re.compile(r"\{%.*?%\}")


def too_long(line: str, limit: int) -> bool:
    """Whether a line is over the limit for a reason other than one tag that cannot be split."""
    if len(line) <= limit:
        return False
    tags = _TAG.findall(line)
    longest = max(tags, key=len, default="")
    return len(line.strip()) - len(longest) > REST


def run(
    rule: dict[str, Any],
    config: Config,
    html: str,
    filepath: str,
    line_ends: list[dict[str, int]],
    *args: Any,
    **kwargs: Any,
) -> tuple[LintError, ...]:
    """Report each line over the limit, unless an ignore comment or block covers it."""
    from djlint.helpers import Span, inside_ignored_linter_block, inside_ignored_rule
    from djlint.lint import get_line

    limit = config.max_line_length
    errors: list[LintError] = []
    for end in line_ends:
        start, stop = end["start"], end["end"]
        line = html[start:stop].rstrip("\r\n")
        if not too_long(line, limit):
            continue
        span = Span(start, start + len(line))
        if inside_ignored_rule(config, html, span, rule["name"]) or inside_ignored_linter_block(
            config, html, span
        ):
            continue
        errors.append(
            {
                "code": rule["name"],
                "line": get_line(start + limit, line_ends),
                "end": get_line(start + len(line), line_ends),
                "match": line.strip()[:20],
                "message": f"{rule['message']} ({len(line)} > {limit})",
            }
        )
    return tuple(errors)
