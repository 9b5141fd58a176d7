"""Found walking the review page as a nominator (issue 16, item 11): each safeguarding finding's
example reason fits its kind, in sv and en, and the form posts to an address without a fragment."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.nominations.helpers import complete_post

pytestmark = pytest.mark.django_db

CHILD = "Maria, 12, lives at Bulevar oslobođenja 12 in Novi Sad; call +381 21 123 4567"


def _review_with_findings(client, child10, language):
    with translation.override(language):
        nominate = reverse("nominations:nominate")
        token = _token(client, nominate)
        client.post(nominate, complete_post(child10, token, answer_1=CHILD))
        return reverse("nominations:review", kwargs={"token": token})


def _token(client, nominate):
    page = client.get(nominate).content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def _help_texts(html: str) -> list[str]:
    return re.findall(r'<p class="field__help" id="reason-[^"]+-help">([^<]+)</p>', html)


@pytest.mark.parametrize(
    ("language", "name_example", "phone_example"),
    [
        (
            "en",
            "For example: “Lena 2021” is the name of our campaign and its year, not a person.",
            "For example: This is the organisation&#x27;s public helpline number.",
        ),
        (
            "sv",
            "Till exempel: ”Lena 2021” är namnet på vår kampanj och året den pågick, "
            "inte en person.",
            "Till exempel: Det är organisationens offentliga stödlinje.",
        ),
    ],
)
def test_each_finding_suggests_a_reason_that_fits_its_kind(
    client, child10, language, name_example, phone_example
):
    review = _review_with_findings(client, child10, language)

    page = client.get(review)
    kinds = [choice.finding.kind for choice in page.context["findings"]]
    helps = _help_texts(page.content.decode())

    assert kinds == ["name_and_age", "address", "phone"]
    assert helps[0] == name_example
    assert helps[2] == phone_example
    # A name with an age is never explained away with a helpline number.
    assert "helpline" not in helps[0] and "stödlinje" not in helps[0]


def test_a_ticked_name_without_a_reason_is_told_what_kind_of_reason_to_give(client, child10):
    review = _review_with_findings(client, child10, "en")
    keys = [choice.key for choice in client.get(review).context["findings"]]

    refused = client.post(review, {f"keep-{key}": "1" for key in keys})

    errors = [choice.error for choice in refused.context["finding_errors"]]
    assert refused.status_code == 200
    assert errors[0] == (
        "Say why this name with an age identifies no one. For example: “Lena 2021” is the "
        "name of our campaign and its year, not a person."
    )
    assert errors[2] == (
        "Say why this phone number identifies no one. For example: This is the "
        "organisation's public helpline number."
    )


def test_the_review_form_posts_to_its_own_address_without_a_fragment(client, child10):
    review = _review_with_findings(client, child10, "en")

    page = client.get(review).content.decode()

    assert f'<form method="post" novalidate id="review-form" action="{review}">' in page
