"""The test kit's factories make objects their models accept, and a trait leaves an object as
the service it stands for leaves it (tests.factories says which service each trait follows)."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.utils import timezone

from laurel.accounts.enums import InvitationState, Role
from laurel.accounts.rules import sits_on_committee
from laurel.accounts.services import find_invitation, invite
from laurel.api.tokens import authenticate, create_token
from laurel.candidates.enums import DILIGENCE_DONE
from laurel.candidates.models import Placement
from laurel.candidates.services.consent import ClaimRefused, find_claim
from laurel.candidates.services.diligence import needs_committee_note
from laurel.core.crypto import cipher
from laurel.core.services import record
from laurel.laureates.services.cohort import laureate_of
from laurel.nominations.services.common import find_by_token
from laurel.nominations.services.submitting import create_late_code, find_late_code
from laurel.notifications.models import Suppression
from laurel.notifications.services import suppress
from laurel.selection.models import Receipt
from laurel.selection.services.recording import content_hash
from tests import factories
from tests.candidates.helpers import confirmed
from tests.scenarios import ready

pytestmark = pytest.mark.django_db

MODEL_FACTORIES = sorted(
    (
        made
        for made in vars(factories).values()
        if isinstance(made, type)
        and issubclass(made, factories.factory.django.DjangoModelFactory)
        and made._meta.model is not None
    ),
    key=lambda made: made.__name__,
)
TRAITS = [
    (factories.NominationFactory, "submitted"),
    (factories.NominationFactory, "confirmed"),
    (factories.CandidateFactory, "eligible"),
    (factories.CandidateFactory, "ineligible"),
    (factories.CandidateFactory, "ready"),
    (factories.ConflictFactory, "suggested"),
    (factories.AssignmentFactory, "proposed"),
    (factories.ReviewFactory, "submitted"),
    (factories.DelegateFactory, "confirmed"),
    (factories.OutgoingEmailFactory, "sent"),
]
# Each trait of the factories issue 19 added, with what the service it stands for leaves.
TRAIT_STATES = [
    (factories.UserFactory, "staff", lambda user: Role.STAFF in user.role_set()),
    (factories.UserFactory, "finance", lambda user: Role.FINANCE in user.role_set()),
    (
        factories.InvitationFactory,
        "accepted",
        lambda made: (
            made.state == InvitationState.ACCEPTED and made.accepted_by.email == made.email
        ),
    ),
    (factories.InvitationFactory, "revoked", lambda made: made.state == InvitationState.REVOKED),
    (factories.InvitationFactory, "expired", lambda made: made.state == InvitationState.EXPIRED),
    (factories.ApiTokenFactory, "revoked", lambda made: made.revoked_at is not None),
    (factories.ApiTokenFactory, "expired", lambda made: made.has_expired),
    (
        factories.AuditEntryFactory,
        "by_system",
        lambda made: made.actor is None and made.actor_label == "system",
    ),
    (factories.NominationVersionFactory, "edited", lambda made: made.kind == "edited"),
    (factories.NominationVersionFactory, "withdrawn", lambda made: made.kind == "withdrawn"),
    (factories.LateSubmissionCodeFactory, "used", lambda made: made.used_at is not None),
    (
        factories.MergeRecordFactory,
        "undone",
        lambda made: (
            (made.source.state, made.source.merged_into) == (made.source_state, None)
            and Placement.objects.get(pk=made.placements[0]).candidate == made.source
            and made.undone_by is not None
        ),
    ),
    (
        factories.DiligenceCheckFactory,
        "in_progress",
        lambda made: made.status not in DILIGENCE_DONE,
    ),
    (
        factories.DiligenceCheckFactory,
        "concern",
        lambda made: needs_committee_note(made.status) and made.committee_note,
    ),
    (
        factories.CandidateDocumentFactory,
        "by_organisation",
        lambda made: made.from_organisation and made.uploaded_by is None,
    ),
    (
        factories.ClaimInvitationFactory,
        "consented",
        lambda made: made.used_at and made.candidate.consent == "given",
    ),
    (
        factories.ClaimInvitationFactory,
        "refused",
        lambda made: (
            (made.candidate.state, made.candidate.consent) == ("withdrawn", "refused")
            and made.candidate.erase_due_at > timezone.now()
            and made.before_refusal["state"] == "to_screen"
        ),
    ),
    (factories.ClaimInvitationFactory, "revoked", lambda made: made.revoked_at is not None),
    (
        factories.ContactChangeFactory,
        "from_claim",
        lambda made: made.source == "claim" and made.by is None,
    ),
    (factories.DecisionFactory, "locked", lambda made: made.state == "locked"),
    (factories.ShortlistEntryFactory, "reserve", lambda made: made.kind == "reserve"),
    (
        factories.ShortlistEntryFactory,
        "recorded",
        lambda made: made.outcome == "supported" and made.recorded_at and made.arguments,
    ),
    (
        factories.MeetingFactory,
        "moved",
        lambda made: made.current.cycle == made.cycle and made.step == 1,
    ),
    (
        factories.AmendmentFactory,
        "reserve_promoted",
        lambda made: (
            made.kind == "reserve_promoted"
            and (made.place.role, made.incoming.role) == ("declined", "laureate")
            and made.incoming.citation == made.citation
        ),
    ),
    (factories.LetterFactory, "hand_edited", lambda made: made.edited and made.edited_by),
    (
        factories.LetterFactory,
        "hand_readdressed",
        lambda made: made.readdressed and made.to != made.candidate.organisation.contact_email,
    ),
    (factories.BankAccountFactory, "replaced", lambda made: made.replaced_at is not None),
    (
        factories.PayingAccountFactory,
        "approved",
        lambda made: made.state == "approved" and made.decided_by != made.proposed_by,
    ),
    (factories.PayingAccountFactory, "rejected", lambda made: made.state == "rejected"),
    (
        factories.VisaRequestFactory,
        "approved",
        lambda made: made.state == "approved" and made.delegate.state == "confirmed",
    ),
    (
        factories.VisaRequestFactory,
        "erased",
        lambda made: made.state == "erased" and not made.passport_number and not made.masked,
    ),
    (factories.PostFactory, "by_staff", lambda made: made.laureate is None),
    (factories.InitiativeFactory, "active", lambda made: made.status == "active"),
    (factories.InitiativeFactory, "dropped", lambda made: made.status == "dropped"),
    (factories.InitiativeMilestoneFactory, "finished", lambda made: made.done),
    (factories.DigestPreferenceFactory, "never", lambda made: made.frequency == "never"),
    (factories.MilestoneFactory, "at_risk", lambda made: made.status == "amber" and made.note),
]
# Tables with no factory: the rate limiter's, the task worker's and the challenge's own
# bookkeeping, which tests reach through those.
NO_FACTORY = {"core.RateCounter", "core.WorkerHeartbeat", "nominations.UsedChallenge"}
# Each factory's objects that must belong to one cycle (paths from the object made).
ONE_CYCLE = [
    (factories.MergeRecordFactory, ["cycle", "source.cycle", "target.cycle"]),
    (factories.CommitteeVersionFactory, ["nomination.cycle"]),
    (factories.ContactChangeFactory, ["candidate.cycle"]),
    (factories.CommentFactory, ["candidate.cycle"]),
    (factories.ShortlistEntryFactory, ["cycle", "candidate.cycle"]),
    (factories.BallotFactory, ["round.cycle", "round.candidates.get.cycle"]),
    (factories.OverrideFactory, ["decision.cycle", "removed.cycle", "added.cycle"]),
    (
        factories.AmendmentFactory,
        ["decision.cycle", "place.decision.cycle", "place.candidate.cycle"],
    ),
    (factories.LetterFactory, ["decision.cycle", "candidate.cycle"]),
    (factories.PostFactory, ["cycle", "laureate.cycle"]),
    (factories.ReplyFactory, ["post.cycle", "laureate.cycle"]),
    (factories.SignatureFactory, ["initiative.cycle", "laureate.cycle"]),
    (factories.InitiativeFactory, ["cycle", "owners.get.cycle"]),
]


def accepted(made) -> None:
    """The model's own validation passes (the password hash and JSON left as made)."""
    made.full_clean(exclude=["password"])


