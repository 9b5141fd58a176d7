"""Attacks on what issue 17 built (the secretariat's and the committee's new pages: delegates
changed by laureates, bulk invitations, ...), each as the person who would try it. The tests
that held stay here to keep holding."""

import pytest
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.laureates import services
from laurel.laureates.enums import VisaState
from laurel.laureates.models import VisaRequest
from tests.laureates.summit_helpers import as_form, contact, give, laureate, visa_delegate  # noqa: F401  # noqa: F401
from tests.review.helpers import setting  # noqa: F401
from tests.scenarios import delegate_values

pytestmark = pytest.mark.django_db


# A visa letter staff approved for one person, made for another ---------------------------


def test_a_renamed_delegate_s_visa_letter_needs_staff_approval_again(
    visa_delegate,  # noqa: F811
    contact,  # noqa: F811
    staff_user,
    staff_client,
):
    """Staff check the passport data against the delegate and approve the letter; the laureate
    then renames the delegate. The letter must not be made in the new name with the old
    approval: it goes back to staff, and the change is in the audit log."""
    visa = give(visa_delegate)
    services.confirm_delegate(visa_delegate, actor=staff_user)
    services.approve_visa_letter(visa, actor=staff_user)

    changed = contact.post(
        reverse("laureates:delegate", args=[visa_delegate.pk]),
        as_form(delegate_values(needs_visa=True, full_name="Somebody Else")),
    )
    told = contact.get(changed.url).content.decode()
    letter = staff_client.get(reverse("laureates:visa_letter", args=[visa.pk]))

    visa.refresh_from_db()
    assert changed.status_code == 302
    assert visa.state == VisaState.REQUESTED
    assert visa.approved_by is None
    assert letter.status_code == 302  # refused: "once staff approve the request"
    assert not AuditEntry.objects.filter(key="visa.letter_made").exists()
    assert AuditEntry.objects.filter(key="visa.approval_withdrawn").count() == 1
    assert "the secretariat checks the new details and approves it again" in told


def test_a_change_the_letter_does_not_show_keeps_the_approval(
    visa_delegate,  # noqa: F811
    contact,  # noqa: F811
    staff_user,
):
    visa = give(visa_delegate)
    services.confirm_delegate(visa_delegate, actor=staff_user)
    services.approve_visa_letter(visa, actor=staff_user)

    contact.post(
        reverse("laureates:delegate", args=[visa_delegate.pk]),
        as_form(delegate_values(needs_visa=True, full_name="Olena Shevchenko", phone="+48 2")),
    )

    assert VisaRequest.objects.get().state == VisaState.APPROVED


