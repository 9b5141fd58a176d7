"""Attacks on sanctions screening (issue 21): the hit queue and its four-eyes decisions, the
payment page's screening, the signatory form and the screening record, each over HTTP as the
person who would try it: a second tab, a replayed post, a crafted form, finance, a committee
member, a laureate's contact (of this laureate or another), a nominator, someone signed out.
The tests that held stay here to keep holding."""

import logging
import threading
from datetime import date, timedelta

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from laurel.core.models import AuditEntry
from laurel.laureates import services as prize
from laurel.laureates.models import Contact, Laureate
from laurel.laureates.services import payees as payees_module
from laurel.laureates.services.prize import PrizeError
from laurel.sanctions.enums import HitState, ScreenedRole
from laurel.sanctions.matching import ORGANISATION, PERSON
from laurel.sanctions.models import Hit, Screening
from laurel.sanctions.queries import queue
from laurel.sanctions.services import import_list
from laurel.sanctions.services.screening import Subject, blocking, decide, screen
from tests.conftest import enrol_totp, make_user, sign_in
from tests.factories import (
    CandidateFactory,
    HitFactory,
    PaymentFactory,
    RoleGrantFactory,
    ScreeningFactory,
    UserFactory,
)
from tests.laureates.prize_helpers import OURS, PROOF, details, finance, laureate  # noqa: F401
from tests.pdf import pdf_text
from tests.sanctions.helpers import edited, fixture

pytestmark = pytest.mark.django_db

QUEUE = reverse("sanctions:queue")
SCRIPT = '<script>alert("x")</script>'
# The laureate fixture's name, written onto the EU list's company: its own screening and its
# account holder's hit a strong match.
LISTED_LAUREATE = ("eu", 'wholeName="Nordlicht Handels GmbH"', 'wholeName="Trygga Natet AB"')


def a_staff_member():
    user = UserFactory()
    RoleGrantFactory(user=user, role="staff", cycle=None)
    enrol_totp(user)
    return user


@pytest.fixture
def hits(db):
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    screen(
        [
            Subject("person:1", ScreenedRole.PERSON, PERSON, "Alexander Verbitsky"),
            Subject("laureate:1", ScreenedRole.LAUREATE, ORGANISATION, "Nordlicht Handels AB"),
        ]
    )
    return {hit.screening.subject: hit for hit in Hit.objects.select_related("screening")}


def other_laureate(cycle, name="Barnens Röst"):
    """Another laureate of the same cycle (made as its acceptance leaves it)."""
    candidate = CandidateFactory(cycle=cycle, organisation__name=name, ready=True)
    return Laureate.objects.create(cycle=cycle, candidate=candidate, accepted_at=timezone.now())


def other_laureates_contact(cycle):
    """A contact of another laureate of the same cycle, signed in with the laureate role."""
    user = make_user("laureate", cycle)
    Contact.objects.create(laureate=other_laureate(cycle), email=user.email, user=user)
    return user


def own_contact(laureate):  # noqa: F811
    """A contact of the laureate itself, tied by its account."""
    user = UserFactory(email="own@trygga.se", full_name="Karin Ek")
    RoleGrantFactory(user=user, role="laureate", cycle=laureate.cycle)
    Contact.objects.create(laureate=laureate, email=user.email, user=user)
    return user


def verified_payment(laureate, requester):  # noqa: F811
    prize.save_bank_details(laureate, details=details(), proof=PROOF, proof_kind="pdf", actor=None)
    payment = prize.request_payment(laureate, actor=requester)
    return prize.verify_payment(
        payment, actor=requester, account=prize.current_account(laureate).pk
    )


def outsiders(cycle, laureate=None):  # noqa: F811
    """Every role that must not reach the screening: (role, user or None), signed out last."""
    people = [
        ("committee", make_user("committee", cycle)),
        ("other_laureate", other_laureates_contact(cycle)),
        ("nominator", make_user("plain")),
    ]
    if laureate is not None:
        people.append(("own_laureate", own_contact(laureate)))
    return [*people, ("anonymous", None)]