@pytest.mark.parametrize("model_factory", MODEL_FACTORIES, ids=lambda made: made.__name__)
def test_each_factory_makes_an_object_its_model_accepts(model_factory):
    made = model_factory()

    accepted(made)
    assert type(made).objects.filter(pk=made.pk).exists()


@pytest.mark.parametrize(
    ("model_factory", "trait"), TRAITS, ids=lambda value: getattr(value, "__name__", value)
)
def test_each_trait_makes_an_object_its_model_accepts(model_factory, trait):
    accepted(model_factory(**{trait: True}))


def test_a_confirmed_nomination_is_as_confirming_leaves_one(child10):
    through_the_service = confirmed(child10, "Trygga Nätet")
    made = factories.NominationFactory(cycle=child10, confirmed=True)

    for nomination in (through_the_service, made):
        nomination.refresh_from_db()
    assert made.state == through_the_service.state
    assert all([made.reference, made.submitted_at, made.confirmed_at])
    assert all(
        [
            through_the_service.reference,
            through_the_service.submitted_at,
            through_the_service.confirmed_at,
        ]
    )


def test_a_ready_candidate_is_as_mark_ready_leaves_one(child10, staff_user):
    through_the_service = ready(child10, "Trygga Nätet", staff=staff_user)
    made = factories.CandidateFactory(cycle=child10, ready=True)

    def seen(candidate):
        return candidate.state, candidate.ready_for_committee, candidate.ready_at is not None

    assert seen(made) == seen(through_the_service) == ("eligible", True, True)


