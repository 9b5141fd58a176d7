"""Decision letters use the contacts staff keep: each letter's language and recipient, changed
per letter before release; organisations without a contact named, not blocking; hand edits
kept when the letters are written again (unless discarded); the private link outside the text;
release only through the confirmation step, counting the emails by kind."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.candidates.models import Candidate
from laurel.cycles.enums import Phase
from laurel.notifications.models import OutgoingEmail
from laurel.selection import services
from laurel.selection.models import Decision, Letter
from tests.conftest import make_user, shared_world, sign_in
from tests.factories import in_phase
from tests.scenarios import member
from tests.selection.helpers import decided_with_letters, write_letters


def _decide(cycle, staff):
    decision = decided_with_letters(cycle, staff, laureates=2, reserves=1, count=4)
    in_phase(cycle, Phase.DECIDED)
    return decision.pk


# Built once for the module (tests.conftest.shared_world), each test in a savepoint of its own.
world, child10, staff_user = shared_world(_decide)


@pytest.fixture
def decision(world, db):
    """Two laureates (Ljusglimt and Trygga Nätet), one reserve (Barnens Röst), all Swedish, and
    one candidate not selected (Netzwerk Kinderschutz, DE); their letters prepared."""
    mail.outbox.clear()
    return Decision.objects.get(pk=world.value)


def letter_about(name: str, kind: str = "decision_laureate") -> Letter:
    return Letter.objects.select_related("email").get(candidate__name=name, kind=kind)


def test_the_letter_language_follows_the_contact_then_the_country_then_the_nominations(
    decision, staff_user
):
    german = Candidate.objects.get(name="Netzwerk Kinderschutz")
    swedish = Candidate.objects.get(name="Trygga Nätet")
    screening.set_contact(german, name="", email="info@netzwerk.de", language="", actor=staff_user)
    screening.set_contact(swedish, name="", email="info@trygga.se", language="", actor=staff_user)
    guessed = (services.letter_language(german), services.letter_language(swedish))
    german.languages = ["sv"]  # its nominations were written in Swedish
    chosen = screening.set_contact(
        swedish, name="", email="info@trygga.se", language="en", actor=staff_user
    )

    assert guessed == ("en", "sv")
    assert services.letter_language(german) == "sv"
    assert (chosen.language, services.letter_language(Candidate.objects.get(pk=swedish.pk))) == (
        "en",
        "en",
    )


def test_organisations_without_a_contact_are_named_and_the_others_get_their_letters(
    decision, staff_user, staff_client
):
    for name in ("Barnens Röst", "Trygga Nätet", "Netzwerk Kinderschutz"):
        candidate = Candidate.objects.get(name=name)
        screening.set_contact(candidate, name="", email="", language="", actor=staff_user)
        candidate.claims.all().delete()  # not even the address it answered from

    write_letters(decision, staff_user)
    page = staff_client.get(reverse("selection:letters")).content.decode()

    assert services.without_contact(decision) == {
        "decision_laureate": ["Trygga Nätet"],
        "decision_reserve": ["Barnens Röst"],
        "decision_not_selected": ["Netzwerk Kinderschutz"],
    }
    assert list(Letter.objects.exclude(kind="decision_nominator").values_list("kind", "to")) == [
        ("decision_laureate", "office@candidate0.se")
    ]
    assert Letter.objects.filter(kind="decision_nominator").count() == 4
    assert "No contact, so no letter" in page
    assert "Laureate: Trygga Nätet" in page
    assert "Reserve: Barnens Röst" in page
    assert "Not selected: Netzwerk Kinderschutz" in page


def test_writing_the_letters_again_keeps_hand_edits_unless_staff_discard_them(
    decision, staff_user, staff_client
):
    edited = letter_about("Ljusglimt")
    other = letter_about("Trygga Nätet")
    staff_client.post(
        reverse("selection:letter", args=[edited.pk]),
        {"subject": "Grattis!", "text": "Kära vänner,\n\nNi är pristagare."},
    )
    dates = {
        "announce_at": timezone.localtime(timezone.now(), decision.cycle.zone).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "respond_by": timezone.localtime(
            timezone.now() + timedelta(days=10), decision.cycle.zone
        ).strftime("%Y-%m-%dT%H:%M"),
    }

    again = staff_client.post(reverse("selection:letters"), dates)
    kept = letter_about("Ljusglimt")
    discarded_response = staff_client.post(
        reverse("selection:letters"), dates | {"discard_edits": "on"}
    )
    discarded = letter_about("Ljusglimt")

    assert again.status_code == discarded_response.status_code == 302
    assert (kept.pk, kept.subject, kept.body, kept.edited) == (
        edited.pk,
        "Grattis!",
        "Kära vänner,\n\nNi är pristagare.",
        True,
    )
    assert kept.email.body_text.startswith("Kära vänner,\n\nNi är pristagare.\n\nSvara senast")
    assert kept.email_id != edited.email_id  # written anew, with a new link
    assert letter_about("Trygga Nätet").body == other.body
    assert not discarded.edited
    assert discarded.body.startswith("Hej Ljusglimt!\n\nGrattis! Urvalskommittén")
    held = OutgoingEmail.objects.filter(batch=services.batch_of(decision), state="held")
    assert held.count() == Letter.objects.count()


def test_staff_change_a_letters_recipient_and_language_and_it_leaves_so_with_a_working_link(
    decision, staff_user, staff_client, run_tasks
):
    letter = letter_about("Trygga Nätet")
    assert (letter.language, letter.to) == ("sv", "office@candidate1.se")

    changed = staff_client.post(
        reverse("selection:letter", args=[letter.pk]),
        {"to": "Board@Trygga-Natet.org", "language": "en"},
        follow=True,
    )
    write_letters(decision, staff_user)  # the change survives writing the letters again
    asked = staff_client.post(reverse("selection:release"))
    released = staff_client.post(reverse("selection:release"), {"confirmed": "yes"}, follow=True)
    run_tasks()
    run_tasks()

    assert "The letter now goes to Board@Trygga-Natet.org, in English." in changed.content.decode()
    assert "Release the decision letters and announce the decision?" in asked.content.decode()
    assert Decision.objects.get().state == "announced"
    assert "letters are on their way" in released.content.decode()
    letters = [m for m in mail.outbox if m.subject.startswith("Child10 Award 2022:")]
    assert [m.to for m in letters if m.to == ["office@candidate1.se"]] == []
    sent = [m for m in mail.outbox if m.to == ["board@trygga-natet.org"]]
    assert len(sent) == 1
    assert sent[0].subject == "Child10 Award 2022: your organisation is a laureate"
    assert sent[0].body.startswith("Dear Trygga Nätet,\n\nCongratulations!")
    link = next(line for line in sent[0].body.splitlines() if "/laureate/" in line)
    assert "/en/laureate/" in link
    place = services.answer_award(link.rsplit("/laureate/", 1)[1].strip("/"), accept=True)
    assert place.candidate.name == "Trygga Nätet"


def test_release_asks_first_and_counts_the_emails_by_kind(decision, staff_client):
    asked = staff_client.post(reverse("selection:release"))

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "2 letters to laureates, each with its private link to accept" in page
    assert "1 letter to a reserve" in page
    assert "1 letter to a candidate not selected" in page
    assert "4 letters to nominators" in page
    assert "cannot be taken back" in page
    assert Decision.objects.get().state == "locked"
    assert services.letters(decision).exclude(state="held").count() == 0


def test_a_sent_letter_cannot_change(decision, staff_user, staff_client):
    services.release_letters(decision, actor=staff_user)
    letter = letter_about("Ljusglimt")

    page = staff_client.post(
        reverse("selection:letter", args=[letter.pk]),
        {"subject": "Changed", "text": "Changed."},
        follow=True,
    ).content.decode()

    assert "This letter has left the outbox: it cannot change." in page
    assert letter_about("Ljusglimt").subject == letter.subject


@pytest.mark.parametrize("role", ["chair", "member", "finance"])
def test_only_staff_see_change_or_release_the_letters(client, decision, child10, role):
    letter = letter_about("Ljusglimt")
    if role == "finance":
        user = make_user("finance")
    else:
        user = member(child10, f"another-{role}@example.org")
        if role == "chair":
            user.role_grants.update(role="committee_chair")
    sign_in(client, user)

    responses = [
        client.get(reverse("selection:letters")),
        client.get(reverse("selection:letter", args=[letter.pk])),
        client.post(
            reverse("selection:letter", args=[letter.pk]), {"to": "x@example.org", "language": "en"}
        ),
        client.post(reverse("selection:release"), {"confirmed": "yes"}),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404, 404]
    assert letter_about("Ljusglimt").to == letter.to
    assert Decision.objects.get().state == "locked"


def test_the_letters_page_takes_the_same_queries_for_few_and_many_letters(
    decision, staff_client, queries_for_one_and_many
):
    candidate = Candidate.objects.get(name="Ljusglimt")

    def add(n):
        for number in range(n):
            to = f"extra{Letter.objects.count()}-{number}@example.org"
            email = OutgoingEmail.objects.create(key="decision_reserve", to=to, language="en")
            Letter.objects.create(
                decision=decision, kind="decision_nominator", candidate=candidate, to=to,
                language="en", subject="S", body="T", email=email,
            )  # fmt: skip

    page = reverse("selection:letters")
    one, many = queries_for_one_and_many(lambda: staff_client.get(page), add)

    assert one == many


def test_writing_the_letters_again_offers_the_dates_they_were_written_with(
    decision, staff_client, child10
):
    """Both dates come back in the award's local time, so writing again asks for neither."""
    page = staff_client.get(reverse("selection:letters")).content.decode()

    decision.refresh_from_db()
    place = decision.places.exclude(respond_by=None).first()
    for name, moment in (("announce_at", decision.announce_at), ("respond_by", place.respond_by)):
        local = timezone.localtime(moment, child10.zone).strftime("%Y-%m-%dT%H:%M")
        assert f'name="{name}" value="{local}"' in page
    assert "<td>English</td>" in page or "<td>Swedish</td>" in page  # a language, not a code
