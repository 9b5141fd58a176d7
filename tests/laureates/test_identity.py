"""A laureate's contact acts for it by user id, tied when the contact's invitation is accepted:
never by an email address, which another user could claim (issue #14, item 1)."""

import importlib

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.models import RoleGrant, User
from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.laureates import services
from laurel.laureates.models import Contact, Laureate
from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory, in_phase
from tests.scenarios import ready

pytestmark = pytest.mark.django_db


def invitation_token() -> str:
    """The token in the last invitation email queued (the worker has not run: read the outbox)."""
    from laurel.notifications.models import OutgoingEmail

    text, _html = OutgoingEmail.objects.filter(key="invitation").latest("id").with_links()
    link = next(line for line in text.splitlines() if "/invitation/" in line)
    return link.rstrip("/").rsplit("/", 1)[1]


def laureate(cycle, staff, name, site) -> Laureate:
    in_phase(cycle, Phase.NOMINATIONS)  # nominated while the call was open, then accepted
    candidate = ready(cycle, name, website=site, staff=staff)
    laureate = Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())
    in_phase(cycle, Phase.PROGRAMME)
    return laureate


def contact_user(email, cycle):
    user = UserFactory(email=email)
    RoleGrant.objects.create(user=user, role="laureate_contact", cycle=cycle)
    return user


def laureates_a_and_b(cycle, staff):
    """Laureate A whose contact accepted its invitation (an account made), laureate B whose
    contact has not accepted yet: (A, B, A's contact's account)."""
    first = laureate(cycle, staff, "Trygga Nätet", "https://trygga.se")
    second = laureate(cycle, staff, "Dzieci w Sieci", "https://dzieci.pl")
    services.add_contact(first, email="office@trygga.se", language="sv", actor=staff)
    a = accounts.accept_invitation(
        invitation_token(), full_name="A", password=PASSWORD, language="sv"
    )
    services.add_contact(second, email="office@dzieci.pl", language="en", actor=staff)
    return first, second, a


@pytest.fixture
def two(child10, staff_user):
    return laureates_a_and_b(child10, staff_user)


def test_accepting_the_invitation_ties_the_contact_to_the_new_account(two):
    first, second, a = two

    assert [(c.email, c.user) for c in first.contacts.all()] == [("office@trygga.se", a)]
    assert [c.user for c in second.contacts.all()] == [None]
    entry = AuditEntry.objects.get(key="laureate.contact_tied")
    assert (entry.actor, entry.subject_id) == (a, str(first.pk))


def test_an_existing_account_is_tied_only_by_accepting_over_http(client, two, staff_user):
    """A contact added for someone who has an account already: tied when they accept the link
    signed in, not because the address matches."""
    _first, second, a = two
    services.add_contact(second, email=a.email, language="sv", actor=staff_user)
    token = invitation_token()
    sign_in(client, a)

    before = Contact.objects.get(laureate=second, email=a.email).user
    accepted = client.post(reverse("accounts:invitation", args=[token]))

    assert before is None
    assert accepted.status_code == 302
    assert Contact.objects.get(laureate=second, email=a.email).user == a


def test_an_invitation_staff_send_by_hand_ties_the_contact_when_accepted(client, two, staff_user):
    """B's contact's own invitation was withdrawn; staff invite the address to the role in the
    cycle from the users page; accepting that link ties B's contact."""
    _first, second, _a = two
    accounts.revoke_invitation(second.contacts.get().invitation, actor=staff_user)
    staff_client = client
    sign_in(staff_client, staff_user)
    staff_client.post(
        reverse("accounts:invite"),
        {"email": "office@dzieci.pl", "role": "laureate_contact", "cycle": second.cycle.pk,
         "language": "en", "confirmed": "yes"},
    )  # fmt: skip
    staff_client.logout()

    b = accounts.accept_invitation(
        invitation_token(), full_name="B", password=PASSWORD, language="en"
    )

    assert [c.user for c in second.contacts.all()] == [b]
    sign_in(client, b)
    assert client.get(reverse("laureates:home")).context["laureate"] == second


def test_an_account_at_another_laureates_contact_address_gets_nothing_of_it(client, two):
    """The address of laureate B's contact, held by an account that accepted no invitation for
    it (as after claiming the address): B's area, bank page and summit do not exist for it."""
    _first, second, _a = two
    impostor = contact_user("office@dzieci.pl", second.cycle)
    sign_in(client, impostor)

    pages = [
        client.get(reverse(name)).status_code
        for name in ("laureates:home", "laureates:bank", "laureates:summit", "laureates:support")
    ]

    assert pages == [404, 404, 404, 404]
    assert client.get(reverse("laureates:cohort")).status_code == 404
    assert services.laureate_of(impostor, second.cycle) is None


