"""Found walking the sign-in page as a newcomer (issue 16, items 13 and 18): the title and
heading are in sentence case like every other page, and someone without an account is told to
ask the secretariat (the term the public pages use), in sv and en."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "ask"),
    [
        (
            "en",
            "<title>Sign in · Child10 Award 2022</title>",
            "Accounts are made by invitation only: if you need one, ask the secretariat.",
        ),
        (
            "sv",
            "<title>Logga in · Child10 Award 2022</title>",
            "Konton skapas genom inbjudan, inte på annat sätt. Behöver du ett konto? "
            "Fråga sekretariatet.",
        ),
    ],
)
def test_the_sign_in_page_speaks_like_the_rest_of_the_site(client, child10, language, title, ask):
    html = client.get(f"/{language}/accounts/login/").content.decode()

    assert title in html
    assert ask in html
    assert "Sign In" not in html
    assert "personal" not in html.split("<main", 1)[1].split("</main>", 1)[0]
