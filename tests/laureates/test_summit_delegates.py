"""The summit for a laureate's contact (issue 17, item 10): delegates changed and withdrawn
until registration closes (audited), the register form gone with a reason when the places are
taken, the code of conduct linked where delegates are registered, the summit's texts in the
page's language."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from laurel.core.models import AuditEntry
from laurel.cycles.models import Cycle
from laurel.laureates import services
from laurel.laureates.enums import DelegateState, VisaState
from laurel.laureates.models import Delegate, Summit
from tests.conftest import make_user, sign_in
from tests.laureates import summit_helpers
from tests.laureates.summit_helpers import as_form, give, laureate  # noqa: F401
from tests.scenarios import delegate_values

# Fixtures these tests share with other modules.
contact = summit_helpers.contact

pytestmark = pytest.mark.django_db

CONDUCT = {
    "sv": "https://child10.org/sv/uppforandekod",
    "en": "https://child10.org/code-of-conduct",
}


def close_registration(laureate) -> None:  # noqa: F811
    Summit.objects.filter(cycle=laureate.cycle).update(
        registration_closes_at=timezone.now() - timedelta(minutes=1)
    )


def test_the_contact_changes_a_delegate(laureate, contact):  # noqa: F811
    delegate = services.register_delegate(laureate, values=delegate_values(), actor=None)
    url = reverse("laureates:delegate", args=[delegate.pk])

    page = contact.get(url).content.decode()
    saved = contact.post(url, as_form(delegate_values(role="Programme lead", phone="+48 1")))

    delegate.refresh_from_db()
    assert 'value="Maria Kowalska"' in page
    assert "code_of_conduct" not in page  # accepted when registered
    assert saved.status_code == 302
    assert (delegate.role, delegate.phone) == ("Programme lead", "+48 1")
    entry = AuditEntry.objects.get(key="delegate.changed")
    assert entry.data == {"delegate": delegate.pk, "fields": ["role", "phone"]}


def test_a_refused_change_keeps_what_was_typed(laureate, contact):  # noqa: F811
    delegate = services.register_delegate(laureate, values=delegate_values(), actor=None)
    typed = delegate_values(role="Programme lead", leave_on=delegate.arrive_on - timedelta(days=1))

    refused = contact.post(reverse("laureates:delegate", args=[delegate.pk]), as_form(typed))

    assert refused.status_code == 400
    assert 'value="Programme lead"' in refused.content.decode()
    assert "cannot come before the day you arrive" in refused.content.decode()
    assert Delegate.objects.get().role == "Director"


def test_the_contact_withdraws_a_delegate_after_confirming(laureate, contact):  # noqa: F811
    delegate = services.register_delegate(
        laureate, values=delegate_values(needs_visa=True), actor=None
    )
    give(delegate)
    url = reverse("laureates:withdraw", args=[delegate.pk])

    asked = contact.post(url)
    still = Delegate.objects.get().state
    done = contact.post(url, {"confirmed": "yes"})

    assert "Withdraw Maria Kowalska from the summit?" in asked.content.decode()
    assert still == DelegateState.REGISTERED
    assert done.status_code == 302
    delegate.refresh_from_db()
    assert delegate.state == DelegateState.CANCELLED
    assert (delegate.visa.state, delegate.visa.passport_number) == (VisaState.ERASED, "")
    assert AuditEntry.objects.filter(key="delegate.withdrawn").count() == 1
    # The place is free again.
    assert services.places_left(laureate, laureate.cycle.summit) == 2


def test_nothing_changes_after_registration_closes(laureate, contact):  # noqa: F811
    delegate = services.register_delegate(laureate, values=delegate_values(), actor=None)
    close_registration(laureate)

    page = contact.get(reverse("laureates:summit")).content.decode()
    changed = contact.post(
        reverse("laureates:delegate", args=[delegate.pk]), as_form(delegate_values(role="X"))
    )
    contact.post(reverse("laureates:withdraw", args=[delegate.pk]), {"confirmed": "yes"})

    assert reverse("laureates:delegate", args=[delegate.pk]) not in page
    assert "Registration is closed." in page and 'name="full_name"' not in page
    assert changed.status_code == 400 and "Registration is closed." in changed.content.decode()
    delegate.refresh_from_db()
    assert (delegate.role, delegate.state) == ("Director", DelegateState.REGISTERED)
    assert not AuditEntry.objects.filter(key__in=["delegate.changed", "delegate.withdrawn"])


def test_another_laureates_contact_cannot_touch_the_delegate(laureate, staff_user):  # noqa: F811
    delegate = services.register_delegate(laureate, values=delegate_values(), actor=None)
    stranger = Client()
    sign_in(stranger, make_user("laureate", cycle=laureate.cycle))
    staff = Client()
    sign_in(staff, staff_user)

    for client in (stranger, staff, Client()):
        page = client.get(reverse("laureates:delegate", args=[delegate.pk]))
        withdrawn = client.post(
            reverse("laureates:withdraw", args=[delegate.pk]), {"confirmed": "yes"}
        )
        assert page.status_code in (302, 404) and withdrawn.status_code in (302, 404)
        assert withdrawn.status_code == 404 or "/login/" in withdrawn.url
    assert Delegate.objects.get().state == DelegateState.REGISTERED


def test_the_register_form_goes_when_the_places_are_taken(laureate, contact):  # noqa: F811
    services.register_delegate(laureate, values=delegate_values(), actor=None)
    one_left = contact.get(reverse("laureates:summit")).content.decode()
    services.register_delegate(laureate, values=delegate_values(full_name="Piotr"), actor=None)

    full = contact.get(reverse("laureates:summit")).content.decode()

    assert "1 place left." in one_left and 'name="full_name"' in one_left
    assert 'name="full_name"' not in full
    assert "Your 2 places are taken. To send someone else, withdraw a delegate first." in full


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_code_of_conduct_is_linked_in_the_pages_language(laureate, contact, language):  # noqa: F811
    Cycle.objects.filter(pk=laureate.cycle_id).update(code_of_conduct=CONDUCT)

    with translation.override(language):
        page = contact.get(reverse("laureates:summit")).content.decode()
        refused = contact.post(reverse("laureates:summit"), as_form(delegate_values()))

    assert page.count(f'href="{CONDUCT[language]}"') == 2  # with the event, and by the box
    assert refused.status_code == 400
    assert Delegate.objects.count() == 0


def test_without_a_code_of_conduct_nothing_is_asked(laureate, contact):  # noqa: F811
    page = contact.get(reverse("laureates:summit")).content.decode()
    saved = contact.post(reverse("laureates:summit"), as_form(delegate_values()))

    assert "code_of_conduct" not in page
    assert saved.status_code == 302


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [("en", "Child10 Summit 2030", "The summit"), ("sv", "Child10 toppmöte 2030", "Toppmötet")],
)
def test_the_summit_speaks_the_pages_language(laureate, contact, language, title, heading):  # noqa: F811
    with translation.override(language):
        page = contact.get(reverse("laureates:summit")).content.decode()

    assert f"<h1>{heading}</h1>" in page
    assert f'<h2 id="event">{title}</h2>' in page


def test_staff_write_the_summit_in_both_languages(child10, staff_client):
    form = {
        "title_sv": "Toppmöte", "title_en": "Summit", "starts_on": "2030-10-16",
        "ends_on": "2030-10-18", "place": "Stockholm", "address": "Drottninggatan 1",
        "programme_sv": "Dag 1", "programme_en": "Day 1", "ceremony_at": "2030-10-18T18:00",
        "places_per_laureate": "2", "registration_closes_at": "2030-09-01T12:00",
        "accommodation_sv": "", "accommodation_en": "", "costs_sv": "Vi betalar",
        "costs_en": "We pay", "host": "Child10", "signatory": "Anna Svensson",
        "signatory_title": "Director", "passport_days": "30",
    }  # fmt: skip

    missing = staff_client.post(reverse("laureates:staff_summit"), form | {"title_en": ""})
    saved = staff_client.post(reverse("laureates:staff_summit"), form)

    assert missing.status_code == 400
    assert saved.status_code == 302
    summit = Summit.objects.get()
    assert summit.title == {"sv": "Toppmöte", "en": "Summit"}
    assert summit.programme == {"sv": "Dag 1", "en": "Day 1"}
    assert summit.accommodation == {}
    assert summit.costs == {"sv": "Vi betalar", "en": "We pay"}
    page = staff_client.get(reverse("laureates:staff_summit")).content.decode()
    assert 'name="title_sv" value="Toppmöte"' in page and 'lang="sv"' in page


def test_practical_information_goes_in_each_persons_language(
    laureate,  # noqa: F811
    staff_client,
    staff_user,
    run_tasks,
):
    from django.core import mail

    from laurel.laureates.models import Contact

    Contact.objects.filter(laureate=laureate).update(language="sv")
    delegate = services.register_delegate(laureate, values=delegate_values(), actor=None)
    services.confirm_delegate(delegate, actor=staff_user)
    run_tasks()
    mail.outbox.clear()

    services.send_practical_information(
        laureate.cycle.summit,
        subject={"sv": "Din resa", "en": "Your trip"},
        text={"sv": "Vi ses klockan 9.", "en": "See you at 9."},
        actor=staff_user,
    )
    run_tasks()

    sent = {m.to[0]: (m.subject, m.body) for m in mail.outbox}
    assert sent["office@dzieci.pl"][0] == "Din resa"
    assert "Vi ses klockan 9." in sent["office@dzieci.pl"][1]
    assert "Child10 toppmöte 2030" in sent["office@dzieci.pl"][1]
    assert sent["maria@fundacja.pl"][0] in ("Your trip", "Din resa")


def test_a_summit_stored_before_reads_in_both_languages(laureate):  # noqa: F811
    from laurel.laureates.forms import SummitForm

    Summit.objects.filter(cycle=laureate.cycle).update(title="Old title")
    form = SummitForm(instance=Summit.objects.get())

    assert (form["title_sv"].initial, form["title_en"].initial) == ("Old title", "Old title")


def test_the_contacts_summit_page_costs_the_same_queries_for_one_and_many(
    laureate,  # noqa: F811
    contact,
    queries_for_one_and_many,
):
    Summit.objects.filter(cycle=laureate.cycle).update(places_per_laureate=20)

    def add(count):
        for _ in range(count):
            name = f"Delegate {Delegate.objects.count()}"
            delegate = services.register_delegate(
                laureate, values=delegate_values(full_name=name, needs_visa=True), actor=None
            )
            give(delegate)

    one, many = queries_for_one_and_many(
        lambda: contact.get(reverse("laureates:summit")), add, many=5
    )

    assert one == many