def as_(client, user):
    client.logout()
    if user is not None:
        sign_in(client, user)
    return client


def only_refusals(got: dict[str, str]) -> dict[str, str]:
    """What `got` must be: the sign-in page for the signed out, 404 for everyone else."""
    return {key: "login" if key.startswith("anonymous") else "404" for key in got}


def refused(response) -> str:
    """404 for a signed-in role the page does not exist for; the sign-in page for no one."""
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return str(response.status_code)


# The hit and its decision.


def test_no_one_but_staff_decides_a_hit_by_a_crafted_post(client, hits, child10, staff_user):
    strong = hits["laureate:1"]
    url = reverse("sanctions:hit", args=[strong.pk])
    people = [("finance", make_user("finance")), *outsiders(child10)]

    got = {}
    for role, user in people:
        for decision in ("clear", "confirm"):
            answer = as_(client, user).post(
                url, {"decision": decision, "confirmed": "yes", "reason": "Fine."}
            )
            got[f"{role} {decision}"] = refused(answer)

    assert got == only_refusals(got)
    strong.refresh_from_db()
    assert (strong.state, strong.first_cleared_by, strong.decided_by) == (HitState.OPEN, None, None)
    assert not AuditEntry.objects.filter(key__startswith="sanctions.hit_").exists()


def test_the_queue_and_a_hit_are_out_of_reach_but_of_staff_and_finance(
    client, hits, child10, staff_user
):
    hit_url = reverse("sanctions:hit", args=[hits["person:1"].pk])
    got = {}
    for role, user in outsiders(child10):
        for page, url in (
            ("queue", QUEUE),
            ("hit", hit_url),
            ("no such hit", reverse("sanctions:hit", args=[10**6])),
        ):
            answer = as_(client, user).get(url)
            got[f"{role} {page}"] = refused(answer)
            assert "Verbitsky" not in answer.content.decode()
    finance_reads = as_(client, make_user("finance")).get(hit_url)
    missing = as_(client, staff_user).get(reverse("sanctions:hit", args=[10**6]))

    assert got == only_refusals(got)
    # Finance reads the screened name (a payment waits on it), with no way to decide.
    assert finance_reads.status_code == 200
    assert "Alexander Verbitsky" in finance_reads.content.decode()
    assert 'name="decision"' not in finance_reads.content.decode()
    assert missing.status_code == 404


def test_one_member_of_staff_cannot_clear_a_strong_hit_twice_in_two_tabs(client, hits):
    first, second = a_staff_member(), a_staff_member()
    strong = hits["laureate:1"]
    url = reverse("sanctions:hit", args=[strong.pk])

    as_(client, first)
    tabs = [client.get(url), client.get(url)]  # both tabs show the form
    cleared = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "A Swedish association."}
    )
    other_tab = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "Again, from the other tab."}
    )
    own_confirm = client.post(
        url, {"decision": "confirm", "confirmed": "yes", "reason": "Or confirm it myself."}
    )
    reloaded = client.get(url).content.decode()
    as_(client, second)
    agreed = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "Registry checked: agreed."}
    )
    replayed = client.post(
        url, {"decision": "confirm", "confirmed": "yes", "reason": "Back, then resend."}
    )

    assert all('name="decision"' in tab.content.decode() for tab in tabs)
    assert cleared.status_code == agreed.status_code == 302
    for answer in (other_tab, own_confirm):
        assert answer.status_code == 400
        assert "another member of staff must agree" in answer.content.decode()
    assert 'name="decision"' not in reloaded  # the first sees no form to agree with themself
    assert replayed.status_code == 400
    assert "This hit was decided already." in replayed.content.decode()
    strong.refresh_from_db()
    assert (strong.state, strong.first_cleared_by, strong.decided_by) == (
        HitState.CLEARED,
        first,
        second,
    )
    assert strong.reason == "Registry checked: agreed."
    assert AuditEntry.objects.filter(key__startswith="sanctions.hit_").count() == 2


