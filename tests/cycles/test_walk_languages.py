"""What a helper's walk through the added languages found beyond the catalogues."""

import pytest

pytestmark = pytest.mark.django_db


def language_switch(response) -> str:
    return response.content.decode().split('class="language-switch"')[1].split("</nav>")[0]


@pytest.mark.parametrize("language", ["de", "pl"])
def test_a_page_not_found_in_a_public_language_offers_the_public_languages(
    client, child10, language
):
    """/de/nope/ answered in German with a switch of Svenska and English only: the page's own
    language was missing from it, and so was every other public one."""
    response = client.get(f"/{language}/nope/")

    assert response.status_code == 404
    switch = language_switch(response)
    assert f'<span aria-current="true" lang="{language}">' in switch
    assert switch.count("hreflang=") == len(child10.public) - 1


def test_a_page_not_found_in_a_working_language_offers_the_working_ones(client, child10):
    # No view answered, so nothing says whether the address was a public page's.
    switch = language_switch(client.get("/en/nope/"))

    assert switch.count("hreflang=") == len(child10.working) - 1
