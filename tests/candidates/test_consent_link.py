"""The organisation's link in each state, over HTTP, in English and Swedish: open, answered
yes, changed, refusal to confirm, refused, undone, expired, erased; and another organisation's
link. The link works until the answer-by date; a refusal can be undone until its erasure."""

import re
from datetime import timedelta
from html import unescape

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation

from laurel.candidates import services
from laurel.candidates.enums import CandidateState, Consent
from laurel.candidates.models import (
    CandidateDocument,
    ClaimInvitation,
    ContactChange,
    Placement,
)
from laurel.core.models import AuditEntry
from laurel.notifications.models import OutgoingEmail
from tests.candidates.consent_helpers import staff_member
from tests.candidates.consent_link_helpers import asked, pdf, url
from tests.candidates.helpers import confirmed

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's words as a reader sees them: tags dropped, entities decoded, spaces joined."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def day(moment, language: str) -> str:
    with translation.override(language):
        return date_filter(timezone.localtime(moment), "j F Y")


def refuse(client, token, language="en"):
    return client.post(url(token, language), {"consent": "no", "confirm_refusal": "yes"})


# Open ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "hello", "words"),
    [
        (
            "en",
            "Hello Ana Petrović,",
            [
                "due diligence",
                "selection committee",
                "Be invited to Sweden for a three-day, solution-oriented summit",
                "published only if it is selected and agrees to it separately",
                "Is this request genuine?",
                "How your organisation keeps the children it works with safe",
                "Only the secretariat and the selection committee read these documents",
            ],
        ),
        (
            "sv",
            "Hej Ana Petrović,",
            [
                "noggrann kontroll av organisationen",
                "urvalskommittén",
                "Bjudas till Sverige för ett tre dagar långt, lösningsorienterat toppmöte",
                "publiceras bara om den blir utvald och samtycker till det separat",
                "Är förfrågan äkta?",
                "Hur er organisation skyddar de barn den arbetar med",
                "Bara sekretariatet och urvalskommittén läser dokumenten",
            ],
        ),
    ],
)
def test_the_open_page_greets_the_contact_and_explains_what_agreeing_leads_to(
    client, child10, language, hello, words
):
    _candidate, _nomination, token = asked(child10, contact_name="Ana Petrović")

    response = client.get(url(token, language))

    page = text(response)
    assert response.status_code == 200
    assert hello in page
    for word in words:
        assert word in page
    claim = ClaimInvitation.objects.get()
    assert day(claim.expires_at, language) in page  # answer by
    assert day(child10.decision_at, language) in page  # the decision
    with translation.override(language):
        call = reverse("nominations:call")
    assert f"{call}" in page  # the address to type by hand, to check the request


def test_without_a_known_contact_the_greeting_is_neutral_in_the_page_and_email(client, child10):
    nomination = confirmed(child10, "Ljus", website="ljus.se")
    candidate = Placement.objects.get(nomination=nomination).candidate
    token = services.invite_organisation(
        candidate,
        email="info@ljus.se",
        language="sv",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff_member(),
    )

    page = text(client.get(url(token)))

    assert "Trygga" not in page and "Hello, Ljus is nominated" in page
    invitation = OutgoingEmail.objects.get(key="organisation_invitation")
    assert invitation.body_text.startswith("Hej,\n")


def test_the_invitation_and_reminder_greet_the_contact_by_name(child10, run_tasks):
    nomination = confirmed(child10, "Ljus", website="ljus.se")
    candidate = Placement.objects.get(nomination=nomination).candidate
    services.set_contact(
        candidate, name="Ana Petrović", email="ana@ljus.se", language="sv", actor=staff_member()
    )
    services.invite_organisation(
        candidate,
        email="ana@ljus.se",
        language="sv",
        deadline=timezone.now() + timedelta(days=14),
        actor=staff_member(),
    )
    candidate.refresh_from_db()
    with time_machine.travel(candidate.consent_deadline - timedelta(days=6)):
        run_tasks()

    invitation = OutgoingEmail.objects.get(key="organisation_invitation")
    reminder = OutgoingEmail.objects.get(key="organisation_reminder")
    assert invitation.body_text.startswith("Hej Ana Petrović,")
    assert reminder.body_text.startswith("Hej Ana Petrović,")
    assert "fungerar till och med" in invitation.body_text  # the link works until the date
    assert "/sv/" in invitation.body_text  # the call page's address, to type by hand


