"""The website is asked for firmly: submitting needs its address or the box that says the
organisation has none or the nominator does not know it (issue 18: the website is what tells the
secretariat that two nominations are one organisation). A draft needs neither."""

import re

import pytest

from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post, submitted_nomination, urls
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db

MESSAGES = {
    "en": "Enter the organisation's website address, or tick the box to say it has none or you "
    "do not know it",
    "sv": "Skriv adressen till organisationens webbplats, eller kryssa i rutan om den inte har "
    "någon eller om du inte vet adressen",
}
BOX = {
    "en": "It has no website, or I do not know its address",
    "sv": "Den har ingen webbplats, eller så vet jag inte adressen",
}


def without_website(cycle, token, **changes) -> dict:
    data = complete_post(cycle, token, org_website="", **changes)
    return data


@pytest.mark.parametrize("language", ["en", "sv"])
def test_neither_address_nor_box_is_refused_next_to_the_field_keeping_what_was_typed(
    client, child10, language
):
    page = client.get(f"/{language}/nominate/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)

    response = client.post(f"/{language}/nominate/", without_website(child10, token))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"org_website": [MESSAGES[language]]}
    page = response.content.decode()
    assert 'href="#id_org_website"' in page  # the error summary leads to the field
    assert re.search(r'<input[^>]*name="org_website"[^>]*aria-invalid="true"', page)
    assert 'value="Safe Online Europe"' in page
    assert BOX[language] in page
    assert not Nomination.objects.filter(state=NominationState.SUBMITTED).exists()


def test_the_box_instead_of_an_address_goes_to_review_and_is_submitted(client, child10, settings):
    token = new_token(client)
    response = client.post(NOMINATE, {**without_website(child10, token), "org_no_website": "on"})
    assert response.status_code == 302 and response["Location"] == urls(token)["review"]
    review = client.get(urls(token)["review"]).content.decode()
    assert re.search(r"<dt>Website</dt><dd>None, or not known</dd>", review)

    _token, nomination = submitted_nomination(
        client, child10, settings, org_name="Second", org_website="", org_no_website="on"
    )
    assert nomination.state == NominationState.SUBMITTED
    assert (nomination.org_website, nomination.org_no_website) == ("", True)


def test_an_address_given_wins_over_a_ticked_box(client, child10, settings):
    _token, nomination = submitted_nomination(
        client, child10, settings, org_website="safe-online.example.org", org_no_website="on"
    )

    assert nomination.org_website == "https://safe-online.example.org"
    assert nomination.org_no_website is False


def test_a_draft_needs_neither_and_keeps_the_box(client, child10):
    token = new_token(client)

    client.post(NOMINATE, {**without_website(child10, token), "action": "save"})
    nomination = Nomination.objects.get(org_name="Safe Online Europe")
    assert nomination.state == NominationState.DRAFT
    assert nomination.org_no_website is False

    client.post(
        urls(token)["manage"],
        {**without_website(child10, token), "org_no_website": "on", "action": "save"},
    )
    nomination.refresh_from_db()
    assert nomination.org_no_website is True
    page = client.get(urls(token)["manage"]).content.decode()
    assert re.search(r'<input type="checkbox" name="org_no_website"[^>]*checked', page)


def test_the_section_counts_as_complete_with_the_box_and_not_without_either(client, child10):
    token = new_token(client)
    client.post(NOMINATE, {**without_website(child10, token), "action": "save"})
    progress = re.compile(r'href="#section-organisation">[^<]*</a>\s*<span class="badge([^"]*)"')

    page = client.get(urls(token)["manage"]).content.decode()
    assert progress.search(page).group(1) == ""  # "to do"

    client.post(
        urls(token)["manage"],
        {**without_website(child10, token), "org_no_website": "on", "action": "save"},
    )
    page = client.get(urls(token)["manage"]).content.decode()
    assert progress.search(page).group(1) == " badge--sent"  # "complete"


def test_the_website_is_not_marked_optional_and_the_box_is_labelled(client, child10):
    page = client.get(NOMINATE).content.decode()

    label = re.search(r'<label for="id_org_website">(.*?)</label>', page, re.S).group(1)
    assert label.strip() == "Website"
    assert re.search(r'<label for="id_org_no_website">\s*' + re.escape(BOX["en"]), page)


def test_the_box_is_described_by_the_message_that_names_it(client, child10):
    token = new_token(client)

    page = client.post(NOMINATE, without_website(child10, token)).content.decode()

    assert re.search(
        r'<input type="checkbox" name="org_no_website"[^>]*'
        r'aria-describedby="id_org_website_error"',
        page,
    )


@pytest.mark.parametrize("address", ["ftp://safe-online.example.org", "javascript:alert(1)"])
def test_a_website_is_an_address_on_the_web(client, child10, address):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(child10, token, org_website=address))

    assert response.context["form"].errors["org_website"] == [
        "Enter the organisation's website address, like https://example.org"
    ]
    assert f'value="{address}"' in response.content.decode()  # kept as typed


def test_a_draft_found_incomplete_at_review_comes_back_with_each_missing_answer_marked(
    client, child10, settings
):
    """Another tab unticked the box and saved the draft after this one reached the review page:
    submitting sends the nominator back to the form with the website's error beside it."""
    token = new_token(client)
    client.post(NOMINATE, {**without_website(child10, token), "org_no_website": "on"})
    client.post(
        urls(token)["manage"], {**without_website(child10, token), "action": "save"}
    )  # the other tab

    response = client.post(urls(token)["review"], {"altcha": solved_payload(settings)})

    assert response.status_code == 302
    assert response["Location"] == urls(token)["manage"] + "?check=1"
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.context["form"].errors == {"org_website": [MESSAGES["en"]]}
    assert 'href="#id_org_website"' in body  # in the error summary
    assert "Some required answers are missing. Please complete them." in body
    assert Nomination.objects.get(org_name="Safe Online Europe").state == NominationState.DRAFT
