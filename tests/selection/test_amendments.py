"""Changes after the lock are amendments: dated, signed, with their own reason (and the
citation and description of a laureate coming in, in Swedish and English), listed on the
decision page and in the report; the locked record itself never changes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from laurel.candidates.models import Organisation
from laurel.cycles.enums import Phase
from laurel.selection import queries, services
from laurel.selection.models import Amendment, Decision, Place
from tests.factories import in_phase
from tests.laureates.portal_helpers import announced, letter_to, token_of  # noqa: F401
from tests.pdf import pdf_text

REASON = "Fundacja declined: the board could not travel to the summit."
CITATION = {"sv": "För modigt stöd till barn.", "en": "For brave support of children."}
SUMMARY = {"sv": "Stödjer barn som utsatts.", "en": "Supports children who were harmed."}


@pytest.fixture
def declined(announced):  # noqa: F811
    in_phase(announced.cycle, Phase.DECIDED)
    place = queries.places(announced)["laureate"][1]
    services.answer_award(token_of(letter_to(announced, place.candidate)), accept=False)
    return Place.objects.select_related("candidate").get(pk=place.pk)


def offer(client, declined, reserve, **changes):
    respond_by = timezone.localtime(
        timezone.now() + timedelta(days=7), declined.decision.cycle.zone
    )
    data = {
        "reserve": reserve.pk,
        "respond_by": respond_by.strftime("%Y-%m-%dT%H:%M"),
        "reason": REASON,
        "citation_sv": CITATION["sv"],
        "citation_en": CITATION["en"],
        "summary_sv": SUMMARY["sv"],
        "summary_en": SUMMARY["en"],
    } | changes
    return client.post(
        reverse("selection:offer", args=[declined.pk]),
        {f"o{declined.pk}-{name}": value for name, value in data.items()} | {"confirmed": "yes"},
    )


def test_an_offer_is_an_amendment_with_the_reserves_texts_and_the_record_stays(
    staff_client, staff_user, declined
):
    before = Decision.objects.get()
    reserve = queries.places(before)["reserve"][0]

    response = offer(staff_client, declined, reserve)

    assert response.status_code == 302
    amendment = Amendment.objects.get(kind="reserve_promoted")
    assert (amendment.kind, amendment.place, amendment.incoming, amendment.by) == (
        "reserve_promoted",
        declined,
        reserve,
        staff_user,
    )
    assert (amendment.reason, amendment.citation, amendment.summary) == (
        REASON,
        CITATION,
        SUMMARY,
    )
    promoted = Place.objects.get(pk=reserve.pk)
    assert (promoted.role, promoted.citation, promoted.summary) == ("laureate", CITATION, SUMMARY)
    after = Decision.objects.get()
    assert (after.record, after.record_hash) == (before.record, before.record_hash)
    page = staff_client.get(reverse("selection:decision")).content.decode()
    assert "A reserve was offered a place" in page
    assert f"{declined.candidate.name} → {reserve.candidate.name}" in page
    assert REASON in page
    assert f"signed by {staff_user.full_name or staff_user.email}" in page
    text = pdf_text(staff_client.get(reverse("selection:report")).content)
    assert "Amendments after the lock" in text
    assert REASON in text
    assert f"Citation in English: {CITATION['en']}" in text
    assert before.record_hash in text


def test_an_offer_without_its_reason_or_texts_changes_nothing(staff_client, declined):
    reserve = queries.places(declined.decision)["reserve"][0]

    without_reason = offer(staff_client, declined, reserve, reason="")
    without_citation = offer(staff_client, declined, reserve, citation_en="")

    assert without_reason.status_code == without_citation.status_code == 400
    assert CITATION["sv"] in without_citation.content.decode()  # nothing typed is lost
    assert not Amendment.objects.filter(kind="reserve_promoted").exists()
    assert Place.objects.get(pk=reserve.pk).role == "reserve"
    assert Place.objects.get(pk=declined.pk).role == "laureate"


def test_the_service_refuses_an_offer_without_texts(staff_user, declined):
    reserve = queries.places(declined.decision)["reserve"][0]

    with pytest.raises(services.SelectionError, match="in Swedish and English"):
        services.offer_place(
            declined, reserve=reserve, respond_by=timezone.now() + timedelta(days=3),
            reason=REASON, citation={"sv": "Bara svenska."}, summary=SUMMARY, actor=staff_user,
        )  # fmt: skip

    assert not Amendment.objects.filter(kind="reserve_promoted").exists()
    assert Place.objects.get(pk=reserve.pk).role == "reserve"


def test_a_decline_through_the_link_is_recorded_as_signed_by_the_link(staff_client, declined):
    # The fixture declined through answer_award, as the laureate's private page does.
    amendment = Amendment.objects.get(decision=declined.decision)
    assert (amendment.kind, amendment.place_id, amendment.by) == (
        "laureate_declined",
        declined.pk,
        None,
    )

    page = staff_client.get(reverse("selection:decision")).content.decode()

    assert "A laureate declined the award" in page
    assert "through the laureate's private link" in page
    assert "declined the award on its letter's private page" in page


def test_a_draft_decision_takes_no_amendment(staff_user, declined):
    Decision.objects.filter(pk=declined.decision_id).update(state="draft")

    with pytest.raises(services.SelectionError, match="not locked yet"):
        services.record_amendment(
            Decision.objects.get(), kind="laureate_withdrawn", place=declined, reason="x",
            actor=staff_user,
        )  # fmt: skip


def test_an_offer_asks_for_confirmation_naming_the_email_first(staff_client, declined):
    reserve = queries.places(declined.decision)["reserve"][0]
    respond_by = timezone.localtime(
        timezone.now() + timedelta(days=7), declined.decision.cycle.zone
    )
    data = {
        "reserve": reserve.pk, "respond_by": respond_by.strftime("%Y-%m-%dT%H:%M"),
        "reason": REASON, "citation_sv": CITATION["sv"], "citation_en": CITATION["en"],
        "summary_sv": SUMMARY["sv"], "summary_en": SUMMARY["en"],
    }  # fmt: skip

    response = staff_client.post(
        reverse("selection:offer", args=[declined.pk]),
        {f"o{declined.pk}-{name}": value for name, value in data.items()},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert f"{reserve.candidate.name} takes the place of {declined.candidate.name}" in body
    assert "1 email will be sent to people outside the secretariat." in body
    assert not Amendment.objects.filter(kind="reserve_promoted").exists()
    assert Place.objects.get(pk=reserve.pk).role == "reserve"


def test_a_decline_through_the_link_reads_in_the_readers_language(staff_client, declined):
    """The laureate declined on an English page; a Swedish reader of the decision reads why in
    Swedish, and the locked slate is called locked, not "as it stands"."""
    with translation.override("sv"):
        page = staff_client.get(reverse("selection:decision")).content.decode()

    assert "Pristagaren tackade nej till priset på brevets privata sida." in page
    assert "The laureate declined the award" not in page
    assert "Urvalet som det låstes" in page
    assert "Urvalet som det ser ut nu" not in page


def test_a_refused_offer_keeps_the_reserves_texts_beside_the_reason(staff_client, declined):
    reserve = queries.places(declined.decision)["reserve"][0]
    Organisation.objects.filter(pk=reserve.candidate.organisation_id).update(contact_email="")
    reserve.candidate.claims.all().delete()  # nor an address it answered its consent link from

    response = offer(staff_client, declined, reserve)

    assert response.status_code == 409
    body = response.content.decode()
    assert f"No contact email for {reserve.candidate.name}" in body
    for text in (REASON, *CITATION.values(), *SUMMARY.values()):
        assert text in body
    assert not Amendment.objects.filter(kind="reserve_promoted").exists()
    assert Place.objects.get(pk=reserve.pk).role == "reserve"
