"""Say the truth in every state: each page after submission, in Swedish and English, says
what is true of the nomination now, and never which signal held it."""

import pytest
from django.urls import reverse
from django.utils import translation

from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, close, new_token

pytestmark = pytest.mark.django_db

# state, held, closed -> what the page says, in English and Swedish
TABLE = [
    (
        "submitted",
        False,
        False,
        "Waiting for you to confirm your email address",
        "Väntar på att du bekräftar din e-postadress",
    ),
    (
        "submitted",
        True,
        False,
        "Received, and held for a check by the secretariat before it counts",
        "Mottagen – sekretariatet går igenom den innan den räknas",
    ),
    (
        "confirmed",
        True,
        False,
        "Received, and held for a check by the secretariat before it counts",
        "Mottagen – sekretariatet går igenom den innan den räknas",
    ),
    (
        "confirmed",
        False,
        False,
        "Confirmed: it counts for the award",
        "Bekräftad – nomineringen är med i urvalet till priset",
    ),
    (
        "withdrawn",
        False,
        False,
        "Withdrawn: it does not count for the award",
        "Tillbakadragen – nomineringen är inte med i urvalet",
    ),
    (
        "lapsed",
        False,
        False,
        "Lapsed: it does not count for the award",
        "Förfallen – nomineringen är inte med i urvalet",
    ),
    (
        "confirmed",
        False,
        True,
        "Nominations have closed: the nomination can no longer be changed or withdrawn.",
        "Nomineringstiden är slut: nomineringen kan inte längre ändras eller dras tillbaka.",
    ),
]
# What each state must never say.
UNTRUE = {
    ("submitted", False): ["counts for the award", "räknas till priset", "med i urvalet till"],
    ("submitted", True): ["counts for the award", "We sent a confirmation", "med i urvalet till"],
    ("confirmed", True): ["counts for the award", "med i urvalet till"],
    ("confirmed", False): ["Waiting for you", "held for a check", "Väntar på"],
    ("withdrawn", False): ["counts for the award", "Waiting for you"],
    ("lapsed", False): ["counts for the award", "Waiting for you"],
}
REASONS = ["no-proof-of-work", "honeypot", "many-from-one-address", "proof of work", "honeypot"]


def nomination_in(client, cycle, state: str, held: bool) -> str:
    token = new_token(client)
    client.post(NOMINATE, complete_post(cycle, token))
    client.post(reverse("nominations:review", kwargs={"token": token}), {})
    Nomination.objects.update(
        state=state, held_for_moderation=held, moderation_reason="no-proof-of-work" if held else ""
    )
    return token


@pytest.mark.parametrize(("state", "held", "closed", "english", "swedish"), TABLE)
@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_page_after_submission_says_the_true_state(
    client, child10, language, state, held, closed, english, swedish
):
    token = nomination_in(client, child10, state, held)
    if closed:
        close(child10)
    with translation.override(language):
        pages = [
            reverse("nominations:manage", kwargs={"token": token}),
            reverse("nominations:submitted", kwargs={"token": token}),
        ]

    texts = [client.get(page, HTTP_ACCEPT_LANGUAGE=language).content.decode() for page in pages]

    expected = english if language == "en" else swedish
    for text in texts:
        assert f'<html lang="{language}"' in text
        assert expected in text
        for untrue in UNTRUE.get((state, held), []) if not closed else []:
            assert untrue not in text
        for reason in REASONS:
            assert reason not in text


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_held_nomination_without_javascript_is_never_told_it_counts(client, child10, language):
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token))
    with translation.override(language):
        review = reverse("nominations:review", kwargs={"token": token})
    submitted = client.post(review, {}, follow=True).content.decode()

    assert Nomination.objects.get().held_for_moderation is True
    assert ("held for a check by the secretariat" if language == "en" else "går igenom den") in (
        submitted
    )
    assert "counts for the award" not in submitted
    assert "räknas nu" not in submitted
