"""The final-selection page in Chromium: a laureate's texts refused come back as that laureate's
section alone (htmx), the focus on the field in error, what was typed kept there and in the
other laureates' unsaved texts; in both languages, axe-clean."""

import pytest
from playwright.sync_api import expect

from laurel.selection import queries, services
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.selection.helpers import scored_committee

pytestmark = pytest.mark.django_db(transaction=True)

LONG = "A citation that goes on and on. " * 40  # 1,280 characters; a citation takes 1,000
TEXTS = {
    "en": {
        "citation": "Citation in English",
        "save": "Save",
        "saved": "Saved.",
        "too_long": "Shorten the text to 1,000 characters or fewer; it has 1,279",
    },
    "sv": {
        "citation": "Motivering på engelska",
        "save": "Spara",
        "saved": "Sparat.",
        "too_long": "Korta texten till högst 1\xa0000 tecken; nu är den 1\xa0279",
    },
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_refused_text_comes_back_in_its_section_keeping_the_rest_of_the_page(
    page, live_server, child10, axe, language
):
    child10.laureate_count = 2
    child10.save(update_fields=["laureate_count"])
    staff = make_user("staff")
    committee = scored_committee(child10, staff, count=3)
    decision = services.suggest_slate(
        child10, max_per_country=None, min_per_kind={}, reserve_count=0, from_shortlist=False,
        actor=staff,
    )  # fmt: skip
    first, second = queries.places(decision)["laureate"]
    t = TEXTS[language]
    signed_in_as(page, live_server, committee.chair)
    page.goto(f"{live_server.url}/{language}/selection/decision/")
    one, other = page.locator(f"#place-{first.pk}"), page.locator(f"#place-{second.pk}")
    other.get_by_label(t["citation"]).fill("Typed here, not saved yet.")

    one.get_by_label(t["citation"]).fill(LONG)
    one.get_by_role("button", name=f"{t['save']} {first.candidate.name}").click()

    field = page.locator(f"#place-{first.pk}").get_by_label(t["citation"])
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value(LONG)  # as typed, to the last space
    expect(page.locator(f"#place-{first.pk} .errorlist")).to_contain_text(t["too_long"])
    # Only that laureate's section was replaced: the other's unsaved text is still there.
    expect(other.get_by_label(t["citation"])).to_have_value("Typed here, not saved yet.")
    assert axe(page) == []
    first.refresh_from_db()
    assert first.citation.get("en", "") == ""

    # Shortened and saved: the section says so, the other's unsaved text is still there.
    field.fill("For brave work.")
    page.locator(f"#place-{first.pk}").get_by_role(
        "button", name=f"{t['save']} {first.candidate.name}"
    ).click()
    saved = page.locator(f"#place-{first.pk} [role=status]")
    expect(saved).to_have_text(t["saved"])
    expect(saved).to_be_focused()
    expect(other.get_by_label(t["citation"])).to_have_value("Typed here, not saved yet.")
    assert axe(page) == []
    first.refresh_from_db()
    assert first.citation["en"] == "For brave work."