def test_a_placement_keeps_its_nomination_and_candidate_in_one_cycle(child10):
    placement = factories.PlacementFactory(candidate__cycle=child10)

    assert placement.nomination.cycle == placement.candidate.cycle == child10
    assert placement.nomination.state == "confirmed"


def test_a_duplicate_suggestion_stores_its_pair_lowest_first():
    suggestion = factories.DuplicateSuggestionFactory()

    assert suggestion.first.pk < suggestion.second.pk
    assert suggestion.first.cycle == suggestion.second.cycle == suggestion.cycle


def test_every_model_tests_build_has_a_factory():
    made = {model_factory._meta.model._meta.label for model_factory in MODEL_FACTORIES}
    concrete = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "api", "core", "cycles", "candidates",
                                     "nominations", "notifications", "privacy", "review",
                                     "selection", "laureates", "sanctions"}
    }  # fmt: skip

    assert concrete - made == NO_FACTORY


@pytest.mark.parametrize(
    ("model_factory", "trait", "as_the_service_leaves_it"),
    TRAIT_STATES,
    ids=[f"{made.__name__}-{trait}" for made, trait, _check in TRAIT_STATES],
)
def test_each_new_trait_leaves_the_object_as_its_service_does(
    model_factory, trait, as_the_service_leaves_it
):
    made = model_factory(**{trait: True})
    accepted(made)
    made.refresh_from_db()

    assert as_the_service_leaves_it(made)


def _follow(made, path: str):
    for name in path.split("."):
        made = made.get() if name == "get" else getattr(made, name)
    return made


@pytest.mark.parametrize(
    ("model_factory", "paths"), ONE_CYCLE, ids=[made.__name__ for made, _paths in ONE_CYCLE]
)
def test_the_related_objects_belong_to_one_cycle(model_factory, paths):
    made = model_factory()

    assert len({_follow(made, path).pk for path in paths}) == 1


