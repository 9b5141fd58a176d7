"""Award definition files: a TOML file read into a checked `AwardDefinition`.

Another year, another theme, another award: a new file, no code change. The file's schema is
`laurel.cycles.award_schema`; here it is read, its problems are named by key in the reader's
language, and what it says becomes the cycle's fields.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from laurel.cycles import translations
from laurel.cycles.award_questions import TEXT_KINDS, Question, check_questions
from laurel.cycles.award_schema import AwardFile, Organiser
from laurel.cycles.award_values import Reading
from laurel.cycles.enums import DATE_FIELDS

# The file names each date without the "_at" of the model field.
DATE_KEYS = [name.removesuffix("_at") for name in DATE_FIELDS]
TRANSLATED_KEYS = [
    "name",
    "theme",
    "theme_description",
    "background",
    "criteria_intro",
    "benefits_intro",
    "closing",
]
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
    "privacy_authority": {},
    "privacy_contact": "",
    "dpo_email": "",
}
# pydantic's own problems in the house words: its English never reaches the reader. The checks
# of award_schema say their problems in those words themselves (the error type "award").
MESSAGES = {
    "missing": gettext_lazy("is missing"),
    "extra_forbidden": gettext_lazy("is not a known key"),
    "model_type": gettext_lazy("must be a table"),
    "dict_type": gettext_lazy("must be a table"),
    "list_type": gettext_lazy("must be a list, such as [[questions]] tables"),
    "int_type": gettext_lazy("must be a whole number"),
    "greater_than_equal": gettext_lazy("must be at least %(minimum)s"),
    "less_than_equal": gettext_lazy("must be at most %(maximum)s"),
    "string_too_long": gettext_lazy("must be a text of at most %(limit)s characters"),
    "too_long": gettext_lazy("must list at most %(limit)s"),
    "string_type": gettext_lazy("must be a text that is not empty"),
    "string_too_short": gettext_lazy("must be a text that is not empty"),
    "datetime_type": gettext_lazy("must be a date and time such as 2021-04-23T09:00:00"),
}


_QUESTIONS = TypeAdapter(list[Question], config=ConfigDict(strict=True))


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
    # The award's own questions, in order: each the fields of a cycles.Question.
    questions: list[dict[str, Any]] = field(default_factory=list)
    # The organiser's identity and the theme's language: Cycle fields of the same names.
    identity: dict[str, Any] = field(default_factory=dict)
    # working_languages, public_languages and translations ({code: {"from", "checked"}}).
    languages: dict[str, Any] = field(default_factory=dict)


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
    return parse(raw, translated=translate(path, raw))


def translate(path: Path, raw: dict) -> dict[str, dict]:
    """Merge the translation files of the award file at `path` (cycles.translations) into
    `raw`, that file's contents as read (or changed since); what each file is."""
    declared = raw.get("languages", {}) if isinstance(raw.get("languages"), dict) else {}
    public = declared.get("public", [])
    found: dict[str, dict] = {}
    problems: list[tuple[str, str]] = []
    for code, file in translations.translation_files(path, public).items():
        if not isinstance(public, list) or code not in public:
            problems.append((file.name, _("is for a language [languages] public does not name")))
            continue
        try:
            text = tomllib.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            problems.append((file.name, _("is not valid TOML: %(error)s") % {"error": error}))
            continue
        found[code], wrong = translations.merge(raw, text, code, file.name)
        problems += wrong
    if problems:
        raise DefinitionError(problems)
    return found


