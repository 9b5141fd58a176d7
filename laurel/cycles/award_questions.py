"""The award file's own questions (`[[questions]]`): what the nomination form asks beyond the
organisation, the criteria and the nominator, defined by the award rather than by code.

Each question has a key (how its answer is stored and exported), a kind, its texts in every
language, the form section it is asked in, and may be asked only when an earlier question has
a given answer (`shown_if`). Who sees the answer (`visible_to`) and whether it is personal data
(`personal`) go with it. A question answered once is never removed from the file, only
`retired`: the answers given stay readable.
"""

import re
from typing import Annotated, Literal, Self

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import Field, StringConstraints, model_validator

from laurel.cycles.award_values import Table, Translated, matching, refused

KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
QuestionKey = Annotated[
    str,
    matching(
        KEY,
        gettext_lazy("must start with a letter and be lower-case letters, digits and _ (1 to 40)"),
    ),
]
TEXT_KINDS = ("short_text", "long_text")
CHOICE_KINDS = ("single_choice", "multiple_choice")
# What `shown_if` may ask about: a question whose answers are a known set of values.
CONDITION_KINDS = (*CHOICE_KINDS, "yes_no")
Kind = Literal[
    "short_text",
    "long_text",
    "single_choice",
    "multiple_choice",
    "yes_no",
    "number",
    "date",
    "url",
    "email",
    "country",
    "file",
]
# The sections of the form a question may be asked in (nominations.forms.SECTIONS).
Section = Literal["organisation", "criteria", "evidence", "nominator"]
# The default length of a text answer, where the file gives none.
DEFAULT_CHARACTERS = {"short_text": 200, "long_text": 2000}


class OptionLabel(Translated):
    """An option's text: a few words, as a radio button or a checkbox shows them."""

    text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class Option(Table):
    """One answer of a choice question: its key (stored) and its label in each language."""

    key: QuestionKey
    label: OptionLabel


class Condition(Table):
    """Ask the question only when the earlier question `question` has one of `equals`."""

    question: QuestionKey
    equals: Annotated[list[str], Field(min_length=1)]


class Question(Table):
    key: QuestionKey
    kind: Kind
    label: Translated
    help: Translated = Field(default_factory=Translated)
    section: Section = "organisation"
    required: bool = False
    # Text kinds only: a short answer may be short (a name, 60); a long one as a criterion's.
    max_characters: Annotated[int, Field(ge=1, le=20000)] | None = None
    options: Annotated[list[Option], Field(max_length=50)] = Field(default_factory=list)
    # number only; stored as a 32-bit whole number
    min: Annotated[int, Field(ge=-(2**31), le=2**31 - 1)] | None = None
    max: Annotated[int, Field(ge=-(2**31), le=2**31 - 1)] | None = None
    shown_if: Condition | None = None
    visible_to: Literal["staff", "committee", "public"] = "staff"
    personal: bool = False
    retired: bool = False

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Self:
        if self.kind in CHOICE_KINDS and len(self.options) < 2:
            raise refused(_("a choice question must list at least two options"))
        if self.kind not in CHOICE_KINDS and self.options:
            raise refused(_("only a choice question has options"))
        if len({option.key for option in self.options}) != len(self.options):
            raise refused(_("gives the same option key twice"))
        if self.kind != "number" and (self.min is not None or self.max is not None):
            raise refused(_("only a number question has a min and a max"))
        if self.min is not None and self.max is not None and self.min > self.max:
            raise refused(_("its min must not be greater than its max"))
        if self.kind not in TEXT_KINDS and self.max_characters is not None:
            raise refused(_("only a text question has max_characters"))
        if self.personal and self.visible_to == "public":
            raise refused(_("an answer that is personal data cannot be public"))
        if self.kind == "file" and self.visible_to != "staff":
            # A document is neither redacted nor translated: the committee reads what staff
            # write in its version of the nomination, as with the nominators' other documents.
            raise refused(_("a file answer is read by staff only"))
        return self

    @property
    def characters(self) -> int | None:
        if self.kind not in TEXT_KINDS:
            return None
        return self.max_characters or DEFAULT_CHARACTERS[self.kind]

    def values(self) -> list[str]:
        """The answers a condition may name (a choice's option keys, yes and no)."""
        if self.kind == "yes_no":
            return ["yes", "no"]
        return [option.key for option in self.options]


def check_questions(questions: list[Question]) -> list[Question]:
    """Keys once each; a condition names an earlier question with a known set of answers, and
    answers among them. Raised as the first problem found (the file's reader names its key)."""
    seen: dict[str, Question] = {}
    for question in questions:
        if question.key in seen:
            raise refused(_("the key %(key)s is given twice") % {"key": question.key})
        condition = question.shown_if
        if condition is not None:
            earlier = seen.get(condition.question)
            if earlier is None:
                raise refused(
                    _("%(key)s is shown if %(other)s, which is not an earlier question")
                    % {"key": question.key, "other": condition.question}
                )
            if earlier.retired and not question.retired:
                raise refused(
                    _("%(key)s is shown if %(other)s, which is retired")
                    % {"key": question.key, "other": earlier.key}
                )
            if earlier.kind not in CONDITION_KINDS:
                raise refused(
                    _("%(key)s may be shown only by a choice or yes/no question")
                    % {"key": question.key}
                )
            unknown = [value for value in condition.equals if value not in earlier.values()]
            if unknown:
                raise refused(
                    _("%(key)s is shown if %(other)s is %(value)s, which it cannot be")
                    % {"key": question.key, "other": earlier.key, "value": unknown[0]}
                )
        seen[question.key] = question
    return questions