def test_a_decision_neither_clear_nor_confirm_is_refused_not_taken_as_clearing(client, hits):
    """The form's buttons send "clear" or "confirm"; anything else (a crafted or garbled post,
    a button whose value was translated) must not clear a hit as a false match."""
    as_(client, a_staff_member())
    answers = []
    for hit in hits.values():
        url = reverse("sanctions:hit", args=[hit.pk])
        for decision in ("Confirm", "confirmed", ""):
            answers.append(
                client.post(url, {"decision": decision, "confirmed": "yes", "reason": "Checked."})
            )
        answers.append(client.post(url, {"reason": "No button at all."}))

    assert {answer.status_code for answer in answers} == {400}
    assert "Choose whether the hit is a false match" in answers[0].content.decode()
    assert set(Hit.objects.values_list("state", flat=True)) == {HitState.OPEN}
    assert not AuditEntry.objects.filter(key__startswith="sanctions.hit_").exists()


def test_a_hit_of_a_screening_replaced_since_is_not_decided(client, hits):
    """An import screens the name again: the page open from before decides nothing (its hit
    no longer counts), and says so, pointing to the newest screening's hit."""
    staff = a_staff_member()
    old = hits["person:1"]
    url = reverse("sanctions:hit", args=[old.pk])
    as_(client, staff)
    client.get(url)
    newer = edited("eu", 'generationDate="2026-11-30', 'generationDate="2026-12-05')
    import_list(source="eu", data=newer, file_name="eu-2.xml")
    new = Hit.objects.get(screening__subject="person:1", screening__current=True)

    posted = client.post(url, {"decision": "clear", "confirmed": "yes", "reason": "Born in 1990."})
    page = client.get(url).content.decode()

    old.refresh_from_db()
    new.refresh_from_db()
    assert posted.status_code == 409
    assert (old.state, new.state) == (HitState.OPEN, HitState.OPEN)
    assert "screened again since" in posted.content.decode()
    assert 'name="decision"' not in page
    assert reverse("sanctions:hit", args=[new.pk]) in page


def test_a_decision_needs_the_csrf_token_and_no_other_method(hits):
    staff = a_staff_member()
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, staff)
    url = reverse("sanctions:hit", args=[hits["person:1"].pk])

    forged = strict.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "From another site."}
    )
    put = as_(Client(), staff).put(url)

    assert forged.status_code == 403
    assert put.status_code == 405
    assert Hit.objects.get(pk=hits["person:1"].pk).state == HitState.OPEN


def test_a_screened_name_is_text_on_the_queue_and_the_hit(client, db):
    hit = HitFactory(screening=ScreeningFactory(name=f"Anna {SCRIPT} Lindqvist"), strong=False)
    as_(client, a_staff_member())

    queue = client.get(QUEUE).content.decode()
    page = client.get(reverse("sanctions:hit", args=[hit.pk])).content.decode()

    for shown in (queue, page):
        assert SCRIPT not in shown
        assert "&lt;script&gt;" in shown


def test_a_decision_works_in_swedish_too(client, hits):
    first, second = a_staff_member(), a_staff_member()
    strong = hits["laureate:1"]
    with translation.override("sv"):
        url = reverse("sanctions:hit", args=[strong.pk])
        queue = reverse("sanctions:queue")
    as_(client, first)

    page = client.get(url)
    cleared = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "En svensk förening."}
    )
    as_(client, second)
    agreed = client.post(
        url, {"decision": "clear", "confirmed": "yes", "reason": "Registret kollat."}
    )

    assert url.startswith("/sv/")
    assert page.status_code == 200 and 'lang="sv"' in page.content.decode()
    assert cleared.status_code == agreed.status_code == 302
    assert agreed["Location"] == queue
    assert Hit.objects.get(pk=strong.pk).state == HitState.CLEARED


