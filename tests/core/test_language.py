"""The language a visitor chose is remembered; the language menu names each language in itself."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

SWEDISH_BROWSER = {"accept-language": "sv-SE,sv;q=0.9,en;q=0.5"}
ENGLISH_BROWSER = {"accept-language": "en-GB,en;q=0.9"}


def switch(client, to: str, page: str, browser: dict):
    """Follow the language switch on `page` (a page of the site in the other language)."""
    other = "en" if to == "sv" else "sv"
    return client.get(
        f"/{to}/{page}", headers={**browser, "referer": f"http://testserver/{other}/{page}"}
    )


def test_a_swedish_browser_that_switched_to_english_lands_on_english_next_time(client, child10):
    assert client.get("/", headers=SWEDISH_BROWSER).url == "/sv/"

    assert switch(client, "en", "privacy/", SWEDISH_BROWSER).status_code == 200
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)  # the next visit, days later

    assert client.get("/", headers=SWEDISH_BROWSER).url == "/en/"


def test_an_english_browser_that_switched_to_swedish_lands_on_swedish_next_time(client, child10):
    switch(client, "sv", "", ENGLISH_BROWSER)

    assert client.get("/", headers=ENGLISH_BROWSER).url == "/sv/"


def test_switching_back_is_remembered_too(client, child10):
    switch(client, "en", "", SWEDISH_BROWSER)
    switch(client, "sv", "", SWEDISH_BROWSER)

    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    assert client.get("/", headers=SWEDISH_BROWSER).url == "/sv/"


def test_the_cookie_lasts_beyond_the_visit_with_the_session_cookies_flags(client, child10):
    response = switch(client, "en", "", SWEDISH_BROWSER)
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]

    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 180 * 24 * 60 * 60  # outlives the browser session
    assert (bool(cookie["httponly"]), cookie["samesite"]) == (True, "Lax")
    assert bool(cookie["secure"]) == settings.SESSION_COOKIE_SECURE


def test_opening_a_link_in_the_other_language_is_not_a_choice(client, child10):
    """An English link someone sent a Swedish reader (no referer, or from another site)."""
    client.get("/en/", headers=SWEDISH_BROWSER)
    client.get("/en/", headers={**SWEDISH_BROWSER, "referer": "https://mail.example.org/sv/inbox"})

    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert client.get("/", headers=SWEDISH_BROWSER).url == "/sv/"


def test_reading_on_in_the_same_language_sets_no_cookie(client, child10):
    response = client.get(
        "/sv/privacy/", headers={**SWEDISH_BROWSER, "referer": "http://testserver/sv/"}
    )

    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("crafted", ["xx", "nl", "../admin", "<script>", ""])
def test_a_crafted_cookie_with_an_unknown_language_is_ignored(client, child10, crafted):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = crafted

    response = client.get("/", headers=SWEDISH_BROWSER)

    assert (response.status_code, response.url) == (302, "/sv/")


def test_the_root_redirect_varies_by_cookie_as_by_browser_language(client, child10):
    response = client.get("/", headers=SWEDISH_BROWSER)

    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"cookie", "accept-language"} <= vary


def test_a_page_under_a_language_prefix_ignores_the_cookie(client, child10):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get("/sv/privacy/").content.decode()

    assert '<html lang="sv">' in page


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_language_menu_names_each_language_in_itself(client, child10, language):
    page = client.get(f"/{language}/").content.decode()
    menu = page.split('class="language-switch"', 1)[1].split("</nav>", 1)[0]

    assert 'lang="sv"' in menu and ">Svenska<" in menu
    assert 'lang="en"' in menu and ">English<" in menu
    assert "Swedish" not in menu and "Engelska" not in menu


def test_languages_are_named_in_themselves_from_djangos_table():
    from laurel.core.texts import native_names

    assert native_names(["sv", "en", "uk"]) == [
        ("sv", "Svenska"), ("en", "English"), ("uk", "Українська"),
    ]  # fmt: skip
