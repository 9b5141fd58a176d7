"""Requests of data subjects."""

import factory
from django.utils import timezone

from laurel.privacy.models import SubjectRequest
from tests.factories.accounts import UserFactory


class SubjectRequestFactory(factory.django.DjangoModelFactory):
    """An open access request received today, due when the law says (SubjectRequest.due_date),
    as privacy.requests opens one."""

    class Meta:
        model = SubjectRequest

    kind = "access"
    email = factory.Sequence(lambda n: f"subject{n}@example.org")
    name = "Sam Subject"
    received_on = factory.LazyFunction(lambda: timezone.localdate())
    due_on = factory.LazyAttribute(lambda o: SubjectRequest.due_date(o.received_on))
    opened_by = factory.SubFactory(UserFactory)
