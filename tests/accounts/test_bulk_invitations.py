"""Item 19: staff paste a list of committee members and invite them all at once, after a
preview; bad lines are named by number and the pasted text is kept."""

import pytest
from django.urls import reverse

from laurel.accounts import services
from laurel.accounts.enums import Role
from laurel.accounts.forms import parse_people
from laurel.accounts.models import Invitation, RoleGrant
from laurel.core.models import AuditEntry
from laurel.notifications.models import OutgoingEmail
from tests.conftest import make_user, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("accounts:invite_list")
LIST = """Alice Andersson <Alice@Example.org>

bob@example.org, Bob Berg
"Berg, Carl" <carl@example.org>
alice@example.org
Dora Dahl, dora@example.org
"""


def form(child10, people=LIST, **more):
    return {"people": people, "role": "committee_member", "cycle": child10.pk,
            "language": "sv"} | more  # fmt: skip


def test_a_pasted_list_is_read_in_both_shapes_skipping_blank_lines():
    people, problems = parse_people(LIST)

    assert [(p.line, p.name, p.email) for p in people] == [
        (1, "Alice Andersson", "alice@example.org"),
        (3, "Bob Berg", "bob@example.org"),
        (4, "Berg, Carl", "carl@example.org"),
        (5, "", "alice@example.org"),
        (6, "Dora Dahl", "dora@example.org"),
    ]
    assert problems == []


def test_bad_lines_are_named_by_number_and_the_text_is_kept(staff_client, child10):
    pasted = "Alice <alice@example.org>\nnot an address\n\nbob@example\n"

    response = staff_client.post(URL, form(child10, pasted))

    assert response.status_code == 400
    assert response.context["form"].errors["people"] == [
        "Line 2: no valid email address in “not an address”.",
        "Line 4: no valid email address in “bob@example”.",
    ]
    assert "Alice &lt;alice@example.org&gt;\nnot an address" in response.content.decode()
    assert Invitation.objects.count() == 0


def test_the_preview_names_whom_it_invites_and_whom_it_skips(staff_client, child10, staff_user):
    services.invite("bob@example.org", role=Role.COMMITTEE_MEMBER, cycle=child10, actor=staff_user)
    carl = UserFactory(email="Carl@example.org")
    RoleGrant.objects.create(user=carl, role=Role.COMMITTEE_MEMBER, cycle=child10)
    OutgoingEmail.objects.all().delete()

    response = staff_client.post(URL, form(child10))

    page = response.content.decode()
    assert response.status_code == 200
    assert "2 emails will be sent" in page
    assert "Alice Andersson &lt;alice@example.org&gt;, Dora Dahl &lt;dora@example.org&gt;" in page
    assert "Invited already, not invited again: Bob Berg &lt;bob@example.org&gt;." in page
    assert "Holding the role already, skipped: Berg, Carl &lt;carl@example.org&gt;." in page
    assert "Repeated on an earlier line, skipped: alice@example.org." in page
    assert Invitation.objects.count() == 1
    assert OutgoingEmail.objects.count() == 0


def test_confirming_invites_each_once_audited(staff_client, child10, staff_user):
    response = staff_client.post(
        URL, form(child10, confirmed="yes", confirmed_emails="4"), follow=True
    )

    invitations = Invitation.objects.order_by("email")
    assert [(i.email, i.full_name, i.role, i.cycle, i.language) for i in invitations] == [
        ("alice@example.org", "Alice Andersson", "committee_member", child10, "sv"),
        ("bob@example.org", "Bob Berg", "committee_member", child10, "sv"),
        ("carl@example.org", "Berg, Carl", "committee_member", child10, "sv"),
        ("dora@example.org", "Dora Dahl", "committee_member", child10, "sv"),
    ]
    assert sorted(OutgoingEmail.objects.filter(key="invitation").values_list("to", flat=True)) == [
        "alice@example.org", "bob@example.org", "carl@example.org", "dora@example.org",
    ]  # fmt: skip
    assert AuditEntry.objects.filter(key="invitation.sent", actor=staff_user).count() == 4
    assert AuditEntry.objects.get(key="invitation.list_sent").data["invited"] == 4
    messages = [str(m) for m in response.context["messages"]]
    assert messages[0].startswith("4 invitations are on their way: Alice Andersson <alice@")
    assert messages[1:] == ["Repeated on an earlier line, skipped: alice@example.org."]


def test_posting_the_confirmed_list_twice_invites_nobody_twice(staff_client, child10):
    staff_client.post(URL, form(child10, confirmed="yes", confirmed_emails="4"))

    again = staff_client.post(URL, form(child10, confirmed="yes", confirmed_emails="4"))

    assert Invitation.objects.count() == 4
    assert again.status_code == 400
    assert "Nobody on this list is left to invite." in again.context["form"].errors["people"]


def test_staff_cannot_invite_themselves_from_a_list(staff_client, child10, staff_user):
    response = staff_client.post(
        URL, form(child10, f"{staff_user.email}\nnew@example.org", confirmed="yes",
                  confirmed_emails="1"),
    )  # fmt: skip

    assert response.status_code == 302
    assert list(Invitation.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_only_committee_roles_can_be_given_from_a_list(staff_client, child10):
    response = staff_client.post(URL, form(child10, role="finance"))

    assert response.status_code == 400
    assert "role" in response.context["form"].errors
    assert Invitation.objects.count() == 0


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain"])
def test_other_roles_cannot_invite_a_list(client, child10, role):
    sign_in(client, make_user(role, cycle=child10))

    response = client.post(URL, form(child10, confirmed="yes", confirmed_emails="4"))

    assert response.status_code == 404
    assert Invitation.objects.count() == 0


def test_anonymous_is_sent_to_sign_in(client, child10):
    response = client.post(URL, form(child10, confirmed="yes", confirmed_emails="4"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Invitation.objects.count() == 0
