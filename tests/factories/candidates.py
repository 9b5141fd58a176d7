"""Organisations, candidates and what screening keeps about them."""

from datetime import timedelta

import factory
from django.utils import timezone

from laurel.candidates.enums import (
    CandidateState,
    Consent,
    DiligenceArea,
    DiligenceStatus,
    DocumentKind,
)
from laurel.candidates.models import (
    Candidate,
    CandidateDocument,
    CandidateNote,
    ClaimInvitation,
    CommitteeVersion,
    ContactChange,
    DiligenceCheck,
    DuplicateSuggestion,
    MergeRecord,
    Organisation,
    Placement,
)
from laurel.candidates.queries import original_texts
from laurel.candidates.services.consent import ERASE_AFTER
from laurel.nominations.models import hash_token, new_token
from tests.factories.accounts import UserFactory
from tests.factories.cycles import CycleFactory
from tests.factories.nominations import PDF, PDF_SHA256, NominationFactory, stored_pdf


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "SE"
    website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org")


class CandidateFactory(factory.django.DjangoModelFactory):
    """A candidate waiting to be screened.

    Traits: `eligible` (what candidates.services.decide_eligibility sets for eligible),
    `ineligible` (the same with a reason), `ready` (eligible, then what mark_ready sets: the
    flag and its time; the diligence checks and the committee version mark_ready requires are
    not made, so a test that reads them uses tests.scenarios.ready)."""

    class Meta:
        model = Candidate

    cycle = factory.SubFactory(CycleFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.SelfAttribute("organisation.name")
    country = factory.SelfAttribute("organisation.country")
    nomination_count = 1
    nominator_count = 1
    languages = factory.LazyFunction(lambda: ["en"])
    first_nominated_at = factory.LazyFunction(timezone.now)

    class Params:
        eligible = factory.Trait(state=CandidateState.ELIGIBLE)
        ineligible = factory.Trait(
            state=CandidateState.INELIGIBLE, ineligible_reason="outside_theme"
        )
        ready = factory.Trait(
            eligible=True,
            ready_for_committee=True,
            ready_at=factory.LazyFunction(timezone.now),
        )


def _candidate_of_its_cycle(**traits):
    """A candidate in the cycle of the object being made."""
    return factory.SubFactory(CandidateFactory, cycle=factory.SelfAttribute("..cycle"), **traits)


class PlacementFactory(factory.django.DjangoModelFactory):
    """A confirmed nomination placed on a candidate of the same cycle (what placing does)."""

    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    nomination = factory.SubFactory(
        NominationFactory, confirmed=True, cycle=factory.SelfAttribute("..candidate.cycle")
    )
    placed_at = factory.LazyFunction(timezone.now)


class DuplicateSuggestionFactory(factory.django.DjangoModelFactory):
    """An open suggestion that two candidates of one cycle are the same organisation (the pair
    stored lowest id first, as the suggester stores it)."""

    class Meta:
        model = DuplicateSuggestion
        exclude = ("one", "other")

    cycle = factory.SubFactory(CycleFactory)
    one = _candidate_of_its_cycle()
    other = _candidate_of_its_cycle()
    first = factory.LazyAttribute(lambda o: min(o.one, o.other, key=lambda c: c.pk))
    second = factory.LazyAttribute(lambda o: max(o.one, o.other, key=lambda c: c.pk))
    confidence = 0.9
    reasons = factory.LazyFunction(lambda: ["same_website"])


def _staff():
    return factory.SubFactory(UserFactory, staff=True)


class MergeRecordFactory(factory.django.DjangoModelFactory):
    """A merge as candidates.services.merge_candidates leaves it: the source candidate merged
    into the target (its state, the link), the state it had kept, the member of staff, and the
    placement it moved: a confirmed nomination now on the target. Trait `undone`: what
    undo_merge sets (the time, who, the source back in the state it had, the placement back on
    it)."""

    class Meta:
        model = MergeRecord

    class Params:
        undone = factory.Trait(undone_at=factory.LazyFunction(timezone.now), undone_by=_staff())

    cycle = factory.SubFactory(CycleFactory)
    target = _candidate_of_its_cycle()
    source_state = CandidateState.TO_SCREEN
    source = factory.Maybe(
        "undone",
        _candidate_of_its_cycle(state=factory.SelfAttribute("..source_state")),
        _candidate_of_its_cycle(
            state=CandidateState.MERGED, merged_into=factory.SelfAttribute("..target")
        ),
    )
    # The source's nomination, moved to the target (back to the source by an undo).
    placements = factory.Maybe(
        "undone",
        factory.LazyAttribute(lambda o: [PlacementFactory(candidate=o.source).pk]),
        factory.LazyAttribute(lambda o: [PlacementFactory(candidate=o.target).pk]),
    )
    merged_by = _staff()


class CandidateNoteFactory(factory.django.DjangoModelFactory):
    """A note staff wrote on a candidate (screening.add_note)."""

    class Meta:
        model = CandidateNote

    candidate = factory.SubFactory(CandidateFactory)
    author = _staff()
    text = "Called the organisation: its registration checks out."


class DiligenceCheckFactory(factory.django.DjangoModelFactory):
    """One area of due diligence with a clean verdict, as update_check stores it (the areas
    taken in turn, so that checks of one candidate differ: pass `area` when it matters).
    Traits: `in_progress` (no verdict yet), `concern` (a verdict that is not clean, with the
    note for the committee update_diligence requires)."""

    class Meta:
        model = DiligenceCheck

    class Params:
        in_progress = factory.Trait(status=DiligenceStatus.IN_PROGRESS)
        concern = factory.Trait(
            status=DiligenceStatus.CONCERN,
            committee_note="Its accounts for last year are not audited.",
        )

    candidate = factory.SubFactory(CandidateFactory)
    area = factory.Iterator(DiligenceArea.values)
    status = DiligenceStatus.SATISFACTORY
    notes = "Read the statutes and the latest report."
    updated_by = _staff()


class CandidateDocumentFactory(factory.django.DjangoModelFactory):
    """A due-diligence document staff uploaded, as diligence.add_document stores it: a PDF under
    a random name, its size and hash. Trait `by_organisation`: uploaded by the organisation
    through its link (nobody signed in)."""

    class Meta:
        model = CandidateDocument

    class Params:
        by_organisation = factory.Trait(from_organisation=True, uploaded_by=None)

    candidate = factory.SubFactory(CandidateFactory)
    kind = DocumentKind.SAFEGUARDING_POLICY
    file = stored_pdf()
    original_name = "safeguarding-policy.pdf"
    file_type = "pdf"
    size = len(PDF)
    sha256 = PDF_SHA256
    uploaded_by = _staff()


class CommitteeVersionFactory(factory.django.DjangoModelFactory):
    """The committee's version of a confirmed nomination as save_committee_version keeps it
    when staff redact nothing: the nomination's free texts as written."""

    class Meta:
        model = CommitteeVersion

    nomination = factory.SubFactory(NominationFactory, confirmed=True)
    texts = factory.LazyAttribute(lambda o: original_texts(o.nomination))
    prepared_by = _staff()


def _asked(**answered):
    """A candidate whose organisation was asked, by the answer-by date of the link being made."""
    return factory.SubFactory(
        CandidateFactory, consent_deadline=factory.SelfAttribute("..expires_at"), **answered
    )


class ClaimInvitationFactory(factory.django.DjangoModelFactory):
    """The organisation's private link as consent.invite_organisation makes it: only the
    token's hash stored, valid until the answer-by date, the candidate asked (its consent
    pending until that date). Pass `token` to know the link (find_claim(token) finds it).
    Traits: `consented` and `refused` (what answer_claim sets on the link and the candidate),
    `revoked` (what a new link does to the old one)."""

    class Meta:
        model = ClaimInvitation

    class Params:
        token = factory.LazyFunction(lambda: new_token()[0])
        consented = factory.Trait(
            used_at=factory.LazyFunction(timezone.now),
            told=factory.LazyFunction(lambda: {"language": "en"}),
        )
        refused = factory.Trait(
            used_at=factory.LazyFunction(timezone.now),
            before_refusal=factory.LazyFunction(
                lambda: {"state": CandidateState.TO_SCREEN, "ready_for_committee": False}
            ),
        )
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))

    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    candidate = factory.Maybe(
        "consented",
        _asked(consent=Consent.GIVEN, consent_at=factory.LazyFunction(timezone.now)),
        factory.Maybe(
            "refused",
            _asked(
                state=CandidateState.WITHDRAWN,
                consent=Consent.REFUSED,
                consent_at=factory.LazyFunction(timezone.now),
                erase_due_at=factory.LazyFunction(lambda: timezone.now() + ERASE_AFTER),
            ),
            _asked(consent=Consent.PENDING),
        ),
    )
    email = factory.Sequence(lambda n: f"office{n}@organisation.example.org")
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))
    created_by = _staff()


class ContactChangeFactory(factory.django.DjangoModelFactory):
    """A change of an organisation's contact as contact.set_contact writes it: staff set the
    person, address and language, and the organisation's contact is now these (the newest
    change is the contact). Trait `from_claim`: the organisation's own answer made it the
    contact (use_claimed_contact, nobody signed in)."""

    class Meta:
        model = ContactChange

    class Params:
        from_claim = factory.Trait(source=ContactChange.Source.CLAIM, by=None)

    name = "Karin Kontakt"
    email = factory.Sequence(lambda n: f"contact{n}@organisation.example.org")
    language = "sv"
    organisation = factory.SubFactory(
        OrganisationFactory,
        contact_name=factory.SelfAttribute("..name"),
        contact_email=factory.SelfAttribute("..email"),
        contact_language=factory.SelfAttribute("..language"),
    )
    candidate = factory.SubFactory(
        CandidateFactory, organisation=factory.SelfAttribute("..organisation")
    )
    fields = factory.LazyFunction(lambda: ["name", "email", "language"])
    source = ContactChange.Source.STAFF
    by = _staff()
