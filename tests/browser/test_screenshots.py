"""A full-page screenshot of every public page, in Swedish and English, at 1280 px and at a
390 px phone width, into var/screenshots/ (not committed: var/ is ignored), for anyone to look
at: `.venv/bin/python -m pytest -q tests/browser/test_screenshots.py`,
then open var/screenshots/ (docs/screenshots.md). Files are named <width>-<language>-<page>.png.

One browser context per width; the pages' data is made once through the services. Besides the
pictures, each page is checked for what a screenshot would show wrong: a page wider than the
phone, and the software's name anywhere on it."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from laurel.nominations import services as nominations
from laurel.nominations.models import new_token
from tests.conftest import ROOT

# The decided cycle with its laureates named, as the public laureates page tests make it.
from tests.selection.pages_helpers import announced, committee, drafted, locked  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("LAUREL_SCREENSHOTS", ROOT / "var" / "screenshots"))
SIZES = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}
LANGUAGES = ["sv", "en"]
# The pages this part of the code owns must never be wider than the phone.
MUST_REFLOW = {"call", "privacy", "laureates-before", "laureates-after", "404"}


def draft(cycle, *, complete: bool = True, **data):
    token, _hash = new_token()
    nomination, _ = nominations.save_draft(
        cycle,
        token=token,
        language="en",
        send_resume_link=False,
        complete=complete,
        data={
            "org_name": "Safe Online Europe",
            "org_country": "SE",
            "org_city": "Malmö",
            "org_description": "Runs a helpline and trains platform moderators.",
            "nominator_name": "Nora Nominator",
            "nominator_email": "nora@example.org",
            "relationship": "partner",
            **data,
        },
    )
    return token, nomination


def public_paths(cycle, run_tasks) -> dict[str, str]:
    """Every public page with the data it needs, as English paths."""
    from tests.candidates.consent_helpers import asked

    half, _ = draft(cycle, complete=False, org_city="")
    ready, _ = draft(cycle)
    sent, nomination = draft(cycle)
    nominations.submit_nomination(nomination, token=sent)
    run_tasks()
    confirm = re.search(r"(/en/nominate/confirm/[^/\s]+/)", mail.outbox[-1].body).group(1)
    _candidate, _nomination, claim = asked(cycle)
    return {
        "call": reverse("nominations:call"),
        "form": reverse("nominations:nominate"),
        "draft": reverse("nominations:manage", kwargs={"token": half}),
        "review": reverse("nominations:review", kwargs={"token": ready}),
        "submitted": reverse("nominations:submitted", kwargs={"token": sent}),
        "manage": reverse("nominations:manage", kwargs={"token": sent}),
        "confirm": confirm,
        "consent": reverse("candidates:claim", kwargs={"token": claim}),
        "privacy": reverse("nominations:privacy"),
        "laureates-before": reverse("selection:laureates"),
        "404": "/en/no-such-page/",
    }


def shoot(page, live_server, name: str, path: str, width: str, language: str) -> list[str]:
    """Go, take the picture, and say what is wrong with the page."""
    page.goto(f"{live_server.url}{path.replace('/en/', f'/{language}/', 1)}")
    page.wait_for_load_state("load")
    return look(page, f"{width}-{language}-{name}", width)


def look(page, shot: str, width: str) -> list[str]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{shot}.png", full_page=True)
    problems = []
    name = shot.split("-", 2)[2]
    if name in MUST_REFLOW and page.evaluate("document.documentElement.scrollWidth") > int(width):
        problems.append(f"{shot}: wider than the screen")
    if re.search(r"\bLaurel\b", page.content()):
        problems.append(f"{shot}: names the software")
    return problems


def test_a_screenshot_of_every_public_page(browser, live_server, child10, run_tasks):
    paths = public_paths(child10, run_tasks)
    problems = []
    for width, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for language in LANGUAGES:
            for name, path in paths.items():
                problems += shoot(page, live_server, name, path, width, language)
            # The form sent back with its errors: reviewed with nothing filled in.
            page.goto(f"{live_server.url}/{language}/nominate/")
            page.locator('.form-actions button[name="action"][value="review"]').click()
            page.wait_for_load_state("load")
            problems += look(page, f"{width}-{language}-form-errors", width)
        context.close()

    assert problems == []
    taken = {shot.stem for shot in SHOTS.glob("*.png")}
    expected = {f"{w}-{lang}-{name}" for w in SIZES for lang in LANGUAGES
                for name in [*paths, "form-errors"]}  # fmt: skip
    assert expected <= taken


def test_a_screenshot_of_the_laureates_once_announced(browser, live_server, announced):  # noqa: F811
    problems = []
    for width, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for language in LANGUAGES:
            path = reverse("selection:laureates")
            problems += shoot(page, live_server, "laureates-after", path, width, language)
            assert page.locator("ul.laureates > li").count() == 3
        context.close()

    assert problems == []
