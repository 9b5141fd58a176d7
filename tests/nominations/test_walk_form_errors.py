"""Found walking the form at phone width without JavaScript (issue 16, items 5 and 9): after a
refused "Continue to review" the error summary is the first thing on the page, and a section
with an error is marked as needing a correction, never "complete"; sv and en."""

import re

import pytest

from tests.nominations.helpers import complete_post

pytestmark = pytest.mark.django_db

TOO_LONG = "Helpline and training. " * 52 + "x" * 4  # 1,200 characters into a 1,000 field


def _refused(client, child10, language):
    nominate = f"/{language}/nominate/"
    token = re.search(r'name="token" value="([^"]+)"', client.get(nominate).content.decode())[1]
    return client.post(nominate, complete_post(child10, token, org_description=TOO_LONG))


@pytest.mark.parametrize(
    ("language", "wrong", "complete"),
    [("en", "needs correcting", "complete"), ("sv", "behöver rättas", "klar")],
)
def test_the_error_summary_comes_first_and_the_section_is_not_complete(
    client, child10, language, wrong, complete
):
    response = _refused(client, child10, language)

    html = response.content.decode()
    main = html[html.index("<main") :]
    assert response.status_code == 200
    assert main.index('id="error-summary"') < main.index("<h1")
    assert main.index('id="error-summary"') < main.index('class="private-link"')
    steps = main[
        main.index('class="progress"') : main.index("</nav>", main.index('class="progress"'))
    ]
    organisation, criteria = re.findall(r"<li>(.*?)</li>", steps, re.S)[:2]
    assert 'href="#section-organisation"' in organisation
    assert f'<span class="badge badge--error">{wrong}</span>' in organisation
    assert f">{complete}</span>" not in organisation
    assert f">{complete}</span>" in criteria  # the sections without errors are still complete
