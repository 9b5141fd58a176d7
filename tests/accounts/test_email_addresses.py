"""People cannot change their own sign-in address (allauth's address pages are closed); staff
change it, audited, and both the old and the new address are told (issue #14, items 1 and 20)."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from laurel.accounts.models import User
from laurel.core.models import AuditEntry
from tests.conftest import make_user, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CLOSED = [
    ("get", "/en/accounts/email/", {}),
    ("post", "/en/accounts/email/", {"action_add": "", "email": "someone@example.org"}),
    ("post", "/en/accounts/email/", {"action_primary": "", "email": "someone@example.org"}),
    ("post", "/en/accounts/email/", {"action_remove": "", "email": "laureate@example.org"}),
    ("post", "/en/accounts/email/", {"action_send": "", "email": "someone@example.org"}),
    ("get", "/sv/accounts/confirm-email/", {}),
    ("get", "/en/accounts/confirm-email/some-key/", {}),
]


@pytest.mark.parametrize(("method", "url", "data"), CLOSED)
def test_allauths_address_pages_do_not_exist(client, child10, method, url, data):
    someone = UserFactory(email="someone@example.org")
    user = make_user("laureate", cycle=child10)
    sign_in(client, user)

    response = getattr(client, method)(url, data)

    assert response.status_code == 404
    assert list(EmailAddress.objects.values_list("user", "email")) == []
    assert User.objects.get(pk=user.pk).email == "laureate@example.org"
    assert User.objects.get(pk=someone.pk).email == "someone@example.org"


def test_making_another_accounts_address_primary_is_a_refusal_not_a_500(client, child10):
    """What was seen: a row for another account's address (added before the pages closed), made
    primary, gave an IntegrityError (500) and stayed primary."""
    UserFactory(email="other@example.org")
    user = make_user("laureate", cycle=child10)
    EmailAddress.objects.create(user=user, email="other@example.org", primary=False)
    sign_in(client, user)

    response = client.post(
        "/en/accounts/email/", {"action_primary": "", "email": "other@example.org"}
    )

    assert response.status_code == 404
    assert User.objects.get(pk=user.pk).email == "laureate@example.org"
    assert EmailAddress.objects.get(email="other@example.org").primary is False


def test_staff_change_an_address_audited_and_both_addresses_are_told(
    staff_client, staff_user, child10, run_tasks
):
    person = make_user("laureate", cycle=child10)
    EmailAddress.objects.create(user=person, email=person.email, primary=True, verified=True)
    url = reverse("accounts:user_email", args=[person.pk])

    page = staff_client.get(url)
    response = staff_client.post(url, {"email": "New.Address@Example.org", "confirm": "on"})
    run_tasks()

    assert page.status_code == 200
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "new.address@example.org"
    assert list(EmailAddress.objects.filter(user=person).values_list("email", "primary")) == [
        ("new.address@example.org", True)
    ]
    entry = AuditEntry.objects.get(key="user.email_changed")
    assert (entry.actor, entry.subject_id, entry.summary) == (staff_user, str(person.pk), "")
    assert "example.org" not in str(entry.data)  # the audit names the user, not the addresses
    told = sorted((m.to[0], m.subject) for m in mail.outbox)
    subject = "The email address of your Child10 Award 2022 account was changed"
    assert told == [("laureate@example.org", subject), ("new.address@example.org", subject)]
    assert "new.address@example.org" in mail.outbox[0].body


def test_staff_cannot_give_an_address_another_account_signs_in_with(staff_client, child10):
    person = make_user("laureate", cycle=child10)
    UserFactory(email="taken@example.org")

    response = staff_client.post(
        reverse("accounts:user_email", args=[person.pk]),
        {"email": "TAKEN@example.org", "confirm": "on"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "email": ["Another account signs in with this address."]
    }
    assert User.objects.get(pk=person.pk).email == "laureate@example.org"
    assert AuditEntry.objects.filter(key="user.email_changed").count() == 0


def test_staff_confirm_before_changing_an_address(staff_client, child10):
    person = make_user("laureate", cycle=child10)

    response = staff_client.post(
        reverse("accounts:user_email", args=[person.pk]), {"email": "new@example.org"}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["confirm"]
    # The box's message says what to do, not only that "this field is required".
    assert "checked with the person" in response.context["form"].errors["confirm"][0]
    assert User.objects.get(pk=person.pk).email == "laureate@example.org"


def test_staff_cannot_change_their_own_address(staff_client, staff_user):
    response = staff_client.post(
        reverse("accounts:user_email", args=[staff_user.pk]),
        {"email": "me@example.org", "confirm": "on"},
    )

    assert response.status_code == 400
    assert User.objects.get(pk=staff_user.pk).email == "staff@example.org"


def test_staff_opening_their_own_address_page_are_told_before_typing(staff_client, staff_user):
    page = staff_client.get(reverse("accounts:user_email", args=[staff_user.pk]))

    html = page.content.decode()
    assert "You cannot change your own address: ask another member of staff." in html
    assert 'name="email"' not in html  # no form to fill in only to be refused


@pytest.mark.parametrize("role", ["laureate", "finance", "committee", "plain"])
def test_no_one_but_staff_changes_an_address(client, child10, role):
    user = make_user(role, cycle=child10)
    victim = UserFactory(email="victim@example.org")
    sign_in(client, user)
    url = reverse("accounts:user_email", args=[victim.pk])

    responses = [client.get(url), client.post(url, {"email": user.email, "confirm": "on"})]

    assert [r.status_code for r in responses] == [404, 404]
    assert User.objects.get(pk=victim.pk).email == "victim@example.org"


def test_the_users_page_links_to_the_change(staff_client, child10):
    person = make_user("laureate", cycle=child10)

    page = staff_client.get(reverse("accounts:users")).content.decode()

    assert reverse("accounts:user_email", args=[person.pk]) in page


def test_the_migration_drops_addresses_attached_to_someone_elses_account():
    """Rows the old pages let anyone add: another person's address on an attacker's account
    (a password reset for that address must not reach the attacker's account)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "laurel.accounts.migrations.0003_drop_foreign_email_addresses"
    )
    attacker = UserFactory(email="attacker@example.org")
    victim = UserFactory(email="Victim@Example.org")
    EmailAddress.objects.create(user=attacker, email="attacker@example.org", primary=True)
    EmailAddress.objects.create(user=attacker, email="office@victim.example.org")
    EmailAddress.objects.create(user=victim, email="victim@example.org", primary=True)

    migration.drop_foreign_addresses(apps, None)

    assert set(EmailAddress.objects.values_list("user__email", "email")) == {
        ("attacker@example.org", "attacker@example.org"),
        ("Victim@Example.org", "victim@example.org"),  # the same address, in other case
    }
