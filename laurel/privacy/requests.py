"""Data-subject requests: open one with its due date, export what is held (JSON and PDF),
correct an email address or a name, erase, and close. Each step is in the audit log, without
the data itself.

Rights of others: an organisation's export never names or describes its nominators; a person's
export shows what reviewers and staff wrote about them without saying who wrote it.
"""

import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from laurel.accounts.models import User
from laurel.candidates.models import (
    CandidateNote,
    ClaimInvitation,
    ContactChange,
    DiligenceCheck,
    Organisation,
)
from laurel.core.logging import redact_links
from laurel.core.models import AuditEntry
from laurel.core.pdf import render_pdf
from laurel.core.personal import Kind
from laurel.core.services import ServiceError, TransitionRefused, record, transition
from laurel.nominations.models import NOMINATOR_FIELDS, ORGANISATION_FIELDS, Nomination
from laurel.notifications.models import Suppression
from laurel.notifications.services import cancel_waiting, suppress, unsuppress
from laurel.privacy import subjects
from laurel.privacy.enums import REQUEST_TRANSITIONS
from laurel.privacy.models import SubjectRequest
from laurel.privacy.retention import anonymise_nominations
from laurel.review.models import Comment, Review
from laurel.selection.models import Letter

ORGANISATION = "organisation"
ERASED = "[erased]"
# Everything a nominator wrote, the answers to the award's own questions too (by key, as stored).
OWN_NOMINATION = [*ORGANISATION_FIELDS, "answers", "links", "question_answers", *NOMINATOR_FIELDS]
# What a nominee sees of a nomination of it: never who nominated it or how they relate to it,
# nor who it named as its contact person.
NOMINEE_VIEW = [f for f in ORGANISATION_FIELDS if f not in Nomination.PERSONAL.fields(Kind.CONTACT)]


# The export's sections (stable English keys in the JSON) as a reader sees them in the PDF.
SECTION_TITLES = {
    "nominations of the organisation": _("Nominations of the organisation"),
    "candidacies": _("Candidacies"),
    "nominations you made": _("Nominations you made"),
    "nominations naming you as the contact": _("Nominations naming you as the contact"),
    "organisations naming you as the contact": _("Organisations naming you as the contact"),
    "summit registrations": _("Summit registrations"),
    "laureate contact": _("Contact for a laureate"),
    "emails sent to you": _("Emails sent to you"),
    "your account": _("Your account"),
    "reviews you wrote": _("Reviews you wrote"),
    "messages you wrote": _("Messages you wrote"),
    "what others wrote about you": _("What others wrote about you (without who wrote it)"),
}


class RequestError(ServiceError):
    pass


@transaction.atomic
def open_request(
    *, kind: str, about: str, email: str, name: str, received_on: date, actor: User
) -> SubjectRequest:
    if not email and not name:
        raise RequestError("an email address or a name")
    request = SubjectRequest.objects.create(
        kind=kind, about=about, email=email.strip(), name=" ".join(name.split()),
        received_on=received_on, due_on=SubjectRequest.due_date(received_on), opened_by=actor,
    )  # fmt: skip
    record("subject_request.opened", actor=actor, subject=request, data={"kind": kind})
    return request


def holdings(request: SubjectRequest):
    if request.about == ORGANISATION:
        return subjects.organisation(name=request.name)
    return subjects.person(email=request.email, name=request.name)


def _rows(queryset: QuerySet, fields: list[str]) -> list[dict]:
    return list(queryset.values(*fields))


