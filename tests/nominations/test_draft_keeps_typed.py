"""A draft keeps what was typed in a field that failed its check (a name too long, an address
half written, a link mistyped): saved with the draft, shown again with its message after a change
of language or by the private link, and gone once corrected. Found by a helper's walk at phone
width: the page said "Your draft is saved" and those fields came back empty."""

import pytest

from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token

pytestmark = pytest.mark.django_db
LONG_NAME = "Fundacja" + " Dajemy Dzieciom Siłę" * 11  # 239 characters, the limit is 200


def saved_draft(client, child10, **typed):
    token = new_token(client)
    data = complete_post(child10, token, action="save", **typed)
    response = client.post("/sv" + NOMINATE[3:], data)
    return token, response, Nomination.objects.get()


def test_a_save_keeps_the_fields_that_failed_their_check_as_typed(client, child10):
    _token, response, draft = saved_draft(
        client,
        child10,
        org_name=LONG_NAME,
        nominator_email="asa.oberg@",
        link_1="https://helpline.example.org/report",
        link_2="not a link",
        link_3="https://helpline.example.org/annual",
    )

    assert response.status_code == 200  # the form again, each message beside its field
    assert draft.unchecked == {
        "org_name": LONG_NAME,
        "nominator_email": "asa.oberg@",
        "link_2": "not a link",
    }
    assert (draft.org_name, draft.nominator_email) == ("", "")  # not saved as if checked
    assert draft.links == [
        "https://helpline.example.org/report",
        "https://helpline.example.org/annual",
    ]
    assert not draft.complete


def test_the_draft_in_another_language_shows_them_again_with_their_messages(client, child10):
    token, _response, _draft = saved_draft(
        client, child10, org_name=LONG_NAME, nominator_email="asa.oberg@", link_2="not a link"
    )

    page = client.get(f"/en/nominate/n/{token}/")

    assert page.status_code == 200
    form = page.context["form"]
    assert form["org_name"].value() == LONG_NAME
    assert form["nominator_email"].value() == "asa.oberg@"
    # The saved link first, the one typed wrong after it: nothing typed is lost.
    assert [form[f"link_{n}"].value() for n in (1, 2)] == [
        "https://safe-online.example.org/report-2023",
        "not a link",
    ]
    assert form.errors["org_name"] == [
        "Shorten the name of the organisation to 200 characters or fewer; it has 239"
    ]
    assert form.errors["nominator_email"] == [
        "Enter an email address in the correct format, like name@example.org"
    ]
    assert set(form.errors) == {"org_name", "nominator_email", "link_2"}
    assert LONG_NAME in page.content.decode()


def test_once_corrected_nothing_is_held_any_more(client, child10):
    token, _response, draft = saved_draft(client, child10, nominator_email="asa.oberg@")

    data = complete_post(child10, token, action="save", nominator_email="asa.oberg@example.org")
    response = client.post(f"/en/nominate/n/{token}/", data)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.unchecked == {}
    assert draft.nominator_email == "asa.oberg@example.org"
    assert draft.complete
    page = client.get(f"/en/nominate/n/{token}/")
    assert not page.context["form"].is_bound  # nothing to show a message about


def test_an_address_far_too_long_is_told_to_be_shortened_not_to_be_rewritten(client, child10):
    """Django's URL check refuses an address of 20,000 characters as badly formed; the form
    says what to do: shorten it, by how much (and the draft keeps it as typed)."""
    website = "https://helpline.example.org/" + "a" * 20_000
    _token, response, draft = saved_draft(client, child10, org_website=website, link_1=website)

    form = response.context["form"]
    assert form.errors["org_website"] == [
        "Korta webbadressen till högst 300 tecken; nu är den 20\xa0029"
    ]
    assert form.errors["link_1"][0].startswith("Korta länk 1 till högst 500 tecken")
    assert draft.unchecked["org_website"] == website
