"""The award speaks with its own name and voice (issue 16, item 13): for Child10, no public page
and no email shows the software's name; every email comes from the award's sender, replies go to
its secretariat, and "contact the secretariat" always says how."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from laurel.cycles.definition import DefinitionError, parse, read_file
from laurel.nominations import services as nominations
from laurel.nominations.models import new_token
from laurel.notifications.catalogue import CATALOGUE
from laurel.notifications.enums import EmailState
from laurel.notifications.services import queue_email, release_email
from tests.conftest import AWARD_FILE, make_user
from tests.factories import CycleFactory
from tests.identity_helpers import raw_award

pytestmark = pytest.mark.django_db

# The software's name as the public would read it ("laurel.css", a lower-case file name, is not).
SOFTWARE = re.compile(r"\bLaurel\b")
SENDER = "Child10 Award <award@child10.org>"
CONTACT = "award@child10.org"
LANGUAGES = ["sv", "en"]


def offenders(pages: dict[str, str]) -> list[str]:
    return [f"{where}: …{m.string[max(0, m.start() - 60) : m.end() + 20]}…"
            for where, text in pages.items() for m in SOFTWARE.finditer(text)]  # fmt: skip


def nomination_data(**changes) -> dict:
    data = {
        "org_name": "Safe Online Europe",
        "org_country": "SE",
        "org_city": "Malmö",
        "org_description": "Runs a helpline.",
        "nominator_name": "Nora Nominator",
        "nominator_email": "nora@example.org",
        "relationship": "partner",
    }
    return {**data, **changes}


def a_draft(cycle, language: str, *, complete: bool = False):
    token, _hash = new_token()
    nomination, _created = nominations.save_draft(
        cycle,
        token=token,
        data=nomination_data(),
        language=language,
        send_resume_link=False,
        complete=complete,
    )
    return token, nomination


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_shows_the_software_name(client, child10, run_tasks, language):
    draft, _ = a_draft(child10, language)
    ready, _ = a_draft(child10, language, complete=True)
    sent, nomination = a_draft(child10, language, complete=True)
    nominations.submit_nomination(nomination, token=sent)
    run_tasks()
    confirm = re.search(rf"(/{language}/nominate/confirm/[^/\s]+/)", mail.outbox[-1].body)
    paths = {
        "call": reverse("nominations:call"),
        "privacy": reverse("nominations:privacy"),
        "form": reverse("nominations:nominate"),
        "draft": reverse("nominations:manage", kwargs={"token": draft}),
        "review": reverse("nominations:review", kwargs={"token": ready}),
        "submitted": reverse("nominations:submitted", kwargs={"token": sent}),
        "manage": reverse("nominations:manage", kwargs={"token": sent}),
        "confirm": confirm.group(1),
        "laureates": reverse("selection:laureates"),
        "consent (unknown link)": reverse("candidates:claim", kwargs={"token": "not-a-token"}),
        "sign in": reverse("account_login"),
        "password reset": reverse("account_reset_password"),
        "404": "/en/no-such-page/",
    }
    pages = {}
    with translation.override(language):
        for name, path in paths.items():
            path = path.replace("/en/", f"/{language}/", 1)
            response = client.get(path)
            assert response.status_code in {200, 404}, (name, path, response.status_code)
            pages[name] = response.content.decode()
        # Pages a view shows only in a rare state, rendered as the view renders them.
        request = RequestFactory().get(f"/{language}/")
        request.user = AnonymousUser()
        for template in ["nominations/slow_down.html", "nominations/too_large.html", "413.html",
                         "400.html", "nominations/no_call.html",
                         "nominations/closed.html"]:  # fmt: skip
            pages[template] = render_to_string(template, {"cycle": child10}, request=request)

    assert offenders(pages) == []
    for name, page in pages.items():
        if name == "consent (unknown link)":
            continue  # its title is the consent pages' own (they are being rewritten)
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert title.strip().endswith("· Child10 Award 2022"), (name, title)
        assert f'href="mailto:{CONTACT}"' in page, name  # every page says how to reach us


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_email_comes_from_the_award_and_never_names_the_software(
    child10, run_tasks, language
):
    """Every kind in the catalogue (allauth's own are below), sent through Django's email
    machinery (the locmem backend), with a context of the objects they are sent about."""
    token, nomination = a_draft(child10, language, complete=True)
    nominations.submit_nomination(nomination, token=token)  # its confirmation email
    user = make_user("plain")
    context = {
        "cycle": child10,
        "nomination": nomination,
        "user": user,
        "role": "Staff",
        "url": "https://awards.example.org/x/",
        "private_url": "https://awards.example.org/p/",
        "confirm_url": "https://awards.example.org/c/",
        "claim_url": "https://awards.example.org/o/",
        "accept_url": "https://awards.example.org/a/",
        "count": 2,
        "valid_days": 14,
        "new_email": "new@example.org",
        "deadline": timezone.now() + timedelta(days=14),
        "respond_by": timezone.now() + timedelta(days=14),
        "subject": "Practical information",
        "text": "The summit starts at nine.",
        "masked": "1234",
    }
    own = [key for key in CATALOGUE if "/" not in key and key != "nomination_submitted"]
    for key in own:
        email = queue_email(key, to=f"{key}@example.org", language=language, context=context)
        if email.state == EmailState.HELD:  # a decision letter waits for staff
            release_email(email, actor=user)
    run_tasks()

    assert len(mail.outbox) == len(own) + 1
    texts, plain = {}, {}
    for message in mail.outbox:
        plain[message.to[0]] = message.body
        assert message.from_email == SENDER, message.subject
        assert message.reply_to == [CONTACT], message.subject
        html = "".join(body for body, _type in message.alternatives)
        texts[message.to[0]] = "\n".join([message.subject, message.body, html])
    assert offenders(texts) == []
    # The footer of every email we write, in its plain text too, says who sent it and how to
    # reach the secretariat.
    for key in own:
        assert CONTACT in plain[f"{key}@example.org"], key


def test_sign_in_emails_come_from_the_award_too(client, child10, run_tasks):
    user = make_user("plain")

    client.post(reverse("account_reset_password"), {"email": user.email})
    run_tasks()

    (message,) = mail.outbox
    assert message.from_email == SENDER
    assert message.reply_to == [CONTACT]
    assert offenders({"password reset": message.subject + message.body}) == []
    assert "Sent by the secretariat of Child10 Award 2022." in message.body
    assert "testserver" not in message.subject + message.body.split("http://testserver")[0]


def test_an_award_without_a_sender_uses_the_sites_default(settings, run_tasks):
    settings.DEFAULT_FROM_EMAIL = "Awards <awards@example.org>"
    cycle = CycleFactory()

    queue_email(
        "review_assigned",
        to="member@example.org",
        language="en",
        context={"cycle": cycle, "count": 1, "url": "https://awards.example.org/r/"},
    )
    run_tasks()

    assert mail.outbox[0].from_email == "Awards <awards@example.org>"
    assert mail.outbox[0].reply_to == []
    assert "Sent by the secretariat of The Award" in mail.outbox[0].body


def test_the_award_file_holds_the_organisers_identity(child10):
    definition = read_file(AWARD_FILE)

    # The translation files next to it give the same name in each public language.
    assert set(definition.texts["organiser"].values()) == {"Child10"}
    assert set(definition.texts["organiser"]) == set(child10.public)
    assert child10.from_email == SENDER
    assert child10.reply_to_list == [CONTACT]
    assert (child10.contact_email, child10.privacy_contact, child10.dpo_email) == (
        CONTACT,
        CONTACT,
        "",
    )
    assert child10.postal_address == "Child10\nStockholm\nSweden"
    assert child10.logo == "img/child10-wordmark.svg"
    assert child10.theme_language == "en"


def test_an_old_award_file_with_only_the_organisers_name_still_loads():
    definition = parse(raw_award(sv="Arrangören", en="The Organiser"))

    assert definition.texts["organiser"] == {"sv": "Arrangören", "en": "The Organiser"}
    assert definition.identity["sender_email"] == ""
    assert definition.identity["contact_email"] == ""


def test_a_wrong_identity_is_refused_with_every_problem_named():
    raw = raw_award(
        name={"sv": "X", "en": "X"},
        sender_email="not an address",
        sender_name="Evil <x@example.org>",
        logo="img/missing.svg",
        privacy={"email": "privacy@", "dpo": "someone"},
        website="https://example.org",
    )
    raw["theme"]["language"] = "nl"

    with pytest.raises(DefinitionError) as error:
        parse(raw)

    keys = sorted(key for key, _message in error.value.errors)
    assert keys == [
        "organiser.logo",
        "organiser.privacy.dpo",
        "organiser.privacy.email",
        "organiser.sender_email",
        "organiser.sender_name",
        "organiser.website",
        "theme.language",
    ]
