"""From the laureate's answer to its area: the welcome, the invitation, media consent, and a
declined place offered to the next reserve."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.models import Invitation
from laurel.laureates import services as laureates
from laurel.laureates.models import Contact, Laureate
from laurel.notifications.models import OutgoingEmail
from laurel.selection import queries, services
from tests.conftest import make_user, sign_in
from tests.laureates import portal_helpers
from tests.laureates.portal_helpers import letter_to, token_of

# Fixtures these tests share with other modules.
announced = portal_helpers.announced


# A reserve offered a place gets its texts with the offer (an amendment to the decision).
OFFER_TEXTS = {"sv": "Svensk text.", "en": "English text."}


def test_accepting_welcomes_the_laureate_and_invites_its_contact(announced, run_tasks):
    place = queries.places(announced)["laureate"][0]
    letter = letter_to(announced, place.candidate)

    services.answer_award(token_of(letter), accept=True)
    run_tasks()

    laureate = Laureate.objects.get()
    assert laureate.candidate == place.candidate
    assert [c.email for c in laureate.contacts.all()] == [letter.to]
    invitation = Invitation.objects.get(email=letter.to)
    assert (invitation.role, invitation.cycle) == ("laureate_contact", announced.cycle)
    # The contact's invitation, and the staff told of the answer (issue 17, item 13).
    assert sorted(m.to for m in mail.outbox) == [[letter.to], ["staff@example.org"]]


def test_the_contact_lands_in_the_programme_and_chooses_what_is_published(
    client, announced, run_tasks
):
    place = queries.places(announced)["laureate"][0]
    letter = letter_to(announced, place.candidate)
    services.answer_award(token_of(letter), accept=True)
    run_tasks()
    link = next(line for m in mail.outbox for line in m.body.splitlines() if "/invitation/" in line)
    contact = accounts.accept_invitation(
        link.rstrip("/").rsplit("/", 1)[1],
        full_name="Office",
        password="correct horse battery staple",
        language="en",
    )

    signed_in = client.post(
        "/en/accounts/login/", {"login": contact.email, "password": "correct horse battery staple"}
    )
    page = client.get(reverse("laureates:home"))
    client.post(
        reverse("laureates:home"),
        {"publish_name": "", "publish_logo": "on", "publish_staff_names": "on", "at_risk": "on"},
    )

    assert signed_in.url == reverse("laureates:home")
    assert f"{place.candidate.name}: your programme" in page.content.decode()
    laureate = Laureate.objects.get()
    assert (laureate.publish_name, laureate.publish_logo) == (False, True)
    assert (laureate.publish_staff_names, laureate.at_risk) == (False, True)  # the opt-out wins
    public = client.get(reverse("selection:laureates")).content.decode()
    assert place.candidate.name not in public
    assert "English text." not in public  # nothing else of it either


def test_another_laureates_contact_sees_nothing_of_it(client, announced):
    first = queries.places(announced)["laureate"][0]
    services.answer_award(token_of(letter_to(announced, first.candidate)), accept=True)
    other = make_user("laureate", cycle=announced.cycle)  # a contact of no laureate here
    sign_in(client, other)

    assert client.get(reverse("laureates:home")).status_code == 404


def test_a_declined_place_is_offered_to_the_reserve(staff_client, announced, run_tasks):
    declined = queries.places(announced)["laureate"][1]
    reserve = queries.places(announced)["reserve"][0]
    services.answer_award(token_of(letter_to(announced, declined.candidate)), accept=False)
    respond_by = timezone.localtime(timezone.now() + timedelta(days=7), announced.cycle.zone)

    response = staff_client.post(
        reverse("selection:offer", args=[declined.pk]),
        {
            f"o{declined.pk}-reserve": reserve.pk,
            f"o{declined.pk}-respond_by": respond_by.strftime("%Y-%m-%dT%H:%M"),
            f"o{declined.pk}-reason": "The laureate declined the award.",
            f"o{declined.pk}-citation_sv": "Hyllning.",
            f"o{declined.pk}-citation_en": "Citation.",
            f"o{declined.pk}-summary_sv": "Stödjer barn.",
            f"o{declined.pk}-summary_en": "Supports children.",
            "confirmed": "yes",
        },
    )
    run_tasks()

    assert response.status_code == 302
    places = queries.places(announced)
    assert [p.candidate for p in places["laureate"]][1] == reserve.candidate
    assert [p.candidate for p in places["declined"]] == [declined.candidate]
    assert Laureate.objects.count() == 0
    offered = OutgoingEmail.objects.get(batch__endswith=f":offer:{reserve.pk}")
    assert (offered.key, offered.state) == ("decision_laureate", "sent")
    told = f"{declined.candidate.name} declined Child10 Award 2022"  # the staff (issue 17)
    assert sorted(m.subject for m in mail.outbox) == sorted([offered.subject, told])
    assert list(queries.announced_laureates(announced.cycle)) == []  # no one accepted yet
    # The promoted reserve's own link works.
    services.answer_award(token_of(offered), accept=True)
    assert Laureate.objects.get().candidate == reserve.candidate


def test_only_a_declined_place_can_be_offered_again(announced, staff_user):
    laureate = queries.places(announced)["laureate"][0]
    reserve = queries.places(announced)["reserve"][0]

    with pytest.raises(services.SelectionError, match="Only a laureate that declined, or did not"):
        services.offer_place(
            laureate, reserve=reserve, respond_by=timezone.now() + timedelta(days=3),
            reason="Declined.", citation=OFFER_TEXTS, summary=OFFER_TEXTS, actor=staff_user,
        )  # fmt: skip
    assert Contact.objects.count() == 0


def test_media_consent_is_audited(announced, staff_user):
    place = queries.places(announced)["laureate"][0]
    services.answer_award(token_of(letter_to(announced, place.candidate)), accept=True)
    laureate = Laureate.objects.get()

    laureates.set_media_consent(
        laureate, publish_name=True, publish_logo=False, publish_staff_names=True,
        at_risk=False, actor=staff_user,
    )  # fmt: skip

    from laurel.core.models import AuditEntry

    entry = AuditEntry.objects.get(key="laureate.media_consent_given")
    assert entry.data == {"name": True, "logo": False, "staff_names": True, "at_risk": False}


def test_a_laureate_silent_past_its_date_leaves_its_place_to_offer(announced, staff_user):
    from laurel.selection.models import Place

    silent = queries.places(announced)["laureate"][0]
    reserve = queries.places(announced)["reserve"][0]
    Place.objects.filter(pk=silent.pk).update(respond_by=timezone.now() - timedelta(minutes=1))

    services.offer_place(
        silent, reserve=reserve, respond_by=timezone.now() + timedelta(days=3),
        reason="No answer in time.", citation=OFFER_TEXTS, summary=OFFER_TEXTS, actor=staff_user,
    )  # fmt: skip

    assert [p.candidate for p in queries.places(announced)["declined"]] == [silent.candidate]