def plain_name(text: str) -> str:
    """A name fit for an email header: each line break or control character a space."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def parse(raw: dict, *, translated: dict[str, dict] | None = None) -> AwardDefinition:
    """The award a parsed file describes, or DefinitionError naming every problem by its key.
    `translated`: the languages its translation files gave (cycles.translations), as read_file
    merged them into `raw`."""
    try:
        award = AwardFile.model_validate(raw, context=Reading())
    except ValidationError as error:
        problems = error.errors(include_url=False)
        raise DefinitionError(
            [(key(problem["loc"]), message(problem)) for problem in problems]
        ) from None
    theme = dict(award.theme)
    theme_language = theme.pop("language", "")
    texts = {name: dict(getattr(award, name)) for name in TRANSLATED_KEYS}
    return AwardDefinition(
        slug=award.slug,
        reference_prefix=award.reference_prefix,
        time_zone=award.time_zone,
        laureate_count=award.laureate_count,
        texts=texts | {"theme": theme, "organiser": dict(award.organiser.name)},
        benefits=[dict(benefit) for benefit in award.benefits],
        prize_amount=award.prize.amount,
        prize_currency=award.prize.currency,
        prize_funder=dict(award.prize.funder),
        dates={
            name: getattr(award.dates, date)
            for date, name in zip(DATE_KEYS, DATE_FIELDS, strict=True)
        },
        eligible_countries=award.eligibility.countries,
        region=dict(award.eligibility.region),
        score_min=award.scoring.min,
        score_max=award.scoring.max,
        score_labels=award.scoring.labels,
        criteria=[
            CriterionDefinition(
                title=dict(criterion.title),
                text=dict(criterion.text),
                weight=criterion.weight,
                guidance=criterion.guidance,
                max_characters=criterion.max_characters,
            )
            for criterion in award.criteria
        ],
        questions=[question_values(question) for question in award.questions],
        identity=identity(award.organiser) | {"theme_language": theme_language},
        languages={
            "working_languages": award.languages.working,
            "public_languages": award.languages.public,
            "translations": translated or {},
        },
    )


def question_values(question: Question) -> dict[str, Any]:
    """A checked question as the fields of a cycles.Question."""
    return {
        "key": question.key,
        "kind": question.kind,
        "label": dict(question.label),
        "help": dict(question.help),
        "section": question.section,
        "required": question.required,
        "max_characters": question.characters,
        "options": [
            {"key": option.key, "label": dict(option.label)} for option in question.options
        ],
        "min_value": question.min,
        "max_value": question.max,
        "shown_if": question.shown_if.model_dump() if question.shown_if else None,
        "visible_to": question.visible_to,
        "personal": question.personal,
        "retired": question.retired,
    }


def as_written(row: Any) -> dict[str, Any]:
    """A cycles.Question as the award file writes it ([[questions]]): what staff edit."""
    written: dict[str, Any] = {"key": row.key, "kind": row.kind, "label": dict(row.label)}
    if row.help:
        written["help"] = dict(row.help)
    written |= {"section": row.section, "required": row.required}
    if row.kind in TEXT_KINDS and row.max_characters:
        written["max_characters"] = row.max_characters
    if row.options:
        written["options"] = [dict(option) for option in row.options]
    for name, value in (("min", row.min_value), ("max", row.max_value)):
        if value is not None:
            written[name] = value
    if row.shown_if:
        written["shown_if"] = dict(row.shown_if)
    return written | {
        "visible_to": row.visible_to,
        "personal": row.personal,
        "retired": row.retired,
    }


def parse_questions(raw: list[dict], *, working: list[str]) -> list[dict[str, Any]]:
    """Questions as the award file writes them, checked as the file's are (the staff area's
    editor): the fields of each cycles.Question, or DefinitionError naming every problem by its
    key (`questions[2].label.en`)."""
    try:
        questions = _QUESTIONS.validate_python(raw, context=Reading(working=working))
        check_questions(questions)
    except ValidationError as error:
        problems = error.errors(include_url=False)
        raise DefinitionError(
            [(key(("questions", *problem["loc"])), message(problem)) for problem in problems]
        ) from None
    except PydanticCustomError as error:
        raise DefinitionError([("questions", str(error.context["message"]))]) from None
    return [question_values(question) for question in questions]


def identity(organiser: Organiser) -> dict[str, Any]:
    """[organiser] as the cycle's fields of the same names."""
    if organiser.name_only:
        return dict(EMPTY_IDENTITY)
    return {
        "sender_name": organiser.sender_name or plain_name(organiser.name.get("en", ""))[:80],
        "sender_email": organiser.sender_email,
        "reply_to": organiser.reply_to,
        "contact_email": organiser.contact_email,
        "postal_address": organiser.postal_address,
        "phone": organiser.phone,
        "code_of_conduct": dict(organiser.code_of_conduct),
        "logo": organiser.logo,
        "controller": dict(organiser.privacy.controller),
        "privacy_authority": dict(organiser.privacy.authority),
        "privacy_contact": organiser.privacy.email,
        "dpo_email": organiser.privacy.dpo_email,
    }


def key(location: tuple[str | int, ...]) -> str:
    """The key a problem is at, as the file's reader names it: `criteria[2].weight` (the
    second criterion: pydantic counts items from 0, a person from 1)."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else part
    return path


def message(problem: ErrorDetails) -> str:
    """A problem in the house words: those a check of award_values gave it, or MESSAGES's."""
    context = problem.get("ctx") or {}
    if problem["type"] == "award":
        return str(context["message"])
    words = MESSAGES.get(problem["type"], gettext_lazy("does not have a valid value"))
    # The parameters of Field(ge=…, le=…, max_length=…) and StringConstraints(max_length=…).
    return str(words) % {
        "minimum": context.get("ge"),
        "maximum": context.get("le"),
        "limit": context.get("max_length"),
    }
