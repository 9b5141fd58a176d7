"""Keys for the read-only API."""

import secrets
from datetime import timedelta

import factory
from django.utils import timezone

from laurel.api.enums import Scope
from laurel.api.models import ApiToken, hash_key
from laurel.api.tokens import MAX_DAYS, PREFIX
from tests.factories.accounts import UserFactory


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """A working token, as api.tokens.create_token makes one: made by a member of staff (a token
    acts with its maker's role), its scopes sorted, valid MAX_DAYS, only the key's hash and its
    first characters stored. Pass `key` to know the key (tokens.authenticate takes it). Traits:
    `revoked` (revoke_token's time), `expired` (its validity over)."""

    class Meta:
        model = ApiToken

    class Params:
        key = factory.LazyFunction(lambda: PREFIX + secrets.token_urlsafe(32))
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))
        expired = factory.Trait(
            expires_at=factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=1))
        )

    name = factory.Sequence(lambda n: f"Report {n}")
    prefix = factory.LazyAttribute(lambda o: o.key[: len(PREFIX) + 6])
    key_hash = factory.LazyAttribute(lambda o: hash_key(o.key))
    scopes = factory.LazyFunction(lambda: sorted([Scope.CYCLES, Scope.CANDIDATES]))
    created_by = factory.SubFactory(UserFactory, staff=True)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=MAX_DAYS))