def export_data(request: SubjectRequest) -> dict:
    """What is held, as one document; the same data the PDF shows."""
    held = holdings(request)
    sections: dict[str, list[dict]] = {}
    if request.about == ORGANISATION:
        sections["nominations of the organisation"] = _rows(
            held.nominations, ["reference", "state", "submitted_at", *NOMINEE_VIEW, "answers"]
        )
        sections["candidacies"] = _rows(
            held.candidates, ["cycle__name", "organisation__name", "state", "created_at"]
        )
    else:
        sections["nominations you made"] = _rows(
            held.nominations_made, ["reference", "state", "submitted_at", *OWN_NOMINATION]
        )
        sections["nominations naming you as the contact"] = _rows(
            held.named_as_contact,
            ["reference", "org_name", "org_contact_name", "org_contact_email"],
        )
        sections["organisations naming you as the contact"] = _rows(
            held.organisations_as_contact, ["name", "contact_name", "contact_email"]
        )
        sections["summit registrations"] = _rows(
            held.delegates,
            ["full_name", "role", "email", "phone", "travelling_from", "arrive_on", "leave_on",
             "dietary", "accessibility", "interpretation", "emergency_contact", "state"],
        )  # fmt: skip
        sections["laureate contact"] = _rows(
            held.laureate_contacts, ["laureate__candidate__organisation__name", "email", "language"]
        )
        # The private links in them are capabilities: a copy must not open anything again.
        sections["emails sent to you"] = [
            row | {"body_text": redact_links(row["body_text"])}
            for row in _rows(
                held.emails, ["created_at", "sent_at", "state", "subject", "body_text"]
            )
        ]
        if held.account is not None:
            sections["your account"] = [
                {"email": held.account.email, "full name": held.account.full_name,
                 "language": held.account.language, "joined": held.account.date_joined,
                 "roles": sorted(held.account.role_set())}
            ]  # fmt: skip
        sections["reviews you wrote"] = _rows(
            held.reviews_written,
            ["candidate__organisation__name", "scores", "comments", "overall", "submitted_at"],
        )
        sections["messages you wrote"] = _rows(
            held.comments_written, ["candidate__organisation__name", "text", "created_at"]
        )
        sections["what others wrote about you"] = [
            {"where": where, "text": text} for where, text in held.mentions
        ]
    return json.loads(
        json.dumps(
            {
                "request": {"reference": request.pk, "kind": request.kind,
                            "received": request.received_on, "made": timezone.now()},
                "data": {title: rows for title, rows in sections.items() if rows},
            },
            cls=DjangoJSONEncoder,
        )
    )  # fmt: skip


def export(request: SubjectRequest, *, fmt: str, actor: User) -> bytes:
    data = export_data(request)
    record(
        "subject_request.exported",
        actor=actor,
        subject=request,
        data={"format": fmt, "sections": sorted(data["data"])},
    )
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False).encode()
    sections = [(SECTION_TITLES[key], rows) for key, rows in data["data"].items()]
    return render_pdf("privacy/export.html", {"request": request, "sections": sections})


def _replace_mentions(name: str) -> int:
    if len(name) < subjects.MIN_NAME:
        return 0
    changed = 0
    for model, fields in ((Review, ["overall"]), (Comment, ["text"]), (CandidateNote, ["text"]),
                          (DiligenceCheck, ["notes", "committee_note"])):  # fmt: skip
        for row in model.objects.all():
            touched = False
            for name_of_field in fields:
                text = getattr(row, name_of_field)
                if name.lower() in text.lower():
                    setattr(row, name_of_field, _without(text, name))
                    touched = True
            if model is Review:
                comments = {k: _without(v, name) for k, v in row.comments.items()}
                touched = touched or comments != row.comments
                row.comments = comments
            if touched:
                row.save(update_fields=[*fields, *(["comments"] if model is Review else [])])
                changed += 1
    return changed


def _without(text: str, name: str) -> str:
    lower, needle, out, start = text.lower(), name.lower(), [], 0
    while (found := lower.find(needle, start)) != -1:
        out += [text[start:found], ERASED]
        start = found + len(needle)
    return "".join([*out, text[start:]])


def _blank_emails(emails: QuerySet) -> int:
    """Emails not yet sent are cancelled (the delivery task skips them); all are blanked."""
    cancel_waiting(emails)
    return emails.update(
        to="erased@invalid", subject=ERASED, body_text=ERASED, body_html="", links=""
    )


def _erase_contact_traces(email: str, name: str) -> dict[str, int]:
    """A contact's past versions (the candidate page's history), what an organisation told us
    about them on its consent page, and decision letters addressed to them."""
    email, name = email.strip(), " ".join(name.split())
    told = Q(pk__in=[])
    if email:
        told |= Q(told__contact_email__iexact=email)
    if name:
        told |= Q(told__contact_name__iexact=name)
    claims = ClaimInvitation.objects.filter(told)
    return {
        "contact_changes": ContactChange.objects.filter(
            subjects._by(email, name, "email", "name")
        ).update(name="", email=""),
        "consent_answers": sum(
            ClaimInvitation.objects.filter(pk=claim.pk).update(
                told={
                    k: v
                    for k, v in claim.told.items()
                    if k not in ("contact_email", "contact_name")
                }
            )
            for claim in claims
        ),
        "letters": Letter.objects.filter(subjects._by(email, "", "to", "to")).delete()[0],
    }