# The payment's screening: the signatory form and the record.


def test_screening_a_signatory_or_reading_the_record_is_staffs_and_finances_alone(
    client,
    laureate,  # noqa: F811
    staff_user,
):
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    payment = verified_payment(laureate, finance("f1@example.org"))
    screen_url = reverse("laureates:screen_signatory", args=[payment.pk])
    record_url = reverse("laureates:screening_record", args=[payment.pk])
    before = Screening.objects.count()

    got = {}
    for role, user in outsiders(laureate.cycle, laureate):
        as_(client, user)
        got[f"{role} screen"] = refused(client.post(screen_url, {"name": "Anna Lindqvist"}))
        got[f"{role} record"] = refused(client.get(record_url))
        got[f"{role} page"] = refused(client.get(reverse("laureates:payment", args=[payment.pk])))
    as_(client, staff_user)
    get_screen = client.get(screen_url)
    no_payment = client.post(
        reverse("laureates:screen_signatory", args=[10**6]), {"name": "Anna Lindqvist"}
    )
    no_record = client.get(reverse("laureates:screening_record", args=[10**6]))

    assert got == only_refusals(got)
    assert got["own_laureate record"] == "404"  # the laureate never reads its own screening
    assert get_screen.status_code == 405
    assert no_payment.status_code == no_record.status_code == 404
    assert Screening.objects.count() == before
    assert not AuditEntry.objects.filter(key="payment.screening_record_printed").exists()


def test_the_signatory_form_needs_the_csrf_token(laureate):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, requester)
    before = Screening.objects.count()

    forged = strict.post(
        reverse("laureates:screen_signatory", args=[payment.pk]), {"name": "Anna Lindqvist"}
    )

    assert forged.status_code == 403
    assert Screening.objects.count() == before


def test_the_signatory_form_refuses_what_is_no_persons_name_date_or_country(
    client,
    laureate,  # noqa: F811
):
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    url = reverse("laureates:screen_signatory", args=[payment.pk])
    as_(client, requester)
    before = Screening.objects.count()
    tomorrow = timezone.localdate() + timedelta(days=1)

    posts = {
        "too long": {"name": "A" * 201},
        "huge": {"name": "A" * 2_000_000},
        "a null": {"name": "Anna\x00Lindqvist"},
        "only spaces": {"name": "   "},
        "no country": {"name": "Anna Lindqvist", "citizenship": "XX"},
        "no date": {"name": "Anna Lindqvist", "born": "1968-02-30"},
        "born tomorrow": {"name": "Alexander Verbitsky", "born": tomorrow.isoformat()},
        "born in 9999": {"name": "Alexander Verbitsky", "born": "9999-12-31"},
        "born in 1000": {"name": "Alexander Verbitsky", "born": "1000-01-01"},
    }
    got = {why: client.post(url, post).status_code for why, post in posts.items()}

    assert got.pop("huge") in {400, 413}  # refused before any form reads it
    assert set(got.values()) == {400}, str(got)
    assert Screening.objects.count() == before


def test_invisible_characters_in_a_signatorys_name_are_refused_not_screened_as_a_miss(
    client,
    laureate,  # noqa: F811
):
    """A name pasted with a character that shows as a space but is none (a Hangul filler) or
    shows as nothing (a zero-width space) reads as one word to matching, and misses the list."""
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    url = reverse("laureates:screen_signatory", args=[payment.pk])
    as_(client, requester)
    before = Screening.objects.count()

    answers = [
        client.post(url, {"name": f"Alexander{hidden}Verbitsky"})
        for hidden in ("\u3164", "\u200b", "\u2063", "\x1b")
    ]

    assert [answer.status_code for answer in answers] == [400] * 4
    assert "characters that do not show" in answers[0].content.decode()
    assert Screening.objects.count() == before


