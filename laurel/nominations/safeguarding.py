"""The safeguarding check: finds details in free text that could identify a child, a victim or a
suspected perpetrator, so the nominator can remove them before submitting.

It is a net with a coarse mesh, on purpose: it flags, the nominator decides, staff see the flags.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "name_and_age": _("a name next to an age"),
    "phone": _("a phone number"),
    "identity_number": _("a personal identity number"),
    "address": _("a street address"),
    "private_email": _("a private email address"),
    "social_handle": _("a social-media handle or profile"),
}

FREE_MAIL = (
    "gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|gmx|web|"
    "mail|yandex|proton|protonmail|pm|tutanota|seznam|wp|o2|interia|onet|libero|virgilio|"
    "orange|free|laposte|sfr|wanadoo|t-online|freenet|abv|inbox|rambler|ukr|bigpond|zoho"
)
# Words that are capitalised and followed by a small number without being a person.
NOT_NAMES = {
    "article",
    "artikel",
    "artikkel",
    "art",
    "section",
    "chapter",
    "kapitel",
    "goal",
    "sdg",
    "page",
    "sida",
    "step",
    "level",
    "phase",
    "table",
    "figure",
    "annex",
    "grade",
    "class",
    "covid",
    "room",
    "year",
    "years",
    "age",
    "ages",
    "the",
    "under",
    "over",
    "about",
    "from",
    "between",
    "since",
    "in",
    "on",
    "of",
    "and",
    "och",
    "und",
    "et",
    "paragraph",
    "point",
    "version",
    "team",
    "group",
    "unit",
    "school",
    "project",
    "programme",
    "program",
    "zone",
}
NAME = r"\b([A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][a-zà-öø-ÿłśżźćńęąő]{1,20})"
AGE_WORDS = (
    r"(?:years?\s+old|y\.?\s?o\.?|år(?:s|ig)?|jahre?|ans|anni|años|lat|let|vuotta|år gammal)"
)
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("name_and_age", re.compile(NAME + r"\s*(?:,|\()\s*(?:aged\s+)?(1[0-9]|[1-9])\b(?!\s*%)")),
    ("name_and_age", re.compile(NAME + r"\s+(1[0-9]|[1-9])\s*" + AGE_WORDS, re.I)),
    (
        "name_and_age",
        re.compile(
            r"\b(?:1[0-9]|[1-9])[-\s](?:year|år|jahr)[-\s]?(?:old|gammal|alte?r?)?\s+"
            r"(?:girl|boy|child|flicka|pojke|barnet|mädchen|junge)?\s*"
            r"(?:called|named|som heter)?\s*" + NAME
        ),
    ),
    (
        "identity_number",
        re.compile(r"\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-+]?\d{4}\b"),
    ),
    ("identity_number", re.compile(r"\b\d{11}\b")),
    ("private_email", re.compile(r"\b[\w.+-]+@(?:" + FREE_MAIL + r")\.[a-z.]{2,6}\b", re.I)),
    (
        "social_handle",
        re.compile(
            r"(?:https?://)?(?:www\.)?(?:instagram|tiktok|facebook|fb|snapchat|twitter|x|"
            r"threads|telegram|t|vk|onlyfans|kik|discord)\.(?:com|me|gg|net)/[\w.@-]{2,}",
            re.I,
        ),
    ),
    ("social_handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,30}\b(?!\.[a-z]{2,}\b)")),
    (
        "address",
        re.compile(
            r"\b[\wÀ-ÿ-]*(?:gatan|gata|vägen|väg|stigen|gränd|torget|allé|straße|strasse|str\.|"
            r"gasse|weg|laan|vej|veien|gaten|katu|tie|utca|ulica|ul\.)\s+\d{1,4}[A-Za-z]?\b",
            re.I,
        ),
    ),
    (
        "address",
        re.compile(
            r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'-]+\s){1,3}"
            r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Drive|Close|Way|Boulevard|Place)\b"
        ),
    ),
    (
        "address",
        re.compile(
            r"\b(?:rue|via|calle|avenida|avenue|plaza|piazza)\s+[\wÀ-ÿ' -]{2,40}\s\d{1,4}\b", re.I
        ),
    ),
]
PHONE = re.compile(r"(?<![\w/])(?:\+|00|0|\()[\d\s().-]{7,18}\d(?![\w/])")


@dataclass(frozen=True)
class Finding:
    field: str
    kind: str
    text: str

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])

    def as_flag(self) -> dict:
        return {"field": self.field, "kind": self.kind, "text": self.text}


def scan_text(field: str, text: str) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, match_text: str) -> None:
        key = (kind, match_text)
        if key not in seen:
            seen.add(key)
            findings.append(Finding(field, kind, match_text.strip()))

    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if kind == "name_and_age" and match.group(1).lower() in NOT_NAMES:
                continue
            add(kind, match.group(0))
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 8 <= len(digits) <= 15 and not any(f.text == match.group(0).strip() for f in findings):
            add("phone", match.group(0))
    return findings


def scan(texts: dict[str, str]) -> list[Finding]:
    """Findings in every free-text field: {"answer_1": "...", "org_description": "..."}."""
    findings: list[Finding] = []
    for field, text in texts.items():
        if text:
            findings.extend(scan_text(field, text))
    return findings
