"""The staff list of nominations as a table to download (core.tables). Like the list on screen:
no nominator's contact details and no criteria answers (those stay behind the nomination's own
page). The answers to the award's own questions follow, one column each, headed by its key (as
stored: an option's key, a number, a date), a retired question's too; a question whose answer
is personal data has no column, since nothing in this table is."""

from datetime import date

from django.utils.translation import gettext as _

from laurel.cycles.models import Question


def exported_questions(questions: list[Question]) -> list[Question]:
    """The award's questions with a column in the table: those that are not personal data."""
    return [question for question in questions if not question.personal]


def _answer(question: Question, value):
    if question.kind == "date" and isinstance(value, str) and value:
        return date.fromisoformat(value)  # a date in a spreadsheet, not text
    return value


def nomination_table(nominations, questions: list[Question]) -> tuple[list[str], list[list]]:
    columns = exported_questions(questions)
    header = [
        _("Reference"), _("State"), _("Organisation"), _("Country"), _("Relationship"),
        _("Submitted"), _("Held for moderation"), _("Why held"), _("Safeguarding flags"),
        _("Languages of the answers"), _("Attachments"), *(q.key for q in columns),
    ]  # fmt: skip
    rows = [
        [n.reference, n.get_state_display(), n.org_name, n.org_country,
         n.get_relationship_display(), n.submitted_at, n.held_for_moderation,
         n.moderation_reason, sorted({flag.get("kind", "") for flag in n.safeguarding_flags}),
         sorted(set(n.answer_languages.values())), n.attachment_count,
         *(_answer(q, (n.question_answers or {}).get(q.key)) for q in columns)]
        for n in nominations
    ]  # fmt: skip
    return header, rows