def test_a_signatorys_name_is_text_on_the_page_and_in_the_pdf(client, laureate):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    as_(client, requester)
    name = f'Anna <img src="file:///etc/passwd"> {SCRIPT} Lindqvist'

    posted = client.post(
        reverse("laureates:screen_signatory", args=[payment.pk]), {"name": name}, follow=True
    )
    page = posted.content.decode()
    text = pdf_text(client.get(reverse("laureates:screening_record", args=[payment.pk])).content)

    assert posted.status_code == 200
    assert SCRIPT not in page and '<img src="file' not in page
    assert "&lt;script&gt;" in page
    assert "<script>" in text and "Lindqvist" in text  # printed as the text it is
    assert "root:" not in text


def test_a_signatory_is_not_screened_for_a_payment_paid_or_cancelled(
    client,
    laureate,  # noqa: F811
):
    """The page hides the form once the payment is paid or cancelled; a post from a page open
    from before (or the Back button) must not screen anyone for it."""
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    prize.cancel_payment(payment, actor=requester)
    as_(client, requester)

    posted = client.post(
        reverse("laureates:screen_signatory", args=[payment.pk]), {"name": "Anna Lindqvist"}
    )

    assert posted.status_code == 409
    assert not Screening.objects.filter(subject__startswith="signatory:").exists()


def test_the_record_of_one_payment_shows_nothing_of_another(client, laureate, staff_user):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    ours = verified_payment(laureate, requester)
    other = other_laureate(laureate.cycle)
    theirs = prize.request_payment(other, actor=requester)
    as_(client, requester)
    client.post(
        reverse("laureates:screen_signatory", args=[theirs.pk]), {"name": "Sigrid Theirsdottir"}
    )
    client.post(reverse("laureates:screen_signatory", args=[ours.pk]), {"name": "Anna Ours"})

    page = client.get(reverse("laureates:payment", args=[ours.pk])).content.decode()
    text = pdf_text(client.get(reverse("laureates:screening_record", args=[ours.pk])).content)

    for shown in (page, text):
        assert "Anna Ours" in shown
        assert "Sigrid" not in shown and "Barnens" not in shown


def test_the_payment_page_and_signatory_form_work_in_swedish(client, laureate):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    with translation.override("sv"):
        page_url = reverse("laureates:payment", args=[payment.pk])
        screen_url = reverse("laureates:screen_signatory", args=[payment.pk])
        record_url = reverse("laureates:screening_record", args=[payment.pk])
    as_(client, requester)

    page = client.get(page_url)
    posted = client.post(screen_url, {"name": "Anna Lindqvist", "born": "1970-05-01"})
    record = client.get(record_url)

    assert page.status_code == 200 and 'lang="sv"' in page.content.decode()
    assert posted.status_code == 302 and posted["Location"].startswith(page_url)
    assert record.status_code == 200 and record["Content-Type"] == "application/pdf"


# Approval: whom the payment pays, as they are when it is approved.


def test_a_payee_renamed_after_screening_is_screened_again_before_approval(laureate):  # noqa: F811
    """The organisation corrects its name (the claim page), a contact's name is corrected:
    the lists are the same, but the name screened is not the one paid."""
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    first, second = finance("f1@example.org"), finance("f2@example.org")
    contact = own_contact(laureate)
    payment = verified_payment(laureate, first)
    assert not Hit.objects.exists()  # "Trygga Nätet" and "Karin Ek" are on no list

    laureate.candidate.name = "Nordlicht Handels AB"
    laureate.candidate.save(update_fields=["name"])
    type(contact).objects.filter(pk=contact.pk).update(full_name="Alexander Verbitsky")
    with pytest.raises(PrizeError, match="sanctions screening is clear") as refusal:
        prize.approve_payment(payment, actor=second)

    screened = dict(Screening.objects.filter(current=True).values_list("subject", "name"))
    assert screened[f"laureate:{laureate.pk}"] == "Nordlicht Handels AB"
    assert "Alexander Verbitsky" in screened.values()
    assert f"laureate:{laureate.pk}: a hit on Nordlicht Handels GmbH" in str(refusal.value)
    # The refusal names the payee by its key and the listed name, never the name it was paid.
    assert "Alexander Verbitsky" not in str(refusal.value)


