"""The values of an award file, each a type that checks itself (laurel.cycles.award_schema
puts them in tables).

TOML has types of its own, so nothing is converted: a number in quotes is a text. A value of a
type of our own (a slug, an email address, a weight…) that is wrong says so in the house words,
in the reader's language (`refused`); pydantic's own problems (a missing key, a table that is
not one) are put in those words by laurel.cycles.definition. pydantic locates each problem; a
check that finds several at once (the levels of a scale, repeated countries) reports each at
its own key (`Found`).
"""

import re
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PlainValidator,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError, core_schema


class Table(BaseModel):
    """A table of the file: an unknown key in it is refused."""

    # A web worker imports this module; a schema is built when the first file is read.
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)


EXTRA_COUNTRIES = {"XK"}  # Kosovo: not in ISO 3166-1, but a user-assigned code everyone uses.
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,58}$")
REFERENCE_PREFIX = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,11}$")
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
LOGO = re.compile(r"^[a-z0-9][a-z0-9/_.-]*\.(svg|png)$")


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def working_languages() -> list[str]:
    return list(settings.WORKING_LANGUAGES)


def public_languages() -> list[str]:
    return list(settings.PUBLIC_LANGUAGES)


def refused(message: str) -> PydanticCustomError:
    """A problem in the house words (already in the reader's language)."""
    return PydanticCustomError("award", "{message}", {"message": message})


@dataclass
class Reading:
    """What a table read earlier tells one read later (the validation context): the time zone
    the dates are local to, the levels of the scale each criterion's guidance gives. Fields are
    read in the order they are declared, so `time_zone` comes before `dates` and `scoring`
    before `criteria`."""

    zone: zoneinfo.ZoneInfo | None = None
    levels: list[str] | None = None
    # The award's working languages ([languages]): every text is given in each of them.
    working: list[str] | None = None


def reading(info: ValidationInfo) -> Reading:
    return info.context if isinstance(info.context, Reading) else Reading()


class Found:
    """Several problems one check finds, each at its own key below the value it reads."""

    def __init__(self) -> None:
        self.problems: list[InitErrorDetails] = []

    def add(self, at: str | int, problem: str | PydanticCustomError, value: Any) -> None:
        """`problem`: pydantic's own error type ("missing") or one in the house words."""
        self.problems.append({"type": problem, "loc": (at,), "input": value})

    def within(self, handler: ValidatorFunctionWrapHandler, value: Any) -> Any:
        """The value as `handler` validates it, or None with its problems added to these."""
        try:
            return handler(value)
        except ValidationError as error:
            for problem in error.errors():
                again = PydanticCustomError(problem["type"], problem["type"], problem.get("ctx"))
                self.problems.append(
                    {"type": again, "loc": problem["loc"], "input": problem["input"]}
                )
            return None

    def check(self) -> None:
        if self.problems:
            raise ValidationError.from_exception_data("award file", self.problems)


def matching(pattern: re.Pattern[str], message: Promise) -> PlainValidator:
    def check(value: Any) -> str:
        if isinstance(value, str) and pattern.match(value):
            return value
        raise refused(str(message))

    return PlainValidator(check)


def at_most(limit: int) -> PlainValidator:
    """A text of at most `limit` characters, without the white space around it."""

    def check(value: Any) -> str:
        if isinstance(value, str) and len(value.strip()) <= limit:
            return value.strip()
        raise refused(_("must be a text of at most %(limit)s characters") % {"limit": limit})

    return PlainValidator(check)


def at_least_one(message: Promise) -> BeforeValidator:
    def check(value: Any) -> list[Any]:
        if isinstance(value, list) and value:
            return value
        raise refused(str(message))

    return BeforeValidator(check)


def _time_zone(value: Any) -> str:
    try:
        if isinstance(value, str) and value and zoneinfo.ZoneInfo(value):
            return value
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    raise refused(_("must be a time zone name such as Europe/Stockholm"))


def _email(value: Any) -> str:
    if isinstance(value, str) and EMAIL.match(value.strip()):
        return value.strip()
    raise refused(_("must be an email address such as award@example.org"))


def _plain_name(value: str) -> str:
    # A header value: no line break or other control character (a CR alone would end the
    # From header for some mail servers), nor the characters that make it an address.
    if any(character in '<>",@' or not character.isprintable() for character in value):
        raise refused(_('must be a plain name without <, >, ", @ or ,'))
    return value


def _link(value: str) -> str:
    if not value.startswith("https://") or any(c.isspace() for c in value):
        raise refused(_("must be a link (https://…)"))
    return value


def _logo(value: Any) -> str:
    if not isinstance(value, str) or not LOGO.match(value):
        raise refused(_("must be the path of an SVG or PNG file under static/"))
    if finders.find(value) is None:
        raise refused(_("does not exist under static/: %(path)s") % {"path": value})
    return value


