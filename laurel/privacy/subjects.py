"""Everything Laurel holds about one person (by email address or name) or one organisation (by
name), for a data-subject request. Read-only; privacy.requests acts on it."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from laurel.accounts.models import User
from laurel.candidates.models import Candidate, CandidateNote, DiligenceCheck, Organisation
from laurel.laureates.models import Contact, Delegate
from laurel.nominations.models import Nomination
from laurel.notifications.models import OutgoingEmail
from laurel.review.models import Comment, Review

# A name shorter than this matches too much to search free text for it.
MIN_NAME = 4


@dataclass
class Person:
    nominations_made: QuerySet
    named_as_contact: QuerySet
    organisations_as_contact: QuerySet
    delegates: QuerySet
    laureate_contacts: QuerySet
    emails: QuerySet
    account: User | None
    reviews_written: QuerySet
    comments_written: QuerySet
    # Where others wrote about them: (what, the text). Never who wrote it.
    mentions: list[tuple[str, str]] = field(default_factory=list)

    def count(self) -> int:
        return (
            sum(qs.count() for qs in self.querysets())
            + (1 if self.account else 0)
            + len(self.mentions)
        )

    def querysets(self) -> list[QuerySet]:
        return [
            self.nominations_made, self.named_as_contact, self.organisations_as_contact,
            self.delegates, self.laureate_contacts, self.emails, self.reviews_written,
            self.comments_written,
        ]  # fmt: skip


@dataclass
class OrganisationHoldings:
    nominations: QuerySet
    candidates: QuerySet

    def count(self) -> int:
        return self.nominations.count() + self.candidates.count()


def _by(email: str, name: str, email_field: str, name_field: str) -> Q:
    found = Q(pk__in=[])
    if email:
        found |= Q(**{f"{email_field}__iexact": email})
    if name:
        found |= Q(**{f"{name_field}__iexact": name})
    return found


def _mentions(name: str) -> list[tuple[str, str]]:
    if len(name) < MIN_NAME:
        return []
    found = []
    # The comments are JSON (stored with escaped non-ASCII letters): looked through in Python.
    for review in Review.objects.filter(Q(overall__icontains=name) | ~Q(comments={})).only(
        "overall", "comments"
    ):
        texts = [review.overall, *review.comments.values()]
        found += [("review", text) for text in texts if name.lower() in text.lower()]
    for where, model, text_field in (
        ("discussion", Comment, "text"),
        ("staff note", CandidateNote, "text"),
        ("due diligence", DiligenceCheck, "notes"),
    ):
        rows = model.objects.filter(**{f"{text_field}__icontains": name})
        found += [(where, text) for text in rows.values_list(text_field, flat=True)]
    return found


def person(*, email: str = "", name: str = "") -> Person:
    email, name = email.strip(), " ".join(name.split())
    account = User.objects.filter(email__iexact=email).first() if email else None
    return Person(
        nominations_made=Nomination.objects.filter(
            _by(email, name, "nominator_email", "nominator_name")
        ),
        named_as_contact=Nomination.objects.filter(
            _by(email, name, "org_contact_email", "org_contact_name")
        ),
        organisations_as_contact=Organisation.objects.filter(
            _by(email, name, "contact_email", "contact_name")
        ),
        delegates=Delegate.objects.filter(_by(email, name, "email", "full_name")),
        laureate_contacts=Contact.objects.filter(_by(email, "", "email", "email")),
        emails=OutgoingEmail.objects.filter(_by(email, "", "to", "to")),
        account=account,
        reviews_written=Review.objects.filter(member=account) if account else Review.objects.none(),
        comments_written=(
            Comment.objects.filter(author=account) if account else Comment.objects.none()
        ),
        mentions=_mentions(name),
    )


def organisation(*, name: str) -> OrganisationHoldings:
    name = " ".join(name.split())
    if len(name) < MIN_NAME:
        return OrganisationHoldings(Nomination.objects.none(), Candidate.objects.none())
    return OrganisationHoldings(
        nominations=Nomination.objects.filter(org_name__icontains=name).exclude(state="draft"),
        candidates=Candidate.objects.filter(organisation__name__icontains=name),
    )
