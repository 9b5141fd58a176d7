"""Characters of a name that show as nothing, or as a blank without being a space: a control or
format character (a zero-width space, a direction mark, a soft hyphen), a private or unassigned
one, or a filler (a Hangul filler looks like a space and reads as a letter).

A name is compared word by word (duplicate detection, sanctions screening): such a character
between two words joins them into one that no other name has, so a name written with one would
slip past. `spaced` reads each as a space; forms that take a name refuse them (`invisible`)."""

import unicodedata

# Letters and marks that show as nothing or as a blank (Unicode's default-ignorable code points
# outside the "C" categories).
FILLERS = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


def invisible(character: str) -> bool:
    """Whether a character shows as nothing or as a blank without being a space."""
    return unicodedata.category(character)[0] == "C" or character in FILLERS


def spaced(text: str) -> str:
    """The text with each invisible character read as a space (a zero-width space or a filler
    between two words still parts them)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(" " if invisible(character) else character for character in text)