# Answered yes, changed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "thanks", "agrees", "until"),
    [
        ("en", "Thank you", "agrees to be considered", "This link works until"),
        ("sv", "Tack", "samtycker till att komma i fråga", "Länken fungerar till och med"),
    ],
)
def test_an_answer_shows_a_receipt_and_sends_a_confirmation(
    client, child10, language, thanks, agrees, until
):
    _candidate, _nomination, token = asked(child10)

    response = client.post(
        url(token, language),
        {"consent": "yes", "safeguarding_policy": pdf("policy.pdf")},
        follow=True,
    )

    page = text(response)
    assert response.redirect_chain[-1][0].endswith("?sent")
    assert re.search(rf"<h1>\s*{thanks}\s*</h1>", response.content.decode())
    assert agrees in page
    assert "policy.pdf" in page
    assert until in page
    assert day(ClaimInvitation.objects.get().expires_at, language) in page
    assert day(child10.decision_at, language) in page
    email = OutgoingEmail.objects.get(key="organisation_answered")
    assert (email.to, email.language) == ("info@trygga.se", language)
    assert "policy.pdf" in email.body_text
    assert token in email.with_links()[0]
    assert token not in email.body_text  # stored apart, encrypted, like every private link


def test_coming_back_shows_the_answer_and_the_form_keeps_it(client, child10):
    _candidate, _nomination, token = asked(child10)
    client.post(url(token), {"consent": "yes", "contact_name": "Ana Petrović"})

    later = client.get(url(token))
    change = client.get(url(token) + "?change")

    assert "Your answer" in text(later)
    assert "Add documents, correct details or change the answer" in text(later)
    form = change.context["form"]
    assert (form["consent"].value(), form["contact_name"].value()) == ("yes", "Ana Petrović")
    assert "Hello Ana Petrović," in text(change)


def test_a_forgotten_document_and_a_new_contact_are_added_later_audited_and_seen_by_staff(
    client, child10, staff_client
):
    candidate, _nomination, token = asked(child10)
    client.post(url(token), {"consent": "yes", "safeguarding_policy": pdf("policy.pdf")})

    response = client.post(
        url(token),
        {
            "consent": "yes",
            "annual_report": pdf("report-2021.pdf"),
            "contact_name": "Ana Petrović",
            "contact_email": "ana@trygga.se",
        },
        follow=True,
    )

    assert sorted(CandidateDocument.objects.values_list("original_name", flat=True)) == [
        "policy.pdf",
        "report-2021.pdf",
    ]
    page = text(response)
    assert "policy.pdf" in page and "report-2021.pdf" in page
    actions = list(
        AuditEntry.objects.filter(key__startswith="candidate.consent").values_list("key", flat=True)
    )
    assert "candidate.consented" in actions and "candidate.consent_changed" in actions
    changed = AuditEntry.objects.get(key="candidate.consent_changed")
    assert changed.data["told_fields_changed"] == ["contact_email", "contact_name"]
    assert "ana@trygga.se" not in str(changed.data)  # no addresses in the audit log
    candidate.refresh_from_db()
    assert candidate.organisation.contact_email == "ana@trygga.se"
    staff_page = text(staff_client.get(reverse("candidates:detail", args=[candidate.pk])))
    assert "Ana Petrović" in staff_page
    # The confirmation goes to the address the link went to, and to the new contact.
    assert set(
        OutgoingEmail.objects.filter(key="organisation_answered").values_list("to", flat=True)
    ) == {"info@trygga.se", "ana@trygga.se"}


