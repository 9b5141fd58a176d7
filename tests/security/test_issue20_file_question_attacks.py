"""Attacks on the award's `file` questions (issue 20: the Aurora Prize asks for the rules of the
council or board when adults lead the organisation), each over HTTP as the person who would try
it: another nominator's link, a crafted form, a committee member, finance, a laureate contact.
The tests that held stay here to keep holding."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from laurel.candidates import services as screening
from laurel.cycles.enums import Phase
from laurel.nominations import services
from laurel.nominations.models import Attachment, Nomination
from laurel.nominations.services.editing import on_phase_moved
from tests.conftest import make_user, sign_in
from tests.nominations.file_question_helpers import ADULTS, FIELD, ask, draft, held
from tests.nominations.helpers import complete_post, pdf, submitted_nomination, urls
from tests.pdf import pdf_text
from tests.scenarios import member, new_token, ready

pytestmark = pytest.mark.django_db

SCRIPT = '<img src=x onerror="alert(1)">.pdf'


def test_another_nominators_link_cannot_remove_a_questions_file(client, aurora, settings):
    victim = new_token(client)
    draft(client, aurora, victim, **ADULTS, **{FIELD: pdf("statutes.pdf")})
    theirs = Attachment.objects.get()
    mine = new_token(client)
    draft(client, aurora, mine, **ADULTS, org_name="Another organisation")
    token, nomination = submitted_nomination(client, aurora, settings, org_name="A third")

    for button in ("remove_attachment", "confirm_removal"):
        client.post(
            urls(mine)["manage"], complete_post(aurora, mine, **ADULTS, **{button: theirs.pk})
        )
    client.post(
        urls(token)["manage"],
        complete_post(aurora, token, org_name="A third", remove_attachment=theirs.pk),
    )

    nomination.refresh_from_db()
    assert Attachment.objects.filter(pk=theirs.pk).exists()
    assert theirs.pk not in nomination.pending_edit["remove"]


def test_a_crafted_form_attaches_no_file_where_no_file_question_takes_it(client, aurora):
    """To a text question, to a retired question, two files to one question."""
    token = new_token(client)
    draft(client, aurora, token, **{**ADULTS, "q_youth_say": pdf("to-a-text.pdf")})
    draft(client, aurora, token, **ADULTS, **{FIELD: [pdf("one.pdf"), pdf("two.pdf")]})
    two_at_once = held(Nomination.objects.get())
    ask(aurora, retired=True)
    other = new_token(client)
    draft(client, aurora, other, **ADULTS, org_name="Retired", **{FIELD: pdf("retired.pdf")})

    assert len(two_at_once) == 1
    assert held(Nomination.objects.get(org_name="Retired")) == []


def test_the_file_answer_never_reaches_the_committee_nor_other_roles(client, aurora, staff_user):
    candidate = ready(
        aurora,
        "Klimaatjongeren Utrecht",
        staff_user,
        questions={"leadership": "adults", "council_rules": "board-rules.pdf"},
    )
    nomination = candidate.placements.get().nomination
    upload = pdf("board-rules.pdf")
    attachment = Attachment.objects.create(
        nomination=nomination,
        file=default_storage.save("nominations/test/board-rules.pdf", upload),
        original_name="board-rules.pdf",
        kind="pdf",
        size=upload.size,
        sha256="0" * 64,
        question="council_rules",
    )
    screening.save_committee_version(
        nomination, texts=screening.redacted_texts(nomination), actor=staff_user
    )
    download = reverse("nominations:attachment_download", args=[nomination.pk, attachment.pk])
    sign_in(client, member(aurora, "alice@example.org"))

    page = client.get(reverse("review:candidate", args=[candidate.pk]))
    dossier = client.get(reverse("review:dossier_pdf", args=[candidate.pk]))
    refused = {"committee": client.get(download).status_code}
    for role in ("finance", "laureate", "plain"):
        client.logout()
        sign_in(client, make_user(role, aurora))
        refused[role] = client.get(download).status_code

    assert page.status_code == 200
    assert "board-rules" not in page.content.decode()
    assert "board-rules" not in pdf_text(dossier.content)
    assert refused == {"committee": 404, "finance": 404, "laureate": 404, "plain": 404}


def test_a_file_name_is_text_on_every_page_the_nominator_sees(client, aurora, settings):
    token, _nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, **{FIELD: pdf(SCRIPT)}
    )
    manage = client.get(urls(token)["manage"]).content.decode()
    client.post(
        urls(token)["manage"], complete_post(aurora, token, **ADULTS, **{FIELD: pdf(SCRIPT)})
    )
    review = client.get(urls(token)["review"]).content.decode()

    for page in (manage, review):
        assert "<img src=x" not in page
        assert "&lt;img src=x" in page


def test_no_stored_file_outlives_a_change_discarded_withdrawn_closed_or_erased(
    client, aurora, settings, django_capture_on_commit_callbacks
):
    def pending_file(token, name, **changes):
        post = complete_post(aurora, token, **ADULTS, **changes, **{FIELD: pdf(name)})
        client.post(urls(token)["manage"], post)
        nomination = Nomination.objects.get(token_hash__isnull=False, org_name=post["org_name"])
        return nomination, [item["path"] for item in nomination.pending_edit["uploads"]]

    discarded, _nomination = submitted_nomination(client, aurora, settings, **ADULTS)
    withdrawn, _nomination = submitted_nomination(client, aurora, settings, org_name="W")
    closed, _nomination = submitted_nomination(client, aurora, settings, org_name="C")
    erased, _nomination = submitted_nomination(
        client, aurora, settings, **ADULTS, org_name="E", **{FIELD: pdf("attached.pdf")}
    )
    paths = []
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("one.pdf", "two.pdf", "three.pdf"):  # replaced twice, then discarded
            paths += pending_file(discarded, name)[1]
        client.post(urls(discarded)["review"], {"action": "discard"})
        paths += pending_file(withdrawn, "w.pdf", org_name="W")[1]
        client.post(urls(withdrawn)["withdraw"], {"really": "yes"})
        _closed, stored = pending_file(closed, "c.pdf", org_name="C")
        paths += stored
        aurora.phase = Phase.REVIEW
        on_phase_moved(None, cycle=aurora)
        was_erased, stored = pending_file(erased, "e.pdf", org_name="E")
        paths += [*stored, was_erased.attachments.get().file.name]
        services.erase_content(was_erased, reason="a data subject's request")

    assert not [path for path in paths if default_storage.exists(path)]
    assert not Nomination.objects.filter(pending_edit__isnull=False).exists()
    was_erased.refresh_from_db()
    assert held(was_erased) == []
    assert "council_rules" not in (was_erased.question_answers or {})


def test_a_questions_file_that_could_act_when_opened_is_refused_at_its_question(client, aurora):
    from tests.nominations.helpers import WORD, upload, zipped

    script = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj"
    macros = zipped({**WORD, "word/vbaProject.bin": b"\xd0\xcf"})
    token = new_token(client)

    refused = [
        draft(client, aurora, token, **ADULTS, **{FIELD: upload(name, content)})
        .context["form"]
        .errors[FIELD][0]
        for name, content in (("rules.pdf", script), ("rules.docx", macros))
    ]

    assert "contains scripts" in refused[0]
    assert "contains macros" in refused[1]
    assert Attachment.objects.count() == 0
