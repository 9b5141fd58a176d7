"""An award's translation files: its public texts in a language the award file does not write.

Next to `awards/child10-2022.toml`, the file `awards/child10-2022.de.toml` gives the German of
its public texts. It has the award file's shape, with one text where the award file has a table
of languages: `background = "…"` for `[background] sv = "…" en = "…"`, a list of texts for
`[[benefits]]`, one `[[criteria]]` with `title` and `text` for each criterion. It says what it
is a translation of and whether the client has checked it:

    language = "de"
    translation_of = "sv"
    checked = false

A text it leaves out (or leaves "") is shown in the award's first working language, marked
(core.templatetags.laurel). The award's `[languages] public` names the languages it offers; a
file for a language not named there is refused, as is a text where the award file has none.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

META = ("language", "translation_of", "checked")


def translation_files(path: Path, public: list[str]) -> dict[str, Path]:
    """The translation files next to the award file `path`, by language."""
    found = {}
    for candidate in sorted(path.parent.glob(f"{path.stem}.*.toml")):
        code = candidate.name.removeprefix(f"{path.stem}.").removesuffix(".toml")
        if code in settings.PUBLIC_LANGUAGES:
            found[code] = candidate
    return found


def merge(raw: dict, translation: dict, code: str, name: str) -> tuple[dict, list[tuple[str, str]]]:
    """Add the texts of one translation file (parsed) to the award file (parsed) in place.
    Returns what the translation is ({"from": …, "checked": …}) and its problems (key, message),
    each key prefixed with the file's name."""
    problems: list[tuple[str, str]] = []
    if translation.get("language") != code:
        problems.append((f"{name}: language", _("must be %(code)s") % {"code": code}))
    original = translation.get("translation_of")
    if original not in settings.WORKING_LANGUAGES:
        problems.append(
            (
                f"{name}: translation_of",
                _("must be one of %(codes)s") % {"codes": ", ".join(settings.WORKING_LANGUAGES)},
            )
        )
    checked = translation.get("checked", False)
    if not isinstance(checked, bool):
        problems.append((f"{name}: checked", _("must be true or false")))
    texts = {key: value for key, value in translation.items() if key not in META}
    _walk(raw, texts, code, name, "", problems)
    return {"from": original, "checked": bool(checked)}, problems


def _is_texts(value: Any) -> bool:
    """A table of texts by language in the award file ({"sv": "…", "en": "…"})."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(text, str) for key, text in value.items() if key != "language")
        and any(code in value for code in settings.WORKING_LANGUAGES)
    )


def _walk(original: Any, given: Any, code: str, name: str, at: str, problems: list) -> None:
    where = f"{name}: {at}" if at else name
    if _is_texts(original):
        if not isinstance(given, str):
            problems.append((where, _("must be a text")))
        elif given.strip():  # "" is a text not translated yet
            original[code] = given.strip()
        return
    if isinstance(original, dict) and isinstance(given, dict):
        for key, value in given.items():
            path = f"{at}.{key}" if at else str(key)
            if key in original:
                _walk(original[key], value, code, name, path, problems)
            else:
                problems.append((f"{name}: {path}", _("is not a text of the award file")))
        return
    if isinstance(original, list) and isinstance(given, list):
        if len(given) != len(original):
            count = {"count": len(original)}
            problems.append((where, _("must have %(count)s items, as the award file has") % count))
            return
        for index, (item, value) in enumerate(zip(original, given, strict=True)):
            _walk(item, value, code, name, f"{at}[{index + 1}]", problems)
        return
    problems.append((where, _("is not a text of the award file")))