# Refusal: confirm, refused, undone -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "consequence"),
    [
        (
            "en",
            "Confirm that you do not want to be considered",
            "will be erased 30 days from today",
        ),
        ("sv", "Bekräfta att ni inte vill komma i fråga", "raderas om 30 dagar"),
    ],
)
def test_refusing_states_the_consequence_and_changes_nothing_until_confirmed(
    client, child10, language, heading, consequence
):
    candidate, _nomination, token = asked(child10)

    response = client.post(
        url(token, language), {"consent": "no", "annual_report": pdf("report.pdf")}
    )

    page = text(response)
    assert heading in page and consequence in page
    assert "(report.pdf)" in page  # said not to be sent
    assert not CandidateDocument.objects.exists()
    assert day(ClaimInvitation.objects.get().expires_at, language) in page  # the undo window
    back = re.search(r'href="([^"]+)"[^>]*>[^<]*(Go back|tillbaka)', response.content.decode())
    assert back and client.get(url(token, language) + back.group(1)).status_code == 200
    candidate.refresh_from_db()
    assert candidate.consent == Consent.PENDING


@pytest.mark.parametrize(
    ("language", "erased", "undo"),
    [
        ("en", "will be erased on", "Changed your mind? Until"),
        ("sv", "raderas den", "Har ni ändrat er? Till och med"),
    ],
)
def test_a_refusal_shows_the_erasure_date_and_the_undo_window_on_the_page_and_in_the_email(
    client, child10, language, erased, undo
):
    candidate, _nomination, token = asked(child10)

    response = refuse(client, token, language)
    page = text(client.get(response.url))

    candidate.refresh_from_db()
    claim = ClaimInvitation.objects.get()
    window = min(candidate.erase_due_at, claim.expires_at)
    assert f"{erased} {day(candidate.erase_due_at, language)}" in page
    assert f"{undo} {day(window, language)}" in page
    email = OutgoingEmail.objects.get(key="organisation_answered")
    assert day(candidate.erase_due_at, language) in email.body_text
    assert day(window, language) in email.body_text


def test_an_undone_refusal_restores_the_candidate_and_is_never_erased(client, child10, run_tasks):
    candidate, nomination, token = asked(child10)
    services.decide_eligibility(candidate, eligible=True, actor=staff_member())
    refuse(client, token)
    candidate.refresh_from_db()
    due = candidate.erase_due_at

    response = client.post(url(token), {"consent": "yes"}, follow=True)

    candidate.refresh_from_db()
    assert (candidate.state, candidate.consent, candidate.erase_due_at) == (
        CandidateState.ELIGIBLE,
        Consent.GIVEN,
        None,
    )
    assert "agrees to be considered" in text(response)
    assert AuditEntry.objects.filter(key="candidate.consent_refusal_undone").exists()
    with time_machine.travel(due + timedelta(minutes=1)):
        run_tasks()
    nomination.refresh_from_db()
    assert nomination.nominator_email == "nominator.private@example.org"
    assert not AuditEntry.objects.filter(key="candidate.erased").exists()


def test_refused_again_after_an_undo_is_erased_at_the_later_date(client, child10, run_tasks):
    candidate, nomination, token = asked(child10, days=60)
    refuse(client, token)
    candidate.refresh_from_db()
    first_due = candidate.erase_due_at
    client.post(url(token), {"consent": "yes"})

    with time_machine.travel(timezone.now() + timedelta(days=5), tick=False):
        refuse(client, token)
    candidate.refresh_from_db()
    with time_machine.travel(first_due + timedelta(minutes=1)):
        run_tasks()
    nomination.refresh_from_db()
    kept = nomination.nominator_email
    with time_machine.travel(candidate.erase_due_at + timedelta(minutes=1)):
        run_tasks()
    nomination.refresh_from_db()

    assert candidate.erase_due_at > first_due
    assert (kept, nomination.nominator_email) == ("nominator.private@example.org", "")