def test_an_invitation_is_as_invite_makes_one(staff_user):
    through_the_service, token = invite(
        "new@example.org", role=Role.STAFF, actor=staff_user, send=False
    )
    made = factories.InvitationFactory(token="a-link-token")

    assert find_invitation(token) == through_the_service
    assert find_invitation("a-link-token") == made
    assert made.state == through_the_service.state == InvitationState.PENDING
    assert made.token_hash == hashlib.sha256(b"a-link-token").hexdigest()
    assert len(made.token_hash) == len(through_the_service.token_hash)
    assert abs(made.expires_at - through_the_service.expires_at) < timedelta(minutes=1)
    assert Role.STAFF in made.invited_by.role_set()


def test_an_api_token_opens_the_api_as_a_made_one_does(staff_user):
    through_the_service, key = create_token(
        name="Report", scopes=["cycles", "candidates"], actor=staff_user
    )
    made = factories.ApiTokenFactory(key="lrl_" + "k" * 43)
    factories.ApiTokenFactory(key="lrl_" + "r" * 43, revoked=True)

    assert authenticate(key) == through_the_service
    assert authenticate("lrl_" + "k" * 43) == made
    assert made.scopes == through_the_service.scopes
    assert len(made.prefix) == len(through_the_service.prefix)
    assert abs(made.expires_at - through_the_service.expires_at) < timedelta(minutes=1)
    assert authenticate("lrl_" + "r" * 43) is None


def test_an_audit_entry_is_as_record_writes_one(staff_user):
    subject = factories.CandidateFactory()
    through_the_service = record("test.recorded", actor=staff_user, subject=subject)
    made = factories.AuditEntryFactory(actor=staff_user, subject=subject)

    def seen(entry):
        return entry.key, entry.actor, entry.actor_label, entry.subject_type, entry.subject_id

    assert seen(made) == seen(through_the_service)


def test_a_nomination_is_found_by_its_token_and_keeps_only_its_hash():
    made = factories.NominationFactory(token="the-nominators-token")

    assert find_by_token("the-nominators-token") == made
    assert "the-nominators-token" not in made.token_hash


def test_a_version_keeps_the_nomination_as_it_stands_with_its_attachments():
    attachment = factories.AttachmentFactory(nomination__submitted=True)
    first = factories.NominationVersionFactory(nomination=attachment.nomination)
    second = factories.NominationVersionFactory(nomination=attachment.nomination, edited=True)

    assert (first.number, second.number) == (1, 2)
    assert first.data["org_name"] == attachment.nomination.org_name
    assert first.data["attachments"] == [attachment.sha256]


def test_a_stored_file_is_what_its_size_and_hash_say():
    for made in (factories.AttachmentFactory(), factories.CandidateDocumentFactory()):
        content = made.file.read()
        assert (len(content), hashlib.sha256(content).hexdigest()) == (made.size, made.sha256)
        assert re.fullmatch(r"[0-9a-f]{32}\.pdf", made.file.name.rsplit("/", 1)[-1])


def test_a_late_code_is_found_as_one_create_late_code_makes(staff_user):
    cycle = factories.CycleFactory()
    code = create_late_code(cycle, note="By phone", actor=staff_user)
    made = factories.LateSubmissionCodeFactory(cycle=cycle, code="ABCD-EFGH-JKMN")
    used = factories.LateSubmissionCodeFactory(cycle=cycle, code="ABCD-EFGH-2345", used=True)

    assert find_late_code(cycle, code) is not None
    assert find_late_code(cycle, "abcd-efgh-jkmn") == made
    assert find_late_code(cycle, "ABCD-EFGH-2345") is None
    assert used.used_at is not None


def test_a_claim_link_works_until_revoked_and_the_candidate_waits_for_its_answer():
    made = factories.ClaimInvitationFactory(token="the-organisations-token")
    factories.ClaimInvitationFactory(token="an-old-token", revoked=True)

    assert find_claim("the-organisations-token") == made
    assert (made.candidate.consent, made.candidate.consent_deadline) == ("pending", made.expires_at)
    with pytest.raises(ClaimRefused):
        find_claim("an-old-token")


