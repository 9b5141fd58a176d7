"""Factories without surprises: each makes the plainest valid object; tests say what differs.

One module per app; everything is importable from here (`from tests.factories import X`). A
trait sets on the object what the service named in its factory's note sets there, and no more:
no audit entry, no email, no task. A test about the service itself goes through the service.
Related objects are made in the cycle of the object being made (factory.SelfAttribute)."""

import factory

from tests.factories.accounts import PASSWORD, RoleGrantFactory, UserFactory
from tests.factories.candidates import (
    CandidateFactory,
    DuplicateSuggestionFactory,
    OrganisationFactory,
    PlacementFactory,
)
from tests.factories.cycles import BenefitFactory, CriterionFactory, CycleFactory, in_phase
from tests.factories.laureates import (
    ContactFactory,
    DelegateFactory,
    LaureateFactory,
    PaymentFactory,
    laureate_contact,
    tie_contacts,
)
from tests.factories.nominations import NominationFactory
from tests.factories.notifications import OutgoingEmailFactory
from tests.factories.privacy import SubjectRequestFactory
from tests.factories.review import (
    AffiliationFactory,
    AssignmentFactory,
    CommitteeProfileFactory,
    ConflictFactory,
    ReviewFactory,
)
from tests.factories.selection import DecisionFactory, PlaceFactory, VotingRoundFactory

__all__ = [
    "PASSWORD",
    "AffiliationFactory",
    "AssignmentFactory",
    "BenefitFactory",
    "CandidateFactory",
    "CommitteeProfileFactory",
    "ConflictFactory",
    "ContactFactory",
    "CriterionFactory",
    "CycleFactory",
    "DecisionFactory",
    "DelegateFactory",
    "DuplicateSuggestionFactory",
    "LaureateFactory",
    "NominationFactory",
    "OrganisationFactory",
    "OutgoingEmailFactory",
    "PaymentFactory",
    "PlaceFactory",
    "PlacementFactory",
    "ReviewFactory",
    "RoleGrantFactory",
    "SubjectRequestFactory",
    "UserFactory",
    "VotingRoundFactory",
    "factory",
    "in_phase",
    "laureate_contact",
    "tie_contacts",
]
