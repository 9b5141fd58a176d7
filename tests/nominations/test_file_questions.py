"""The award's `file` questions (the Aurora Prize asks for the rules of the council or board when
adults lead the organisation): a document that answers one question, kept with the documents of
evidence but apart from their limit, through drafts, removal, edits, staff, exports and erasure."""

from dataclasses import replace

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from laurel.nominations import services
from laurel.nominations.models import Attachment, Nomination
from laurel.nominations.uploads import check_upload
from laurel.privacy.retention import CONTACT_DETAILS, anonymise_nominations
from tests.nominations.file_question_helpers import ADULTS, FIELD, LABEL, ask, draft, held
from tests.nominations.helpers import complete_post, pdf, submitted_nomination, urls
from tests.scenarios import new_token, solved_payload

pytestmark = pytest.mark.django_db


def test_a_file_answers_its_question_and_shows_at_it_apart_from_the_evidence(client, aurora):
    token = new_token(client)

    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    nomination = Nomination.objects.get()
    page = client.get(urls(token)["manage"]).content.decode()
    review = client.get(urls(token)["review"]).content.decode()

    assert held(nomination) == [("council_rules", "statutes.pdf")]
    assert nomination.question_answers["council_rules"] == "statutes.pdf"
    # At its question, with its Remove button; not in the list of documents of evidence.
    field = page[page.index(f'for="id_{FIELD}"') :]
    assert "Attached: statutes.pdf" in field[: field.index('type="file"')]
    assert 'id="attachments-list"' not in page
    assert "Choose another file" in page
    # The review reads it as the question's answer.
    assert f'<dt>{LABEL}</dt><dd class="prose">statutes.pdf' in review


def test_a_new_file_replaces_the_one_held_and_a_save_without_one_keeps_it(
    client, aurora, django_capture_on_commit_callbacks
):
    token = new_token(client)
    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("first.pdf")})
    first = Attachment.objects.get().file.name

    with django_capture_on_commit_callbacks(execute=True):
        draft(client, aurora, token, **ADULTS, **{FIELD: pdf("second.pdf")})
    after_replacing = held(Nomination.objects.get())
    # The blank form's page keeps posting to /nominate/ after its first save made the draft;
    # its autosave sends no file: the file held stays.
    draft(client, aurora, token, **ADULTS, action="autosave")

    nomination = Nomination.objects.get()
    assert after_replacing == [("council_rules", "second.pdf")]
    assert held(nomination) == [("council_rules", "second.pdf")]
    assert nomination.question_answers["council_rules"] == "second.pdf"
    assert not default_storage.exists(first)


def test_a_question_no_longer_asked_loses_its_file_on_submitting(
    client, aurora, settings, django_capture_on_commit_callbacks
):
    token = new_token(client)
    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    stored = Attachment.objects.get().file.name

    # Young people lead it after all: the rules of an adults' board are no longer asked for.
    with django_capture_on_commit_callbacks(execute=True):
        draft(client, aurora, token, q_leadership="young")
    unanswered = Nomination.objects.get()
    # The draft keeps the file until it is submitted: the answer may be changed back.
    kept = held(unanswered)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(urls(token)["review"], {"altcha": solved_payload(settings)})

    nomination = Nomination.objects.get()
    assert "council_rules" not in unanswered.question_answers
    assert kept == [("council_rules", "statutes.pdf")]
    assert nomination.state == "submitted"
    assert held(nomination) == []
    assert "council_rules" not in nomination.question_answers
    assert not default_storage.exists(stored)


def test_an_answer_clicked_by_mistake_and_autosaved_loses_no_file(
    client, aurora, django_capture_on_commit_callbacks
):
    """A hurried nominator clicks "young people" and back: the autosave came in between."""
    token = new_token(client)
    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    stored = Attachment.objects.get().file.name

    with django_capture_on_commit_callbacks(execute=True):
        draft(client, aurora, token, q_leadership="young", action="autosave")
        draft(client, aurora, token, **ADULTS, action="autosave")

    nomination = Nomination.objects.get()
    assert held(nomination) == [("council_rules", "statutes.pdf")]
    assert nomination.question_answers["council_rules"] == "statutes.pdf"
    assert default_storage.exists(stored)


def test_a_file_sent_while_its_condition_does_not_hold_is_not_kept(client, aurora):
    token = new_token(client)

    draft(client, aurora, token, q_leadership="young", **{FIELD: pdf("statutes.pdf")})

    nomination = Nomination.objects.get()
    assert held(nomination) == []
    assert "council_rules" not in nomination.question_answers