def test_a_merge_moves_its_placement_to_the_target():
    merge = factories.MergeRecordFactory()

    assert (merge.source.state, merge.source.merged_into) == ("merged", merge.target)
    assert Placement.objects.get(pk=merge.placements[0]).candidate == merge.target


def test_a_contact_change_is_the_organisations_contact():
    change = factories.ContactChangeFactory()
    organisation = change.organisation

    assert (organisation.contact_name, organisation.contact_email) == (change.name, change.email)
    assert organisation.contact_language == change.language
    assert change.candidate.organisation == organisation


def test_a_suppression_covers_the_address_as_suppress_does(staff_user):
    suppress("Someone@Example.org", reason="restriction", actor=staff_user)
    made = factories.SuppressionFactory()
    through_the_service = Suppression.objects.get(address="someone@example.org")

    assert Suppression.covers(made.address.upper())
    assert made.reason == through_the_service.reason


def test_voters_and_writers_sit_on_the_committee():
    ballot = factories.BallotFactory()
    receipt = factories.ReceiptFactory()
    comment = factories.CommentFactory()

    assert sits_on_committee(ballot.voter, ballot.round.cycle)
    assert sits_on_committee(receipt.voter, receipt.round.cycle)
    assert sits_on_committee(comment.author, comment.candidate.cycle)
    assert Receipt.objects.filter(round=ballot.round, voter=ballot.voter).exists()
    assert not ballot.round.secret
    assert set(ballot.ranks) == {
        str(pk) for pk in ballot.round.candidates.values_list("pk", flat=True)
    }


def test_shortlist_entries_go_to_the_end_of_their_list():
    first = factories.ShortlistEntryFactory()
    second = factories.ShortlistEntryFactory(cycle=first.cycle)
    reserve = factories.ShortlistEntryFactory(cycle=first.cycle, reserve=True)

    assert (first.position, second.position, reserve.position) == (1, 2, 1)


def test_an_override_makes_the_added_a_laureate_and_the_removed_the_first_reserve():
    override = factories.OverrideFactory()
    places = {place.candidate: place for place in override.decision.places.all()}

    assert (places[override.added].role, places[override.removed].role) == ("laureate", "reserve")
    assert places[override.removed].position == 1


def test_a_locked_decision_keeps_the_hash_of_its_record():
    decision = factories.DecisionFactory(locked=True)

    assert decision.record and decision.record_hash == content_hash(decision.record)


def test_a_laureates_letter_goes_to_its_contact_about_its_place():
    letter = factories.LetterFactory()

    assert letter.to == letter.candidate.organisation.contact_email
    assert letter.decision.places.get(candidate=letter.candidate).role == "laureate"


def test_authors_and_signers_speak_for_their_laureate():
    post = factories.PostFactory()
    reply = factories.ReplyFactory()
    signature = factories.SignatureFactory()

    assert laureate_of(post.author, post.cycle) == post.laureate
    assert laureate_of(reply.author, reply.post.cycle) == reply.laureate
    assert laureate_of(signature.signed_by, signature.initiative.cycle) == signature.laureate


def test_bank_details_keep_their_proof_encrypted_and_show_the_account_masked():
    account = factories.BankAccountFactory()
    with default_storage.open(account.proof_file) as stored:
        encrypted = stored.read()

    assert cipher().decrypt(encrypted).startswith(b"%PDF")
    assert account.masked == "SE •••• 7466"


def test_a_visa_request_is_deleted_after_its_cycles_summit():
    visa = factories.VisaRequestFactory()
    summit = visa.delegate.laureate.cycle.summit

    assert visa.delegate.needs_visa
    assert visa.delete_after == summit.ends_on + timedelta(days=summit.passport_days)
    assert visa.delegate.arrive_on <= summit.starts_on <= summit.ends_on <= visa.delegate.leave_on
