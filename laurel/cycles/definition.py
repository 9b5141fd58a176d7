"""Award definition files: a TOML file read into a checked `AwardDefinition`.

Another year, another theme, another award: a new file, no code change.
"""

import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _

from laurel.cycles.enums import DATE_FIELDS

# The file names each date without the "_at" of the model field.
DATE_KEYS = [name.removesuffix("_at") for name in DATE_FIELDS]
EXTRA_COUNTRIES = {"XK"}  # Kosovo: not in ISO 3166-1, but a user-assigned code everyone uses.
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,58}$")
REFERENCE_PREFIX = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,11}$")

TRANSLATED_KEYS = [
    "name",
    "theme",
    "theme_description",
    "background",
    "criteria_intro",
    "benefits_intro",
    "closing",
]
TOP_KEYS = {
    "slug",
    "reference_prefix",
    "time_zone",
    "laureate_count",
    "benefits",
    "prize",
    "dates",
    "eligibility",
    "scoring",
    "criteria",
    "organiser",
    *TRANSLATED_KEYS,
}
# The keys of [organiser]: who runs the award, as the public and every email see it.
ORGANISER_KEYS = {
    "name",
    "sender_name",
    "sender_email",
    "reply_to",
    "contact_email",
    "postal_address",
    "phone",
    "code_of_conduct",
    "logo",
    "privacy",
}
PRIVACY_KEYS = {"controller", "email", "dpo_email"}
EMPTY_IDENTITY = {
    "sender_name": "",
    "sender_email": "",
    "reply_to": "",
    "contact_email": "",
    "postal_address": "",
    "phone": "",
    "code_of_conduct": {},
    "logo": "",
    "controller": {},
    "privacy_contact": "",
    "dpo_email": "",
}
# A text may be written in one language for every page (the theme "Slipping through the net"
# is English on the Swedish pages too): `language` says which, so pages mark it (WCAG 3.1.2).
LANGUAGE_MARKED_KEYS = {"theme"}
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
LOGO = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.(svg|png)$")


class DefinitionError(Exception):
    """The file cannot be loaded; `errors` lists (key, message) for every problem found."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{key}: {message}" for key, message in errors))


@dataclass
class CriterionDefinition:
    title: dict
    text: dict
    weight: Decimal
    guidance: dict
    max_characters: int = 2000


@dataclass
class AwardDefinition:
    slug: str
    reference_prefix: str
    time_zone: str
    laureate_count: int
    texts: dict[str, dict]
    benefits: list[dict]
    prize_amount: int
    prize_currency: str
    prize_funder: dict
    dates: dict[str, datetime]
    eligible_countries: list[str]
    region: dict
    score_min: int
    score_max: int
    score_labels: dict
    criteria: list[CriterionDefinition] = field(default_factory=list)
    # The organiser's identity and the theme's language: Cycle fields of the same names.
    identity: dict[str, Any] = field(default_factory=dict)


class _Reader:
    """Walks the parsed file, collecting every error instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def fail(self, key: str, message: str) -> None:
        self.errors.append((key, message))

    def table(self, data: Any, key: str, *, required: bool = True) -> dict:
        if data is None:
            if required:
                self.fail(key, _("is missing"))
            return {}
        if not isinstance(data, dict):
            self.fail(key, _("must be a table"))
            return {}
        return data

    def unknown(self, data: dict, allowed: set[str], prefix: str) -> None:
        for name in sorted(set(data) - allowed):
            self.fail(f"{prefix}{name}", _("is not a known key"))

    def translated(
        self, data: Any, key: str, *, required: bool = True, marked: bool = False
    ) -> dict:
        table = self.table(data, key, required=required)
        if not table:
            return {}
        languages = [code for code, _name in settings.LANGUAGES]
        result = {}
        for code in languages:
            value = table.get(code)
            if not isinstance(value, str) or not value.strip():
                self.fail(f"{key}.{code}", _("must be a text that is not empty"))
            else:
                result[code] = value.strip()
        allowed = set(languages) | ({"language"} if marked else set())
        self.unknown(table, allowed, f"{key}.")
        return result

    def language(self, data: Any, key: str) -> str:
        """The language a text is written in, if the file says so ("" if not)."""
        if not isinstance(data, dict) or "language" not in data:
            return ""
        value = data["language"]
        languages = [code for code, _name in settings.LANGUAGES]
        if value not in languages:
            self.fail(
                f"{key}.language",
                _("must be one of the site's languages: %(codes)s")
                % {"codes": ", ".join(languages)},
            )
            return ""
        return value

    def email(self, value: Any, key: str, *, required: bool = False) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not EMAIL.match(value.strip()):
            self.fail(key, _("must be an email address such as award@example.org"))
            return ""
        return value.strip()

    def text(self, value: Any, key: str, *, limit: int) -> str:
        if value is None:
            return ""
        if not isinstance(value, str) or len(value.strip()) > limit:
            self.fail(key, _("must be a text of at most %(limit)s characters") % {"limit": limit})
            return ""
        return value.strip()

    def integer(self, value: Any, key: str, *, minimum: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, _("must be a whole number") if value is not None else _("is missing"))
            return minimum
        if value < minimum:
            self.fail(key, _("must be at least %(minimum)s") % {"minimum": minimum})
        return value


