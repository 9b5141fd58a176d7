"""The objects the permission matrix's URLs name (tests/permissions.py), made on first use by
running the services, and the users of its MORE_ROLES; the navigation and dashboard tests use
the same world."""

from datetime import timedelta

from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.accounts.models import RoleGrant
from laurel.cycles.enums import Phase
from laurel.nominations.models import Nomination
from laurel.notifications.models import OutgoingEmail
from tests.factories import UserFactory, in_phase


class Objects:
    """What the rows' URLs name, made on first use: a row builds only what it needs, so the
    matrix stays fast however many objects the whole table needs."""

    def __init__(self, cycle, staff):
        self.cycle, self.staff = cycle, staff
        self.made: dict = {"cycle": cycle}

    def __getitem__(self, name: str):
        if name not in self.made:
            self.made[name] = getattr(self, f"make_{name}")()
        return self.made[name]

    def make_draft_token(self):
        from laurel.nominations import services as nominations
        from laurel.nominations.models import new_token

        token, _ = new_token()
        nominations.save_draft(self.cycle, token=token, data={}, language="en")
        return token

    def make_sent(self):
        from laurel.nominations import services as nominations
        from laurel.nominations.models import new_token

        token, _ = new_token()
        pdf = _pdf("evidence.pdf")
        sent, _ = nominations.save_draft(
            self.cycle,
            token=token,
            data={"nominator_email": "n@example.org"},
            language="en",
            uploads=[(pdf, _checked(pdf))],
            send_resume_link=False,
            complete=True,
        )
        self.made["sent_token"] = token
        return nominations.submit_nomination(sent, token=token)

    def make_question(self):
        # Retired: never asked, so no other row's nomination form changes because of it.
        return self.cycle.questions.create(
            key="network", position=1, kind="yes_no", label={"sv": "Nätverk?", "en": "Network?"},
            retired=True,
        )  # fmt: skip

    def make_sent_token(self):
        self["sent"]
        return self.made["sent_token"]

    def make_attachment(self):
        return self["sent"].attachments.get()

    def make_candidate(self):
        from laurel.candidates import services as candidates

        return candidates.place_nomination(self["sent"])

    def make_merge(self):
        from laurel.candidates import services as candidates

        merged = candidates.place_nomination(_another_nomination(self.cycle, "Merged Org"))
        return candidates.merge_candidates(merged, self["candidate"], actor=self.staff)

    def make_third(self):
        from laurel.candidates import services as candidates

        return candidates.place_nomination(_another_nomination(self.cycle, "Third Org"))

    def make_suggestion(self):
        from laurel.candidates.models import DuplicateSuggestion

        pair = sorted([self["candidate"].pk, self["third"].pk])
        return DuplicateSuggestion.objects.create(
            cycle=self.cycle, first_id=pair[0], second_id=pair[1], confidence=0.9,
            reasons=["same-name"],
        )  # fmt: skip

    def make_ready(self):
        from laurel.candidates import services as candidates

        nomination = _another_nomination(self.cycle, "Ready Org", confirm=True)
        ready = candidates.place_nomination(nomination)
        candidates.decide_eligibility(ready, eligible=True, actor=self.staff)
        for area in ("finances", "child_rights", "safeguarding", "aims_and_impact", "do_no_harm"):
            candidates.update_check(
                ready, area=area, status="satisfactory", notes="", actor=self.staff
            )
        candidates.save_committee_version(nomination, texts={}, actor=self.staff)
        return candidates.mark_ready(ready, ready=True, actor=self.staff)

    def make_document(self):
        return _a_document(self["candidate"])

    def make_ready_document(self):
        return _a_document(self["ready"])

    def make_claim_token(self):
        from laurel.candidates import services as candidates

        return candidates.invite_organisation(
            self["third"],
            email="info@third.example.org",
            language="en",
            deadline=timezone.now() + timedelta(days=10),
            actor=self.staff,
        )

    def make_used_claim(self):
        from laurel.candidates import services as candidates
        from laurel.candidates.models import ClaimInvitation

        token = candidates.invite_organisation(
            self["ready"],
            email="office@ready.example.org",
            language="sv",
            deadline=timezone.now() + timedelta(days=10),
            actor=self.staff,
        )
        candidates.answer_claim(token, consent=True, profile={"contact_name": "Eva"})
        return ClaimInvitation.objects.exclude(used_at=None).get(candidate=self["ready"])

    def make_invitation(self):
        invitation, token = accounts.invite(
            "invited@example.org", role=Role.STAFF, actor=self.staff
        )
        self.made["token"] = token
        return invitation

    def make_token(self):
        self["invitation"]
        return self.made["token"]

    def make_email(self):
        self["invitation"]
        return OutgoingEmail.objects.filter(key="invitation").get()

    def make_hit(self):
        from tests.factories import HitFactory

        return HitFactory()

    def make_heartbeat(self):
        from django.utils import timezone

        from laurel.core.models import WorkerHeartbeat

        now = timezone.now()
        return WorkerHeartbeat.objects.create(
            worker_id="w", host="h", pid=1, started_at=now, beat_at=now
        )

    def make_failed_task(self):
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        from laurel.notifications.tasks import deliver_email

        result = DBTaskResult.objects.get(pk=deliver_email.enqueue(0).id)
        result.status = TaskResultStatus.FAILED
        result.save(update_fields=["status"])
        return result

    def make_api_token(self):
        from laurel.api import tokens

        return tokens.create_token(name="t", scopes=["cycles"], actor=self.staff)[0]

    def make_subject_request(self):
        from datetime import date

        from laurel.privacy import requests

        return requests.open_request(
            kind="access", about="person", email="n@example.org", name="",
            received_on=date(2026, 1, 5), actor=self.staff,
        )  # fmt: skip

    def make_other(self):
        return UserFactory(email="other@example.org")

    def make_grant(self):
        return RoleGrant.objects.create(user=self["other"], role=Role.FINANCE)

    def make_conflict(self):
        from laurel.review.models import Conflict

        someone = UserFactory(email="someone.else@example.org")
        RoleGrant.objects.create(user=someone, role=Role.COMMITTEE_MEMBER, cycle=self.cycle)
        return Conflict.objects.create(
            cycle=self.cycle, member=someone, candidate=self["ready"], kind="other",
            state="suggested",
        )  # fmt: skip

    def make_assignment(self):
        from laurel.review.models import Assignment

        reviewer = UserFactory(email="reviewer@example.org")
        RoleGrant.objects.create(user=reviewer, role=Role.COMMITTEE_MEMBER, cycle=self.cycle)
        return Assignment.objects.create(
            cycle=self.cycle, candidate=self["ready"], member=reviewer, state="proposed"
        )

    def make_entry(self):
        from laurel.selection import services as selection

        ready = self["ready"]
        in_phase(self.cycle, Phase.DELIBERATION)  # the shortlist is deliberation's
        return selection.shortlist_candidate(ready, kind="shortlist", actor=self.staff)

    def make_round(self):
        from laurel.selection.models import VotingRound

        round_ = VotingRound.objects.create(cycle=self.cycle, number=1, method="approval")
        round_.candidates.set([self["ready"]])
        return round_

    def make_place(self):
        from laurel.selection.models import Decision, Place

        decision = Decision.objects.create(cycle=self.cycle)
        return Place.objects.create(
            decision=decision, candidate=self["ready"], role="laureate", position=1
        )

    def make_letter(self):
        from laurel.notifications.services import queue_rendered_email
        from laurel.selection.models import Decision, Letter

        decision = Decision.objects.create(cycle=self.cycle, state="locked")
        email = queue_rendered_email(
            "decision_reserve", to="org@example.org", language="en", subject="S", text="T",
            batch=f"decision:{self.cycle.pk}",
        )  # fmt: skip
        return Letter.objects.create(
            decision=decision, kind="decision_reserve", candidate=self["ready"],
            to="org@example.org", language="en", subject="S", body="T", email=email,
        )  # fmt: skip

    def make_laureate(self):
        from laurel.accounts.models import User
        from laurel.laureates.models import Contact, Laureate

        laureate = Laureate.objects.create(
            cycle=self.cycle, candidate=self["ready"], accepted_at=timezone.now()
        )
        # Tied by user id, as accepting the invitation does (issue 14: no right by address).
        contact = User.objects.filter(email="laureate@example.org").first()
        Contact.objects.create(laureate=laureate, email="laureate@example.org", user=contact)
        in_phase(self.cycle, Phase.PROGRAMME)  # a laureate's programme runs from its acceptance
        return laureate

    def make_payment(self):
        from laurel.laureates import services as laureates
        from laurel.laureates.models import Payment
        from laurel.laureates.services.prize import Details

        laureate = self["laureate"]
        account = laureates.save_bank_details(
            laureate,
            details=Details(
                holder="Ready Org", iban="SE4550000000058398257466", bic="ESSESESS",
                account_number="", bank_name="SEB", bank_address="Stockholm", country="SE",
            ),
            proof=b"%PDF-1.4 statement", proof_kind="pdf", actor=None,
        )  # fmt: skip
        return Payment.objects.create(
            laureate=laureate, account=account, amount=100000, currency="SEK",
            reference="C10-2022-PRIZE-1", requested_by=self.staff,
        )  # fmt: skip

    def make_delegate(self):
        from laurel.laureates import services as laureates
        from tests.scenarios import delegate_values, summit_values

        laureates.define_summit(self.cycle, values=summit_values(), actor=self.staff)
        return laureates.register_delegate(
            self["laureate"], values=delegate_values(needs_visa=True), actor=None
        )

    def make_visa(self):
        from datetime import date

        from laurel.laureates import services as laureates

        delegate = self["delegate"]
        visa = laureates.give_passport_data(
            delegate, passport_number="FT123456", nationality="UA",
            date_of_birth=date(1985, 4, 2), passport_expires_on=date(2033, 1, 1), actor=None,
        )  # fmt: skip
        laureates.confirm_delegate(delegate, actor=self.staff)
        return laureates.approve_visa_letter(visa, actor=self.staff)

    def make_milestone(self):
        from datetime import date

        from laurel.laureates import services as laureates

        objective = laureates.add_objective(self["laureate"], area="finance", title="x", actor=None)
        return laureates.add_milestone(objective, title="m", due_on=date(2030, 1, 1), actor=None)

    def make_post(self):
        from laurel.laureates import services as laureates

        self["laureate"]
        return laureates.post(self.cycle, title="Welcome", body="Hello", actor=self.staff)

    def make_initiative(self):
        from laurel.laureates import services as laureates

        return laureates.propose_initiative(
            self.cycle, kind="statement", title="Safety by design", description="x",
            owners=[self["laureate"]], actor=self.staff,
        )  # fmt: skip

    def make_shared(self):
        from laurel.laureates import services as laureates

        self["laureate"]
        guide = _pdf("guide.pdf")
        return laureates.share_document(
            self.cycle, title="Guide", upload=guide, kind="pdf", actor=self.staff
        )

    def make_answer_token(self):
        from laurel.nominations.models import hash_token
        from laurel.selection.models import Decision, Place

        decision = Decision.objects.create(
            cycle=self.cycle, state="announced", announced_at=timezone.now()
        )
        Place.objects.create(
            decision=decision, candidate=self["ready"], role="laureate", position=1,
            token_hash=hash_token("an-answer-token"), summary={"en": "Helps."},
        )  # fmt: skip
        in_phase(self.cycle, Phase.DECIDED)  # laureates answer once the decision is made
        return "an-answer-token"


