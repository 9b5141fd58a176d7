"""Found walking the private-link page on a phone (issue 16, item 8's pattern): pressing
Withdraw without the tick says so beside the box at the bottom, where the focus goes, not in a
message at the top of a long page; nothing is withdrawn."""

import pytest
from django.urls import reverse

from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db


def _submitted(client, cycle, settings) -> str:
    token = new_token(client)
    client.post(NOMINATE, complete_post(cycle, token))
    client.post(
        reverse("nominations:review", kwargs={"token": token}), {"altcha": solved_payload(settings)}
    )
    return token


@pytest.mark.parametrize(
    ("language", "error", "title"),
    [
        ("en", "Tick the box to confirm that you want to withdraw it.", "<title>Error: "),
        (
            "sv",
            "Kryssa i rutan för att bekräfta att du vill dra tillbaka nomineringen.",
            "<title>Fel: ",
        ),
    ],
)
def test_withdraw_without_the_tick_says_so_beside_the_box_which_takes_the_focus(
    client, child10, settings, language, error, title
):
    settings.ALTCHA_COST = 200
    token = _submitted(client, child10, settings)

    response = client.post(f"/{language}/nominate/n/{token}/withdraw/", {}, follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/{language}/nominate/n/{token}/?withdraw=unticked"
    assert title in html
    box = html[html.index('class="withdraw-box"') :]
    assert f'<p class="field__errors" id="really-error">{error}</p>' in box
    assert 'aria-invalid="true" aria-describedby="really-error" autofocus' in box
    assert html.count(error) == 1  # not also in a message at the top
    assert Nomination.objects.get().state != NominationState.WITHDRAWN


def test_the_plain_private_link_page_shows_no_withdraw_error(client, child10, settings):
    settings.ALTCHA_COST = 200
    token = _submitted(client, child10, settings)

    html = client.get(f"/en/nominate/n/{token}/").content.decode()

    assert "Tick the box" not in html
    assert "autofocus" not in html[html.index('class="withdraw-box"') :]
