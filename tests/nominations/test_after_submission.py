"""After the form: edits go through the same safeguarding check and review as the first
submission, the documents of a submitted nomination, the private link, a mistyped address."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination
from laurel.nominations.services import release_from_moderation
from tests.nominations.helpers import MARIA, complete_post, pdf, submitted_nomination, urls
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db


def confirm_link(body: str) -> str:
    return re.search(r"http://testserver(/\w\w/nominate/confirm/\S+/)", body).group(1)


def test_an_edit_with_a_childs_details_does_not_apply_until_each_finding_is_handled(
    client, child10, settings, run_tasks
):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    versions = nomination.versions.count()

    staged = client.post(page["manage"], complete_post(child10, token, answer_2=MARIA))
    nomination.refresh_from_db()
    unchanged_for_staff = nomination.answers["2"]
    review = client.get(page["review"])
    text = review.content.decode()
    refused = client.post(page["review"], {"action": "apply"})
    choices = review.context["findings"]

    assert staged.url == page["review"]
    assert "Maria" not in unchanged_for_staff  # staff and committee still see the old text
    assert nomination.versions.count() == versions
    assert [choice.finding.kind for choice in choices] == ["name_and_age", "address", "phone"]
    # Each finding marked in place in the quoted text, labelled, and linked to its field.
    # tabindex: "Show it in the text" moves the focus to the passage, not only the view.
    for choice in choices:
        assert re.search(
            rf'<mark class="finding" id="finding-{choice.key}" tabindex="-1">'
            r'<span class="visually-hidden">Safeguarding check, [a-z ]+: </span>'
            rf"{re.escape(choice.finding.text)}</mark>",
            text,
        )
        assert f'href="{page["manage"]}#id_answer_2"' in text
    assert f'href="{page["manage"]}#section-criteria"' in text  # a Change link per section
    assert refused.status_code == 200
    refused_text = refused.content.decode()
    # The error summary comes first, takes focus, and each error also stands by its finding.
    assert refused_text.index('id="error-summary"') < refused_text.index("<h1>")
    assert 'tabindex="-1" autofocus' in refused_text
    for choice in choices:
        assert refused_text.count(f"Remove this {choice.finding.name} by changing") == 2
    nomination.refresh_from_db()
    assert "Maria" not in nomination.answers["2"]

    reasons = {
        f"reason-{choice.key}": "Invented for the organisation's published training case"
        for choice in choices
    }
    keeps = {f"keep-{choice.key}": "1" for choice in choices}
    applied = client.post(
        page["review"], {"action": "apply", "altcha": solved_payload(settings), **keeps, **reasons}
    )
    run_tasks()

    nomination.refresh_from_db()
    assert applied.url == page["manage"]
    assert nomination.answers["2"] == MARIA
    assert nomination.pending_edit is None
    assert [flag["kind"] for flag in nomination.safeguarding_flags] == [
        "name_and_age",
        "address",
        "phone",
    ]
    assert {c["reason"] for c in nomination.safeguarding_confirmations} == {
        "Invented for the organisation's published training case"
    }
    assert nomination.versions.count() == versions + 1
    assert AuditEntry.objects.filter(key="nomination.edited", subject_id=nomination.pk).exists()
    assert mail.outbox[-1].subject == f"Your nomination {nomination.reference} was changed"


def test_removing_the_finding_by_editing_needs_no_reason(client, child10, settings):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_2=MARIA))

    # "Change the text": back to the form, which shows the pending text (nothing typed lost).
    form = client.get(page["manage"]).content.decode()
    assert "Bulevar oslobođenja 12" in form
    assert "You have changes that are not confirmed yet" in form
    clean = "The organisation trains police in Novi Sad and runs a public helpline."
    client.post(page["manage"], complete_post(child10, token, answer_2=clean))
    review = client.get(page["review"])
    applied = client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})

    nomination.refresh_from_db()
    assert review.context["findings"] == []
    assert applied.status_code == 302
    assert nomination.answers["2"] == clean


def test_discarding_a_pending_edit_leaves_the_nomination_as_it_was(client, example_award, settings):
    token, nomination = submitted_nomination(client, example_award, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(example_award, token, org_city="Lund"))

    discarded = client.post(page["review"], {"action": "discard"})

    nomination.refresh_from_db()
    assert discarded.url == page["manage"]
    assert nomination.org_city == "Malmö"
    assert nomination.pending_edit is None
    assert client.get(page["review"]).url == page["manage"]  # nothing left to review


def test_an_edit_without_proof_of_work_is_held_and_the_pages_say_so(
    client, child10, settings, run_tasks
):
    token, nomination = submitted_nomination(client, child10, settings)
    run_tasks()
    client.post(confirm_link(mail.outbox[-1].body))
    page = urls(token)
    counted = client.get(page["manage"]).content.decode()

    client.post(page["manage"], complete_post(child10, token, org_city="Lund"))
    client.post(page["review"], {"action": "apply"})  # no JavaScript: no proof of work
    held = client.get(page["manage"]).content.decode()

    nomination.refresh_from_db()
    assert "Confirmed: it counts for the award" in counted
    assert (nomination.state, nomination.held_for_moderation) == ("confirmed", True)
    assert "held for a check by the secretariat before it counts" in held
    assert "counts for the award" not in held
    assert "proof" not in held.lower()  # never which signal held it


def test_the_private_page_lists_documents_and_removal_goes_through_the_review(
    client, child10, settings
):
    token, nomination = submitted_nomination(
        client, child10, settings, files=[pdf("annual-report.pdf"), pdf("evaluation.pdf")]
    )
    page = urls(token)
    report = nomination.attachments.get(original_name="annual-report.pdf")

    listing = client.get(page["manage"]).content.decode()
    removal = client.post(
        page["manage"], {**complete_post(child10, token), "remove_attachment": str(report.pk)}
    )
    review = client.get(page["review"]).content.decode()
    still_there = nomination.attachments.filter(pk=report.pk).exists()
    client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})
    after = client.get(page["manage"]).content.decode()

    assert re.search(r"annual-report\.pdf</td><td>PDF</td><td>\d+\xa0bytes</td>", listing)
    assert "You can add one more document (at most 3 in all)." in listing
    assert removal.url == page["review"]
    assert re.search(r"<del>annual-report\.pdf \(PDF, [^)]+\)</del> <strong>to be removed", review)
    assert still_there  # removed only once the change is confirmed
    assert list(nomination.attachments.values_list("original_name", flat=True)) == [
        "evaluation.pdf"
    ]
    assert "You can add 2 more documents (at most 3 in all)." in after


def test_documents_added_by_an_edit_wait_for_the_review_and_a_fourth_is_refused(
    client, child10, settings
):
    token, nomination = submitted_nomination(client, child10, settings, files=[pdf("a.pdf")])
    page = urls(token)
    post = complete_post(child10, token)

    client.post(page["manage"], {**post, "attachments": [pdf("b.pdf"), pdf("c.pdf")]})
    pending_count = nomination.attachments.count()
    too_many = client.post(page["manage"], {**post, "attachments": [pdf("d.pdf")]})
    client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})

    assert pending_count == 1  # staff see the new documents only after the review
    assert too_many.status_code == 200
    # The form counts the documents the unconfirmed change adds, and says so at the field.
    assert "Choose at most three documents in all" in too_many.content.decode()
    assert sorted(nomination.attachments.values_list("original_name", flat=True)) == [
        "a.pdf",
        "b.pdf",
        "c.pdf",
    ]


def test_one_nominations_link_cannot_remove_anothers_document(client, child10, settings):
    owner_token, owner = submitted_nomination(client, child10, settings, files=[pdf("theirs.pdf")])
    other_token, _other = submitted_nomination(
        client, child10, settings, org_name="Another Organisation"
    )
    theirs = owner.attachments.get()
    page = urls(other_token)

    client.post(
        page["manage"],
        {
            **complete_post(child10, other_token, org_name="Another Organisation"),
            "remove_attachment": str(theirs.pk),
        },
    )
    client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})

    assert owner.attachments.filter(pk=theirs.pk).exists()
    # A confirmation link is not a private link, nor the other way round.
    owner.refresh_from_db()
    assert client.get(urls(owner_token)["review"]).status_code == 302
    not_a_confirmation = client.get(reverse("nominations:confirm", args=[owner_token]))
    assert "This link does not work" in not_a_confirmation.content.decode()


def test_the_thank_you_page_shows_the_private_link_and_where_the_confirmation_went(
    client, example_award, settings
):
    token, _nomination = submitted_nomination(client, example_award, settings)

    page = client.get(urls(token)["submitted"]).content.decode()

    assert re.search(
        rf'<input type="text" id="private-link" readonly value="http://testserver'
        rf'{re.escape(urls(token)["manage"])}"',
        page,
    )
    assert "Bookmark this page" in page
    assert "We sent the confirmation email to <strong>nora@example.org</strong>." in page
    assert "Is the address wrong? Correct it" in page


def test_correcting_a_mistyped_address_sends_a_new_confirmation_and_kills_the_old_link(
    client, example_award, settings, run_tasks
):
    token, nomination = submitted_nomination(
        client, example_award, settings, nominator_email="nora@exmaple.org"
    )
    run_tasks()
    old_link = confirm_link(mail.outbox[-1].body)
    page = urls(token)

    wrong = client.post(page["submitted"], {"email": "not an address"})
    corrected = client.post(page["submitted"], {"email": "nora@example.org"})
    run_tasks()
    new_mail = mail.outbox[-1]
    old = client.get(old_link)
    confirmed = client.post(confirm_link(new_mail.body))

    assert wrong.status_code == 400
    assert "Enter an email address in the right form, like name@example.org" in (
        wrong.content.decode()
    )
    assert corrected.url == page["submitted"]
    assert new_mail.to == ["nora@example.org"]
    assert old.status_code == 200
    assert "This link does not work" in old.content.decode()
    assert "Thank you: your email address is confirmed" in confirmed.content.decode()
    nomination.refresh_from_db()
    assert nomination.state == NominationState.CONFIRMED
    entry = AuditEntry.objects.get(key="nomination.email_corrected")
    assert "exmaple" not in str(entry.data) + entry.summary


def test_address_corrections_are_rate_limited_and_end_with_the_confirmation(
    client, child10, settings, run_tasks
):
    token, nomination = submitted_nomination(client, child10, settings)
    page = urls(token)

    answers = [
        client.post(page["submitted"], {"email": f"nora{n}@example.org"}).status_code
        for n in range(4)
    ]
    run_tasks()

    assert answers == [302, 302, 302, 429]
    nomination.refresh_from_db()
    assert nomination.nominator_email == "nora2@example.org"
    client.post(confirm_link(mail.outbox[-1].body))
    after = client.post(page["submitted"], {"email": "someone@example.org"})
    nomination.refresh_from_db()
    assert after.status_code == 302
    assert nomination.nominator_email == "nora2@example.org"


def test_a_held_nominations_corrected_address_waits_with_it(client, child10, staff_user, run_tasks):
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, nominator_email="nora@exmaple.org"))
    client.post(urls(token)["review"], {})  # held: no proof of work
    client.post(urls(token)["submitted"], {"email": "nora@example.org"})
    run_tasks()
    nothing_yet = list(mail.outbox)

    release_from_moderation(Nomination.objects.get(), actor=staff_user)
    run_tasks()

    assert nothing_yet == []
    assert [m.to for m in mail.outbox] == [["nora@example.org"]]


def test_reopening_the_confirmation_link_says_already_confirmed(
    client, example_award, settings, run_tasks
):
    _token, _nomination = submitted_nomination(client, example_award, settings)
    run_tasks()
    link = confirm_link(mail.outbox[-1].body)

    first = client.get(link).content.decode()
    client.post(link)
    again = client.get(link).content.decode()
    posted_again = client.post(link).content.decode()
    unknown = client.get(reverse("nominations:confirm", args=["x" * 32]))

    assert "Press the button to confirm" in first
    for page in (again, posted_again):
        assert "Your nomination is already confirmed" in page
        assert "Confirmed: it counts for the award" in page
        assert "<button" not in page.split("<main", 1)[-1].split("</main>")[0]
    assert "<button" not in unknown.content.decode().split("<main", 1)[-1]
    assert "write to the secretariat with your nomination's reference" in (unknown.content.decode())


def test_after_the_deadline_the_private_page_says_it_is_closed(client, example_award, settings):
    from tests.scenarios import close

    token, _nomination = submitted_nomination(client, example_award, settings)
    close(example_award)

    page = client.get(urls(token)["manage"]).content.decode()
    edit = client.post(urls(token)["manage"], complete_post(example_award, token, org_city="Lund"))

    assert "Nominations have closed: the nomination can no longer be changed" in page
    assert 'name="action" value="save"' not in page
    assert edit.status_code in {302, 403}
    assert Nomination.objects.get().org_city == "Malmö"


def test_staff_read_each_kept_finding_with_the_nominators_reason(staff_client, child10):
    from laurel.candidates.models import Placement
    from tests.candidates.helpers import confirmed

    nomination = confirmed(child10, "Ljus")
    Nomination.objects.filter(pk=nomination.pk).update(
        safeguarding_confirmations=[
            {
                "field": "answer_1",
                "kind": "phone",
                "text": "+46 8 123 456 78",
                "reason": "The organisation's public helpline number",
            }
        ]
    )
    candidate = Placement.objects.get(nomination=nomination).candidate

    page = staff_client.get(reverse("candidates:nomination", args=[candidate.pk, nomination.pk]))

    assert (
        "<li><q>+46 8 123 456 78</q>: The organisation&#x27;s public helpline number</li>"
        in page.content.decode()
    )


def test_a_saved_draft_shows_its_private_link_and_where_it_was_emailed(client, child10):
    token = new_token(client)
    blank = client.get(NOMINATE).content.decode()
    client.post(NOMINATE, complete_post(child10, token, action="save"))

    draft = client.get(urls(token)["manage"]).content.decode()

    assert 'id="private-link"' not in blank  # nothing to keep before the first save
    assert f'readonly value="http://testserver{urls(token)["manage"]}"' in draft
    assert "Come back to your draft with this link" in draft
    assert "We emailed this link to <strong>nora@example.org</strong>." in draft


def test_a_new_address_typed_into_the_form_before_confirming_gets_the_confirmation(
    client, child10, settings, run_tasks
):
    token, nomination = submitted_nomination(
        client, child10, settings, nominator_email="nora@exmaple.org"
    )
    run_tasks()
    old_link = confirm_link(mail.outbox[-1].body)
    page = urls(token)

    client.post(page["manage"], complete_post(child10, token, nominator_email="nora@example.org"))
    client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})
    run_tasks()

    confirmations = [m for m in mail.outbox if m.subject.startswith("Please confirm")]
    assert [m.to for m in confirmations] == [["nora@exmaple.org"], ["nora@example.org"]]
    assert "This link does not work" in client.get(old_link).content.decode()
    client.post(confirm_link(confirmations[-1].body))
    nomination.refresh_from_db()
    assert nomination.state == NominationState.CONFIRMED


def test_withdrawing_drops_a_pending_change_and_its_documents(
    client, example_award, settings, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    token, nomination = submitted_nomination(client, example_award, settings)
    page = urls(token)
    client.post(
        page["manage"],
        {**complete_post(example_award, token, answer_2=MARIA), "attachments": [pdf("new.pdf")]},
    )
    nomination.refresh_from_db()
    stored = nomination.pending_edit["uploads"][0]["path"]
    kept_before = default_storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(page["withdraw"], {"really": "yes"})

    nomination.refresh_from_db()
    assert kept_before
    assert nomination.state == NominationState.WITHDRAWN
    assert nomination.pending_edit is None
    assert not default_storage.exists(stored)
    assert "See your nomination with this link" in client.get(page["manage"]).content.decode()


def test_erasure_also_removes_a_pending_change_and_the_kept_reasons(client, child10, settings):
    from laurel.nominations.services import erase_content

    token, nomination = submitted_nomination(client, child10, settings)
    Nomination.objects.filter(pk=nomination.pk).update(
        safeguarding_confirmations=[{"text": "+381 21 123 4567", "reason": "helpline"}]
    )
    client.post(urls(token)["manage"], complete_post(child10, token, answer_2=MARIA))

    erase_content(nomination, reason="test")

    nomination.refresh_from_db()
    assert nomination.pending_edit is None
    assert nomination.safeguarding_confirmations == []


@pytest.mark.parametrize(
    ("confirm_first", "says"),
    [
        (False, "It counts for the award once you have confirmed your email address"),
        (True, "Your nomination still counts for the award."),
    ],
)
def test_the_change_email_says_whether_the_nomination_counts(
    client, example_award, settings, run_tasks, confirm_first, says
):
    token, _nomination = submitted_nomination(client, example_award, settings)
    run_tasks()
    if confirm_first:
        client.post(confirm_link(mail.outbox[-1].body))
    client.post(urls(token)["manage"], complete_post(example_award, token, org_city="Lund"))
    client.post(urls(token)["review"], {"action": "apply", "altcha": solved_payload(settings)})
    run_tasks()

    changed = mail.outbox[-1]
    assert changed.subject.endswith("was changed")
    assert says in changed.body
    assert says in changed.alternatives[0][0]


def test_an_invalid_edit_comes_back_with_what_was_typed_and_stages_nothing(
    client, example_award, settings
):
    token, nomination = submitted_nomination(client, example_award, settings)

    refused = client.post(
        urls(token)["manage"], complete_post(example_award, token, org_name="", answer_2=MARIA)
    )

    page = refused.content.decode()
    nomination.refresh_from_db()
    assert refused.status_code == 200
    assert page.index('id="error-summary"') < page.index("<h1>")
    assert "Bulevar oslobođenja 12" in page  # nothing typed is lost
    assert nomination.pending_edit is None
    assert nomination.org_name == "Safe Online Europe"


def test_enter_on_the_private_page_of_a_submitted_nomination_never_removes_a_document(
    client, child10, settings
):
    token, nomination = submitted_nomination(client, child10, settings, files=[pdf("report.pdf")])
    page = client.get(urls(token)["manage"]).content.decode()
    form = re.search(r'<form[^>]*id="nomination-form".*?</form>', page, re.S).group(0)
    buttons = re.findall(r"<button[^>]*>", form)

    # Enter in a text field sends the form's first submit button: reviewing the changes.
    enter = client.post(urls(token)["manage"], complete_post(child10, token, org_city="Lund"))

    assert 'name="action"' in buttons[0] and 'value="save"' in buttons[0]
    assert any('name="remove_attachment"' in button for button in buttons[1:])
    assert enter.url == urls(token)["review"]
    nomination.refresh_from_db()
    assert nomination.pending_edit is not None
    assert nomination.pending_edit["remove"] == []
    assert nomination.attachments.count() == 1


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_error_summary_of_a_submitted_nominations_page_leads_to_every_field(
    client, child10, settings, language
):
    token, _nomination = submitted_nomination(client, child10, settings)
    manage = urls(token)["manage"].replace("/en/", f"/{language}/")

    post = complete_post(child10, token, org_name="", relationship="", q_organisation_aware="")
    page = client.post(manage, post).content.decode()

    summary = re.search(r'<div[^>]*id="error-summary".*?</div>', page, re.S).group(0)
    targets = re.findall(r'href="([^"]*)"', summary)
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    assert page.index('id="error-summary"') < page.index("<h1>")
    assert "#id_relationship_0" in targets and "#id_q_organisation_aware_0" in targets
    assert all(target.startswith("#") and target[1:] in ids for target in targets)
    # Each link is the message itself, as on the form: no "label: message".
    message = {"en": "Enter the name of the organisation", "sv": "Skriv organisationens namn"}
    assert f">{message[language]}</a>" in summary


def test_a_change_never_confirmed_goes_with_its_documents_when_nominations_close(
    client, child10, settings, staff_user, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from laurel.cycles.enums import Phase
    from laurel.cycles.services import move_phase

    token, nomination = submitted_nomination(client, child10, settings)
    client.post(
        urls(token)["manage"],
        {**complete_post(child10, token, answer_2=MARIA), "attachments": [pdf("new.pdf")]},
    )
    nomination.refresh_from_db()
    stored = nomination.pending_edit["uploads"][0]["path"]
    kept_while_open = default_storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        move_phase(child10, Phase.SCREENING, actor=staff_user)

    nomination.refresh_from_db()
    assert kept_while_open
    assert nomination.pending_edit is None
    assert not default_storage.exists(stored)
    assert MARIA not in str(nomination.answers)
    assert AuditEntry.objects.filter(key="nomination.edit_discarded").count() == 1


def test_a_passage_kept_with_a_reason_comes_ticked_with_it_on_the_next_edit(
    client, child10, settings
):
    token, _nomination = submitted_nomination(client, child10, settings)
    page = urls(token)
    client.post(page["manage"], complete_post(child10, token, answer_2=MARIA))
    first = client.get(page["review"]).context["findings"]
    kept = {f"keep-{choice.key}": "1" for choice in first}
    reasons = {f"reason-{choice.key}": f"Kept: {choice.finding.kind}" for choice in first}
    client.post(
        page["review"], {"action": "apply", "altcha": solved_payload(settings), **kept, **reasons}
    )

    # The next edit changes another answer; the kept passages are still in answer 2.
    client.post(
        page["manage"], complete_post(child10, token, answer_2=MARIA, answer_1="New wording.")
    )
    again = client.get(page["review"])
    choices = again.context["findings"]

    assert [choice.keep for choice in choices] == [True, True, True]
    assert [choice.reason for choice in choices] == [
        "Kept: name_and_age",
        "Kept: address",
        "Kept: phone",
    ]
    # A passage never kept before is not ticked for the nominator.
    client.post(
        page["manage"],
        complete_post(child10, token, answer_2=MARIA, answer_3="Call +46 8 123 456 78 now."),
    )
    fresh = [
        c for c in client.get(page["review"]).context["findings"] if c.finding.field == "answer_3"
    ]
    assert fresh and not any(choice.keep for choice in fresh)