def test_contact_a_cannot_claim_bs_address_and_reach_bs_programme(client, two):
    """What was seen: A's contact added B's contact address on allauth's page, made it primary
    and opened B's programme. The page is gone; A still sees only A's own laureate."""
    first, second, a = two
    sign_in(client, a)

    added = client.post("/en/accounts/email/", {"action_add": "", "email": "office@dzieci.pl"})
    primary = client.post(
        "/en/accounts/email/", {"action_primary": "", "email": "office@dzieci.pl"}
    )
    home = client.get(reverse("laureates:home"))

    assert (added.status_code, primary.status_code) == (404, 404)
    assert EmailAddress.objects.filter(email__iexact="office@dzieci.pl").count() == 0
    assert home.context["laureate"] == first
    assert second.candidate.name not in home.content.decode()


def test_a_changed_address_moves_no_right(client, two, staff_user):
    """Staff change A's address: A keeps A's laureate; a new account at A's old address has none."""
    first, _second, a = two
    accounts.change_email(a, email="new@trygga.se", actor=staff_user)
    newcomer = contact_user("office@trygga.se", first.cycle)

    sign_in(client, a)
    kept = client.get(reverse("laureates:home")).status_code
    sign_in(client, newcomer)
    refused = client.get(reverse("laureates:home")).status_code

    assert (kept, refused) == (200, 404)
    # The laureate's mail to A follows A's new address.
    assert [c.email for c in first.contacts.all()] == ["new@trygga.se"]
    entry = AuditEntry.objects.get(key="laureate.contact_readdressed")
    assert (entry.actor, entry.subject_id) == (staff_user, str(first.pk))


def test_only_the_tied_contact_speaks_for_the_organisation_in_the_cohort(two):
    first, second, a = two
    impostor = contact_user("office@dzieci.pl", second.cycle)

    assert services.laureate_of(a, first.cycle) == first
    assert services.laureate_of(impostor, second.cycle) is None
    assert impostor.has_perm("laureates.use_cohort", second.cycle) is False
    assert impostor.has_perm("laureates.act_for", second) is False
    assert a.has_perm("laureates.act_for", first) is True
    assert a.has_perm("laureates.act_for", second) is False


def test_a_removed_role_closes_the_area_even_when_tied(client, two):
    _first, _second, a = two
    RoleGrant.objects.filter(user=a).delete()
    sign_in(client, a)

    assert client.get(reverse("laureates:home")).status_code == 404


def tie_existing_contacts(*args):
    """The data migration that ties contacts made before contacts were tied by id."""
    migration = importlib.import_module(
        "laurel.laureates.migrations.0007_contact_tied_by_invitation"
    )
    return migration.tie_existing_contacts(*args)


def test_the_migration_ties_only_what_an_accepted_invitation_proves(child10, staff_user):
    _accepted, _pending, a = laureates_a_and_b(child10, staff_user)
    unproven = laureate(child10, staff_user, "Safe Online", "https://safe-online.example.org")
    Contact.objects.create(laureate=unproven, email="info@safe-online.example.org")
    contact_user("info@safe-online.example.org", child10)  # an account, no invitation
    Contact.objects.update(user=None, invitation=None)  # as before the migration

    tie_existing_contacts(apps, None)

    ties = {c.email: (c.user, c.invitation is not None) for c in Contact.objects.all()}
    assert ties == {
        "office@trygga.se": (a, True),
        "office@dzieci.pl": (None, True),  # accepting its pending invitation will tie it
        "info@safe-online.example.org": (None, False),
    }


def test_the_migration_leaves_a_contact_two_accounts_accepted_for_untied(child10, staff_user):
    one = laureate(child10, staff_user, "Trygga Nätet", "https://trygga.se")
    services.add_contact(one, email="office@trygga.se", language="sv", actor=staff_user)
    first = accounts.accept_invitation(
        invitation_token(), full_name="A", password=PASSWORD, language="sv"
    )
    # The address changed as users could change it before (no signal, no mail).
    User.objects.filter(pk=first.pk).update(email="elsewhere@example.org")
    accounts.invite("office@trygga.se", role="laureate_contact", cycle=child10, actor=staff_user)
    accounts.accept_invitation(invitation_token(), full_name="B", password=PASSWORD, language="sv")
    Contact.objects.update(user=None, invitation=None)

    tie_existing_contacts(apps, None)

    assert Contact.objects.get().user is None
