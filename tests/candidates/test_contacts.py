"""A candidate's contact, kept by staff on the candidate's page: edited with its history, what
the organisation told us on its consent page beside it (one click makes it the contact), and
never shown to anyone but staff."""

import re
from collections import Counter
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from laurel.accounts.names import display_name
from laurel.candidates import services
from laurel.candidates.models import ContactChange, Organisation
from laurel.core.models import AuditEntry
from tests.conftest import make_user, sign_in
from tests.scenarios import member, ready


@pytest.fixture
def candidate(child10, staff_user):
    return ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff_user)


def ask(candidate, staff, email="info@trygga.se"):
    return services.invite_organisation(
        candidate,
        email=email,
        language="sv",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff,
    )


def test_staff_edit_the_contact_and_see_who_changed_what_when(staff_client, staff_user, candidate):
    url = reverse("candidates:contact", args=[candidate.pk])

    saved = staff_client.post(
        url, {"name": "Eva Ek", "email": "Eva@Trygga.se", "language": "sv"}, follow=True
    )
    staff_client.post(url, {"name": "Eva Ek", "email": "eva@trygga.se", "language": "en"})
    page = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content.decode()

    organisation = Organisation.objects.get(pk=candidate.organisation_id)
    assert (organisation.contact_name, organisation.contact_email) == ("Eva Ek", "eva@trygga.se")
    assert organisation.contact_language == "en"
    assert "The contact of Trygga Nätet is saved" in saved.content.decode()
    changes = list(ContactChange.objects.values_list("fields", "language", "by", "source"))
    assert changes == [
        (["language"], "en", staff_user.pk, "staff"),
        (["name", "email", "language"], "sv", staff_user.pk, "staff"),
    ]
    entries = AuditEntry.objects.filter(key="candidate.contact_changed")
    assert [entry.data for entry in entries.order_by("id")] == [
        {"fields": ["name", "email", "language"], "source": "staff"},
        {"fields": ["language"], "source": "staff"},
    ]
    assert "eva@trygga.se" not in str([entry.summary for entry in entries])  # no address logged
    history = page[page.index('id="contact"') :]
    assert f"{display_name(staff_user)}:\n      Eva Ek · eva@trygga.se · English" in history
    assert "Eva Ek · eva@trygga.se · Swedish" in history


def test_a_bad_address_is_refused_next_to_its_field_and_nothing_changes(staff_client, candidate):
    response = staff_client.post(
        reverse("candidates:contact", args=[candidate.pk]),
        {"name": "Eva", "email": "not an address", "language": "sv"},
    )

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert ContactChange.objects.count() == 0


def test_the_organisations_answer_is_shown_and_one_click_makes_it_the_contact(
    staff_client, staff_user, candidate
):
    services.set_contact(
        candidate, name="Nominator's guess", email="guess@trygga.se", language="", actor=staff_user
    )
    token = ask(candidate, staff_user)
    answered = Client().post(
        f"/sv/organisation/{token}/",
        {
            "consent": "yes",
            "contact_name": "Karin Berg",
            "contact_email": "karin@trygga.se",
            "description": "Vi stöder barn som utsatts på nätet.",
        },
    )
    assert answered.status_code == 302, answered.content.decode()[:500]  # to the receipt
    translation.activate("en")  # the organisation's Swedish request left its language active
    organisation = Organisation.objects.get(pk=candidate.organisation_id)
    # Staff chose the contact by hand: the answer does not write over it, it waits beside it.
    assert organisation.contact_email == "guess@trygga.se"
    page = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content.decode()
    told = page[page.index("What the organisation told us on its consent page") :]
    assert "Karin Berg" in told and "karin@trygga.se" in told and "Swedish" in told
    assert "Vi stöder barn som utsatts på nätet." in told
    claim = candidate.claims.get()

    used = staff_client.post(
        reverse("candidates:use_claim", args=[candidate.pk, claim.pk]), follow=True
    )

    organisation.refresh_from_db()
    assert (organisation.contact_name, organisation.contact_email) == (
        "Karin Berg",
        "karin@trygga.se",
    )
    assert organisation.contact_language == "sv"
    assert "is now the contact of Trygga Nätet" in used.content.decode()
    latest = ContactChange.objects.first()
    assert (latest.source, latest.by) == ("claim", staff_user)


def test_the_answer_becomes_the_contact_when_staff_never_chose_one(client, staff_user, candidate):
    token = ask(candidate, staff_user, email="office@trygga.se")

    client.post(f"/sv/organisation/{token}/", {"consent": "yes", "contact_name": "Karin"})
    translation.activate("en")

    organisation = Organisation.objects.get(pk=candidate.organisation_id)
    assert (organisation.contact_name, organisation.contact_email) == ("Karin", "office@trygga.se")
    assert organisation.contact_language == "sv"  # the language it answered in
    assert ContactChange.objects.get().source == "claim"


@pytest.mark.parametrize("role", ["committee", "finance", "chair", "laureate"])
def test_no_one_but_staff_sees_or_changes_the_contact(client, child10, staff_user, candidate, role):
    services.set_contact(
        candidate, name="Eva Ek", email="eva@trygga.se", language="sv", actor=staff_user
    )
    if role == "chair":
        user = member(child10, "chair@example.org")
        user.role_grants.update(role="committee_chair")
    elif role == "committee":
        user = member(child10, "member@example.org")
    else:
        user = make_user(role, child10)
    sign_in(client, user)

    detail = client.get(reverse("candidates:detail", args=[candidate.pk]))
    changed = client.post(
        reverse("candidates:contact", args=[candidate.pk]),
        {"name": "X", "email": "x@example.org", "language": "en"},
    )

    assert (detail.status_code, changed.status_code) == (404, 404)
    assert Organisation.objects.get(pk=candidate.organisation_id).contact_email == "eva@trygga.se"
    if role in {"committee", "chair"}:
        # What the committee reads of the candidate holds no contact detail.
        committee_page = client.get(reverse("review:candidate", args=[candidate.pk]))
        assert committee_page.status_code == 200
        text = committee_page.content.decode()
        assert "eva@trygga.se" not in text and "Eva Ek" not in text


def test_erasing_a_contact_person_erases_their_past_versions_and_what_was_told_of_them(
    client, staff_user, candidate
):
    from laurel.privacy import requests

    token = ask(candidate, staff_user, email="karin@trygga.se")
    client.post(f"/sv/organisation/{token}/", {"consent": "yes", "contact_name": "Karin Berg"})
    translation.activate("en")
    services.set_contact(
        candidate, name="Karin Berg", email="karin@trygga.se", language="en", actor=staff_user
    )
    request = requests.open_request(
        kind="erasure", about="person", email="karin@trygga.se", name="Karin Berg",
        received_on=timezone.localdate(), actor=staff_user,
    )  # fmt: skip

    counts = requests.erase(request, actor=staff_user)

    assert set(ContactChange.objects.values_list("name", "email")) == {("", "")}
    assert candidate.claims.get().told == {"language": "sv"}
    assert (counts["contact_changes"], counts["consent_answers"]) == (2, 1)


def test_the_candidates_page_gives_every_field_its_own_id(staff_client, candidate):
    """The contact form and the consent request both ask for an email: each label still points
    at its own field (no id twice on the page)."""
    page = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content.decode()

    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    assert 'id="contact_email"' in page
