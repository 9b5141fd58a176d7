"""The safeguarding findings on the review page: each finding with what the nominator said of it
(kept, and why), checked; and the free texts with the findings marked in place."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from laurel.nominations.safeguarding import KIND_LABELS, Finding, marked

MAX_REASON = 200
MARK_LABEL = gettext_lazy("Safeguarding check, %(kind)s")
# For each kind of finding, a reason a nominator might truly give: an example that fits the kind
# (a public helpline number says nothing about why "Maria, 12" would identify no one).
REASON_EXAMPLES = {
    "name_and_age": gettext_lazy(
        "“Lena 2021” is the name of our campaign and its year, not a person."
    ),
    "phone": gettext_lazy("This is the organisation's public helpline number."),
    "identity_number": gettext_lazy("This is the organisation's registration number."),
    "address": gettext_lazy("This is the address of the organisation's office."),
    "private_email": gettext_lazy("This is the address the organisation publishes for contact."),
    "social_handle": gettext_lazy("This is the organisation's own public account."),
}


def texts_of(nomination) -> dict[str, str]:
    return nomination.free_texts()


class FindingChoice:
    """One safeguarding finding on the review page: what it is, and what the nominator said."""

    def __init__(self, finding, data, kept_before: dict | None = None):
        self.finding = finding
        self.key = finding.key
        if data is not None:
            self.keep = bool(data.get(f"keep-{self.key}"))
            self.reason = data.get(f"reason-{self.key}", "").strip()
        else:
            # A passage the nominator already kept, with a reason, when they last confirmed the
            # nomination comes ticked with that reason (still shown, still changeable).
            previous = (kept_before or {}).get((finding.kind, finding.text))
            self.keep, self.reason = previous is not None, previous or ""
        self.error = ""

    @property
    def example(self) -> str:
        return str(REASON_EXAMPLES.get(self.finding.kind, REASON_EXAMPLES["phone"]))

    @property
    def field_anchor(self) -> str:
        return f"id_{self.finding.field}"

    def check(self) -> bool:
        label = self.finding.name
        if not self.keep:
            self.error = _(
                "Remove this %(kind)s by changing your text, or tick that it identifies no one "
                "and say why."
            ) % {"kind": label}
        elif not self.reason:
            self.error = _("Say why this %(kind)s identifies no one. For example: %(example)s") % {
                "kind": label,
                "example": self.example,
            }
        elif len(self.reason) > MAX_REASON:
            self.error = _("Shorten the reason to %(limit)s characters or fewer.") % {
                "limit": MAX_REASON
            }
        return not self.error

    def as_confirmation(self) -> dict[str, str]:
        return {**self.finding.as_flag(), "reason": self.reason}


def marked_texts(subject, findings) -> dict[str, object]:
    """Each free text with its findings marked in place, by the summary's keys."""
    result = {}
    for field, text in texts_of(subject).items():
        own = [finding for finding in findings if finding.field == field]
        key = field.removeprefix("answer_")
        result[key] = marked(text or "", own, label=str(MARK_LABEL))
    return result


def stored_findings(nomination) -> list[Finding]:
    """What the safeguarding check found when the nomination was last submitted (its flags),
    for staff: each names the field it was found in."""
    return [
        Finding(flag["field"], flag["kind"], flag["text"])
        for flag in nomination.safeguarding_flags
        if flag.get("kind") in KIND_LABELS and flag.get("field") and flag.get("text")
    ]