# Expired, erased -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "This link has expired"), ("sv", "Länken har gått ut")],
)
def test_after_the_answer_by_date_the_link_says_it_expired_and_shows_nothing_else(
    client, child10, language, heading
):
    _candidate, _nomination, token = asked(child10, days=3)
    client.post(url(token), {"consent": "yes", "safeguarding_policy": pdf("policy.pdf")})

    with time_machine.travel(timezone.now() + timedelta(days=4)):
        shown = client.get(url(token, language))
        posted = client.post(url(token, language), {"consent": "no", "confirm_refusal": "yes"})

    page = text(shown)
    assert (shown.status_code, posted.status_code) == (410, 410)
    assert heading in page
    assert "Trygga" not in page and "policy.pdf" not in page
    assert ClaimInvitation.objects.get().candidate.consent == Consent.GIVEN


def test_an_erased_refusal_s_link_shows_nothing_about_the_organisation(client, child10, run_tasks):
    candidate, _nomination, token = asked(child10, days=60)
    client.post(
        url(token),
        {
            "consent": "yes",
            "safeguarding_policy": pdf("policy.pdf"),
            "contact_name": "Ana Petrović",
            "description": "Vi stöder barn som utsatts på nätet.",
        },
    )
    refuse(client, token)
    candidate.refresh_from_db()
    assert candidate.organisation.contact_name == "Ana Petrović"

    with time_machine.travel(candidate.erase_due_at + timedelta(minutes=1)):
        before_task = client.get(url(token))  # due: nothing shown even before the task runs
        run_tasks()
        after = client.get(url(token))
        posted = client.post(url(token), {"consent": "yes"})

    for response in (before_task, after, posted):
        assert response.status_code == 404
        assert "Trygga" not in text(response)
        assert "This link is not valid" in text(response)
    claim = ClaimInvitation.objects.get()
    assert claim.erased_at is not None and claim.told == {}
    assert not CandidateDocument.objects.exists()
    candidate.refresh_from_db()
    assert candidate.consent == Consent.REFUSED
    organisation = candidate.organisation
    assert (organisation.contact_name, organisation.contact_email, organisation.description) == (
        "",
        "",
        "",
    )
    assert not ContactChange.objects.filter(organisation=organisation).exists()
    assert organisation.name == "Trygga Nätet"  # that it refused stays known


# Another organisation's link, the token ------------------------------------------------------


def test_one_organisation_s_link_never_reads_or_changes_another(client, child10):
    first, _n1, first_token = asked(child10)
    second, _n2, second_token = asked(child10, name="Ljus Stiftelsen", website="ljus.se")

    page = text(client.get(url(first_token)))
    client.post(url(first_token), {"consent": "no", "confirm_refusal": "yes"})

    assert "Trygga Nätet" in page and "Ljus" not in page
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.consent, second.consent) == (Consent.REFUSED, Consent.PENDING)
    second_page = text(client.get(url(second_token)))
    assert "Ljus Stiftelsen is nominated" in second_page and "Trygga" not in second_page


def test_the_token_is_stored_only_hashed(child10):
    _candidate, _nomination, token = asked(child10)

    claim = ClaimInvitation.objects.get()
    assert token not in claim.token_hash
    assert re.fullmatch(r"[0-9a-f]{64}", claim.token_hash)
    assert services.find_claim(token) == claim


