"""Attacks on what issue 16 built (autosave to the private link, edits kept pending until
reviewed, the per-finding safeguarding reasons, the address correction, the nominee's consent
link until the answer-by date, the remembered language, the award's identity), each over HTTP
as the person who would try it. The tests that held stay here to keep holding."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from laurel.nominations.enums import NominationState
from laurel.nominations.models import Attachment, Nomination
from laurel.notifications.models import OutgoingEmail
from tests.conftest import make_user, sign_in
from tests.nominations.helpers import MARIA, complete_post, pdf, submitted_nomination, urls
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db

SCRIPT = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def reviewed(page) -> str:
    """The version of the pending change a review page shows (its hidden `reviewed` field)."""
    return re.search(r'name="reviewed" value="([0-9a-f]+)"', page.content.decode()).group(1)


def handled(review_page, reason="Invented for the organisation's training case") -> dict:
    post = {}
    for choice in review_page.context["findings"]:
        post[f"keep-{choice.key}"] = "1"
        post[f"reason-{choice.key}"] = reason
    return post


# Pending edits: two tabs ---------------------------------------------------------------------


def test_confirming_in_one_tab_never_applies_a_change_made_since_in_another(
    client, child10, settings
):
    """Tab A reviews change X; tab B then stages change Y. "Confirm the changes" in tab A must
    not apply Y, which the nominator never reviewed: the review comes back showing Y."""
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_1="Change X, reviewed."))
    tab_a = client.get(page["review"])
    client.post(page["manage"], complete_post(child10, token, answer_1="Change Y, not reviewed."))

    response = client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings), "reviewed": reviewed(tab_a)},
    )

    nomination.refresh_from_db()
    assert response.status_code == 200
    assert "Change Y, not reviewed." in response.content.decode()
    assert "changed in another tab or window" in response.content.decode()
    assert "Change Y" not in nomination.answers["1"]
    assert nomination.pending_edit is not None
    # Confirming the review page that shows Y applies Y.
    again = client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings), "reviewed": reviewed(response)},
    )
    nomination.refresh_from_db()
    assert again.status_code == 302
    assert nomination.answers["1"] == "Change Y, not reviewed."


def test_submitting_a_draft_in_one_tab_never_submits_text_typed_since_in_another(
    client, child10, settings
):
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, answer_1="Text X, reviewed."))
    review = reverse("nominations:review", kwargs={"token": token})
    tab_a = client.get(review)
    manage = reverse("nominations:manage", kwargs={"token": token})
    client.post(manage, complete_post(child10, token, action="autosave", answer_1="Text Y."))

    response = client.post(
        review, {"altcha": solved_payload(settings), "reviewed": reviewed(tab_a)}
    )

    nomination = Nomination.objects.get(token_hash__isnull=False)
    assert response.status_code == 200
    assert "changed in another tab or window" in response.content.decode()
    assert nomination.state == NominationState.DRAFT


def test_a_child_s_details_added_in_another_tab_are_not_waved_through_by_an_old_review(
    client, child10, settings
):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_1="Harmless change."))
    tab_a = client.get(page["review"])
    client.post(page["manage"], complete_post(child10, token, answer_2=MARIA))

    client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings), **handled(tab_a)},
    )

    nomination.refresh_from_db()
    assert "Maria" not in nomination.answers["2"]
    assert nomination.safeguarding_confirmations == []


def test_a_pending_change_is_applied_once(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_1="Once."))
    client.get(page["review"])
    post = {"action": "apply", "altcha": solved_payload(settings)}
    versions = nomination.versions.count()

    first = client.post(page["review"], post)
    second = client.post(page["review"], post)

    assert first.status_code == second.status_code == 302
    assert nomination.versions.count() == versions + 1


# Pending edits: states that end editing --------------------------------------------------------


def test_a_pending_change_does_not_apply_after_the_deadline(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_1="Too late."))
    client.get(page["review"])
    child10.nominations_close_at = timezone.now() - timedelta(minutes=1)
    child10.save(update_fields=["nominations_close_at"])

    client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings)},
    )

    nomination.refresh_from_db()
    assert nomination.answers["1"] != "Too late."


def test_a_pending_change_does_not_apply_after_withdrawal(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_1="After withdrawal."))
    client.get(page["review"])
    client.post(page["withdraw"], {"really": "yes"})

    client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings)},
    )

    nomination.refresh_from_db()
    assert nomination.state == NominationState.WITHDRAWN
    assert nomination.answers["1"] != "After withdrawal."
    assert nomination.pending_edit is None


def test_a_pending_change_does_not_apply_once_the_nomination_lapsed(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_1="After the lapse."))
    client.get(page["review"])
    Nomination.objects.filter(pk=nomination.pk).update(state=NominationState.LAPSED)

    client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings)},
    )

    nomination.refresh_from_db()
    assert nomination.answers["1"] != "After the lapse."


def test_a_pending_change_is_not_shown_to_staff_before_it_is_confirmed(
    client, child10, settings, staff_user
):
    token, nomination = submitted_nomination(client, child10, settings)
    client.post(urls(token)["manage"], complete_post(child10, token, answer_1="Secret draft."))
    staff = Client()
    sign_in(staff, staff_user)

    listed = staff.get(reverse("nominations:staff_list"))

    nomination.refresh_from_db()
    assert listed.status_code == 200
    assert "Secret draft." not in listed.content.decode()
    assert "Secret draft." not in nomination.answers["1"]
    assert not nomination.versions.filter(data__icontains="Secret draft.").exists()


def test_a_document_removed_by_a_confirmed_change_can_no_longer_be_read(
    client, child10, settings, staff_user, django_capture_on_commit_callbacks
):
    token, nomination = submitted_nomination(client, child10, settings, files=[pdf("old.pdf")])
    document = nomination.attachments.get()
    path = document.file.name
    download = reverse("nominations:attachment_download", args=[nomination.pk, document.pk])
    page = urls(token)
    client.post(
        page["manage"], {**complete_post(child10, token), "remove_attachment": str(document.pk)}
    )
    staff = Client()
    sign_in(staff, staff_user)
    before = staff.get(download)
    client.get(page["review"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            page["review"],
            {"action": "apply", "altcha": solved_payload(settings)},
        )
    after = staff.get(download)

    assert before.status_code == 200  # staff see the nomination as it was until it is confirmed
    assert after.status_code == 404
    assert not default_storage.exists(path)


# Documents -----------------------------------------------------------------------------------


def test_an_edit_cannot_remove_another_nomination_s_document(client, child10, settings):
    _other_token, other = submitted_nomination(
        Client(), child10, settings, files=[pdf("other.pdf")], org_name="Other Org"
    )
    token, _nomination = submitted_nomination(client, child10, settings)
    theirs = other.attachments.get()
    page = urls(token)

    client.post(
        page["manage"], {**complete_post(child10, token), "remove_attachment": str(theirs.pk)}
    )
    client.get(page["review"])
    client.post(
        page["review"],
        {"action": "apply", "altcha": solved_payload(settings)},
    )

    assert Attachment.objects.filter(pk=theirs.pk).exists()


def test_a_draft_cannot_remove_another_draft_s_document(client, child10):
    other = Client()
    other_token = new_token(other)
    post = complete_post(child10, other_token, action="save")
    post["attachments"] = [pdf("theirs.pdf")]
    other.post(NOMINATE, post)
    theirs = Attachment.objects.get()
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, action="save"))
    manage = reverse("nominations:manage", kwargs={"token": token})

    asked = client.get(f"{manage}?remove={theirs.pk}")
    client.post(
        manage,
        {**complete_post(child10, token, action="save"), "remove_attachment": str(theirs.pk)},
    )
    client.post(
        manage, {**complete_post(child10, token, action="save"), "confirm_removal": str(theirs.pk)}
    )

    assert "theirs.pdf" not in asked.content.decode()
    assert Attachment.objects.filter(pk=theirs.pk).exists()


def test_autosaving_with_a_submitted_nomination_s_token_changes_nothing(client, child10, settings):
    token, nomination = submitted_nomination(Client(), child10, settings)
    before = nomination.answers

    response = client.post(
        NOMINATE,
        complete_post(child10, token, action="autosave", answer_1="Overwritten."),
        HTTP_HX_REQUEST="true",
    )

    nomination.refresh_from_db()
    assert nomination.answers == before
    assert response.get("HX-Replace-Url") is None


# Safeguarding reasons and marked text ----------------------------------------------------------


def test_user_text_in_marks_reasons_and_error_summary_is_escaped(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    answer = f"{SCRIPT} Maria, 12, {SCRIPT} call +381 21 123 4567 {SCRIPT}"
    client.post(page["manage"], complete_post(child10, token, answer_2=answer))
    review = client.get(page["review"])
    refused = client.post(page["review"], {"action": "apply", **handled(review, reason="")})
    applied = client.post(
        page["review"],
        {
            "action": "apply",
            "altcha": solved_payload(settings),
            **handled(review, reason=SCRIPT),
        },
    )
    staff = Client()
    sign_in(staff, make_user("staff"))

    nomination.refresh_from_db()
    assert applied.status_code == 302
    assert {kept["reason"] for kept in nomination.safeguarding_confirmations} == {SCRIPT}
    for response in (review, refused, client.get(page["manage"])):
        body = response.content.decode()
        assert "<script>alert" not in body
        assert "<img src=x" not in body


def test_a_finding_cannot_be_kept_by_a_reason_for_another_finding(client, child10, settings):
    """Editing the POST: ticking keep for made-up keys, or one reason for all, does not handle
    the real findings."""
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_2=MARIA))
    client.get(page["review"])

    forged = client.post(
        page["review"],
        {
            "action": "apply",
            "altcha": solved_payload(settings),
            "keep-0000000000": "1",
            "reason-0000000000": "No one.",
            "keep": "1",
            "reason": "No one.",
        },
    )

    nomination.refresh_from_db()
    assert forged.status_code == 200
    assert "Maria" not in nomination.answers["2"]


# The address correction ------------------------------------------------------------------------


def test_the_address_cannot_be_corrected_once_confirmed_nor_more_than_three_times(
    client, child10, settings, run_tasks
):
    token, nomination = submitted_nomination(client, child10, settings)
    submitted = urls(token)["submitted"]
    run_tasks()
    first_link = re.search(r"/\w\w/nominate/confirm/\S+/", mail.outbox[-1].body).group(0)

    for number in range(3):
        client.post(submitted, {"email": f"nora{number}@example.org"})
    fourth = client.post(submitted, {"email": "attacker@example.net"})
    run_tasks()
    old = client.post(first_link)

    nomination.refresh_from_db()
    assert fourth.status_code == 429
    assert nomination.nominator_email == "nora2@example.org"
    assert not any("attacker@example.net" in message.to for message in mail.outbox)
    assert nomination.state == NominationState.SUBMITTED  # the first link is dead
    assert "This link does not work" in old.content.decode()


# Capability links never stored readable -------------------------------------------------------


def test_no_stored_email_body_holds_a_private_or_confirmation_link(client, child10, settings):
    token, _nomination = submitted_nomination(client, child10, settings)
    client.post(urls(token)["submitted"], {"email": "nora.new@example.org"})

    bodies = " ".join(email.body_text + email.body_html for email in OutgoingEmail.objects.all())
    assert OutgoingEmail.objects.exists()
    assert token not in bodies
    assert "/nominate/confirm/" not in bodies


# The remembered language -----------------------------------------------------------------------


def test_a_link_from_another_site_does_not_set_the_language(client):
    response = client.get("/en/", HTTP_REFERER="https://evil.example.net/sv/")
    assert "django_language" not in response.cookies


def test_the_root_redirect_varies_by_cookie_and_accept_language(client):
    response = client.get("/")
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"cookie", "accept-language"} <= vary


def test_a_forged_host_is_refused_not_echoed_into_links(client, child10):
    response = client.get("/en/", HTTP_HOST="evil.example.net")
    assert response.status_code == 400


# The award's identity in email headers --------------------------------------------------------


@pytest.mark.parametrize("bad", ["Child10\rBcc: spy@evil.example", "Child10\u2028Award"])
def test_a_sender_name_with_a_line_break_is_refused_in_the_award_file(bad):
    from laurel.cycles.definition import DefinitionError, parse
    from tests.identity_helpers import raw_award

    raw = raw_award(
        name={"sv": "Child10", "en": "Child10"},
        sender_name=bad,
        sender_email="award@child10.org",
    )

    with pytest.raises(DefinitionError) as error:
        parse(raw)

    assert [key for key, _message in error.value.errors] == ["organiser.sender_name"]


def test_a_line_break_in_the_stored_sender_name_never_reaches_a_header(
    client, child10, settings, run_tasks
):
    """An organiser's name with a line break (the From's fallback, or a row stored before the
    check) must neither add a header nor stop every email of the award from going."""
    child10.sender_name = ""
    child10.organiser = {"sv": "Child10", "en": "Child10 Award\r\nBcc: spy@evil.example"}
    child10.save(update_fields=["sender_name", "organiser"])

    submitted_nomination(client, child10, settings)
    run_tasks()

    sent = mail.outbox[-1]
    message = sent.message()
    assert sent.from_email == '"Child10 Award Bcc: spy@evil.example" <award@child10.org>'
    assert message["Bcc"] is None
    assert "spy@evil.example" not in sent.recipients()


# The nominee's consent link -------------------------------------------------------------------


def test_a_document_sent_through_the_link_of_a_merged_candidate_is_not_lost(client, child10):
    """The organisation consented, staff then merged its candidate into another; coming back
    through its link to add a forgotten document must not file the document on the merged
    candidate, which nobody sees any more."""
    from laurel.candidates import services as candidate_services
    from laurel.candidates.models import CandidateDocument
    from tests.candidates.consent_helpers import staff_member
    from tests.candidates.consent_link_helpers import asked, url
    from tests.candidates.consent_link_helpers import pdf as claim_pdf

    candidate, _nomination, token = asked(child10)
    client.post(url(token), {"consent": "yes", "name": "Trygga Nätet", "country": "SE"})
    other, _n, _t = asked(child10, name="Ljus", website="ljus.se")
    candidate_services.merge_candidates(candidate, other, actor=staff_member())
    survivor = other

    response = client.post(
        url(token),
        {
            "consent": "yes",
            "name": "Trygga Nätet",
            "country": "SE",
            "safeguarding_policy": claim_pdf("policy.pdf"),
        },
    )

    assert response.status_code == 400
    assert "Please write to the secretariat" in response.content.decode()
    assert not CandidateDocument.objects.exclude(candidate=survivor).exists()


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain", "anonymous"])
def test_only_staff_read_the_nominator_s_reasons_for_kept_findings(child10, role):
    from tests.candidates.helpers import confirmed

    nomination = confirmed(child10, "Trygga Nätet", email="nora@example.org")
    Nomination.objects.filter(pk=nomination.pk).update(
        safeguarding_confirmations=[
            {"field": "answer_1", "kind": "phone", "text": "+46 8 123 45 67", "reason": "HELPLINE"}
        ]
    )
    candidate = nomination.placement.candidate
    page = reverse("candidates:nomination", args=[candidate.pk, nomination.pk])
    staff = Client()
    sign_in(staff, make_user("staff"))
    user = make_user(role, child10)
    visitor = Client()
    if user is not None:
        sign_in(visitor, user)

    assert "HELPLINE" in staff.get(page).content.decode()
    response = visitor.get(page)
    assert response.status_code in (302, 403, 404)
    assert "HELPLINE" not in response.content.decode()


def test_the_consent_link_is_no_relay_for_email_to_any_address(client, child10):
    """Whoever holds an organisation's link could answer "yes" again and again, each time with
    another contact address: the confirmation is no way to send mail to anyone, many times."""
    from tests.candidates.consent_link_helpers import asked, url

    _candidate, _nomination, token = asked(child10)

    for number in range(12):
        client.post(
            url(token),
            {
                "consent": "yes",
                "name": "Trygga Nätet",
                "country": "SE",
                "contact_name": "Victim",
                "contact_email": "victim@example.net",
                "description": f"Change {number}",
            },
        )

    to_victim = OutgoingEmail.objects.filter(to="victim@example.net").count()
    to_link = OutgoingEmail.objects.filter(to="info@trygga.se").count()
    assert 1 <= to_victim <= 3
    assert to_link <= 6


def test_the_consent_link_sends_at_most_a_few_emails_a_day_whatever_addresses_it_names(
    client, child10
):
    from tests.candidates.consent_link_helpers import asked, url

    _candidate, _nomination, token = asked(child10)

    for number in range(12):
        client.post(
            url(token),
            {
                "consent": "yes",
                "name": "Trygga Nätet",
                "country": "SE",
                "contact_name": "Victim",
                "contact_email": f"victim{number}@example.net",
            },
        )

    assert 1 <= OutgoingEmail.objects.count() <= 6


def test_a_save_through_one_private_link_never_writes_the_draft_named_in_the_post(client, child10):
    """The private address decides whose draft a save (or autosave) writes: another
    nomination's token put in the POST body changes nothing of that nomination."""
    victim = Client()
    victim_token = new_token(victim)
    victim.post(NOMINATE, complete_post(child10, victim_token, action="save", org_name="Theirs"))
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, action="save", org_name="Mine"))
    manage = reverse("nominations:manage", kwargs={"token": token})

    response = client.post(
        manage,
        complete_post(child10, victim_token, action="autosave", org_name="Overwritten"),
        HTTP_HX_REQUEST="true",
    )

    names = set(Nomination.objects.values_list("org_name", flat=True))
    assert names == {"Theirs", "Overwritten"}
    assert response["HX-Replace-Url"] == manage


def test_the_changed_in_another_tab_message_is_in_swedish_on_swedish_pages(
    client, child10, settings
):
    from django.utils import translation

    token, nomination = submitted_nomination(client, child10, settings)
    with translation.override("sv"):
        manage = reverse("nominations:manage", kwargs={"token": token})
        review = reverse("nominations:review", kwargs={"token": token})
    client.post(manage, complete_post(child10, token, answer_1="Ändring X."))
    tab_a = client.get(review)
    client.post(manage, complete_post(child10, token, answer_1="Ändring Y."))

    response = client.post(
        review,
        {"action": "apply", "altcha": solved_payload(settings), "reviewed": reviewed(tab_a)},
    )

    nomination.refresh_from_db()
    assert "Nomineringen har ändrats i en annan flik eller ett annat fönster" in (
        response.content.decode()
    )
    assert nomination.answers["1"] != "Ändring Y."
