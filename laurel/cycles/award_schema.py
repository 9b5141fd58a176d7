"""The award file's schema: a pydantic model a table, in the order of awards/child10-2022.toml
(whose comments say what each key is for). An unknown key is refused in every table."""

import functools
import zoneinfo
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Self

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import (
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainValidator,
    PrivateAttr,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

from laurel.cycles.award_questions import Question, check_questions
from laurel.cycles.award_values import (
    Amount,
    Count,
    CountryCodes,
    Currency,
    Email,
    Links,
    Logo,
    Marked,
    MaxCharacters,
    ReferencePrefix,
    ScoreLevels,
    SenderName,
    Slug,
    Table,
    TimeZone,
    Translated,
    Weight,
    at_least_one,
    at_most,
    languages,
    public_languages,
    reading,
    refused,
    working_languages,
)


@functools.cache
def _names() -> TypeAdapter[Translated]:
    return TypeAdapter(Translated, config=ConfigDict(strict=True))


class Privacy(Table):
    """[organiser.privacy], for the privacy notice (GDPR Art. 13)."""

    controller: Translated = Field(default_factory=Translated)  # its legal name
    # The supervisory authority a person may complain to, as the notice names it (its name and
    # web address): the one of the controller's country. Without it, the notice names none.
    authority: Translated = Field(default_factory=Translated)
    email: Email = ""  # for data-protection questions
    dpo_email: Email = ""  # the data protection officer's, if it has one


class Organiser(Table):
    """[organiser]: who runs the award, as the public and every email see it. Only `name` is
    required; awards/child10-2022.toml says what each key is for."""

    name: Translated
    sender_name: SenderName = ""
    sender_email: Email = ""
    reply_to: Email = ""
    contact_email: Email = ""
    postal_address: Annotated[str, at_most(300)] = ""
    phone: Annotated[str, at_most(40)] = ""
    code_of_conduct: Links = Field(default_factory=Links)
    logo: Logo = ""  # a file under static/
    privacy: Privacy = Field(default_factory=Privacy)
    _name_only: bool = PrivateAttr(default=False)

    @property
    def name_only(self) -> bool:
        return self._name_only

    @model_validator(mode="wrap")
    @classmethod
    def _old_form(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        """The old form, only a name in each language (`[organiser] sv = "..." en = "..."`),
        still loads: the rest is then left empty, and the site falls back to
        DEFAULT_FROM_EMAIL for its emails."""
        if not (isinstance(data, dict) and data and set(data) <= set(languages())):
            return handler(data)
        organiser = handler({"name": _names().validate_python(data)})
        organiser._name_only = True
        return organiser


class Prize(Table):
    amount: Amount
    currency: Currency
    funder: Translated


class Dates(Table):
    """[dates]: when each phase starts (laurel.cycles.enums.PHASE_STARTS, without the "_at"),
    each later than the one before. A date without an offset is a local time in `time_zone`."""

    nominations_open: datetime
    nominations_close: datetime
    review_open: datetime
    review_close: datetime
    decision: datetime
    programme_start: datetime
    archive: datetime

    @field_validator("*")
    @classmethod
    def _local_and_in_order(cls, value: datetime, info: ValidationInfo) -> datetime:
        zone = reading(info).zone
        if value.tzinfo is None and zone is not None:
            value = value.replace(tzinfo=zone)
        names = list(cls.model_fields)
        earlier = [name for name in names[: names.index(str(info.field_name))] if name in info.data]
        if earlier:
            before = info.data[earlier[-1]]
            # Without a valid time zone, a local time and one with an offset do not compare.
            if (before.tzinfo is None) == (value.tzinfo is None) and value <= before:
                raise refused(_("must be later than dates.%(key)s") % {"key": earlier[-1]})
        return value


class Eligibility(Table):
    countries: CountryCodes
    region: Translated


class Scoring(Table):
    """[scoring]: the scale every criterion is scored on, at most eleven levels, each with a
    label (`[scoring.labels]`)."""

    min: Amount
    max: Count
    labels: ScoreLevels

    @field_validator("max")
    @classmethod
    def _the_levels(cls, high: int, info: ValidationInfo) -> int:
        low = info.data.get("min")
        if low is None:
            return high
        if high <= low:
            raise refused(_("must be greater than scoring.min"))
        if high - low > 10:
            raise refused(_("allows at most eleven score levels"))
        reading(info).levels = [str(score) for score in range(low, high + 1)]
        return high


class Criterion(Table):
    """One [[criteria]]: what the committee scores, with guidance for each level."""

    title: Translated
    text: Translated
    weight: Weight = Decimal(1)
    guidance: ScoreLevels
    max_characters: MaxCharacters = 2000  # of the nominator's answer


def _codes(allowed: Callable[[], list[str]], what: Any) -> Any:
    """A list of language codes, each once, each one Laurel offers as `what`."""

    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or not value:
            raise refused(_("must list at least one language code"))
        codes = allowed()
        for code in value:
            if code not in codes:
                raise refused(
                    str(what) % {"code": code, "codes": ", ".join(codes)}
                    if isinstance(code, str)
                    else _('must list language codes such as "en"')
                )
        if len(set(value)) != len(value):
            raise refused(_("names a language twice"))
        return list(value)

    return PlainValidator(check)


class Languages(Table):
    """[languages]: the working languages (staff and committee pages; each text of the file is
    given in each) and the public languages (the call, the form, the public's emails). Laurel
    offers a language only where its catalogue is complete (settings, cycles.catalogue)."""

    working: Annotated[
        list[str],
        _codes(
            working_languages,
            gettext_lazy("%(code)s is not a working language Laurel has; it has: %(codes)s"),
        ),
    ] = Field(default_factory=working_languages)
    public: Annotated[
        list[str],
        _codes(
            public_languages,
            gettext_lazy("%(code)s is not a public language Laurel has; it has: %(codes)s"),
        ),
    ] = Field(default_factory=working_languages)

    @model_validator(mode="after")
    def _working_is_public(self, info: ValidationInfo) -> Self:
        missing = [code for code in self.working if code not in self.public]
        if missing:
            raise refused(
                _("public must include every working language (missing: %(codes)s)")
                % {"codes": ", ".join(missing)}
            )
        reading(info).working = self.working
        return self


class AwardFile(Table):
    """An award file, as awards/child10-2022.toml documents it."""

    slug: Slug
    # First: every text after it is checked against its working languages.
    languages: Languages = Field(default_factory=Languages)
    reference_prefix: ReferencePrefix = "NOM"  # nomination references read like NOM-7K3Q
    time_zone: TimeZone
    laureate_count: Count
    organiser: Organiser
    name: Translated
    theme: Marked
    theme_description: Translated
    background: Translated
    criteria_intro: Translated = Field(default_factory=Translated)
    closing: Translated = Field(default_factory=Translated)
    benefits_intro: Translated
    benefits: Annotated[
        list[Translated], at_least_one(gettext_lazy("must list at least one benefit"))
    ]
    prize: Prize
    dates: Dates
    eligibility: Eligibility
    scoring: Scoring
    criteria: Annotated[
        list[Criterion], at_least_one(gettext_lazy("must list at least one criterion"))
    ]
    # The award's own questions on the form (laurel.cycles.award_questions).
    questions: list[Question] = Field(default_factory=list)

    @field_validator("questions")
    @classmethod
    def _questions_agree(cls, value: list[Question]) -> list[Question]:
        return check_questions(value)

    @field_validator("time_zone")
    @classmethod
    def _the_dates_zone(cls, value: str, info: ValidationInfo) -> str:
        reading(info).zone = zoneinfo.ZoneInfo(value)
        return value
