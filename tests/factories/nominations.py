"""Nominations, their versions and evidence, and late-submission codes."""

import hashlib
import secrets
from datetime import timedelta

import factory
from django.utils import timezone

from laurel.nominations.enums import NominationState, VersionKind
from laurel.nominations.models import (
    Attachment,
    LateSubmissionCode,
    Nomination,
    NominationVersion,
    hash_token,
    new_token,
)
from laurel.nominations.services.common import REFERENCE_ALPHABET
from tests.factories.accounts import UserFactory
from tests.factories.cycles import CycleFactory


class NominationFactory(factory.django.DjangoModelFactory):
    """A draft nomination of an organisation, as the public form saves one: its nominator's
    token stored hashed (pass `token` to know it; find_by_token(token) finds the nomination).

    Traits: `submitted` (what nominations.services.submit_nomination sets: the reference, the
    time, the state), `confirmed` (submitted, then what confirm_nomination sets; no candidate:
    placing it is PlacementFactory's or the service's)."""

    class Meta:
        model = Nomination
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))
    language = "en"
    org_name = factory.Sequence(lambda n: f"Organisation {n}")
    org_country = "SE"
    org_city = "Malmö"
    org_website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org")
    org_description = "Runs a helpline and trains platform moderators."
    nominator_name = "Nora Nominator"
    nominator_email = factory.Sequence(lambda n: f"nominator{n}@example.org")
    relationship = "partner"
    declared_true = True
    declared_safeguarding = True
    declared_privacy = True
    complete = True

    class Params:
        token = factory.LazyFunction(lambda: new_token()[0])
        submitted = factory.Trait(
            state=NominationState.SUBMITTED,
            reference=factory.Sequence(lambda n: f"TEST-{n:04d}"),
            submitted_at=factory.LazyFunction(timezone.now),
        )
        confirmed = factory.Trait(
            submitted=True,
            state=NominationState.CONFIRMED,
            confirmed_at=factory.LazyFunction(timezone.now),
        )


class NominationVersionFactory(factory.django.DjangoModelFactory):
    """The version submitting keeps (nominations.services.common._version): the nomination's
    data as it stands, with its attachments' hashes, numbered after the versions it has. Of a
    submitted nomination unless told. Traits `edited`, `withdrawn`: the kind an edit or a
    withdrawal keeps (the nomination's own state is the test's)."""

    class Meta:
        model = NominationVersion

    class Params:
        edited = factory.Trait(kind=VersionKind.EDITED)
        withdrawn = factory.Trait(kind=VersionKind.WITHDRAWN)

    nomination = factory.SubFactory(NominationFactory, submitted=True)
    number = factory.LazyAttribute(lambda o: o.nomination.versions.count() + 1)
    kind = VersionKind.SUBMITTED
    data = factory.LazyAttribute(
        lambda o: (
            o.nomination.data()
            | {"attachments": list(o.nomination.attachments.values_list("sha256", flat=True))}
        )
    )


# What a stored PDF holds: the size and hash kept beside it are its own.
PDF = b"%PDF-1.4 evidence\n%%EOF\n"
PDF_SHA256 = hashlib.sha256(PDF).hexdigest()


def stored_pdf():
    """A file as the services store an upload: under a random name, the bytes as given."""
    return factory.django.FileField(
        filename=factory.LazyFunction(lambda: f"{secrets.token_hex(16)}.pdf"), data=PDF
    )


class AttachmentFactory(factory.django.DjangoModelFactory):
    """Evidence a nominator uploaded, as submitting stores it: a PDF under a random name in
    storage, its name as uploaded, its kind, size and hash."""

    class Meta:
        model = Attachment

    nomination = factory.SubFactory(NominationFactory)
    file = stored_pdf()
    original_name = "evidence.pdf"
    kind = "pdf"
    size = len(PDF)
    sha256 = PDF_SHA256


def _late_code() -> str:
    """A code as create_late_code makes one: three groups of four, e.g. 7KQ2-MXP9-4HTD."""
    return "-".join("".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4)) for _ in range(3))


class LateSubmissionCodeFactory(factory.django.DjangoModelFactory):
    """A single-use code staff made for one nominator, as create_late_code makes it: only its
    hash stored, valid seven days. Pass `code` to know it (find_late_code finds it). Trait
    `used`: what submitting with it sets (the time)."""

    class Meta:
        model = LateSubmissionCode

    class Params:
        code = factory.LazyFunction(_late_code)
        used = factory.Trait(used_at=factory.LazyFunction(timezone.now))

    cycle = factory.SubFactory(CycleFactory)
    code_hash = factory.LazyAttribute(lambda o: hash_token(o.code))
    note = "Nora Nominator, by phone"
    created_by = factory.SubFactory(UserFactory, staff=True)
    valid_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
