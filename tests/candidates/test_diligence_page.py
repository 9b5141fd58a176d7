"""Due diligence on the candidate page: one form, one Save, nothing typed lost, a note the
committee reads beside a verdict that is not clean, and staff's own note kept from it."""

import re

import pytest
from django.urls import reverse

from laurel.candidates import services
from laurel.candidates.enums import DiligenceArea
from laurel.candidates.models import DiligenceCheck, Placement
from laurel.core.models import AuditEntry
from tests.candidates.helpers import confirmed
from tests.conftest import make_user, sign_in
from tests.factories import in_phase
from tests.pdf import pdf_text
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db

STAFF_ONLY = "Board chair is the treasurer's brother."
FOR_COMMITTEE = "Two years of deficit; a recovery plan is agreed with its funders."


def a_candidate(cycle, name="Ljus"):
    return Placement.objects.get(nomination=confirmed(cycle, name)).candidate


def form_data(**parts) -> dict:
    """Every area as the page sends it (not started, empty notes), with `parts` typed in."""
    data = {}
    for area in DiligenceArea.values:
        data[f"{area}-status"] = "not_started"
        data[f"{area}-committee_note"] = ""
        data[f"{area}-notes"] = ""
    for key, value in parts.items():
        area, name = key.split("__")
        data[f"{area}-{name}"] = value
    return data


def test_one_save_keeps_what_was_typed_in_every_area(staff_client, child10):
    candidate = a_candidate(child10)

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(
            finances__status="satisfactory",
            finances__notes="Audited accounts 2021.",
            safeguarding__status="in_progress",
            safeguarding__notes="Policy asked for.",
            do_no_harm__status="concern",
            do_no_harm__committee_note=FOR_COMMITTEE,
            do_no_harm__notes=STAFF_ONLY,
        ),
    )

    assert response.status_code == 302
    assert response.url == reverse("candidates:detail", args=[candidate.pk]) + "#diligence"
    saved = {
        check.area: (check.status, check.notes, check.committee_note)
        for check in DiligenceCheck.objects.filter(candidate=candidate)
    }
    # The areas left blank are not recorded as checked by anyone.
    assert saved == {
        "finances": ("satisfactory", "Audited accounts 2021.", ""),
        "safeguarding": ("in_progress", "Policy asked for.", ""),
        "do_no_harm": ("concern", STAFF_ONLY, FOR_COMMITTEE),
    }


def test_a_concern_without_a_note_for_the_committee_is_refused_keeping_everything_typed(
    staff_client, child10
):
    candidate = a_candidate(child10)

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(
            finances__status="concern",
            finances__notes="Deficit two years running.",
            child_rights__status="satisfactory",
            child_rights__notes="Works with children's councils.",
        ),
    )
    page = response.content.decode()

    assert response.status_code == 400
    assert DiligenceCheck.objects.filter(candidate=candidate).count() == 0
    form = response.context["diligence"].form
    assert form.errors.keys() == {"finances-committee_note"}
    assert "Deficit two years running." in page
    assert "Works with children&#x27;s councils." in page
    assert re.search(r'<option value="concern" selected>', page)
    # The message is tied to its field: the field names it in aria-describedby.
    field = re.search(r"<textarea[^>]*id=\"diligence_finances-committee_note\"[^>]*>", page)
    assert field is not None
    assert "diligence_finances-committee_note_error" in field.group(0)
    assert 'id="diligence_finances-committee_note_error"' in page


def test_the_saved_message_is_shown_in_the_section_not_at_the_top(staff_client, child10):
    candidate = a_candidate(child10)

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(finances__status="satisfactory"),
        follow=True,
    )
    page = response.content.decode()

    section = page[page.index('<section aria-labelledby="diligence">') :]
    section = section[: section.index("</section>")]
    top = page[: page.index('<div class="staff-layout">')]
    assert "The due diligence is saved." in section
    assert "The due diligence is saved." not in top


