"""Texts kept in several languages as {"sv": "...", "en": "..."}."""

from django.conf import settings


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def in_language(value: dict | None, language: str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return value
    code = (language or settings.LANGUAGE_CODE).split("-")[0]
    if value.get(code):
        return value[code]
    for other in language_codes():
        if value.get(other):
            return value[other]
    return ""
