"""The retention policy: read from its file, shown to staff with what is due, and applied by a
daily task that erases exactly what is due and writes only counts to the audit log."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.candidates.models import CandidateNote, Placement
from laurel.core import worker
from laurel.core.models import AuditEntry
from laurel.laureates.models import BankAccount, Delegate, Laureate, Payment, Summit
from laurel.nominations import services as nominations
from laurel.nominations.models import Attachment, Nomination, new_token
from laurel.notifications.enums import EmailState
from laurel.notifications.models import OutgoingEmail
from laurel.privacy import policy, retention
from laurel.review.models import Comment, Review
from laurel.selection.models import Decision
from tests.candidates.helpers import confirmed
from tests.factories import UserFactory
from tests.scenarios import delegate_values, ready, summit_values

DEFAULT = (policy.settings.BASE_DIR / "config" / "retention.toml").read_text()


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def award_over(child10, staff_user):
    """The Child10 award announced 400 days ago: one laureate (paid 100 days ago, its summit
    ended 40 days ago), one candidate not selected, reviews, notes, an old draft."""
    Decision.objects.create(cycle=child10, state="announced", announced_at=days_ago(400))
    winner = ready(child10, "Trygga Nätet", staff=staff_user)
    laureate = Laureate.objects.create(cycle=child10, candidate=winner, accepted_at=days_ago(390))
    other = confirmed(child10, "Other Org", answers={"1": "Runs a helpline in Malmö."})
    attachment = Attachment.objects.create(
        nomination=other, original_name="e.pdf", kind="pdf", size=9, sha256="0" * 64
    )
    attachment.file.save("evidence.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
    member = UserFactory(email="member@example.org")
    candidate = Placement.objects.get(nomination=other).candidate
    Review.objects.create(
        cycle=child10, candidate=candidate, member=member, scores={"1": 4},
        comments={"1": "The director, Anna, told me…"}, overall="Strong.", state="submitted",
    )  # fmt: skip
    Comment.objects.create(candidate=candidate, author=member, text="I know them.")
    CandidateNote.objects.create(candidate=candidate, author=staff_user, text="Called Anna.")
    ends = timezone.localdate() - timedelta(days=40)
    summit = Summit.objects.create(
        cycle=child10,
        **summit_values(
            starts_on=ends - timedelta(days=2), ends_on=ends,
            registration_closes_at=days_ago(100), ceremony_at=days_ago(41),
        ),
    )  # fmt: skip
    Delegate.objects.create(
        laureate=laureate,
        **delegate_values(
            arrive_on=summit.starts_on, leave_on=ends, dietary="vegan", dietary_consent=True
        ),
    )
    account = BankAccount.objects.create(
        laureate=laureate, holder="Trygga Nätet", iban="SE4550000000058398257466",
        bic="ESSESESS", bank_name="SEB", bank_address="Stockholm", country="SE",
        masked="SE •••• 7466", proof_file="proofs/p.bin", proof_kind="pdf",
    )  # fmt: skip
    default_storage.save("proofs/p.bin", ContentFile(b"encrypted"))
    Payment.objects.create(
        laureate=laureate, account=account, state="paid", amount=Decimal("100000"),
        currency="SEK", reference="C10-PRIZE-1", paid_on=timezone.localdate() - timedelta(100),
    )  # fmt: skip
    token, _ = new_token()
    draft, _ = nominations.save_draft(child10, token=token, data={"org_name": "D"}, language="en")
    Nomination.objects.filter(pk=draft.pk).update(updated_at=days_ago(91))
    return {"winner": winner, "other": other, "draft": draft, "account": account}


def due_now():
    return {row.key: row.due_now for row in retention.status()}


def test_staff_see_what_is_due_under_the_default_policy(award_over):
    rows = {row.key: row for row in retention.status()}

    assert due_now() == {
        "unconfirmed_nominations": 1,  # the old draft
        "unselected_nominations": 1,  # announced 400 days ago, kept 365
        "nominator_contacts": 0,  # kept 730 days
        "nominee_documents": 1,
        "reviews": 0,
        "delegate_needs": 1,  # 40 days after the summit, kept 30
        "passport_data": 0,
        "bank_details": 1,  # paid 100 days ago, kept 90
        "payments": 0,  # seven years
        "audit_log": 0,
        "sent_emails": 0,  # nothing sent yet
    }
    announced = timezone.localdate() - timedelta(days=400)
    assert rows["nominator_contacts"].next_due == announced + timedelta(days=730)
    assert rows["payments"].next_due == timezone.localdate() - timedelta(100) + timedelta(2557)


def test_applying_the_policy_erases_exactly_what_is_due(
    award_over, django_capture_on_commit_callbacks
):
    other, winner = award_over["other"], award_over["winner"]
    file_name = other.attachments.get().file.name
    winner_nomination = Placement.objects.filter(candidate=winner).get().nomination

    # Files go once the transaction has committed.
    with django_capture_on_commit_callbacks(execute=True):
        erased = retention.apply()

    assert erased["unconfirmed_nominations"] == 1
    assert not Nomination.objects.filter(pk=award_over["draft"].pk).exists()
    other.refresh_from_db()
    assert other.anonymised_at is not None and other.answers == {}
    assert other.nominator_name == other.nominator_email == ""
    assert other.org_name == "Other Org"  # the organisation's name is not personal data
    assert all("nominator_email" not in v.data and "answers" not in v.data
               for v in other.versions.all())  # fmt: skip
    assert not Attachment.objects.exists()
    assert not default_storage.exists(file_name)
    winner_nomination.refresh_from_db()
    assert winner_nomination.nominator_email != ""  # a laureate's nomination is kept longer
    assert Delegate.objects.get().dietary == "" and Delegate.objects.get().dietary_consent is False
    account = BankAccount.objects.get()
    assert account.erased_at is not None and account.iban == "" and account.holder == ""
    assert account.masked == "SE •••• 7466"
    assert not default_storage.exists("proofs/p.bin")
    assert Payment.objects.count() == 1  # accounting: seven years
    assert Review.objects.get().comments != {}  # reviews: 730 days
    entry = AuditEntry.objects.get(key="retention.applied")
    # The evidence went with the nomination not selected (anonymised as a whole).
    assert entry.data == {
        "erased": {
            "unconfirmed_nominations": 1, "unselected_nominations": 1, "delegate_needs": 1,
            "bank_details": 1,
        },
        "failed": {},
    }  # fmt: skip
    assert "Anna" not in str(entry.data) and "helpline" not in str(entry.data)
    assert set(due_now().values()) == {0}
    assert retention.apply() == dict.fromkeys(erased, 0)  # nothing twice


def test_a_later_day_reaches_reviews_and_contacts(award_over):
    retention.apply(now=timezone.now() + timedelta(days=400))

    review = Review.objects.get()
    assert review.comments == {} and review.overall == "" and review.scores == {"1": 4}
    assert not Comment.objects.exists() and not CandidateNote.objects.exists()
    assert not Nomination.objects.exclude(nominator_email="").exists()


def test_a_policy_file_that_deletes_reviews_deletes_them(award_over, tmp_path, settings):
    strict = tmp_path / "retention.toml"
    strict.write_text(DEFAULT.replace('[reviews]\ndays = 730\naction = "anonymise"',
                                      '[reviews]\ndays = 30\naction = "delete"'))  # fmt: skip
    settings.RETENTION_FILE = str(strict)

    assert due_now()["reviews"] == 3  # the review, the comment, the note
    retention.apply()

    assert not Review.objects.exists() and not Comment.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("days = 2557", "days = 365"), "must be kept at least 2557 days"),
        (('action = "anonymise"', 'action = "shred"'), "action must be"),
        (("[audit_log]", "[audit_log]\n[mystery]"), "unknown categories: mystery"),
        (('[passport_data]\naction = "delete"', '[passport_data]\ndays = 3\naction = "delete"'),
         "takes no days"),
        (("days = 90\n", "days = -1\n"), "whole number of days"),
        (("[audit_log]\ndays = 1825", "[audit_log]\ndays = '5 years'"), "whole number of days"),
        (("[payments]", "payments ="), "not valid TOML"),
    ],
)  # fmt: skip
def test_a_bad_policy_file_is_refused_with_the_reason(change, message, tmp_path, settings):
    with pytest.raises(policy.PolicyError, match=message):
        policy.parse(DEFAULT.replace(*change, 1))

    bad = tmp_path / "retention.toml"
    bad.write_text(DEFAULT.replace(*change, 1))
    settings.RETENTION_FILE = str(bad)
    [error] = policy.check_policy()
    assert message.split(":")[0] in error.msg


def test_the_shipped_policy_file_is_valid():
    assert set(policy.parse(DEFAULT)) == {category.key for category in policy.CATEGORIES}
    assert policy.check_policy() == []


@pytest.mark.django_db
def test_the_daily_tasks_are_kept_scheduled_once():
    now = timezone.now()
    retention_run, sanctions_fetch = (
        "laurel.privacy.retention.apply_retention",
        "laurel.sanctions.tasks.fetch_sanctions_lists",
    )

    assert worker.ensure_daily_tasks(now) == [retention_run, sanctions_fetch]
    assert worker.ensure_daily_tasks(now) == []

    for path, clock in ((retention_run, (3, 0)), (sanctions_fetch, (4, 30))):
        waiting = DBTaskResult.objects.get(task_path=path)
        local = timezone.localtime(waiting.run_after)
        assert (local.hour, local.minute) == clock
        assert now < waiting.run_after <= now + timedelta(days=1)


@pytest.mark.django_db
def test_the_daily_task_applies_the_policy(run_tasks):
    retention.apply_retention.enqueue()

    assert run_tasks() == 1
    assert AuditEntry.objects.filter(key="retention.applied").count() == 1


def test_staff_apply_the_policy_from_the_retention_page(award_over, staff_client):
    page = staff_client.get(reverse("privacy:retention"))
    assert "Nominations of candidates not selected" in page.content.decode()

    asked = staff_client.post(reverse("privacy:retention_apply")).content.decode()
    nothing_yet = AuditEntry.objects.filter(key="retention.applied").count()
    response = staff_client.post(
        reverse("privacy:retention_apply"), {"confirmed": "yes"}, follow=True
    )

    assert "Nominations of candidates not selected: " in asked
    assert "This cannot be undone." in asked
    assert nothing_yet == 0
    assert "4 records erased or anonymised" in response.content.decode()
    assert AuditEntry.objects.get(key="retention.applied").actor_label == "staff@example.org"


def test_a_category_that_fails_does_not_stop_the_others(award_over, monkeypatch):
    from django.db.models import ProtectedError

    real = retention._erase

    def erase(key, *args):
        if key == "delegate_needs":
            raise ProtectedError("protected", set())
        return real(key, *args)

    monkeypatch.setattr(retention, "_erase", erase)

    with pytest.raises(retention.RetentionIncomplete):
        retention.apply()

    entry = AuditEntry.objects.get(key="retention.applied")
    assert entry.data["failed"] == {"delegate_needs": "ProtectedError"}
    assert entry.data["erased"]["bank_details"] == 1  # the categories after it ran
    assert Delegate.objects.get().dietary == "vegan"  # its own change rolled back


def test_sent_emails_keep_their_text_for_the_policys_days(staff_user, run_tasks):
    for address in ("old@example.org", "new@example.org", "waiting@example.org"):
        accounts.invite(address, role=Role.STAFF, actor=staff_user)
    run_tasks()
    OutgoingEmail.objects.filter(to="old@example.org").update(sent_at=days_ago(91))
    OutgoingEmail.objects.filter(to="waiting@example.org").update(state=EmailState.FAILED)

    erased = retention.apply()

    old, new, waiting = (OutgoingEmail.objects.get(to=f"{name}@example.org")
                         for name in ("old", "new", "waiting"))  # fmt: skip
    assert erased["sent_emails"] == 1
    assert (old.subject, old.body_text, old.body_html, old.key) == ("", "", "", "invitation")
    assert new.body_text != "" and waiting.body_text != ""  # 1 day old; not sent
    assert due_now()["sent_emails"] == 0
