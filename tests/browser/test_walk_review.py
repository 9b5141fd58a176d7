"""Found walking the review page in Chromium (issue 16, items 8 and 11): after "Show it in the
text" a refused submit still puts the focus on the error summary, and each finding's example
reason fits its kind; sv and en, axe clean."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.nominations.helpers import complete_post
from tests.nominations.test_after_submission import MARIA
from tests.nominations.test_flow import NOMINATE, new_token

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": ("Show it in the text", "Submit the nomination", "campaign and its year"),
    "sv": ("Visa i texten", "Skicka in nomineringen", "kampanj och året"),
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_after_showing_a_finding_a_refused_submit_focuses_the_error_summary(
    page, live_server, client, child10, settings, axe, language
):
    settings.ALTCHA_COST = 200
    show, submit, name_example = TEXTS[language]
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, answer_1=MARIA))
    with translation.override(language):
        review = reverse("nominations:review", kwargs={"token": token})
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + review)

    page.get_by_role("link", name=show).first.click()
    assert "#finding-" in page.url
    page.get_by_role("button", name=submit).click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused(timeout=20000)
    expect(summary.locator("li")).to_have_count(3)
    assert "#" not in page.url
    expect(page.locator(".finding-choice").first.locator(".field__help")).to_contain_text(
        name_example
    )
    assert axe(page) == []
