"""The decision letters in Chromium, in Swedish and in English, as staff: a candidate's contact
edited on its page, the letters written, one letter readdressed (recipient and language), one
edited by hand, the letters written again (the edit kept; with "discard my edits" it goes),
and the release through its confirmation step. The emails that leave go to the chosen
addresses, in the chosen languages, with an accept link that works. axe-core on every page."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from laurel.candidates.models import Candidate
from laurel.cycles.enums import Phase
from laurel.selection import services
from laurel.selection.models import Decision, Letter
from tests.browser.helpers import signed_in_as
from tests.conftest import make_user
from tests.factories import in_phase
from tests.selection.helpers import scored_committee

RELEASE_FORM = "form[action$='/selection/letters/release/'] button"
CONFIRM = "form:has(input[name=confirmed]) button[type=submit]"


def locked_decision(cycle, staff):
    """Two laureates (Ljusglimt, Trygga Nätet), one reserve (Barnens Röst), one candidate not
    selected (Netzwerk Kinderschutz): the decision written up and locked by the chair."""
    cycle.laureate_count = 2
    cycle.save(update_fields=["laureate_count"])
    committee = scored_committee(cycle, staff, count=4)
    for candidate in committee.candidates:
        services.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    decision = services.suggest_slate(
        cycle, max_per_country=None, min_per_kind={}, reserve_count=1, from_shortlist=True,
        actor=staff,
    )  # fmt: skip
    texts = {"sv": "Svensk text.", "en": "English text."}
    for place in decision.places.all():
        services.write_place(place, reason="R.", citation=texts, summary=texts, actor=staff)
    services.lock_decision(decision, actor=committee.chair)
    in_phase(cycle, Phase.DECIDED)
    return decision


def local(moment, cycle) -> str:
    return timezone.localtime(moment, cycle.zone).strftime("%Y-%m-%dT%H:%M")


def letter(name: str, kind: str = "decision_laureate") -> Letter:
    return Letter.objects.select_related("email").get(candidate__name=name, kind=kind)


def write_letters(page, url, lang, cycle, *, discard=False):
    page.goto(f"{url}/{lang}/selection/letters/")
    now = timezone.now()
    page.locator("input[name=announce_at]").fill(local(now - timedelta(minutes=1), cycle))
    page.locator("input[name=respond_by]").fill(local(now + timedelta(days=14), cycle))
    if discard:
        page.locator("input[name=discard_edits]").check()
    page.locator("form:has(input[name=announce_at]) button").click()
    expect(page.locator(".message--success")).to_be_visible()


def readdress(page, url, lang, pk, *, to, language):
    page.goto(f"{url}/{lang}/selection/letters/{pk}/")
    page.locator("input[name=to]").fill(to)
    page.locator("select[name=language]").select_option(language)
    page.locator("form:has(input[name=to]) button").click()
    expect(page.locator(".message--success")).to_contain_text(to)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_contacts_and_letters_from_the_candidates_page_to_the_sent_emails(
    page, live_server, child10, axe, run_tasks, lang
):
    staff = make_user("staff")
    locked_decision(child10, staff)
    url = live_server.url
    signed_in_as(page, live_server, staff)

    # Staff give Trygga Nätet (Swedish) a contact who reads English.
    laureate = Candidate.objects.get(name="Trygga Nätet")
    page.goto(f"{url}/{lang}/staff/candidates/{laureate.pk}/")
    page.locator("input[name=name]").fill("Britt Lind")
    page.locator("input[name=email]").fill("britt@trygga.se")
    page.locator("select[name=language]").select_option("en")
    page.locator("form[action$='/contact/'] button").click()
    expect(page.locator(".message--success")).to_contain_text("Trygga Nätet")
    expect(page.locator(".contact-history")).to_contain_text("britt@trygga.se")
    assert axe(page) == []

    # The letters: Trygga Nätet's goes to its new contact, in English.
    write_letters(page, url, lang, child10)
    assert axe(page) == []
    assert (letter("Trygga Nätet").to, letter("Trygga Nätet").language) == (
        "britt@trygga.se",
        "en",
    )

    # Ljusglimt's letter readdressed and put in English; Barnens Röst's edited by hand.
    ljusglimt = letter("Ljusglimt")
    assert ljusglimt.language == "sv"
    readdress(page, url, lang, ljusglimt.pk, to="kansli@ljusglimt.se", language="en")
    assert axe(page) == []
    reserve = letter("Barnens Röst", "decision_reserve")
    page.goto(f"{url}/{lang}/selection/letters/{reserve.pk}/")
    page.locator("textarea[name=text]").fill("Kära Barnens Röst,\n\nNi står först i kön.")
    page.locator("form:has(textarea[name=text]) button").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert axe(page) == []

    # Written again: both changes are kept, and the page says so.
    write_letters(page, url, lang, child10)
    expect(page.locator("main")).to_contain_text(
        {"en": "2 letters were changed by hand", "sv": "2 brev har ändrats för hand"}[lang]
    )
    assert letter("Barnens Röst", "decision_reserve").body.endswith("Ni står först i kön.")
    assert letter("Ljusglimt").to == "kansli@ljusglimt.se"

    # Written again discarding the edits: both go.
    write_letters(page, url, lang, child10, discard=True)
    assert letter("Barnens Röst", "decision_reserve").body.startswith("Hej Barnens Röst!\n\n")
    assert not letter("Barnens Röst", "decision_reserve").edited
    assert (letter("Ljusglimt").to, letter("Ljusglimt").language) == ("office@candidate0.se", "sv")

    # Readdressed once more, then released through the confirmation step.
    readdress(page, url, lang, ljusglimt.pk, to="kansli@ljusglimt.se", language="en")
    page.goto(f"{url}/{lang}/selection/letters/")
    page.locator(RELEASE_FORM).click()
    expect(page.locator("main")).to_contain_text(
        {"en": "2 letters to laureates", "sv": "2 brev till pristagare"}[lang]
    )
    assert axe(page) == []
    assert Decision.objects.get().state == "locked"  # nothing left before confirming
    page.locator(CONFIRM).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Decision.objects.get().state == "announced"

    run_tasks()
    # The decision letters (the set-up's consent requests left in the same run).
    sent = {m.to[0]: m for m in mail.outbox if m.subject.startswith("Child10 Award 2022:")}
    for address, name in (
        ("kansli@ljusglimt.se", "Ljusglimt"),
        ("britt@trygga.se", "Trygga Nätet"),
    ):
        message = sent[address]
        assert message.subject == "Child10 Award 2022: your organisation is a laureate"
        assert message.body.startswith(f"Dear {name},\n\nCongratulations!")
        link = next(line for line in message.body.splitlines() if "/en/laureate/" in line)
        answer_page = page.context.new_page()
        answer_page.goto(url + urlsplit(link.strip()).path)
        expect(answer_page.locator("main")).to_contain_text(name)
        answer_page.close()
        place = services.answer_award(link.rsplit("/laureate/", 1)[1].strip("/"), accept=True)
        assert place.candidate.name == name
    assert "office@candidate0.se" not in sent
    assert sent["office@candidate2.se"].body.startswith("Hej Barnens Röst!")  # Swedish reserve