@transaction.atomic
def erase(request: SubjectRequest, *, actor: User) -> dict[str, int]:
    """Erase what is held about the person; how much of each kind. (Organisations are not data
    subjects: their records stay, and this refuses.)"""
    if request.about == ORGANISATION:
        raise RequestError("organisation")
    held = holdings(request)
    now = timezone.now()
    counts = {
        "nominations": anonymise_nominations(
            held.nominations_made, (Kind.NOMINATOR,), now, whole=False
        ),
        "contact_in_nominations": anonymise_nominations(
            held.named_as_contact, (Kind.CONTACT,), now, whole=False
        ),
        "organisations": held.organisations_as_contact.update(
            **Organisation.PERSONAL.blank(Organisation, Kind.CONTACT)
        ),
        "delegates": held.delegates.delete()[0],
        "laureate_contacts": held.laureate_contacts.delete()[0],
        "emails": _blank_emails(held.emails),
        "mentions": _replace_mentions(request.name),
        "account": 0,
    } | _erase_contact_traces(request.email, request.name)
    if held.account is not None:
        user = held.account
        AuditEntry.objects.filter(actor=user).update(actor_label=f"erased user {user.pk}")
        user.email, user.full_name, user.is_active = f"erased-{user.pk}@invalid", "", False
        user.set_unusable_password()
        user.save(update_fields=["email", "full_name", "is_active", "password"])
        user.emailaddress_set.all().delete()
        counts["account"] = 1
    record("subject_request.erased", actor=actor, subject=request, data=counts)
    return counts


@transaction.atomic
def correct(request: SubjectRequest, *, email: str, name: str, actor: User) -> int:
    """Put the right email address and name where the old ones were held; how many records."""
    if request.about == ORGANISATION:
        raise RequestError("organisation")
    held = holdings(request)
    changed = 0
    for queryset, email_field, name_field in (
        (held.nominations_made, "nominator_email", "nominator_name"),
        (held.named_as_contact, "org_contact_email", "org_contact_name"),
        (held.organisations_as_contact, "contact_email", "contact_name"),
        (held.delegates, "email", "full_name"),
    ):
        values = {}
        if email and request.email:
            values[email_field] = email
        if name and request.name:
            values[name_field] = name
        if values:
            changed += queryset.update(**values)
    if email and request.email:
        changed += held.laureate_contacts.update(email=email)
    request.email, request.name = email or request.email, name or request.name
    request.save(update_fields=["email", "name", "updated_at"])
    record("subject_request.corrected", actor=actor, subject=request, data={"records": changed})
    return changed


def is_restricted(request: SubjectRequest) -> bool:
    return bool(request.email) and Suppression.covers(request.email)


@transaction.atomic
def restrict(request: SubjectRequest, *, actor: User) -> None:
    """Restrict processing (GDPR art. 18): Laurel keeps what it holds but writes to the person no
    more (waiting emails are cancelled), and the API leaves out their details."""
    if request.about == ORGANISATION or not request.email:
        raise RequestError("restriction needs a person's email address")
    suppress(request.email, reason="restriction", actor=actor)
    record("subject_request.restricted", actor=actor, subject=request)


@transaction.atomic
def lift_restriction(request: SubjectRequest, *, actor: User) -> None:
    if request.email:
        unsuppress(request.email, actor=actor)
    record("subject_request.restriction_lifted", actor=actor, subject=request)


class CloseRefused(TransitionRefused, RequestError):
    """A request closed already, or "closed" into a state that is not an answer."""


@transaction.atomic
def close(request: SubjectRequest, *, state: str, notes: str, actor: User) -> None:
    request.notes, request.closed_at = notes, timezone.now()
    transition(
        request, state, REQUEST_TRANSITIONS, key="subject_request.closed", actor=actor,
        fields=["notes", "closed_at"], data={"state": state}, refused=CloseRefused,
    )  # fmt: skip