def test_a_file_refused_is_named_at_its_question_and_what_was_typed_stays(client, aurora):
    token = new_token(client)
    script = SimpleUploadedFile("rules.pdf.exe", b"MZ\x90\x00 a program", "application/x-msdos")

    response = draft(client, aurora, token, **ADULTS, **{FIELD: script})

    form = response.context["form"]
    assert form.errors[FIELD] == [
        "The file rules.pdf.exe is not a PDF, Word (DOCX) or OpenDocument (ODT) document."
    ]
    assert "attachments" not in form.errors
    assert Attachment.objects.count() == 0
    assert "A youth board of twelve decides the budget." in response.content.decode()


def test_a_required_file_is_asked_for_until_one_is_held(client, aurora):
    ask(aurora, required=True)
    token = new_token(client)

    missing = draft(client, aurora, token, **ADULTS, action="review")
    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    # Held now: the form goes to the review without the file being sent again.
    ready = client.post(urls(token)["manage"], complete_post(aurora, token, **ADULTS))
    # So does the blank form's page, which posts to /nominate/ whatever draft it made.
    from_the_first_page = draft(client, aurora, token, **ADULTS, action="review")

    assert missing.context["form"].errors[FIELD] == [f"Choose a file for “{LABEL}”"]
    assert ready.status_code == 302 and ready.url == urls(token)["review"]
    assert from_the_first_page.status_code == 302
    assert from_the_first_page.url == urls(token)["review"]
    assert Nomination.objects.get().complete is True


def test_a_required_file_asked_whatever_the_answers_is_counted_as_needed(client, aurora):
    ask(aurora, required=True, shown_if=None)
    token = new_token(client)

    missing = draft(client, aurora, token, action="review")
    form = missing.context["form"]

    assert form.errors[FIELD] == [f"Choose a file for “{LABEL}”"]
    assert form.fields[FIELD].needed is True
    assert "(optional)" not in missing.content.decode().split(f'for="id_{FIELD}"')[1][:200]


def test_removing_a_questions_file_takes_two_clicks_and_unanswers_it(client, aurora):
    token = new_token(client)
    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    attachment = Attachment.objects.get()
    manage = urls(token)["manage"]

    asked = client.post(
        manage, complete_post(aurora, token, **ADULTS, remove_attachment=attachment.pk)
    )
    question = client.get(asked.url).content.decode()
    still_there = Attachment.objects.filter(pk=attachment.pk).exists()
    client.post(manage, complete_post(aurora, token, **ADULTS, confirm_removal=attachment.pk))

    assert asked.url == f"{manage}?remove={attachment.pk}#confirm-removal"
    assert "Remove “statutes.pdf”?" in question
    assert still_there
    nomination = Nomination.objects.get()
    assert held(nomination) == []
    assert "council_rules" not in nomination.question_answers


def test_the_file_does_not_take_a_place_among_the_three_documents_of_evidence(client, aurora):
    token = new_token(client)
    evidence = [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]

    draft(client, aurora, token, **ADULTS, attachments=evidence, **{FIELD: pdf("statutes.pdf")})

    nomination = Nomination.objects.get()
    assert sorted(held(nomination)) == [
        ("", "a.pdf"),
        ("", "b.pdf"),
        ("", "c.pdf"),
        ("council_rules", "statutes.pdf"),
    ]
    assert services.documents_room(nomination) == 0


def test_an_edit_replaces_the_file_only_once_the_change_is_confirmed(client, aurora, settings):
    token, nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, **{FIELD: pdf("old-rules.pdf")}
    )
    page = urls(token)

    client.post(page["manage"], complete_post(aurora, token, **ADULTS, **{FIELD: pdf("new.pdf")}))
    while_pending = held(nomination)
    review = client.get(page["review"]).content.decode()
    client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})

    nomination.refresh_from_db()
    assert nomination.state != "draft"
    assert while_pending == [("council_rules", "old-rules.pdf")]  # staff still read the old one
    assert "new.pdf" in review
    assert held(nomination) == [("council_rules", "new.pdf")]
    assert nomination.question_answers["council_rules"] == "new.pdf"
    assert nomination.versions.count() == 2