# Messages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "en",
            {
                "consent": "Choose whether your organisation agrees to be considered.",
                "website": "Enter the website's address, for example https://www.example.org.",
                "contact_email": "Enter the contact person's email address in the right format, "
                "for example name@example.org.",
                "name": "Enter the organisation's name in 200 characters or fewer.",
                "safeguarding_policy": "The file you chose is empty: choose the document again.",
            },
        ),
        (
            "sv",
            {
                "consent": "Välj om er organisation samtycker till att komma i fråga.",
                "website": "Skriv webbplatsens adress, till exempel https://www.example.org.",
                "contact_email": "Skriv kontaktpersonens e-postadress i rätt format, till "
                "exempel namn@example.org.",
                "name": "Skriv organisationens namn med högst 200 tecken.",
                "safeguarding_policy": "Filen ni valde är tom. Välj dokumentet igen.",
            },
        ),
    ],
)
def test_each_mistake_has_its_own_message_and_a_working_link_in_the_summary(
    client, child10, language, messages
):
    _candidate, _nomination, token = asked(child10)

    response = client.post(
        url(token, language),
        {
            "website": "not a website",
            "contact_email": "ana@",
            "name": "N" * 201,
            "city": "Umeå",
            "safeguarding_policy": SimpleUploadedFile("empty.pdf", b""),
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert {name: errors[0] for name, errors in response.context["form"].errors.items()} == {
        name: messages[name] for name in messages
    }
    summary = html.split('class="message message--error claim-errors"', 1)[1].split("</div>")[0]
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert targets == [
        "id_consent_0",
        "id_name",
        "id_website",
        "id_contact_email",
        "id_safeguarding_policy",
    ]
    for target in targets:
        assert f'id="{target}"' in html
    assert 'value="Umeå"' in html  # what was typed is kept
    assert "This field is required" not in html and "Detta fält" not in html


def test_refusing_again_changes_nothing_and_keeps_the_first_erasure_date(client, child10):
    candidate, _nomination, token = asked(child10)
    refuse(client, token)
    candidate.refresh_from_db()
    due = candidate.erase_due_at

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        again = refuse(client, token)

    candidate.refresh_from_db()
    assert again.status_code == 302
    assert candidate.erase_due_at == due
    assert AuditEntry.objects.filter(key="candidate.consent_refused").count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Your answer could not be recorded through this link."),
        ("sv", "Det gick inte att registrera ert svar via den här länken."),
    ],
)
def test_an_answer_the_candidate_can_no_longer_take_says_whom_to_write_to(
    client, child10, language, message
):
    candidate, _nomination, token = asked(child10)
    other, _n, _t = asked(child10, name="Ljus", website="ljus.se")
    services.merge_candidates(candidate, other, actor=staff_member())

    response = client.post(url(token, language), {"consent": "no", "confirm_refusal": "yes"})

    assert response.status_code == 400
    assert message in text(response)
    candidate.refresh_from_db()
    assert candidate.consent == Consent.PENDING


def test_switching_language_keeps_the_page_the_organisation_is_on(client, child10):
    _candidate, _nomination, token = asked(child10)
    client.post(url(token), {"consent": "yes"})

    changing = client.get(url(token) + "?change").content.decode()
    switched = re.search(r'href="(/sv/organisation/[^"]+)"', changing).group(1)
    swedish = client.get(unescape(switched))

    assert "change" in switched
    assert swedish.status_code == 200
    assert "Samtycker ni till att komma i fråga för priset?" in text(swedish)  # still the form


@pytest.mark.parametrize("language, button", [("en", "Choose a file"), ("sv", "Välj en fil")])
def test_each_document_has_our_own_button_in_the_pages_language(client, child10, language, button):
    """Not the browser's "Choose File" in the browser's language: a label in the page's."""
    _candidate, _nomination, token = asked(child10)

    page = client.get(url(token, language)).content.decode()

    inputs = re.findall(r'<input type="file" name="(\w+)"[^>]*id="(\w+)"', page)
    assert {name for name, _id in inputs} >= {"annual_report", "financial_statement"}
    for _name, input_id in inputs:
        assert f'<label for="{input_id}" class="file-field__button">{button}</label>' in page
    assert "js/file-field.js" in page