def test_saving_writes_one_audit_entry_per_area_that_changed(staff_user, child10):
    candidate = a_candidate(child10)
    parts = {
        area: {"status": "not_started", "notes": "", "committee_note": ""}
        for area in DiligenceArea.values
    }
    parts["finances"] = {"status": "satisfactory", "notes": "Fine.", "committee_note": ""}

    first = services.update_diligence(candidate, parts=parts, actor=staff_user)
    again = services.update_diligence(candidate, parts=parts, actor=staff_user)
    parts["finances"]["notes"] = "Fine, audited."
    third = services.update_diligence(candidate, parts=parts, actor=staff_user)

    assert first == ["finances"]
    assert again == []
    assert third == ["finances"]
    entries = AuditEntry.objects.filter(key="diligence.updated", data__area="finances")
    assert [entry.data["changed"] for entry in entries.order_by("id")] == [
        ["status", "notes"],
        ["notes"],
    ]
    assert "Fine" not in str(list(entries.values_list("data", "summary")))


def test_the_service_refuses_a_concern_without_a_note_for_the_committee(staff_user, child10):
    candidate = a_candidate(child10)

    with pytest.raises(services.ScreeningError, match="note for the committee"):
        services.update_check(
            candidate, area="finances", status="concern", notes=STAFF_ONLY, actor=staff_user
        )

    assert DiligenceCheck.objects.filter(candidate=candidate).count() == 0


def test_the_committee_reads_the_note_beside_the_verdict_but_never_staff_s_note(
    client, child10, staff_user
):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    services.update_check(
        candidate,
        area="finances",
        status="concern",
        notes=STAFF_ONLY,
        committee_note=FOR_COMMITTEE,
        actor=staff_user,
    )
    sign_in(client, member(child10, "alice@example.org"))

    response = client.get(reverse("review:candidate", args=[candidate.pk]))
    page = response.content.decode()

    assert ("Finances and governance", "Concern", FOR_COMMITTEE) in response.context["checks"]
    assert "Two years of deficit; a recovery plan is agreed with its funders." in page
    assert "treasurer" not in page


def test_the_printed_dossier_has_the_note_beside_the_verdict_but_never_staff_s_note(
    client, child10, staff_user
):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    services.update_check(
        candidate,
        area="finances",
        status="concern",
        notes=STAFF_ONLY,
        committee_note="A recovery plan is agreed.",
        actor=staff_user,
    )
    sign_in(client, member(child10, "alice@example.org"))

    words = pdf_text(client.get(reverse("review:dossier_pdf", args=[candidate.pk])).content)

    assert "A recovery plan is agreed." in words
    assert "treasurer" not in words


def test_after_the_lock_the_form_says_why_and_keeps_what_was_typed(staff_client, child10):
    candidate = a_candidate(child10)
    in_phase(child10, "decided")

    response = staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(finances__status="satisfactory", finances__notes="Late finding."),
    )

    assert response.status_code == 409
    assert response.context["diligence"].form.non_field_errors()
    assert "Late finding." in response.content.decode()
    assert DiligenceCheck.objects.filter(candidate=candidate).count() == 0


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain"])
def test_other_roles_cannot_save_due_diligence(client, child10, role):
    candidate = a_candidate(child10)
    sign_in(client, make_user(role, child10))

    response = client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(finances__status="satisfactory"),
    )

    assert response.status_code == 404
    assert DiligenceCheck.objects.filter(candidate=candidate).count() == 0


def test_anonymous_is_sent_to_sign_in_and_nothing_is_saved(client, child10):
    candidate = a_candidate(child10)

    response = client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(finances__status="satisfactory"),
    )

    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert DiligenceCheck.objects.filter(candidate=candidate).count() == 0


def test_the_page_index_links_to_every_section_it_names(staff_client, child10):
    candidate = a_candidate(child10)

    page = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content.decode()

    index = page[page.index('class="page-index"') :]
    index = index[: index.index("</nav>")]
    anchors = re.findall(r'href="#([\w-]+)"', index)
    assert anchors[:3] == ["summary", "screening", "nominations"]
    assert "diligence" in anchors
    for anchor in anchors:
        assert page.count(f'id="{anchor}"') == 1, anchor
    headings = re.findall(r'<h2 id="([\w-]+)"', page)
    assert [heading for heading in headings if heading != "page-index-title"] == anchors