def _language(value: Any) -> str:
    if value not in languages():
        raise refused(
            _("must be one of the site's languages: %(codes)s") % {"codes": ", ".join(languages())}
        )
    return str(value)


def _currency(value: Any) -> str:
    import pycountry  # its code lists load with the first award file read, not at start-up

    if isinstance(value, str) and pycountry.currencies.get(alpha_3=value) is not None:
        return value
    raise refused(_("must be a currency code such as SEK or EUR"))


def _country(value: Any) -> str:
    import pycountry

    if isinstance(value, str) and (
        value in EXTRA_COUNTRIES or pycountry.countries.get(alpha_2=value) is not None
    ):
        return value
    raise refused(_("is not a two-letter country code"))


def _no_repeats(value: list[Any], handler: ValidatorFunctionWrapHandler) -> list[str]:
    """Each country once: a code given again is a problem at its place in the list."""
    found = Found()
    codes = found.within(handler, value)
    wrong = {problem["loc"][0] for problem in found.problems}
    seen = set()
    for index, code in enumerate(value):
        if index in wrong:
            continue
        if code in seen:
            found.add(index, refused(_("repeats %(code)s") % {"code": code}), code)
        seen.add(code)
    found.check()
    return codes


def _weight(value: Any) -> Decimal:
    """A number, or a text that is one ("1.5"), as a Decimal: 1.1 is 1.1, not 1.1000000000000001."""
    try:
        weight = Decimal(str(value))
        if not isinstance(value, bool) and Decimal(0) < weight <= Decimal(99):
            return weight
    except InvalidOperation:  # not a number, or NaN
        pass
    raise refused(_("must be a number greater than 0 and at most 99"))


def _max_characters(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 20000:
        return value
    raise refused(_("must be a whole number from 100 to 20000"))


def _levels(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    """A label or a guidance for each level of the scale, `1 = { sv = "…", en = "…" }`, in
    the scale's order (unchecked where [scoring] itself is wrong)."""
    levels = reading(info).levels
    if levels is None or not isinstance(value, dict):
        return handler(value)
    found = Found()
    for key in value:
        if key not in levels:
            found.add(key, "extra_forbidden", value[key])
    for level in levels:
        if level not in value:
            found.add(level, "missing", value)
    table = found.within(handler, {key: text for key, text in value.items() if key in levels})
    found.check()
    return {level: table[level] for level in levels}


Slug = Annotated[
    str, matching(SLUG, gettext_lazy("must be lower-case letters, digits and hyphens (2 to 59)"))
]
ReferencePrefix = Annotated[
    str,
    matching(
        REFERENCE_PREFIX, gettext_lazy("must be capital letters, digits and hyphens (1 to 12)")
    ),
]
TimeZone = Annotated[str, PlainValidator(_time_zone)]
Count = Annotated[int, Field(ge=1)]
Amount = Annotated[int, Field(ge=0)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Email = Annotated[str, PlainValidator(_email)]
SenderName = Annotated[str, at_most(80), AfterValidator(_plain_name)]
Logo = Annotated[str, PlainValidator(_logo)]
Language = Annotated[str, PlainValidator(_language)]
Currency = Annotated[str, PlainValidator(_currency)]
Weight = Annotated[Decimal, PlainValidator(_weight)]
MaxCharacters = Annotated[int, PlainValidator(_max_characters)]


class Translated(dict[str, str]):
    """A table with a text in each of the award's working languages ([languages] working, by
    default settings.WORKING_LANGUAGES: `sv = "…"` and `en = "…"`), none empty, and in any of
    its public languages it gives (or its translation files give: cycles.translations)."""

    text: ClassVar[Any] = Text
    marked: ClassVar[bool] = False

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        field = core_schema.typed_dict_field
        text = handler.generate_schema(cls.text)
        fields = {code: field(text, required=False) for code in languages()}
        if cls.marked:
            fields["language"] = field(handler.generate_schema(Language), required=False)
        schema = core_schema.typed_dict_schema(fields, extra_behavior="forbid")
        return core_schema.with_info_after_validator_function(_in_working_languages, schema)


def _in_working_languages(value: dict, info: ValidationInfo) -> dict:
    found = Found()
    for code in reading(info).working or working_languages():
        if code not in value:
            found.add(code, "missing", value)
    found.check()
    return value


class Marked(Translated):
    """A text that may be written in one language for every page (the theme "Slipping through
    the net" is English on the Swedish pages too): `language = "en"` says which, so pages mark
    it (WCAG 3.1.2)."""

    marked = True


class Links(Translated):
    """A link (https://…) in each language."""

    text = Annotated[Text, AfterValidator(_link)]


ScoreLevels = Annotated[dict[str, Translated], WrapValidator(_levels)]
CountryCodes = Annotated[
    list[Annotated[str, PlainValidator(_country)]],
    WrapValidator(_no_repeats),
    at_least_one(gettext_lazy("must list at least one country code")),
]
