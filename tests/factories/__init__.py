"""Factories without surprises: each makes the plainest valid object; tests say what differs.

One module per app; everything is importable from here (`from tests.factories import X`). A
trait sets on the object what the service named in its factory's note sets there, and no more:
no audit entry, no email, no task. A test about the service itself goes through the service.
Related objects are made in the cycle of the object being made (factory.SelfAttribute)."""

import factory

from tests.factories.accounts import (
    PASSWORD,
    InvitationFactory,
    RoleGrantFactory,
    UserFactory,
    seat_on_committee,
)
from tests.factories.api import (
    ApiTokenFactory,
)
from tests.factories.candidates import (
    CandidateDocumentFactory,
    CandidateFactory,
    CandidateNoteFactory,
    ClaimInvitationFactory,
    CommitteeVersionFactory,
    ContactChangeFactory,
    DiligenceCheckFactory,
    DuplicateSuggestionFactory,
    MergeRecordFactory,
    OrganisationFactory,
    PlacementFactory,
)
from tests.factories.core import (
    AuditEntryFactory,
)
from tests.factories.cycles import (
    BenefitFactory,
    CriterionFactory,
    CycleFactory,
    QuestionFactory,
    in_phase,
)
from tests.factories.laureates import (
    BankAccountFactory,
    ContactFactory,
    DelegateFactory,
    LaureateFactory,
    PayingAccountFactory,
    PaymentFactory,
    SummitFactory,
    VisaRequestFactory,
    laureate_contact,
    tie_contacts,
)
from tests.factories.nominations import (
    AttachmentFactory,
    LateSubmissionCodeFactory,
    NominationFactory,
    NominationVersionFactory,
)
from tests.factories.notifications import (
    OutgoingEmailFactory,
    SuppressionFactory,
)
from tests.factories.privacy import (
    SubjectRequestFactory,
)
from tests.factories.programme import (
    AssessmentFactory,
    DigestPreferenceFactory,
    EventFactory,
    InitiativeFactory,
    InitiativeMilestoneFactory,
    LibraryDocumentFactory,
    MilestoneFactory,
    ObjectiveFactory,
    PostFactory,
    ReplyFactory,
    SessionFactory,
    SignatureFactory,
    speaks_for,
)
from tests.factories.review import (
    AffiliationFactory,
    AssignmentFactory,
    CommentFactory,
    CommitteeProfileFactory,
    CommitteeSettingsFactory,
    ConflictFactory,
    ReviewFactory,
)
from tests.factories.sanctions import (
    EntryBirthDateFactory,
    EntryNameFactory,
    HitFactory,
    ListEntryFactory,
    ListSnapshotFactory,
    ScreeningFactory,
)
from tests.factories.selection import (
    AmendmentFactory,
    BallotFactory,
    DecisionFactory,
    LetterFactory,
    MeetingFactory,
    OverrideFactory,
    PlaceFactory,
    ReceiptFactory,
    ShortlistEntryFactory,
    VotingRoundFactory,
)

__all__ = [
    "PASSWORD",
    "AffiliationFactory",
    "AmendmentFactory",
    "ApiTokenFactory",
    "AssessmentFactory",
    "AssignmentFactory",
    "AttachmentFactory",
    "AuditEntryFactory",
    "BallotFactory",
    "BankAccountFactory",
    "BenefitFactory",
    "CandidateDocumentFactory",
    "CandidateFactory",
    "CandidateNoteFactory",
    "ClaimInvitationFactory",
    "CommentFactory",
    "CommitteeProfileFactory",
    "CommitteeSettingsFactory",
    "CommitteeVersionFactory",
    "ConflictFactory",
    "ContactChangeFactory",
    "ContactFactory",
    "CriterionFactory",
    "CycleFactory",
    "DecisionFactory",
    "DelegateFactory",
    "DigestPreferenceFactory",
    "DiligenceCheckFactory",
    "DuplicateSuggestionFactory",
    "EntryBirthDateFactory",
    "EntryNameFactory",
    "EventFactory",
    "HitFactory",
    "InitiativeFactory",
    "InitiativeMilestoneFactory",
    "InvitationFactory",
    "LateSubmissionCodeFactory",
    "LaureateFactory",
    "LetterFactory",
    "LibraryDocumentFactory",
    "ListEntryFactory",
    "ListSnapshotFactory",
    "MeetingFactory",
    "MergeRecordFactory",
    "MilestoneFactory",
    "NominationFactory",
    "NominationVersionFactory",
    "ObjectiveFactory",
    "OrganisationFactory",
    "OutgoingEmailFactory",
    "OverrideFactory",
    "PayingAccountFactory",
    "PaymentFactory",
    "PlaceFactory",
    "PlacementFactory",
    "PostFactory",
    "QuestionFactory",
    "ReceiptFactory",
    "ReplyFactory",
    "ReviewFactory",
    "RoleGrantFactory",
    "ScreeningFactory",
    "SessionFactory",
    "ShortlistEntryFactory",
    "SignatureFactory",
    "SubjectRequestFactory",
    "SummitFactory",
    "SuppressionFactory",
    "UserFactory",
    "VisaRequestFactory",
    "VotingRoundFactory",
    "factory",
    "in_phase",
    "laureate_contact",
    "seat_on_committee",
    "speaks_for",
    "tie_contacts",
]