def test_new_bank_details_after_verification_are_verified_and_screened_again(laureate):  # noqa: F811
    """The laureate changes the account after finance verified it: the payment goes back to be
    verified, and the new account's holder is screened before it can be approved."""
    import_list(source="eu", data=edited(*LISTED_LAUREATE), file_name="eu.xml")
    first, second = finance("f1@example.org"), finance("f2@example.org")
    staff, other_staff = a_staff_member(), a_staff_member()
    payment = verified_payment(laureate, first)
    for hit in Hit.objects.filter(screening__current=True):  # the older ones count no more
        decide(hit, clear=True, reason="Swedish association, registry checked.", actor=staff)
        decide(Hit.objects.get(pk=hit.pk), clear=True, reason="Agreed.", actor=other_staff)
    old_account = payment.account

    new = prize.save_bank_details(
        laureate,
        details=details(holder="Trygga Nätet AB", iban="SE3550000000054910000003"),
        proof=PROOF,
        proof_kind="pdf",
        actor=None,
    )
    payment.refresh_from_db()
    with pytest.raises(PrizeError):
        prize.approve_payment(payment, actor=second)  # requested again: verify first
    payment = prize.verify_payment(payment, actor=first, account=new.pk)
    with pytest.raises(PrizeError, match=f"account:{new.pk}: a hit"):
        prize.approve_payment(payment, actor=second)

    assert new.pk != old_account.pk
    assert Screening.objects.get(subject=f"account:{new.pk}", current=True).hits.get().strong


def test_a_contact_added_after_verification_is_screened_before_approval(laureate):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    first, second = finance("f1@example.org"), finance("f2@example.org")
    payment = verified_payment(laureate, first)
    late = UserFactory(email="late@trygga.se", full_name="Alexander Verbitsky")
    contact = Contact.objects.create(laureate=laureate, email=late.email, user=late)

    with pytest.raises(PrizeError, match=f"contact:{contact.pk}: a hit"):
        prize.approve_payment(payment, actor=second)

    # The screening approval made stays when approval is refused: its hit waits in the queue
    # for staff (rolled back with the refusal, it was never there to decide).
    hit = Hit.objects.get(screening__subject=f"contact:{contact.pk}", screening__current=True)
    assert hit in queue()


def test_no_payees_name_reaches_the_audit_log_or_the_logs(client, laureate, caplog):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    staff = a_staff_member()
    as_(client, requester)
    caplog.set_level(logging.INFO)

    client.post(
        reverse("laureates:screen_signatory", args=[payment.pk]),
        {"name": "Alexander Verbitsky", "born": "1968-04-09"},
    )
    hit = Hit.objects.get(screening__subject__startswith="signatory:")
    as_(client, staff)
    client.post(
        reverse("sanctions:hit", args=[hit.pk]),
        {
            "decision": "confirm",
            "confirmed": "yes",
            "reason": "The passport's number is the list's.",
        },
    )
    as_(client, finance("f2@example.org"))
    refused_page = client.post(
        reverse("laureates:step", args=[payment.pk, "approve"]), follow=True
    ).content.decode()

    written = " ".join(f"{e.summary} {e.data}" for e in AuditEntry.objects.all())
    assert "signatory" in written and "Verbitsky" not in written
    assert "Verbitsky" not in caplog.text
    assert "sanctions screening is clear" in refused_page
    assert "Alexander Verbitsky" not in refused_page.split("Sanctions screening")[0]
    assert Hit.objects.get(pk=hit.pk).state == HitState.CONFIRMED
    payment.refresh_from_db()
    assert payment.state == "verified"


