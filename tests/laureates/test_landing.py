"""A laureate contact who makes its account from the invitation starts in its programme, not
at the public call (issue 17, item 11)."""

import pytest
from django.core import mail
from django.urls import reverse

from laurel.accounts.models import User
from laurel.laureates.models import Laureate
from laurel.selection import queries, services
from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory
from tests.laureates.portal_helpers import announced, letter_to, token_of  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_new_contact_account_lands_on_its_programme(client, announced, run_tasks):  # noqa: F811
    place = queries.places(announced)["laureate"][0]
    letter = letter_to(announced, place.candidate)
    services.answer_award(token_of(letter), accept=True)
    run_tasks()
    invitation = next(m for m in mail.outbox if m.to == [letter.to] and "/invitation/" in m.body)
    link = next(line for line in invitation.body.splitlines() if "/invitation/" in line)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]

    response = client.post(
        path, {"full_name": "Office", "password1": PASSWORD, "password2": PASSWORD}
    )
    page = client.get(response.url)

    user = User.objects.get(email=letter.to)
    assert response.status_code == 302
    assert response.url == reverse("laureates:home")
    assert client.session["_auth_user_id"] == str(user.pk)
    name = Laureate.objects.get().candidate.name
    assert f"<h1>{name}: " in page.content.decode()  # its own programme page


def test_an_existing_account_taking_the_contact_role_lands_on_its_programme(
    client,
    announced,  # noqa: F811
    run_tasks,
):
    place = queries.places(announced)["laureate"][0]
    letter = letter_to(announced, place.candidate)
    existing = UserFactory(email=letter.to)
    services.answer_award(token_of(letter), accept=True)
    run_tasks()
    invitation = next(m for m in mail.outbox if m.to == [letter.to] and "/invitation/" in m.body)
    link = next(line for line in invitation.body.splitlines() if "/invitation/" in line)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    sign_in(client, existing)

    asked = client.get(path)
    response = client.post(path)

    assert asked.status_code == 200
    assert response.status_code == 302
    assert response.url == reverse("laureates:home")
    assert client.get(response.url).status_code == 200
