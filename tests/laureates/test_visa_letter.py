"""The visa invitation letter a consulate reads (issue 17, item 5): the nationality as a
country, dates in one spelled-out format, a reference, the organiser's phone and email to
verify it, a signature block; in English and in Swedish. Staff check the full passport data
on demand before approving, and that reading is logged."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.cycles.models import Cycle
from laurel.laureates import documents, services
from laurel.laureates.models import VisaRequest
from tests.conftest import make_user, sign_in
from tests.laureates.summit_helpers import give, laureate, visa_delegate  # noqa: F401
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture
def approved(visa_delegate, staff_user):  # noqa: F811
    Cycle.objects.filter(pk=visa_delegate.laureate.cycle_id).update(phone="+46 8 123 456 78")
    visa = give(visa_delegate, nationality="MA", date_of_birth=date(1985, 4, 2))
    services.confirm_delegate(visa_delegate, actor=staff_user)
    return services.approve_visa_letter(visa, actor=staff_user)


def letter(visa, staff_user, language: str) -> str:
    visa = VisaRequest.objects.select_related("delegate__laureate__cycle").get(pk=visa.pk)
    data = services.letter_data(visa, actor=staff_user)
    return pdf_text(
        documents.visa_letter(data, visa.delegate.laureate.cycle.summit, language=language)
    )


def test_the_english_letter_reads_right(approved, staff_user):
    text = letter(approved, staff_user, "en")

    assert "born on 2 April 1985, a national of Morocco, holding passport number FT123456" in text
    assert "valid until 1 January 2033" in text
    assert "from 16 October 2030 to 18 October 2030" in text
    assert "citizen of" not in text and "Moroccan" not in text
    assert ISO_DATE.findall(text) == []  # every date spelled out, none in ISO beside them
    reference = f"C10-2022-VISA-{approved.pk:04d}"
    assert f"Our reference {reference}" in text
    assert (
        f"To verify this letter, contact us quoting the reference {reference}: "
        "by phone on +46 8 123 456 78 or by email at award@child10.org." in text
    )
    assert "Yours faithfully, Signature ____" in text
    assert text.endswith("Anna Svensson Director Child10 1/1")


def test_the_swedish_letter_reads_right(approved, staff_user):
    text = letter(approved, staff_user, "sv")

    assert "Inbjudningsbrev" in text
    assert "född den 2 april 1985, medborgare i Marocko, med passnummer FT123456" in text
    assert "giltigt till och med den 1 januari 2033" in text
    assert "från den 16 oktober 2030 till den 18 oktober 2030" in text
    assert "Child10 toppmöte 2030" in text and "Child10 betalar resa, logi och måltider." in text
    assert ISO_DATE.findall(text) == []
    assert f"Vår referens C10-2022-VISA-{approved.pk:04d}" in text
    assert "på telefon +46 8 123 456 78 eller via e-post till award@child10.org." in text
    assert "Med vänliga hälsningar Underskrift ____" in text


def test_an_adjective_cannot_stand_for_the_country(visa_delegate):  # noqa: F811
    with pytest.raises(services.SummitError, match="Choose the country") as refused:
        give(visa_delegate, nationality="Moroccan")

    assert refused.value.field == "nationality"
    assert VisaRequest.objects.count() == 0


def test_the_contact_chooses_the_country_from_a_list(visa_delegate, client):  # noqa: F811
    from laurel.accounts.models import RoleGrant
    from tests.factories import UserFactory, tie_contacts

    contact = UserFactory(email="office@dzieci.pl")
    RoleGrant.objects.create(
        user=contact, role="laureate_contact", cycle=visa_delegate.laureate.cycle
    )
    tie_contacts(contact)
    sign_in(client, contact)

    page = client.get(reverse("laureates:summit")).content.decode()
    client.post(
        reverse("laureates:passport", args=[visa_delegate.pk]),
        {"passport_number": "ab 123", "nationality": "MA", "date_of_birth": "1985-04-02",
         "passport_expires_on": "2033-01-01"},
    )  # fmt: skip

    assert re.search(
        r'<select name="nationality"[^>]*>\s*<option value="">Choose the country', page
    )
    assert '<option value="MA">Morocco</option>' in page
    assert VisaRequest.objects.get().nationality == "MA"


def test_staff_see_the_masked_number_until_they_ask(approved, staff_client, staff_user):
    url = reverse("laureates:visa", args=[approved.pk])

    masked = staff_client.get(url).content.decode()
    revealed = staff_client.post(reverse("laureates:reveal_passport", args=[approved.pk]))

    assert "•••• 456" in masked and "FT123456" not in masked
    assert AuditEntry.objects.filter(key="visa.passport_revealed").count() == 1
    page = revealed.content.decode()
    assert revealed.status_code == 200
    assert "<strong>FT123456</strong>" in page
    assert "Morocco" in page and "2 April 1985" in page and "1 January 2033" in page
    entry = AuditEntry.objects.get(key="visa.passport_revealed")
    assert (entry.actor, entry.data) == (staff_user, {"visa": approved.pk})


def test_staff_approve_from_the_request_page(visa_delegate, staff_client, staff_user):  # noqa: F811
    visa = give(visa_delegate)
    services.confirm_delegate(visa_delegate, actor=staff_user)

    page = staff_client.get(reverse("laureates:visa", args=[visa.pk])).content.decode()
    response = staff_client.post(reverse("laureates:approve_visa", args=[visa.pk]))
    after = staff_client.get(response.url).content.decode()

    assert "Approve the request" in page
    assert response.url == reverse("laureates:visa", args=[visa.pk])
    assert f"{reverse('laureates:visa_letter', args=[visa.pk])}?language=sv" in after
    assert "The letter in Swedish (PDF)" in after and "The letter in English (PDF)" in after


def test_the_letter_download_is_in_the_language_asked(approved, staff_client):
    url = reverse("laureates:visa_letter", args=[approved.pk])

    swedish = staff_client.get(url, {"language": "sv"})
    unknown = staff_client.get(url, {"language": "xx"})

    assert "medborgare i Marocko" in pdf_text(swedish.content)
    assert "a national of Morocco" in pdf_text(unknown.content)
    assert swedish["Content-Disposition"].endswith(f'VISA-{approved.pk:04d}-sv.pdf"')


@pytest.mark.parametrize("role", ["anonymous", "committee", "finance", "laureate"])
def test_nobody_else_sees_the_passport_data(approved, role):
    user = make_user(role, cycle=approved.delegate.laureate.cycle)
    client = Client()
    if user is not None:
        sign_in(client, user)

    page = client.get(reverse("laureates:visa", args=[approved.pk]))
    revealed = client.post(reverse("laureates:reveal_passport", args=[approved.pk]))

    assert page.status_code in (302, 404) and revealed.status_code in (302, 404)
    assert "FT123456" not in revealed.content.decode()
    assert AuditEntry.objects.filter(key="visa.passport_revealed").count() == 0