# A character that shows as nothing, or as a blank, parts two words as a space does
# (core.characters.spaced, read by candidates.letters.ascii_lower and so by screening).


@pytest.mark.parametrize("between", ["\u3164", "\u200b", "\u2063", "\u00ad", "\ufeff", "\u0007"])
def test_an_invisible_character_in_a_contacts_name_does_not_dodge_the_lists(laureate, between):  # noqa: F811
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    first = finance("f1@example.org")
    user = UserFactory(email="hidden@trygga.se", full_name=f"Alexander{between}Verbitsky")
    contact = Contact.objects.create(laureate=laureate, email=user.email, user=user)

    verified_payment(laureate, first)

    assert Screening.objects.get(subject=f"contact:{contact.pk}", current=True).hits.exists()


def test_a_payee_listed_after_approval_is_not_in_the_bank_file(client, laureate, settings):  # noqa: F811
    """Approved on Monday, the organisation is listed on Tuesday (the daily import screens it
    again and a strong hit opens): Wednesday's bank file must not pay it."""
    settings.PRIZE_DEBTOR = OURS
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    first, second = finance("f1@example.org"), finance("f2@example.org")
    payment = prize.approve_payment(verified_payment(laureate, first), actor=second)
    listed = (
        edited(*LISTED_LAUREATE)
        .decode()
        .replace('generationDate="2026-11-30', 'generationDate="2026-12-05', 1)
    )
    import_list(source="eu", data=listed.encode(), file_name="eu-2.xml")
    hit = Hit.objects.get(screening__subject=f"laureate:{laureate.pk}", screening__current=True)
    as_(client, first)

    answer = client.post(
        f"{reverse('laureates:pain001')}?cycle={laureate.cycle.slug}",
        {"execution_date": "2030-03-15"},
        follow=True,
    )

    assert hit.state == HitState.OPEN and hit.strong
    assert answer["Content-Type"].startswith("text/html")
    assert payment.reference in answer.content.decode()
    assert "sanctions screening" in answer.content.decode()
    assert not AuditEntry.objects.filter(key="payments.exported").exists()


def test_a_signatory_screened_with_no_list_imported_is_not_said_to_be_screened(
    client,
    laureate,  # noqa: F811
):
    """Before the first import nothing can be screened: the form said "Screened" and kept no
    one, so the person was never screened after the lists came either."""
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    as_(client, requester)

    posted = client.post(
        reverse("laureates:screen_signatory", args=[payment.pk]),
        {"name": "Alexander Verbitsky"},
    )

    assert posted.status_code == 409
    assert "Screened against the current sanctions lists." not in posted.content.decode()
    assert "No sanctions list is imported yet" in posted.content.decode()


def test_a_double_click_on_the_signatory_form_screens_the_person_once(
    client,
    laureate,  # noqa: F811
):
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    requester = finance("f1@example.org")
    payment = verified_payment(laureate, requester)
    url = reverse("laureates:screen_signatory", args=[payment.pk])
    as_(client, requester)

    for _click in range(2):
        client.post(url, {"name": "Alexander Verbitsky", "born": "1968-04-09"})
    client.post(url, {"name": "Alexander  Verbitsky ", "born": "1968-04-09"})  # as good as

    current = Screening.objects.filter(subject__startswith="signatory:", current=True)
    assert current.count() == 1
    assert Hit.objects.filter(screening__in=current).count() == 1  # one hit to decide, not three


