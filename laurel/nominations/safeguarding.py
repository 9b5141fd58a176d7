"""The safeguarding check: finds details in free text that could identify a child, a victim or a
suspected perpetrator, so the nominator can remove them before submitting.

It is a net with a coarse mesh, on purpose: it flags, the nominator decides, staff see the flags.
"""

import hashlib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "name_and_age": _("a name next to an age"),
    "phone": _("a phone number"),
    "identity_number": _("a personal identity number"),
    "address": _("a street address"),
    "private_email": _("a private email address"),
    "social_handle": _("a social-media handle or profile"),
}

# The same, without an article, for sentences such as "Remove this phone number".
KIND_NAMES = {
    "name_and_age": _("name with an age"),
    "phone": _("phone number"),
    "identity_number": _("personal identity number"),
    "address": _("street address"),
    "private_email": _("private email address"),
    "social_handle": _("social media handle or profile"),
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
    # "Maria is 12", "Maria är 12", "Maria ist 12"
    (
        "name_and_age",
        re.compile(
            NAME + r"\s+(?:is|är|ist|est|è|es)\s+(1[0-9]|[1-9])\b"
            r"(?=\s*(?:[,.;:)]|and\b|och\b|und\b|et\b|e\b|y\b|years?\b|år\b|jahre\b|ans\b|$))"
        ),
    ),
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
    # The street word first, as in Central and Eastern Europe and the Balkans: "Bulevar
    # oslobođenja 12", "Ulica Kralja Petra 7", "Aleja Jana Pawła II 3", "Rruga e Kavajës 40".
    (
        "address",
        re.compile(
            r"\b(?:bulevar|bulvar|bulevardi|bulevardul|bulvāris|boulevard|ulica|ulice|ulitsa|"
            r"ulitza|trg|trgu|cesta|aleja|aleje|rruga|sokak|caddesi|strada|bul\.|ul\.|str\.)"
            r"\s+(?:[\w'.-]+\s+){0,4}?\d{1,4}[A-Za-z]?\b",
            re.I,
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

    @property
    def name(self) -> str:
        return str(KIND_NAMES[self.kind])

    @property
    def key(self) -> str:
        """Stable across requests while the passage stays: names its mark and its answer."""
        digest = hashlib.sha256(f"{self.field}|{self.kind}|{self.text}".encode()).hexdigest()
        return digest[:10]

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


def marked(text: str, findings: list[Finding], *, label: str) -> SafeString:
    """The text, escaped, with each finding's passage in a `<mark>` that says what it is
    (`label` is "Safeguarding check: %(kind)s") and can be linked to (`#finding-<key>`)."""
    spans: list[tuple[int, int, Finding]] = []
    for finding in findings:
        start = text.find(finding.text)
        while start != -1:
            end = start + len(finding.text)
            if not any(start < e and s < end for s, e, _f in spans):
                spans.append((start, end, finding))
            start = text.find(finding.text, end)
    spans.sort(key=lambda span: span[0])
    parts: list[str] = []
    position = 0
    anchored: set[str] = set()
    for start, end, finding in spans:
        parts.append(escape(text[position:start]))
        anchor = "" if finding.key in anchored else f' id="finding-{finding.key}" tabindex="-1"'
        anchored.add(finding.key)
        hidden = escape(label % {"kind": finding.label})
        parts.append(
            f'<mark class="finding"{anchor}><span class="visually-hidden">{hidden}: </span>'
            f"{escape(text[start:end])}</mark>"
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308