def test_an_edit_that_no_longer_asks_the_question_removes_its_file_on_confirming(
    client, aurora, settings
):
    token, nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, **{FIELD: pdf("statutes.pdf")}
    )
    page = urls(token)

    client.post(page["manage"], complete_post(aurora, token, q_leadership="young"))
    manage = client.get(page["manage"]).content.decode()
    client.post(page["review"], {"action": "apply", "altcha": solved_payload(settings)})

    nomination.refresh_from_db()
    assert "<del>statutes.pdf</del> (to be removed)" in manage
    assert held(nomination) == []
    assert "council_rules" not in nomination.question_answers


def test_a_second_unconfirmed_file_replaces_the_first_and_its_stored_copy_goes(
    client, aurora, settings, django_capture_on_commit_callbacks
):
    token, _nomination = submitted_nomination(client, aurora, settings, **ADULTS)
    page = urls(token)

    client.post(page["manage"], complete_post(aurora, token, **ADULTS, **{FIELD: pdf("one.pdf")}))
    first = Nomination.objects.get().pending_edit["uploads"][0]["path"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            page["manage"], complete_post(aurora, token, **ADULTS, **{FIELD: pdf("two.pdf")})
        )
    pending = Nomination.objects.get().pending_edit

    assert [item["name"] for item in pending["uploads"]] == ["two.pdf"]
    assert pending["data"]["question_answers"]["council_rules"] == "two.pdf"
    assert not default_storage.exists(first)


def test_the_service_refuses_a_fourth_document_of_evidence_in_an_edit(client, aurora, settings):
    """Two tabs: the form counted three, the service counts again under the lock."""
    files = [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]
    _token, nomination = submitted_nomination(client, aurora, settings, files=files)
    upload = pdf("d.pdf")
    question = pdf("statutes.pdf")
    checked = check_upload(question)

    with pytest.raises(services.TooManyDocuments):
        services.stage_edit(nomination, data={}, uploads=[(upload, check_upload(upload))])
    # A question's file is not one of the three.
    services.stage_edit(
        nomination,
        data={"question_answers": {"council_rules": "statutes.pdf"}},
        uploads=[(question, replace(checked, question="council_rules"))],
    )

    assert [item["name"] for item in Nomination.objects.get().pending_edit["uploads"]] == [
        "statutes.pdf"
    ]


def test_staff_download_the_file_and_the_export_names_it(staff_client, client, aurora, settings):
    _token, nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, **{FIELD: pdf("statutes.pdf")}
    )
    attachment = nomination.attachments.get(question="council_rules")

    download = staff_client.get(
        reverse("nominations:attachment_download", args=[nomination.pk, attachment.pk])
    )
    export = staff_client.get(reverse("nominations:staff_list"), {"format": "csv"})

    assert download.status_code == 200
    header, row = export.content.decode("utf-8-sig").splitlines()[:2]
    assert LABEL in header or "council_rules" in header
    assert "statutes.pdf" in row


def test_a_personal_files_answer_goes_with_the_persons_details(
    client, aurora, settings, django_capture_on_commit_callbacks
):
    ask(aurora, personal=True)
    _token, nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, **{FIELD: pdf("statutes.pdf")}
    )
    stored = nomination.attachments.get().file.name

    with django_capture_on_commit_callbacks(execute=True):
        anonymise_nominations(
            Nomination.objects.filter(pk=nomination.pk),
            CONTACT_DETAILS,
            timezone.now(),
            whole=False,
        )

    nomination.refresh_from_db()
    assert held(nomination) == []
    assert "council_rules" not in nomination.question_answers
    assert not default_storage.exists(stored)


def test_staff_read_the_answer_as_a_link_to_its_document(staff_client, aurora):
    from laurel.candidates.models import Placement
    from tests.candidates.helpers import confirmed

    nomination = confirmed(aurora, "Klimaatjongeren Utrecht", questions={"leadership": "adults"})
    upload = pdf("statutes.pdf")
    attachment = Attachment.objects.create(
        nomination=nomination,
        file=default_storage.save("nominations/test/statutes.pdf", upload),
        original_name="statutes.pdf",
        kind="pdf",
        size=upload.size,
        sha256="0" * 64,
        question="council_rules",
    )
    Nomination.objects.filter(pk=nomination.pk).update(
        question_answers={"leadership": "adults", "council_rules": "statutes.pdf"}
    )
    candidate = Placement.objects.get(nomination=nomination).candidate

    page = staff_client.get(reverse("candidates:nomination", args=[candidate.pk, nomination.pk]))

    link = reverse("nominations:attachment_download", args=[nomination.pk, attachment.pk])
    assert f'<dt>{LABEL}</dt><dd class="prose"><a href="{link}">statutes.pdf</a>' in (
        page.content.decode()
    )