def test_passport_data_is_deleted_when_the_delegate_no_longer_needs_a_visa(
    visa_delegate,  # noqa: F811
    contact,  # noqa: F811
):
    """Passport data is kept only for a letter: a delegate changed to need no visa keeps none
    (as a withdrawn one), and the letter can no longer be made."""
    from django.db import connection

    give(visa_delegate)

    contact.post(
        reverse("laureates:delegate", args=[visa_delegate.pk]),
        as_form(delegate_values(needs_visa=False, full_name="Olena Shevchenko")),
    )

    visa = VisaRequest.objects.get()
    assert visa.state == VisaState.ERASED
    assert (visa.passport_number, visa.masked) == ("", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT passport_number, date_of_birth FROM laureates_visarequest")
        assert cursor.fetchone() == ("", "")
    assert AuditEntry.objects.filter(key="delegate.changed").count() == 1


# Mass email through the list of invitations ------------------------------------------------


def test_a_pasted_list_cannot_send_thousands_of_invitations(staff_client, child10):
    """A committee is a few people: a list far longer is a mistake or abuse (a mailing list
    pasted by accident, an account taken over), and sends no email at all."""
    from laurel.accounts.forms import MOST_INVITED
    from laurel.accounts.models import Invitation
    from laurel.notifications.models import OutgoingEmail

    people = "\n".join(f"person{n}@example.org" for n in range(MOST_INVITED + 1))
    response = staff_client.post(
        reverse("accounts:invite_list"),
        {"people": people, "role": "committee_member", "cycle": child10.pk, "language": "en",
         "confirmed": "yes", "confirmed_emails": str(MOST_INVITED + 1)},
    )  # fmt: skip

    assert response.status_code == 400
    assert f"at most {MOST_INVITED} people" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not OutgoingEmail.objects.exists()
    # The longest list allowed still goes through its preview.
    allowed = staff_client.post(
        reverse("accounts:invite_list"),
        {"people": "\n".join(people.splitlines()[:MOST_INVITED]), "role": "committee_member",
         "cycle": child10.pk, "language": "en"},
    )  # fmt: skip
    assert allowed.status_code == 200
    assert f"Invite {MOST_INVITED} people" in allowed.content.decode()


# Laureate B's contact against laureate A's delegates ----------------------------------------


@pytest.fixture
def other_contact(laureate, staff_user):  # noqa: F811
    """The contact of another laureate of the same cycle, signed in."""
    from django.test import Client
    from django.utils import timezone

    from laurel.candidates.models import Candidate, Organisation
    from laurel.laureates.models import Contact, Laureate
    from tests.conftest import sign_in
    from tests.factories import laureate_contact

    organisation = Organisation.objects.create(name="Kids First", country="KE")
    candidate = Candidate.objects.create(
        cycle=laureate.cycle, organisation=organisation, name="Kids First", country="KE"
    )
    other = Laureate.objects.create(
        cycle=laureate.cycle, candidate=candidate, accepted_at=timezone.now()
    )
    Contact.objects.create(laureate=other, email="office@kidsfirst.ke", language="en")
    user = laureate_contact(laureate.cycle, "office@kidsfirst.ke")
    client = Client()
    sign_in(client, user)
    return client


def test_another_laureate_cannot_read_change_or_withdraw_a_delegate(
    laureate,  # noqa: F811
    other_contact,
):
    from laurel.laureates.enums import DelegateState
    from laurel.laureates.models import Delegate

    delegate = services.register_delegate(
        laureate, values=delegate_values(dietary="Coeliac", dietary_consent=True), actor=None
    )
    change = reverse("laureates:delegate", args=[delegate.pk])
    withdraw = reverse("laureates:withdraw", args=[delegate.pk])

    read = other_contact.get(change)
    changed = other_contact.post(change, as_form(delegate_values(full_name="Mallory")))
    withdrawn = other_contact.post(withdraw, {"confirmed": "yes"})

    delegate.refresh_from_db()
    assert other_contact.get(reverse("laureates:summit")).status_code == 200  # a real contact
    assert (read.status_code, changed.status_code, withdrawn.status_code) == (404, 404, 404)
    assert "Coeliac" not in read.content.decode()
    assert (delegate.full_name, delegate.state) == ("Maria Kowalska", DelegateState.REGISTERED)
    assert Delegate.objects.count() == 1
    assert not AuditEntry.objects.filter(key__in=["delegate.changed", "delegate.withdrawn"])


# Passport data and the paying account shown in full ----------------------------------------


def test_the_revealed_passport_is_logged_never_cached_and_only_for_staff(
    visa_delegate,  # noqa: F811
    contact,  # noqa: F811
    staff_user,
    staff_client,
):
    visa = give(visa_delegate)
    url = reverse("laureates:reveal_passport", args=[visa.pk])

    as_contact = contact.post(url)
    by_get = staff_client.get(url)
    revealed = staff_client.post(url)

    assert (as_contact.status_code, by_get.status_code) == (404, 405)
    assert "FT123456" in revealed.content.decode()
    assert "no-store" in revealed["Cache-Control"]
    entry = AuditEntry.objects.get(key="visa.passport_revealed")
    assert entry.actor == staff_user and "FT123456" not in str(entry.data)


# Names written by people, shown in the committee's discussion -------------------------------

SCRIPT = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def test_names_in_the_mention_outcome_are_escaped_and_it_is_the_writer_s_alone(
    client, child10, staff_user
):
    from django.test import Client

    from laurel.review.models import Comment
    from tests.conftest import sign_in
    from tests.scenarios import member, ready

    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    alice = member(child10, "alice@example.org")
    bob = member(child10, "bob@example.org")
    bob.full_name = f"Bob {SCRIPT}"
    bob.save()
    sign_in(client, alice)

    posted = client.post(
        reverse("review:comment", args=[candidate.pk]), {"text": f"@bob and @zed {SCRIPT}"}
    )
    page = client.get(posted.url).content.decode()
    comment = Comment.objects.get()
    other = Client()
    sign_in(other, bob)
    as_bob = other.get(
        reverse("review:candidate", args=[candidate.pk]), {"posted": comment.pk}
    ).content.decode()

    assert posted.url.startswith(reverse("review:candidate", args=[candidate.pk]) + "?posted=")
    assert "Notified by email" in page and "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "<script>alert(2)" not in page and "<img src=x" not in page
    assert "Notified by email" not in as_bob  # the outcome is the writer's own
    assert "<script>alert(2)" not in as_bob


# A conflict withdrawn to take part in the decision ------------------------------------------


def test_a_member_cannot_withdraw_a_conflict_once_the_committee_deliberates(
    client, child10, staff_user
):
    """A member who declared a conflict with a candidate (say, they sit on its board) must not
    take the declaration back during the deliberation, when it would let them see its reviews,
    join its discussion and vote on it: then only the secretariat changes the register."""
    from laurel.cycles.enums import Phase
    from laurel.review import services as review
    from laurel.review.models import Conflict
    from tests.conftest import sign_in
    from tests.factories import in_phase
    from tests.scenarios import member, ready

    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff_user)
    alice = member(child10, "alice@example.org")
    conflict = review.declare_conflict(alice, candidate, kind="board")
    sign_in(client, alice)
    during_review = client.get(reverse("review:home")).content.decode()
    in_phase(child10, Phase.DELIBERATION)
    home = client.get(reverse("review:home")).content.decode()

    response = client.post(reverse("review:withdraw", args=[conflict.pk]), follow=True)

    assert Conflict.objects.filter(pk=conflict.pk, state="confirmed").exists()
    assert not AuditEntry.objects.filter(key="conflict.withdrawn").exists()
    assert "Ask the secretariat" in " ".join(str(m) for m in response.context["messages"])
    assert client.get(reverse("review:candidate", args=[candidate.pk])).status_code == 403
    withdraw_url = reverse("review:withdraw", args=[conflict.pk])
    assert withdraw_url in during_review and withdraw_url not in home


