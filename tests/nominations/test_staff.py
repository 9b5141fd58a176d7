import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.nominations import services
from laurel.nominations.models import Attachment, new_token
from laurel.nominations.uploads import check_upload

pytestmark = pytest.mark.django_db


def submitted(cycle, *, relationship="partner", uploads=()):
    token, _ = new_token()
    draft, _ = services.save_draft(
        cycle,
        token=token,
        language="en",
        uploads=list(uploads),
        send_resume_link=False,
        complete=True,
        data={
            "org_name": "Org",
            "org_country": "NO",
            "nominator_email": "n@example.org",
            "relationship": relationship,
        },
    )
    return services.submit_nomination(draft, token=token, gate=services.Held("no-proof-of-work"))


def test_staff_see_submitted_nominations_but_not_drafts(staff_client, child10):
    sent = submitted(child10, relationship="self")
    services.save_draft(child10, token=new_token()[0], data={"org_name": "Draft"}, language="en")

    response = staff_client.get(reverse("nominations:staff_list"))
    page = response.content.decode()

    assert list(response.context["page"]) == [sent]
    assert "self-nomination" in page
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "held: no-proof-of-work" in page


def test_staff_filter_the_list(staff_client, child10):
    held = submitted(child10)

    unconfirmed = staff_client.get(reverse("nominations:staff_list"), {"show": "unconfirmed"})
    confirmed = staff_client.get(reverse("nominations:staff_list"), {"show": "confirmed"})
    nonsense = staff_client.get(reverse("nominations:staff_list"), {"show": "state__in"})

    assert list(unconfirmed.context["page"]) == [held]
    assert list(confirmed.context["page"]) == []
    assert list(nonsense.context["page"]) == [held]


def test_the_dashboard_counts_nominations(staff_client, child10):
    submitted(child10)
    services.save_draft(child10, token=new_token()[0], data={}, language="en")

    counts = staff_client.get(reverse("staff:dashboard")).context["counts"]

    assert (
        counts["nominations_unconfirmed"],
        counts["nominations_held"],
        counts["nominations_drafts"],
        counts["nominations_confirmed"],
    ) == (1, 1, 1, 0)


def test_the_list_issues_the_same_queries_for_one_and_many(
    staff_client, child10, queries_for_one_and_many
):
    def add(n):
        for _ in range(n):
            submitted(child10)

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("nominations:staff_list")), add
    )

    assert one == many


def test_staff_make_a_late_code_shown_once(staff_client, staff_user, child10):
    response = staff_client.post(reverse("nominations:late_code_new"), {"note": "Nora"})

    code = response.context["code"]
    assert len(code) == 14
    assert services.find_late_code(child10, code).note == "Nora"
    assert AuditEntry.objects.filter(key="late_code.created", actor=staff_user).count() == 1


def test_documents_download_as_attachments_never_inline(staff_client, staff_user, child10):
    pdf = SimpleUploadedFile("évidence <1>.pdf", b"%PDF-1.4 evidence")
    sent = submitted(child10, uploads=[(pdf, check_upload(pdf))])
    attachment = Attachment.objects.get()

    response = staff_client.get(
        reverse("nominations:attachment_download", args=[sent.pk, attachment.pk])
    )

    assert response["Content-Disposition"] == (
        f'attachment; filename="{sent.pk}-{attachment.pk}.pdf"'
    )
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"
    assert not attachment.file.name.endswith("évidence <1>.pdf")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert AuditEntry.objects.filter(key="attachment.downloaded", actor=staff_user).count() == 1


def test_staff_let_a_held_nomination_through(staff_client, staff_user, child10):
    held = submitted(child10)

    response = staff_client.post(reverse("nominations:release", args=[held.pk]), follow=True)

    held.refresh_from_db()
    assert held.held_for_moderation is False
    assert [str(m) for m in response.context["messages"]] == [
        f"{held.reference} is no longer held."
    ]
    entry = AuditEntry.objects.get(key="nomination.released")
    assert (entry.actor, entry.data) == (staff_user, {"reason": "no-proof-of-work"})
