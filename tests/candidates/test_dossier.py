"""Due diligence, documents, the committee's version, readiness and what the committee sees."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.candidates import services
from laurel.candidates.enums import DiligenceArea
from laurel.candidates.models import CandidateDocument, Placement
from laurel.core.models import AuditEntry
from laurel.nominations.uploads import check_upload
from tests.candidates.helpers import complete_diligence, confirmed
from tests.conftest import make_user, sign_in

pytestmark = pytest.mark.django_db

IDENTIFYING = "Anna, 14, called us from 070-123 45 67 about a man."


def flagged_candidate(cycle):
    nomination = confirmed(cycle, "Trygga Nätet", answers={"1": IDENTIFYING})
    return Placement.objects.get(nomination=nomination).candidate, nomination


def test_the_committee_s_version_starts_with_the_flagged_details_replaced(child10):
    _candidate, nomination = flagged_candidate(child10)

    texts = services.redacted_texts(nomination)

    assert texts["answer_1"] == "[…], called us from […] about a man."
    assert services.original_texts(nomination)["answer_1"] == IDENTIFYING


def test_saving_the_committee_s_version_audits_which_fields_changed_not_the_text(child10):
    staff = make_user("staff")
    _candidate, nomination = flagged_candidate(child10)

    services.save_committee_version(
        nomination, texts={**services.original_texts(nomination), "answer_1": "[…]"}, actor=staff
    )

    entry = AuditEntry.objects.get(key="nomination.redacted")
    assert entry.data == {"fields_changed": ["answer_1"], "translated": []}
    assert "Anna" not in str(entry.data) + entry.summary


def test_ready_is_refused_with_everything_still_needed(child10):
    staff = make_user("staff")
    candidate, nomination = flagged_candidate(child10)

    with pytest.raises(services.ScreeningError) as refused:
        services.mark_ready(candidate, ready=True, actor=staff)

    message = refused.value.message
    assert "not screened eligible" in message
    assert "Do no harm" in message
    assert nomination.reference in message


def test_ready_once_eligible_checked_and_prepared_and_off_again_when_a_check_reopens(child10):
    staff = make_user("staff")
    candidate, nomination = flagged_candidate(child10)
    services.decide_eligibility(candidate, eligible=True, actor=staff)
    complete_diligence(candidate, staff)
    services.save_committee_version(
        nomination, texts=services.redacted_texts(nomination), actor=staff
    )

    services.mark_ready(candidate, ready=True, actor=staff)
    candidate.refresh_from_db()
    assert candidate.ready_for_committee is True

    services.update_check(
        candidate, area="finances", status="in_progress", notes="New question.", actor=staff
    )
    candidate.refresh_from_db()
    assert candidate.ready_for_committee is False


def ready_candidate(cycle):
    staff = make_user("staff")
    candidate, nomination = flagged_candidate(cycle)
    services.decide_eligibility(candidate, eligible=True, actor=staff)
    complete_diligence(candidate, staff)
    services.save_committee_version(
        nomination, texts=services.redacted_texts(nomination), actor=staff
    )
    services.mark_ready(candidate, ready=True, actor=staff)
    return candidate


def test_the_committee_reads_only_the_redacted_text(client, child10):
    candidate = ready_candidate(child10)
    member = make_user("committee", cycle=child10)
    sign_in(client, member)

    listed = client.get(reverse("review:home"))
    page = client.get(reverse("review:candidate", args=[candidate.pk])).content

    assert [row.candidate for row in listed.context["rows"]] == [candidate]
    assert "[…], called us from […] about a man." in page.decode()
    assert b"070-123" not in page and b"Anna" not in page
    nomination = candidate.placements.get().nomination
    text = page.decode()
    # Nothing of who nominated it: not the name, the address or the reference.
    assert nomination.nominator_name not in text
    assert nomination.nominator_email not in text
    assert nomination.reference not in text


def test_a_candidate_not_ready_does_not_exist_for_the_committee(client, child10):
    candidate, _nomination = flagged_candidate(child10)
    sign_in(client, make_user("committee", cycle=child10))

    response = client.get(reverse("review:candidate", args=[candidate.pk]))

    assert response.status_code == 404


def test_a_member_of_another_cycle_s_committee_cannot_read_it(client, child10):
    from tests.factories import CycleFactory

    candidate = ready_candidate(child10)
    sign_in(client, make_user("committee", cycle=CycleFactory(slug="other-2023")))

    response = client.get(reverse("review:candidate", args=[candidate.pk]))

    assert response.status_code == 404


def test_staff_upload_a_document_checked_by_its_content(staff_client, child10):
    candidate, _nomination = flagged_candidate(child10)
    url = reverse("candidates:document_add", args=[candidate.pk])

    refused = staff_client.post(
        url, {"kind": "annual_report", "document": SimpleUploadedFile("r.pdf", b"not a pdf")}
    )
    added = staff_client.post(
        url,
        {"kind": "annual_report", "document": SimpleUploadedFile("r.pdf", b"%PDF-1.4 report")},
    )

    assert refused.status_code == 400
    assert refused.context["documents"].form.errors["document"]
    assert added.status_code == 302
    document = CandidateDocument.objects.get()
    assert (document.kind, document.file_type, document.original_name) == (
        "annual_report",
        "pdf",
        "r.pdf",
    )
    assert not document.file.name.endswith("r.pdf")  # stored under a random name


def test_downloading_a_document_is_logged_and_never_inline(staff_client, child10):
    candidate, _nomination = flagged_candidate(child10)
    pdf = SimpleUploadedFile("policy.pdf", b"%PDF-1.4 policy")
    document = services.add_document(
        candidate, upload=pdf, checked=check_upload(pdf), kind="safeguarding_policy"
    )

    response = staff_client.get(
        reverse("candidates:document_download", args=[candidate.pk, document.pk])
    )

    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEntry.objects.filter(key="candidate.document_downloaded").count() == 1


def test_the_redaction_page_marks_the_flags_and_saves(staff_client, child10):
    candidate, nomination = flagged_candidate(child10)
    url = reverse("candidates:committee_version", args=[candidate.pk, nomination.pk])

    page = staff_client.get(url).content.decode()
    saved = staff_client.post(
        url, {"org_description": "Runs a helpline.", "answer_1": "A child called us."}
    )

    assert "<mark>070-123 45 67</mark>" in page
    assert saved.status_code == 302
    nomination.refresh_from_db()
    assert nomination.committee_version.texts["answer_1"] == "A child called us."


def test_diligence_from_the_page(staff_client, child10):
    candidate, _nomination = flagged_candidate(child10)
    blank = {f"{area}-status": "not_started" for area in DiligenceArea.values}

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        blank
        | {
            "finances-status": "concern",
            "finances-notes": "Deficit two years running.",
            "finances-committee_note": "Two years of deficit; a recovery plan is in place.",
        },
    )

    assert response.status_code == 302
    check = candidate.checks.get(area="finances")
    assert (check.area, check.status) == ("finances", "concern")


def test_an_unknown_diligence_status_is_refused_and_nothing_saved(staff_client, child10):
    candidate, _nomination = flagged_candidate(child10)
    blank = {f"{area}-status": "not_started" for area in DiligenceArea.values}

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        blank | {"finances-status": "astrology"},
    )

    assert response.status_code == 400
    assert candidate.checks.count() == 0


def test_an_unknown_area_or_status_is_refused_by_the_service(child10):
    candidate, _nomination = flagged_candidate(child10)

    with pytest.raises(services.ScreeningError, match="Choose an area"):
        services.update_check(
            candidate, area="finances", status="great", notes="", actor=make_user("staff")
        )