def _pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.4 " + name.encode())


def _checked(upload):
    from laurel.nominations.uploads import check_upload

    return check_upload(upload)


def _a_document(candidate):
    from laurel.candidates import services as candidates

    report = _pdf("report.pdf")
    return candidates.add_document(
        candidate, upload=report, checked=_checked(report), kind="annual_report"
    )


def _another_nomination(cycle, name, confirm=False):
    from laurel.nominations import services as nominations
    from laurel.nominations.models import new_token

    token, _ = new_token()
    draft, _ = nominations.save_draft(
        cycle,
        token=token,
        data={"org_name": name, "org_country": "SE", "nominator_email": "m@example.org"},
        language="en",
        send_resume_link=False,
        complete=True,
    )
    nomination = nominations.submit_nomination(draft, token=token)
    if confirm:
        Nomination.objects.filter(pk=nomination.pk).update(state="confirmed")
        nomination.refresh_from_db()
    return nomination


def make_more_user(role: str, objects: Objects):
    """One of MORE_ROLES, with what makes it that role."""
    from laurel.laureates.models import Contact, Laureate
    from laurel.review.models import Conflict
    from tests.conftest import enrol_totp
    from tests.factories import CycleFactory, RoleGrantFactory

    user = UserFactory(email=f"{role.replace('_', '.')}@example.org")
    if role == "superuser":
        type(user).objects.filter(pk=user.pk).update(is_superuser=True)
        user.refresh_from_db()
        RoleGrantFactory(user=user, role=Role.STAFF)
    elif role == "other_chair":
        RoleGrantFactory(user=user, role=Role.COMMITTEE_CHAIR, cycle=CycleFactory(slug="another"))
    elif role == "conflicted_chair":
        RoleGrantFactory(user=user, role=Role.COMMITTEE_CHAIR, cycle=objects.cycle)
        Conflict.objects.create(
            cycle=objects.cycle, member=user, candidate=objects["ready"], kind="personal",
            state="confirmed", declared=True,
        )  # fmt: skip
    else:  # other_laureate: both the address and the account, whichever the rules read
        RoleGrantFactory(user=user, role=Role.LAUREATE_CONTACT, cycle=objects.cycle)
        mine = Laureate.objects.create(
            cycle=objects.cycle, candidate=objects["third"], accepted_at=timezone.now()
        )
        Contact.objects.create(laureate=mine, email=user.email, user=user)
        return user
    enrol_totp(user)
    return user