def read_file(path: Path | str) -> AwardDefinition:
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DefinitionError([("file", _("does not exist: %(path)s") % {"path": path})]) from None
    except UnicodeDecodeError:
        raise DefinitionError([("file", _("is not UTF-8 text"))]) from None
    except tomllib.TOMLDecodeError as error:
        raise DefinitionError(
            [("file", _("is not valid TOML: %(error)s") % {"error": error})]
        ) from None
    return parse(raw)


def plain_name(text: str) -> str:
    """A name fit for an email header: each line break or control character a space."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def parse(raw: dict) -> AwardDefinition:
    import pycountry  # its code lists load with the first award file read, not at start-up

    reader = _Reader()
    reader.unknown(raw, TOP_KEYS, "")

    slug = raw.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        reader.fail("slug", _("must be lower-case letters, digits and hyphens (2 to 59)"))

    reference_prefix = raw.get("reference_prefix", "NOM")
    if not isinstance(reference_prefix, str) or not REFERENCE_PREFIX.match(reference_prefix):
        reader.fail("reference_prefix", _("must be capital letters, digits and hyphens (1 to 12)"))

    time_zone = raw.get("time_zone")
    zone = None
    try:
        zone = zoneinfo.ZoneInfo(time_zone) if isinstance(time_zone, str) and time_zone else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = None
    if zone is None:
        reader.fail("time_zone", _("must be a time zone name such as Europe/Stockholm"))

    laureate_count = reader.integer(raw.get("laureate_count"), "laureate_count", minimum=1)
    texts = {
        key: reader.translated(
            raw.get(key),
            key,
            required=key not in {"closing", "criteria_intro"},
            marked=key in LANGUAGE_MARKED_KEYS,
        )
        for key in TRANSLATED_KEYS
    }
    identity = _organiser(reader, raw.get("organiser"))
    texts["organiser"] = identity.pop("organiser")
    identity["theme_language"] = reader.language(raw.get("theme"), "theme")

    benefits_raw = raw.get("benefits")
    benefits = []
    if not isinstance(benefits_raw, list) or not benefits_raw:
        reader.fail("benefits", _("must list at least one benefit"))
    else:
        benefits = [
            reader.translated(item, f"benefits[{number}]")
            for number, item in enumerate(benefits_raw, start=1)
        ]

    prize = reader.table(raw.get("prize"), "prize")
    reader.unknown(prize, {"amount", "currency", "funder"}, "prize.")
    prize_amount = reader.integer(prize.get("amount"), "prize.amount", minimum=0) if prize else 0
    currency = prize.get("currency")
    if prize and (
        not isinstance(currency, str) or pycountry.currencies.get(alpha_3=currency) is None
    ):
        reader.fail("prize.currency", _("must be a currency code such as SEK or EUR"))
    prize_funder = reader.translated(prize.get("funder"), "prize.funder") if prize else {}

    dates = _dates(reader, raw.get("dates"), zone)
    countries, region = _eligibility(reader, raw.get("eligibility"))
    score_min, score_max, labels = _scoring(reader, raw.get("scoring"))
    criteria = _criteria(reader, raw.get("criteria"), score_min, score_max)

    if reader.errors:
        raise DefinitionError(reader.errors)
    return AwardDefinition(
        slug=slug,
        reference_prefix=reference_prefix,
        time_zone=time_zone,
        laureate_count=laureate_count,
        texts=texts,
        benefits=benefits,
        prize_amount=prize_amount,
        prize_currency=currency,
        prize_funder=prize_funder,
        dates=dates,
        eligible_countries=countries,
        region=region,
        score_min=score_min,
        score_max=score_max,
        score_labels=labels,
        criteria=criteria,
        identity=identity,
    )


def _organiser(reader: _Reader, data: Any) -> dict[str, Any]:
    """[organiser]: who runs the award. The old form, only a name in each language
    (`[organiser] sv = "..." en = "..."`), still loads: the rest is then left empty, and the
    site falls back to DEFAULT_FROM_EMAIL for its emails."""
    table = reader.table(data, "organiser")
    languages = {code for code, _name in settings.LANGUAGES}
    if table and set(table) <= languages:
        return {**EMPTY_IDENTITY, "organiser": reader.translated(table, "organiser")}
    reader.unknown(table, ORGANISER_KEYS, "organiser.")
    name = reader.translated(table.get("name"), "organiser.name") if table else {}
    privacy = reader.table(table.get("privacy"), "organiser.privacy", required=False)
    reader.unknown(privacy, PRIVACY_KEYS, "organiser.privacy.")
    logo = table.get("logo")
    if logo is not None and (not isinstance(logo, str) or not LOGO.match(logo)):
        reader.fail("organiser.logo", _("must be the path of an SVG or PNG file under static/"))
        logo = ""
    elif logo is not None and finders.find(logo) is None:
        reader.fail("organiser.logo", _("does not exist under static/: %(path)s") % {"path": logo})
        logo = ""
    sender_name = reader.text(table.get("sender_name"), "organiser.sender_name", limit=80)
    # A header value: no line break or other control character (a CR alone would end the
    # From header for some mail servers), nor the characters that make it an address.
    if any(character in '<>",@' or not character.isprintable() for character in sender_name):
        reader.fail("organiser.sender_name", _('must be a plain name without <, >, ", @ or ,'))
        sender_name = ""
    code_of_conduct = reader.translated(
        table.get("code_of_conduct"), "organiser.code_of_conduct", required=False
    )
    for code, link in code_of_conduct.items():
        if not link.startswith("https://") or any(c.isspace() for c in link):
            reader.fail(f"organiser.code_of_conduct.{code}", _("must be a link (https://…)"))
    return {
        "organiser": name,
        "sender_name": sender_name or plain_name(name.get("en", ""))[:80],
        "sender_email": reader.email(table.get("sender_email"), "organiser.sender_email"),
        "reply_to": reader.email(table.get("reply_to"), "organiser.reply_to"),
        "contact_email": reader.email(table.get("contact_email"), "organiser.contact_email"),
        "postal_address": reader.text(
            table.get("postal_address"), "organiser.postal_address", limit=300
        ),
        "phone": reader.text(table.get("phone"), "organiser.phone", limit=40),
        "code_of_conduct": code_of_conduct,
        "logo": logo or "",
        "controller": reader.translated(
            privacy.get("controller"), "organiser.privacy.controller", required=False
        )
        if privacy
        else {},
        "privacy_contact": reader.email(privacy.get("email"), "organiser.privacy.email"),
        "dpo_email": reader.email(privacy.get("dpo_email"), "organiser.privacy.dpo_email"),
    }


def _dates(reader: _Reader, data: Any, zone: zoneinfo.ZoneInfo | None) -> dict[str, datetime]:
    table = reader.table(data, "dates")
    if not table:
        return {}
    reader.unknown(table, set(DATE_KEYS), "dates.")
    dates: dict[str, datetime] = {}
    for key, field_name in zip(DATE_KEYS, DATE_FIELDS, strict=True):
        value = table.get(key)
        if not isinstance(value, datetime):
            reader.fail(f"dates.{key}", _("must be a date and time such as 2021-04-23T09:00:00"))
            continue
        if value.tzinfo is None and zone is not None:
            value = value.replace(tzinfo=zone)
        dates[field_name] = value
    previous = None
    for key, field_name in zip(DATE_KEYS, DATE_FIELDS, strict=True):
        if field_name not in dates:
            continue
        if previous is not None and dates[field_name] <= dates[previous[1]]:
            reader.fail(
                f"dates.{key}", _("must be later than dates.%(key)s") % {"key": previous[0]}
            )
        previous = (key, field_name)
    return dates


def _eligibility(reader: _Reader, data: Any) -> tuple[list[str], dict]:
    import pycountry

    table = reader.table(data, "eligibility")
    reader.unknown(table, {"countries", "region"}, "eligibility.")
    countries = table.get("countries") if table else None
    if not isinstance(countries, list) or not countries:
        if table:
            reader.fail("eligibility.countries", _("must list at least one country code"))
        return [], {}
    clean = []
    for index, code in enumerate(countries):
        key = f"eligibility.countries[{index + 1}]"
        if not isinstance(code, str) or (
            code not in EXTRA_COUNTRIES and pycountry.countries.get(alpha_2=code) is None
        ):
            reader.fail(key, _("is not a two-letter country code"))
        elif code in clean:
            reader.fail(key, _("repeats %(code)s") % {"code": code})
        else:
            clean.append(code)
    return clean, reader.translated(table.get("region"), "eligibility.region")


def _scoring(reader: _Reader, data: Any) -> tuple[int, int, dict]:
    table = reader.table(data, "scoring")
    if not table:
        return 1, 5, {}
    reader.unknown(table, {"min", "max", "labels"}, "scoring.")
    low = reader.integer(table.get("min"), "scoring.min", minimum=0)
    high = reader.integer(table.get("max"), "scoring.max", minimum=1)
    if high <= low:
        reader.fail("scoring.max", _("must be greater than scoring.min"))
        return low, low, {}
    if high - low > 10:
        reader.fail("scoring.max", _("allows at most eleven score levels"))
        return low, low, {}
    labels_raw = reader.table(table.get("labels"), "scoring.labels")
    labels = _levels(reader, labels_raw, "scoring.labels", low, high)
    return low, high, labels


def _levels(reader: _Reader, table: dict, key: str, low: int, high: int) -> dict:
    expected = {str(score) for score in range(low, high + 1)}
    reader.unknown(table, expected, f"{key}.")
    return {
        str(score): reader.translated(table.get(str(score)), f"{key}.{score}")
        for score in range(low, high + 1)
    }


def _criteria(reader: _Reader, data: Any, low: int, high: int) -> list[CriterionDefinition]:
    if not isinstance(data, list) or not data:
        reader.fail("criteria", _("must list at least one criterion"))
        return []
    criteria = []
    for number, item in enumerate(data, start=1):
        key = f"criteria[{number}]"
        table = reader.table(item, key)
        reader.unknown(table, {"title", "text", "weight", "guidance", "max_characters"}, f"{key}.")
        max_characters = table.get("max_characters", 2000)
        if (
            isinstance(max_characters, bool)
            or not isinstance(max_characters, int)
            or not (100 <= max_characters <= 20000)
        ):
            reader.fail(f"{key}.max_characters", _("must be a whole number from 100 to 20000"))
            max_characters = 2000
        weight = Decimal(1)
        raw_weight = table.get("weight", 1)
        try:
            if isinstance(raw_weight, bool):
                raise InvalidOperation
            weight = Decimal(str(raw_weight))
            if not (Decimal(0) < weight <= Decimal(99)):
                raise InvalidOperation
        except InvalidOperation:
            reader.fail(f"{key}.weight", _("must be a number greater than 0 and at most 99"))
        guidance = reader.table(table.get("guidance"), f"{key}.guidance")
        criteria.append(
            CriterionDefinition(
                title=reader.translated(table.get("title"), f"{key}.title"),
                text=reader.translated(table.get("text"), f"{key}.text"),
                weight=weight,
                guidance=_levels(reader, guidance, f"{key}.guidance", low, high)
                if guidance
                else {},
                max_characters=max_characters,
            )
        )
    return criteria
