"""The final-selection page keeps what was typed: a laureate's texts refused (too long, or by the
service) come back beside their fields as typed, on the whole page without JavaScript and as
that laureate's section alone over htmx; so do the slate's constraints (a reserve's texts when
an offer is refused: test_amendments)."""

import re

from django.urls import reverse

from laurel.selection import queries
from tests.selection import pages_helpers as pages
from tests.selection.pages_helpers import signed_in

committee = pages.committee
drafted = pages.drafted
HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/en/selection/decision/"}
LONG = "A citation that goes on. " * 44  # 1,100 characters; a citation takes 1,000


def texts(place, **changes) -> dict:
    data = {
        "reason": "Outstanding reach.",
        "citation_sv": "Hyllning.",
        "citation_en": LONG,
        "summary_sv": "Stödjer barn.",
        "summary_en": "Supports children.",
    } | changes
    return {f"p{place.pk}-{name}": value for name, value in data.items()}


def test_a_text_too_long_comes_back_beside_its_field_as_typed(client, committee, drafted):
    place = queries.places(drafted)["laureate"][0]
    chair = signed_in(client, committee.chair)

    response = chair.post(reverse("selection:place", args=[place.pk]), texts(place))

    assert response.status_code == 400
    body = response.content.decode()
    assert "<html" in body  # the whole page, without JavaScript
    article = re.search(rf'<article[^>]*id="place-{place.pk}".*?</article>', body, re.S).group(0)
    assert re.search(
        r'class="errorlist".*?Shorten the text to 1,000 characters or fewer; it has 1,099',
        article,
        re.S,
    )
    assert LONG.strip() in article  # kept as typed
    assert "maxlength" not in article  # nor cut short by the browser when pasted
    assert "Outstanding reach." in article
    place.refresh_from_db()
    assert place.reason == ""  # nothing saved


def test_over_htmx_a_refused_text_comes_back_as_its_laureates_section_alone(
    client, committee, drafted
):
    place = queries.places(drafted)["laureate"][0]
    chair = signed_in(client, committee.chair)

    response = chair.post(reverse("selection:place", args=[place.pk]), texts(place), **HX)

    assert response.status_code == 400
    body = response.content.decode().strip()
    assert body.startswith(f'<article class="aside-box" id="place-{place.pk}">')
    assert body.endswith("</article>")
    assert "<html" not in body and 'id="override"' not in body
    assert 'aria-invalid="true"' in body and LONG.strip() in body


def test_over_htmx_saved_texts_come_back_as_their_section_saying_so_with_the_lock(
    client, committee, drafted
):
    place = queries.places(drafted)["laureate"][0]
    chair = signed_in(client, committee.chair)

    response = chair.post(
        reverse("selection:place", args=[place.pk]), texts(place, citation_en="Short."), **HX
    )

    assert response.status_code == 200
    body = response.content.decode().strip()
    assert body.startswith(f'<article class="aside-box" id="place-{place.pk}">')
    assert '<p class="message message--success" role="status">Saved.</p>' in body
    assert "Short." in body and "<html" not in body
    # What the lock still needs may have changed: its section comes along, swapped out of band.
    assert '<section aria-labelledby="lock" id="lock-section" hx-swap-oob="true">' in body
    place.refresh_from_db()
    assert place.citation == {"sv": "Hyllning.", "en": "Short."}


def test_over_htmx_refused_constraints_come_back_as_their_section(staff_client, committee, drafted):
    response = staff_client.post(
        reverse("selection:suggest"),
        {"max_per_country": "0", "reserve_count": "1", "from_shortlist": "on"},
        **HX,
    )

    assert response.status_code == 400
    body = response.content.decode().strip()
    assert body.startswith('<section aria-labelledby="constraints">')
    assert 'aria-invalid="true"' in body
