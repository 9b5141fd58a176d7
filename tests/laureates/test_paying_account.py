"""The account the prizes are paid from (issue 17, item 7): finance sets it in the app per cycle,
encrypted at rest; one finance user proposes, a second approves (four eyes); every step audited
with the accounts masked; the environment only as the default; the bank file uses it at once."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from lxml import etree

from laurel.core.models import AuditEntry
from laurel.laureates import exports
from laurel.laureates.models import Payment
from laurel.laureates.models.prize import PayingAccount
from laurel.laureates.services import paying
from laurel.laureates.services.prize import PrizeError
from tests.conftest import make_user, sign_in
from tests.factories import RoleGrantFactory, UserFactory
from tests.laureates import prize_helpers as test_prize
from tests.laureates.prize_helpers import NO_DEFAULT, OURS, approved_payment, finance

laureate = test_prize.laureate  # an accepted laureate in the programme phase

OURS_IBAN = "SE3550000000054910000003"
DEFAULT = {"name": "Server default", "iban": "SE4550000000058398257466", "bic": "ESSESESS"}


@pytest.fixture
def no_default(settings):
    settings.PRIZE_DEBTOR = NO_DEFAULT


def proposed_by_first(cycle):
    """Two finance users, the first of whom has proposed OURS: (first, second, proposal)."""
    first, second = finance("p1@example.org"), finance("p2@example.org")
    proposal = paying.propose_paying_account(cycle, actor=first, **OURS)
    return first, second, proposal


def test_a_proposed_account_takes_effect_only_when_a_second_finance_user_approves(
    child10, no_default
):
    _first, second, proposal = proposed_by_first(child10)

    before = paying.debtor_for(child10)
    paying.approve_paying_account(proposal, actor=second)
    after = paying.debtor_for(child10)

    assert before is None
    assert (after.name, after.iban, after.bic, after.masked) == (
        "Child10 Foundation", OURS_IBAN, "ESSESESS", "SE •••• 0003",
    )  # fmt: skip
    assert PayingAccount.objects.get().decided_by == second


def test_the_proposer_cannot_approve_their_own_account(child10, no_default):
    first, _second, proposal = proposed_by_first(child10)

    with pytest.raises(PrizeError, match="another finance user must approve it"):
        paying.approve_paying_account(proposal, actor=first)

    assert PayingAccount.objects.get().state == "proposed"
    assert paying.debtor_for(child10) is None
    assert not AuditEntry.objects.filter(key="paying_account.approved").exists()


def test_the_proposer_is_refused_on_the_page_too_and_sees_no_approve_button(
    client, child10, no_default
):
    first, _second, proposal = proposed_by_first(child10)
    sign_in(client, first)

    page = client.get(reverse("laureates:paying_account")).content.decode()
    response = client.post(
        reverse("laureates:approve_paying_account", args=[proposal.pk]), {"confirmed": "yes"}
    )

    assert "Check and approve the account" not in page
    assert "another finance user must approve it (four eyes)" in page
    assert response.status_code == 302
    assert PayingAccount.objects.get().state == "proposed"
    assert not AuditEntry.objects.filter(key="paying_account.revealed").exists()


def test_the_second_user_sees_the_account_in_full_on_a_logged_confirmation_step(
    client, child10, no_default
):
    _first, second, proposal = proposed_by_first(child10)
    sign_in(client, second)
    url = reverse("laureates:approve_paying_account", args=[proposal.pk])

    step = client.post(url)
    state_after_step = PayingAccount.objects.get().state
    done = client.post(url, {"confirmed": "yes"})

    assert step.status_code == 200
    assert "SE35 5000 0000 0549 1000 0003" in step.content.decode()  # grouped in fours
    assert state_after_step == "proposed"  # nothing happens before the second post
    assert AuditEntry.objects.filter(key="paying_account.revealed", actor=second).count() == 1
    assert done.status_code == 302
    assert PayingAccount.objects.get().state == "approved"


def test_finance_proposes_on_the_page_and_bad_input_is_kept_beside_its_field(
    client, child10, no_default
):
    first = finance("p1@example.org")
    sign_in(client, first)
    url = reverse("laureates:paying_account")

    bad = client.post(url, OURS | {"iban": "SE35 5000 0000 0549 1000 0004"})
    good = client.post(url, OURS)

    assert bad.status_code == 400
    assert "not a valid IBAN" in bad.content.decode()
    assert 'value="Child10 Foundation"' in bad.content.decode()
    assert good.status_code == 302
    assert PayingAccount.objects.get().iban == OURS_IBAN


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"iban": "SE3550000000054910000004"}, "iban", "not a valid IBAN"),  # checksum
        ({"iban": "SE35500000000549100000"}, "iban", "not a valid IBAN"),  # length
        ({"bic": "ESSE"}, "bic", "not a valid BIC"),
        ({"bic": "ESSEXXSS"}, "bic", "not a valid BIC"),  # no such country
        ({"bic": "COBADEFFXXX"}, "bic", "another country than the IBAN"),
        ({"name": "  "}, "name", "account holder"),
        ({"name": "x" * 71}, "name", "at most 70 characters"),
    ],
)
def test_a_wrong_iban_bic_or_name_is_refused_with_its_field(child10, changes, field, message):
    with pytest.raises(PrizeError, match=message) as refused:
        paying.propose_paying_account(child10, actor=finance("p1@example.org"), **(OURS | changes))

    assert refused.value.field == field
    assert PayingAccount.objects.count() == 0


def test_a_second_proposal_waits_until_the_first_is_decided(child10, no_default):
    first, second, proposal = proposed_by_first(child10)

    with pytest.raises(PrizeError, match="waiting for approval already"):
        paying.propose_paying_account(child10, actor=second, **OURS)
    paying.reject_paying_account(proposal, actor=first)  # the proposer withdraws it
    again = paying.propose_paying_account(child10, actor=second, **OURS)

    assert [a.state for a in PayingAccount.objects.order_by("pk")] == ["rejected", "proposed"]
    assert again.proposed_by == second


def test_approving_a_new_account_replaces_the_old_one_and_audits_both_masked(child10, no_default):
    first, second, proposal = proposed_by_first(child10)
    paying.approve_paying_account(proposal, actor=second)

    change = paying.propose_paying_account(child10, actor=second, **DEFAULT)
    paying.approve_paying_account(change, actor=first)

    assert [a.state for a in PayingAccount.objects.order_by("pk")] == ["replaced", "approved"]
    proposed = AuditEntry.objects.filter(key="paying_account.proposed").order_by("pk")
    approved = AuditEntry.objects.filter(key="paying_account.approved").order_by("pk")
    assert [(e.actor, e.data["old"], e.data["new"]) for e in proposed] == [
        (first, "", "SE •••• 0003"),
        (second, "SE •••• 0003", "SE •••• 7466"),
    ]
    assert [(e.actor, e.data["proposed_by"], e.data["old"], e.data["new"]) for e in approved] == [
        (second, "p1@example.org", "", "SE •••• 0003"),
        (first, "p2@example.org", "SE •••• 0003", "SE •••• 7466"),
    ]


def test_a_copy_of_the_database_does_not_reveal_the_iban(child10, no_default):
    _first, second, proposal = proposed_by_first(child10)
    paying.approve_paying_account(proposal, actor=second)

    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from Django)
            dump.extend(str(value) for row in cursor.fetchall() for value in row)
    everything = "\n".join(dump)

    assert PayingAccount.objects.get().iban == OURS_IBAN  # readable with the key
    for secret in (OURS_IBAN, "SE35 5000", "54910000003"):
        assert secret not in everything
    assert "SE •••• 0003" in everything  # what screens and the audit log show


# Who may: finance only; the superuser flag and the staff role open nothing.
NOT_FINANCE = ["staff", "committee", "laureate", "plain", "superuser", "chair"]


def not_finance(role, cycle):
    if role == "superuser":
        user = UserFactory(email="root@example.org", is_superuser=True)
        RoleGrantFactory(user=user, role="staff", cycle=None)
        return user
    if role == "chair":
        user = UserFactory(email="chair@example.org")
        RoleGrantFactory(user=user, role="committee_chair", cycle=cycle)
        return user
    return make_user(role, cycle=cycle)


@pytest.mark.parametrize("role", NOT_FINANCE)
def test_no_other_role_can_see_propose_approve_or_reject_the_account(
    client, child10, no_default, role
):
    from tests.conftest import enrol_totp

    _first, _second, proposal = proposed_by_first(child10)
    user = not_finance(role, child10)
    if role in ("superuser", "chair"):
        enrol_totp(user)
    sign_in(client, user)

    responses = [
        client.get(reverse("laureates:paying_account")),
        client.post(reverse("laureates:paying_account"), DEFAULT),
        client.post(
            reverse("laureates:approve_paying_account", args=[proposal.pk]), {"confirmed": "yes"}
        ),
        client.post(reverse("laureates:reject_paying_account", args=[proposal.pk])),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    assert "SE •••• 0003" not in responses[0].content.decode()
    assert list(PayingAccount.objects.values_list("state", flat=True)) == ["proposed"]
    with pytest.raises(PrizeError, match="Only finance"):
        paying.propose_paying_account(child10, actor=user, **DEFAULT)
    with pytest.raises(PrizeError, match="Only finance"):
        paying.approve_paying_account(proposal, actor=user)


def test_anonymous_is_sent_to_sign_in(client, child10, no_default):
    _first, _second, proposal = proposed_by_first(child10)

    response = client.post(reverse("laureates:approve_paying_account", args=[proposal.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert PayingAccount.objects.get().state == "proposed"


def test_the_bank_file_pays_from_the_approved_account_not_the_default(laureate, settings):
    settings.PRIZE_DEBTOR = DEFAULT
    _first, second, proposal = proposed_by_first(laureate.cycle)
    paying.approve_paying_account(proposal, actor=second)
    requester, _payment = approved_payment(laureate)

    content = exports.approved_file(
        [Payment.objects.select_related("account", "laureate").get()],
        actor=requester,
        execution_date=date(2022, 3, 15),
    )

    document = etree.fromstring(content)
    ns = {"p": exports.NS}
    assert document.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=ns) == OURS_IBAN
    assert document.findtext(".//p:Dbtr/p:Nm", namespaces=ns) == "Child10 Foundation"
    assert AuditEntry.objects.get(key="payments.exported").data["paid_from"] == "SE •••• 0003"


def test_without_an_account_the_payments_page_says_so_and_links_to_setting_it(
    laureate, client, no_default
):
    requester, _payment = approved_payment(laureate)
    sign_in(client, requester)

    response = client.post(
        f"{reverse('laureates:pain001')}?cycle={laureate.cycle.slug}",
        {"execution_date": "2030-03-15"},
        follow=True,
    )
    page = response.content.decode()

    assert response.redirect_chain[0][1] == 302
    assert "Finance has not set the account the prizes are paid from." in page
    assert f'href="{reverse("laureates:paying_account")}?cycle={laureate.cycle.slug}"' in page
    assert not AuditEntry.objects.filter(key="payments.exported").exists()


def test_the_default_from_the_environment_is_named_as_such(laureate, client, settings):
    settings.PRIZE_DEBTOR = DEFAULT
    sign_in(client, finance("p1@example.org"))

    page = client.get(reverse("laureates:payments")).content.decode()
    account_page = client.get(reverse("laureates:paying_account")).content.decode()

    assert "Paid from Server default, SE •••• 7466." in page
    assert "This is the server's default" in page
    assert "the bank file uses the server's default account" in account_page


def test_the_account_page_costs_the_same_queries_for_one_and_many_earlier_accounts(
    client, child10, no_default, queries_for_one_and_many
):
    first, second = finance("p1@example.org"), finance("p2@example.org")
    sign_in(client, first)

    def add(count):
        for _ in range(count):
            proposal = paying.propose_paying_account(child10, actor=second, **OURS)
            paying.approve_paying_account(proposal, actor=first)

    def fetch():
        assert client.get(reverse("laureates:paying_account")).status_code == 200

    one, many = queries_for_one_and_many(fetch, add, many=5)

    assert one == many


def test_the_swedish_pages_say_where_the_prizes_are_paid_from(laureate, client, no_default):
    _first, second, _proposal = proposed_by_first(laureate.cycle)
    sign_in(client, second)

    payments = client.get("/sv/staff/prizes/").content.decode()
    account = client.get("/sv/staff/prizes/account/").content.decode()

    assert "Bankfilen kan inte skapas än: inget konto att betala ut prispengarna från" in payments
    assert "Ange kontot som prispengarna betalas ut från" in payments
    assert "<h1>Kontot som prispengarna betalas ut från</h1>" in account
    assert "Kontrollera och godkänn kontot" in account
    assert "SE •••• 0003" in account and OURS_IBAN not in account


def test_the_other_finance_users_are_told_an_account_waits_in_their_language(
    child10, no_default, run_tasks
):
    """Every other active finance user gets one email with the account masked (never the IBAN)
    and the link; the proposer and the other roles get none."""
    from django.core import mail

    swedish = finance("p3@example.org")
    swedish.language = "sv"
    swedish.save(update_fields=["language"])
    make_user("staff")
    proposed_by_first(child10)
    run_tasks()

    told = {message.to[0]: message for message in mail.outbox}
    assert sorted(told) == ["p2@example.org", "p3@example.org"]
    english = told["p2@example.org"]
    assert "has proposed SE •••• 0003 as the account the prizes are paid from" in english.body
    assert "/en/staff/prizes/account/?cycle=" in english.body
    assert OURS_IBAN not in english.body and "0549 1000" not in english.body
    assert "väntar på ditt godkännande" in told["p3@example.org"].subject
