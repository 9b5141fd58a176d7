import pytest
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.core.services import record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_and_the_subject(staff_user):
    target = UserFactory()

    entry = record("user.deactivated", actor=staff_user, subject=target, data={"why": "left"})

    assert (entry.key, entry.actor, entry.actor_label) == (
        "user.deactivated",
        staff_user,
        staff_user.email,
    )
    assert (entry.subject_type, entry.subject_id) == ("accounts.user", str(target.pk))
    assert entry.data == {"why": "left"}


def test_record_without_a_person_is_the_system():
    assert record("cycle.created").actor_label == "system"


def test_record_refuses_a_key_that_is_not_dotted_lower_case():
    with pytest.raises(ValueError):
        record("CycleCreated")


def test_audit_page_filters_by_event_who_and_type(staff_client, staff_user):
    other = UserFactory(email="other@example.org")
    record("invitation.sent", actor=staff_user, subject=other)
    record("invitation.revoked", actor=other, subject=other)
    record("cycle.updated", actor=staff_user)

    by_key = staff_client.get(reverse("audit:log"), {"key": "invitation."})
    by_actor = staff_client.get(reverse("audit:log"), {"actor": "other@"})
    by_type = staff_client.get(reverse("audit:log"), {"type": "accounts.user"})
    unknown_type = staff_client.get(reverse("audit:log"), {"type": "no.such"})

    keys = lambda response: [entry.key for entry in response.context["page"]]  # noqa: E731
    assert keys(by_key) == ["invitation.revoked", "invitation.sent"]
    assert keys(by_actor) == ["invitation.revoked"]
    assert keys(by_type) == ["invitation.revoked", "invitation.sent"]
    assert len(keys(unknown_type)) == 3  # an unknown type is ignored, not passed to the ORM


def test_audit_page_issues_the_same_queries_for_one_and_many(
    staff_client, queries_for_one_and_many
):
    def add(n):
        for i in range(n):
            record("cycle.updated", actor=UserFactory(), summary=str(i))

    one, many = queries_for_one_and_many(lambda: staff_client.get(reverse("audit:log")), add, 60)

    assert one == many
    assert AuditEntry.objects.count() == 61