def test_an_unscreened_candidate_s_decision_has_nothing_ticked(staff_client, child10):
    candidate = a_candidate(child10)

    response = staff_client.get(reverse("candidates:detail", args=[candidate.pk]))

    assert response.context["screening"].form["decision"].value() in ("", None)
    assert 'value="eligible" checked' not in response.content.decode()


def test_an_area_never_touched_and_left_blank_is_not_stored(staff_user, child10):
    candidate = a_candidate(child10)

    check = services.update_check(
        candidate, area="finances", status="not_started", notes="  ", actor=staff_user
    )

    assert (check.pk, check.status) == (None, "not_started")
    assert not DiligenceCheck.objects.filter(candidate=candidate).exists()
    assert not AuditEntry.objects.filter(key="diligence.updated").exists()


def section_of(page: str, anchor: str) -> str:
    section = page[page.index(f'<section aria-labelledby="{anchor}">') :]
    return section[: section.index("</section>")]


def test_a_refused_ready_says_why_in_its_own_section(staff_client, child10):
    candidate = a_candidate(child10)

    response = staff_client.post(
        reverse("candidates:ready", args=[candidate.pk]), {"ready": "yes"}, follow=True
    )
    page = response.content.decode()

    assert "Not ready for the committee yet." in section_of(page, "ready")
    assert "Not ready for the committee yet." not in page[: page.index('class="staff-layout"')]
    assert 'class="message message--error" role="alert"' in section_of(page, "ready")


def test_a_note_added_returns_to_the_notes_saying_so_there(staff_client, child10):
    candidate = a_candidate(child10)

    response = staff_client.post(
        reverse("candidates:note", args=[candidate.pk]), {"text": "Called the chair."}
    )
    page = staff_client.get(response.url).content.decode()

    assert response.url == reverse("candidates:detail", args=[candidate.pk]) + "#notes"
    assert "The note is added." in section_of(page, "notes")
    assert "Called the chair." in section_of(page, "notes")


def test_a_merged_candidate_s_index_names_only_the_sections_it_has(
    staff_client, staff_user, child10
):
    source = a_candidate(child10, "Ljus")
    target = a_candidate(child10, "Röst")
    services.merge_candidates(source, target, actor=staff_user)

    page = staff_client.get(reverse("candidates:detail", args=[source.pk])).content.decode()

    index = page[page.index('class="page-index"') :]
    anchors = re.findall(r'href="#([\w-]+)"', index[: index.index("</nav>")])
    headings = re.findall(r'<h2 id="([\w-]+)"', page)
    assert "screening" not in anchors and "merge" not in anchors
    assert "merges" in anchors
    assert [heading for heading in headings if heading != "page-index-title"] == anchors


def test_the_history_says_what_happened_in_words_in_each_language(staff_client, child10):
    """The candidate page's history reads "Due diligence updated", not `diligence.updated`;
    a key with no wording yet is shown as it is, not hidden."""
    candidate = a_candidate(child10)
    staff_client.post(
        reverse("candidates:diligence", args=[candidate.pk]),
        form_data(finances__status="satisfactory"),
    )
    AuditEntry.objects.create(
        key="some.future_key",
        subject_type=candidate._meta.label_lower,
        subject_id=str(candidate.pk),
    )

    english = staff_client.get(reverse("candidates:detail", args=[candidate.pk])).content
    swedish = staff_client.get(f"/sv/staff/candidates/{candidate.pk}/").content

    history = english.decode()[english.decode().index('id="history"') :]
    assert "Due diligence updated" in history and "diligence.updated" not in history
    assert "some.future_key" in history
    assert "Kontrollerna uppdaterade" in swedish.decode()
