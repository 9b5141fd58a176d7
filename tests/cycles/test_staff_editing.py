import pytest
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.cycles.enums import DATE_FIELDS

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """What the browser would send back for an unchanged form."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        data[name] = field.widget.format_value(value) if name in DATE_FIELDS else value
    return data


def test_staff_edit_the_cycle_texts_and_dates(staff_client, staff_user, child10):
    url = reverse("staff:cycle_edit", args=[child10.slug])
    data = form_data(staff_client.get(url))
    data["theme_sv"] = "Genom nätet"
    data["laureate_count"] = 12

    response = staff_client.post(url, data)

    child10.refresh_from_db()
    assert response.status_code == 302
    assert child10.theme == {"sv": "Genom nätet", "en": "Slipping through the net"}
    assert child10.laureate_count == 12
    entry = AuditEntry.objects.get(key="cycle.updated")
    assert entry.data == {"fields": ["laureate_count", "theme"]}
    assert entry.actor == staff_user


def test_dates_out_of_order_are_refused_beside_the_field_keeping_the_input(staff_client, child10):
    url = reverse("staff:cycle_edit", args=[child10.slug])
    data = form_data(staff_client.get(url))
    data["review_open_at"] = "2020-01-01T10:00"
    data["theme_en"] = "Typed but not saved"

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "review_open_at": ["Must be later than “Nominations close (the last minute that counts)”."]
    }
    assert 'value="Typed but not saved"' in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_deadline_minute_counts_in_full(staff_client, child10):
    url = reverse("staff:cycle_edit", args=[child10.slug])
    data = form_data(staff_client.get(url))
    data["nominations_close_at"] = "2027-01-20T23:59"

    staff_client.post(url, data)

    child10.refresh_from_db()
    local = child10.nominations_close_at.astimezone(child10.zone)
    assert local.isoformat() == "2027-01-20T23:59:59+01:00"


def test_staff_edit_a_criterion_with_its_guidance(staff_client, child10):
    url = reverse("staff:criterion_edit", args=[child10.slug, 2])
    data = form_data(staff_client.get(url))
    data["weight"] = "2.5"
    data["guidance_5_en"] = "Exemplary rights-based work."

    staff_client.post(url, data)

    criterion = child10.criteria.get(number=2)
    assert str(criterion.weight) == "2.50"
    assert criterion.guidance["5"]["en"] == "Exemplary rights-based work."
    assert AuditEntry.objects.filter(key="criterion.updated").count() == 1


def test_staff_edit_what_the_laureates_receive(staff_client, child10):
    url = reverse("staff:benefit_edit", args=[child10.slug, 4])
    data = form_data(staff_client.get(url))
    data["text_en"] = "SEK 100,000 each."

    staff_client.post(url, data)

    assert child10.benefits.get(number=4).text["en"] == "SEK 100,000 each."


def test_an_empty_required_text_is_refused(staff_client, child10):
    url = reverse("staff:cycle_edit", args=[child10.slug])
    data = form_data(staff_client.get(url))
    data["name_sv"] = ""

    response = staff_client.post(url, data)

    assert response.context["form"].errors == {"name_sv": ["This field is required."]}
