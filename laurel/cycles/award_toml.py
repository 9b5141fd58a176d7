"""The award's questions written back as the award file writes them (`[[questions]]`), for
staff to copy into the file: loading the file again makes the cycle what the file says, so
questions added or changed in the staff area must reach the file first (issue 20).

Only what `definition.as_written` gives is written: strings, booleans, whole numbers, lists
and tables of those. The file's own reader (tomllib) reads it back to the same values
(tests/cycles/test_award_toml.py)."""

from typing import Any

# What a TOML basic string may not hold as it is: the quote, the backslash and control
# characters (DEL among them), each written as an escape.
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _key(name: str) -> str:
    bare = name and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
    return name if bare else _string(name)


def value(item: Any) -> str:
    """One value in TOML's inline syntax."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, str):
        return _string(item)
    if isinstance(item, list):
        return "[" + ", ".join(value(element) for element in item) + "]"
    if isinstance(item, dict):
        pairs = (f"{_key(k)} = {value(v)}" for k, v in item.items() if v is not None)
        return "{ " + ", ".join(pairs) + " }" if item else "{}"
    raise TypeError(f"not written as TOML: {type(item).__name__}")


def questions_toml(written: list[dict[str, Any]]) -> str:
    """`[[questions]]` tables, one for each question in order, its options one a line."""
    blocks = []
    for question in written:
        lines = ["[[questions]]"]
        for name, item in question.items():
            if item is None:
                continue
            if name == "options":
                options = ",\n".join(f"  {value(option)}" for option in item)
                lines.append(f"options = [\n{options},\n]")
            else:
                lines.append(f"{_key(name)} = {value(item)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