def test_a_fourth_document_sent_again_from_the_first_page_is_refused_out_loud(client, aurora):
    """The first page keeps posting to /nominate/ (Back after a save, or its autosave made the
    draft): the documents the draft holds count, and the fourth is refused, not dropped."""
    token = new_token(client)
    draft(client, aurora, token, attachments=[pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")])

    again = draft(client, aurora, token, attachments=[pdf("d.pdf")])

    assert again.status_code == 200
    assert again.context["form"].errors["attachments"] == [
        "Choose at most three documents in all: remove one or choose fewer files"
    ]
    assert sorted(name for _key, name in held(Nomination.objects.get())) == [
        "a.pdf",
        "b.pdf",
        "c.pdf",
    ]


def test_removing_a_required_file_asks_for_another_before_submitting(client, aurora, settings):
    ask(aurora, required=True)
    token = new_token(client)
    draft(client, aurora, token, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    ready = Nomination.objects.get().complete
    attachment = Attachment.objects.get()

    client.post(
        urls(token)["manage"], complete_post(aurora, token, **ADULTS, confirm_removal=attachment.pk)
    )
    submitting = client.post(urls(token)["review"], {"altcha": solved_payload(settings)})

    nomination = Nomination.objects.get()
    assert ready
    assert held(nomination) == []
    assert (nomination.state, nomination.complete) == ("draft", False)
    assert submitting.url == f"{urls(token)['manage']}?check=1"


def test_an_edit_cannot_leave_a_required_question_without_its_file(client, aurora, settings):
    ask(aurora, required=True)
    token, nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, **{FIELD: pdf("statutes.pdf")}
    )
    attachment = nomination.attachments.get()

    removing = client.post(
        urls(token)["manage"],
        complete_post(aurora, token, **ADULTS, remove_attachment=attachment.pk),
    )
    # Another file in its place is a change like any other.
    client.post(
        urls(token)["manage"],
        complete_post(
            aurora, token, **ADULTS, remove_attachment=attachment.pk, **{FIELD: pdf("new.pdf")}
        ),
    )

    nomination.refresh_from_db()
    assert removing.status_code == 200
    assert removing.context["form"].errors[FIELD] == [f"Choose a file for “{LABEL}”"]
    # The page still shows the file held: nothing was changed.
    assert "Attached: statutes.pdf" in removing.content.decode()
    assert nomination.pending_edit["remove"] == [attachment.pk]
    assert nomination.pending_edit["data"]["question_answers"]["council_rules"] == "new.pdf"


def test_a_change_that_fails_keeps_the_file_an_earlier_change_chose(
    client, aurora, settings, monkeypatch
):
    """The earlier change's file goes only once the change replacing it is committed: else the
    change kept would name a file no longer stored."""
    token, _nomination = submitted_nomination(client, aurora, settings, **ADULTS)
    page = urls(token)
    client.post(page["manage"], complete_post(aurora, token, **ADULTS, **{FIELD: pdf("one.pdf")}))
    first = Nomination.objects.get().pending_edit["uploads"][0]["path"]

    def fails(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("laurel.nominations.services.editing.record", fails)
    with pytest.raises(RuntimeError):
        client.post(
            page["manage"], complete_post(aurora, token, **ADULTS, **{FIELD: pdf("two.pdf")})
        )

    assert Nomination.objects.get().pending_edit["uploads"][0]["path"] == first
    assert default_storage.exists(first)


def test_the_form_takes_three_large_documents_and_the_questions_file_at_once(client, aurora):
    """The body's limit counts a document for each `file` question besides the evidence."""

    def large(name: str, megabytes: float) -> SimpleUploadedFile:
        padding = b"%" + b"0" * int(megabytes * 1024 * 1024)
        return SimpleUploadedFile(name, pdf(name).read() + padding, "application/pdf")

    token = new_token(client)
    evidence = [large(name, 9.5) for name in ("a.pdf", "b.pdf", "c.pdf")]

    taken = draft(
        client, aurora, token, **ADULTS, attachments=evidence, **{FIELD: large("r.pdf", 4)}
    )
    too_much = draft(
        client,
        aurora,
        token,
        **ADULTS,
        attachments=[large(name, 9.5) for name in ("d.pdf", "e.pdf", "f.pdf", "g.pdf")],
        **{FIELD: large("r.pdf", 4)},
    )

    assert taken.status_code == 302
    assert len(held(Nomination.objects.get())) == 4
    assert too_much.status_code == 413