def test_a_signatory_screened_while_the_payment_is_approved_holds_the_bank_file(
    client,
    laureate,  # noqa: F811
    settings,
):
    """Approval and a new hit racing: a signatory screened (with a hit) just after the payment
    was approved. The bank file is the last gate, and reads the screening as it is then."""
    settings.PRIZE_DEBTOR = OURS
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    first, second = finance("f1@example.org"), finance("f2@example.org")
    payment = prize.approve_payment(verified_payment(laureate, first), actor=second)
    as_(client, first)

    client.post(
        reverse("laureates:screen_signatory", args=[payment.pk]),
        {"name": "Alexander Verbitsky", "born": "1968-04-09"},
    )
    held = client.post(
        f"{reverse('laureates:pain001')}?cycle={laureate.cycle.slug}",
        {"execution_date": "2030-03-15"},
    )
    staff = a_staff_member()
    as_(client, staff)
    hit = Hit.objects.get(screening__subject__startswith="signatory:")
    client.post(
        reverse("sanctions:hit", args=[hit.pk]),
        {
            "decision": "clear",
            "confirmed": "yes",
            "reason": "Born 1968-04-09 in Lund, passport SE 123: a namesake.",
        },
    )
    as_(client, first)
    paid = client.post(
        f"{reverse('laureates:pain001')}?cycle={laureate.cycle.slug}",
        {"execution_date": "2030-03-15"},
    )

    assert held.status_code == 302  # back to the payments, with the reason: no file
    assert Hit.objects.get(pk=hit.pk).state == HitState.CLEARED  # another spelling: one clears
    assert paid.status_code == 200 and paid["Content-Type"] == "application/xml"
    assert AuditEntry.objects.filter(key="payments.exported").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once")
def test_two_signatories_screened_at_once_are_two_payees():
    """Two tabs screen two people for one laureate at the same moment: each took the next
    number before the other's screening was written, both became "signatory:N:1", and the
    payment read one of them only (the one without the hit, if it was screened last)."""
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    payment = PaymentFactory()
    first, second = finance("f1@example.org"), finance("f2@example.org")

    def other_tab():
        try:
            payees_module.screen_signatory(
                payment, name="Anna Lindqvist", born=None, citizenship="", actor=second
            )
        finally:
            connection.close()

    tab = threading.Thread(target=other_tab)
    with transaction.atomic():  # the first tab's request, still writing
        payees_module.screen_signatory(
            payment, name="Alexander Verbitsky", born=date(1968, 4, 9), citizenship="", actor=first
        )
        tab.start()
        tab.join(timeout=2)
    tab.join(timeout=30)

    subjects = payees_module.payees(payment)
    people = [s for s in subjects if s.key.startswith("signatory:")]
    assert sorted(s.name for s in people) == ["Alexander Verbitsky", "Anna Lindqvist"]
    assert len({s.key for s in people}) == 2
    assert any("a hit on" in problem for problem in blocking([s.key for s in subjects]))


def test_a_reason_too_long_or_only_spaces_decides_nothing(client, hits):
    as_(client, a_staff_member())
    url = reverse("sanctions:hit", args=[hits["person:1"].pk])

    answers = [
        client.post(url, {"decision": "clear", "confirmed": "yes", "reason": reason})
        for reason in ("x" * 2001, " \n\t ", "")
    ]

    assert [answer.status_code for answer in answers] == [400, 400, 400]
    assert Hit.objects.get(pk=hits["person:1"].pk).state == HitState.OPEN


def test_approving_a_payment_not_verified_screens_no_one(laureate):  # noqa: F811
    """A crafted approval of a payment paid, cancelled or not yet verified is refused before
    it screens anyone (it screened, then was refused)."""
    import_list(source="eu", data=fixture("eu"), file_name="eu.xml")
    first, second = finance("f1@example.org"), finance("f2@example.org")
    payment = prize.request_payment(laureate, actor=first)
    Contact.objects.create(
        laureate=laureate,
        email="late@trygga.se",
        user=UserFactory(email="late@trygga.se", full_name="Alexander Verbitsky"),
    )
    before = Screening.objects.count()

    with pytest.raises(PrizeError, match="cannot move"):
        prize.approve_payment(payment, actor=second)

    assert Screening.objects.count() == before