# Four eyes on the paying account: the proposer's second account ------------------------------


def test_the_proposer_cannot_approve_with_a_finance_account_they_invited(child10, settings):
    """A finance user who is staff too invites a second address of their own as finance,
    accepts it, and approves their own proposal from there: one person, two accounts. A finance
    user made by the proposer is not the second pair of eyes."""
    from laurel.accounts import services as accounts
    from laurel.accounts.enums import Role
    from laurel.accounts.models import RoleGrant
    from laurel.laureates.enums import PayingAccountState
    from laurel.laureates.services import paying
    from laurel.laureates.services.prize import PrizeError
    from tests.laureates.prize_helpers import NO_DEFAULT, OURS, finance

    settings.PRIZE_DEBTOR = NO_DEFAULT
    mallory = finance("mallory@example.org")
    RoleGrant.objects.create(user=mallory, role=Role.STAFF, cycle=None)
    _invitation, token = accounts.invite(
        "mallory.private@example.org", role=Role.FINANCE, cycle=None, full_name="M",
        language="en", actor=mallory,
    )  # fmt: skip
    second = accounts.accept_invitation(
        token, full_name="M", password="a long enough passphrase 42", language="en"
    )
    honest = finance("controller@example.org")
    proposal = paying.propose_paying_account(child10, actor=mallory, **OURS)

    with pytest.raises(PrizeError, match="four eyes"):
        paying.approve_paying_account(proposal, actor=second)

    proposal.refresh_from_db()
    assert proposal.state == PayingAccountState.PROPOSED
    assert paying.approve_paying_account(proposal, actor=honest).state == "approved"


def test_a_pasted_list_s_names_and_bad_lines_are_shown_escaped(staff_client, child10):
    url = reverse("accounts:invite_list")
    form = {"role": "committee_member", "cycle": child10.pk, "language": "en"}

    bad = staff_client.post(url, form | {"people": SCRIPT})
    preview = staff_client.post(url, form | {"people": f"eve@example.org, {SCRIPT}"})

    for page in (bad.content.decode(), preview.content.decode()):
        assert "<script>alert(2)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in bad.content.decode()
    assert "Invite 1 person" in preview.content.decode()


# Formulas in what members and organisations typed, in the new exports ----------------------


def test_formulas_in_review_comments_and_member_names_reach_no_spreadsheet(staff_client, setting):  # noqa: F811
    """A member's comment, overall comment or name that starts like a formula (= + - @) is
    text in the reviews CSV and workbook, never a formula."""
    import csv
    import io
    from io import BytesIO

    from openpyxl import load_workbook

    from laurel.review import services as review

    candidate, people = setting
    person = people[0]
    person.full_name = '=HYPERLINK("https://evil.example","x")'
    person.save(update_fields=["full_name"])
    review.save_review(
        person, candidate, scores={"1": 4, "2": 3, "3": 5, "4": 2},
        comments={"1": "+cmd|' /C calc'!A0", "2": "@SUM(1)"}, recommendation="maybe",
        overall="-2+3", submit=True,
    )  # fmt: skip
    url = reverse("review:results")

    text = staff_client.get(url, {"format": "csv", "table": "reviews"}).content.decode("utf-8-sig")
    book = load_workbook(BytesIO(staff_client.get(url, {"format": "xlsx"}).content))

    cells = [value for row in csv.reader(io.StringIO(text)) for value in row]
    cells += [c.value for row in book["Reviews"].iter_rows() for c in row]
    cells += [c.value for row in book["Agreement"].iter_rows() for c in row]
    typed = [v for v in cells if isinstance(v, str) and ("HYPERLINK" in v or "calc" in v
             or "SUM" in v or v.endswith("-2+3"))]  # fmt: skip
    assert len(typed) >= 8
    assert all(v.startswith("'") for v in typed)
