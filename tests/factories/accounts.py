"""Accounts: users, their roles and invitations."""

from datetime import timedelta

import factory
from django.conf import settings
from django.utils import timezone

from laurel.accounts.enums import Role
from laurel.accounts.models import Invitation, RoleGrant, User, hash_token, new_token

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with no role. Traits `staff`, `finance`: holding that role across the
    installation."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        staff = factory.Trait(
            staff_grant=factory.RelatedFactory(
                "tests.factories.accounts.RoleGrantFactory", "user", role=Role.STAFF
            )
        )
        finance = factory.Trait(
            finance_grant=factory.RelatedFactory(
                "tests.factories.accounts.RoleGrantFactory", "user", role=Role.FINANCE
            )
        )

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = Role.STAFF
    cycle = None


def seat_on_committee(user: User, cycle) -> User:
    """What accepting an invitation to a cycle's committee gives: the member's role there."""
    RoleGrant.objects.get_or_create(user=user, role=Role.COMMITTEE_MEMBER, cycle=cycle)
    return user


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation to the staff role, as accounts.services.invite leaves one: only the
    token's hash stored, valid settings.INVITATION_VALIDITY from now, sent by a member of staff.
    Pass `token` to know the link (find_invitation(token) finds the invitation); a cycle role
    takes `cycle` too. Traits: `accepted` (what accepting sets on it: the time, and the user at its
    address; the role grant itself is RoleGrantFactory's), `revoked` (revoke_invitation's time),
    `expired` (its validity over, as time leaves it)."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.LazyFunction(lambda: new_token()[0])
        accepted = factory.Trait(
            accepted_at=factory.LazyFunction(timezone.now),
            accepted_by=factory.SubFactory(UserFactory, email=factory.SelfAttribute("..email")),
        )
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))
        expired = factory.Trait(
            expires_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
        )

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Invitee {n}")
    role = Role.STAFF
    cycle = None
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))
    invited_by = factory.SubFactory(UserFactory, staff=True)
    expires_at = factory.LazyFunction(lambda: timezone.now() + settings.INVITATION_VALIDITY)
