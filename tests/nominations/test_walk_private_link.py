"""Found walking the form without JavaScript (issue 16, items 2 and 10): after Enter on the
blank form the page comes back at /nominate/, not at the private link, so it must not tell the
nominator to bookmark this page (the bookmark would open a blank form); at the private link it
may, in sv and en."""

import re

import pytest

from tests.nominations.helpers import complete_post

pytestmark = pytest.mark.django_db

BOOKMARK = {
    "en": "Bookmark this page, or copy the link somewhere safe.",
    "sv": "Spara sidan som bokmärke, eller kopiera länken till ett säkert ställe.",
}
NOT_HERE = {
    "en": "own address is not your private link",
    "sv": "den här sidans adress är inte din personliga länk",
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_first_post_does_not_ask_to_bookmark_the_blank_forms_address(client, child10, language):
    nominate = f"/{language}/nominate/"
    token = re.search(r'name="token" value="([^"]+)"', client.get(nominate).content.decode())[1]

    response = client.post(nominate, complete_post(child10, token, org_founded_year="x"))
    html = response.content.decode()
    at_link = client.get(f"/{language}/nominate/n/{token}/").content.decode()

    # What the help under the link says (nominate.js swaps in data-here once it has moved the
    # page to the private link; without JavaScript this is what is read).
    said = re.search(r'id="private-link-help"[^>]*>(.*?)</p>', html, re.S)[1]
    said_at_link = re.search(r'id="private-link-help"[^>]*>(.*?)</p>', at_link, re.S)[1]

    assert response.status_code == 200 and f"/nominate/n/{token}/" in html
    assert BOOKMARK[language] not in said
    assert NOT_HERE[language] in said
    assert BOOKMARK[language] in said_at_link
    assert NOT_HERE[language] not in at_link
