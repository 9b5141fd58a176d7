"""The language of a nominator's emails follows the page's until they choose another (a helper's
walk: a draft begun on the German page and finished on the Polish one, its emails in German,
because the form's "Language of the emails we send you" had kept the German page's default)."""

import re

import pytest
from django.urls import translate_url

from laurel.nominations.models import Nomination
from tests.nominations.helpers import urls
from tests.scenarios import new_token

pytestmark = pytest.mark.django_db


def draft_begun_in_german(client, preferred: str) -> str:
    token = new_token(client)
    client.post(
        "/de/nominate/",
        {"token": token, "org_name": "Stiftung Wechsel", "preferred_language": preferred},
    )
    assert Nomination.objects.get().preferred_language == preferred
    return token


def emails_language(response) -> str:
    select = re.search(
        r'<select name="preferred_language".*?</select>', response.content.decode(), re.S
    )
    return re.search(r'<option value="([a-z]+)" selected>', select.group(0)).group(1)


def test_switching_language_takes_the_emails_language_along(client, child10):
    token = draft_begun_in_german(client, "de")
    german = "http://testserver" + translate_url(urls(token)["manage"], "de")

    polish = client.get(translate_url(urls(token)["manage"], "pl"), headers={"referer": german})

    assert emails_language(polish) == "pl"


def test_a_language_chosen_apart_from_the_pages_stays(client, child10):
    token = draft_begun_in_german(client, "en")
    german = "http://testserver" + translate_url(urls(token)["manage"], "de")

    polish = client.get(translate_url(urls(token)["manage"], "pl"), headers={"referer": german})

    assert emails_language(polish) == "en"


def test_opening_the_private_link_in_another_language_changes_nothing(client, child10):
    # Not a switch: a link followed from an email or a bookmark chooses nothing.
    token = draft_begun_in_german(client, "de")

    polish = client.get(translate_url(urls(token)["manage"], "pl"))

    assert emails_language(polish) == "de"
