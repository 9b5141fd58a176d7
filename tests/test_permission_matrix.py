"""Every URL × every role: who gets the page, who is sent to sign in or to enrol a second factor,
and for whom it does not exist (404). docs/permissions.md is this table in prose.

A new URL without a row here fails `test_every_url_has_a_row`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from laurel.accounts import services as accounts
from laurel.accounts.enums import Role
from laurel.accounts.models import RoleGrant
from laurel.cycles.enums import Phase
from laurel.nominations.models import Nomination
from laurel.notifications.models import OutgoingEmail
from tests.conftest import ROLES, make_user, sign_in
from tests.factories import UserFactory, in_phase

OK, LOGIN, MFA, REDIRECT, GONE, NOT_FOUND, NOT_ALLOWED = (
    200,
    "login",
    "mfa",
    "redirect",
    410,
    404,
    405,
)
ALL = dict.fromkeys(ROLES, OK) | {"staff_without_2fa": MFA}
STAFF = {
    "anonymous": LOGIN,
    "staff": OK,
    "staff_without_2fa": MFA,
    "finance": NOT_FOUND,
    "committee": NOT_FOUND,
    "laureate": NOT_FOUND,
    "plain": NOT_FOUND,
}
STAFF_ACTION = STAFF | {"staff": REDIRECT}
# The API opens with a bearer token only: a signed-in session gets 401 like anyone else.
TOKEN_ONLY = dict.fromkeys(ROLES, 401)
COMMITTEE = STAFF | {"staff": NOT_FOUND, "committee": OK}
FINANCE = STAFF | {"staff": NOT_FOUND, "finance": OK}
SIGNED_OUT_ONLY = dict.fromkeys(ROLES, REDIRECT) | {"anonymous": OK, "staff_without_2fa": MFA}
SIGNED_IN = dict.fromkeys(ROLES, OK) | {"anonymous": LOGIN, "staff_without_2fa": MFA}
SIGNED_IN_REAUTH = dict.fromkeys(ROLES, REDIRECT) | {
    "anonymous": LOGIN,
    "staff_without_2fa": MFA,
}
WITH_SECOND_FACTOR = {"staff": OK, "finance": OK, "committee": OK}
WITHOUT_SECOND_FACTOR = {"laureate": NOT_FOUND, "plain": NOT_FOUND}
RECOVERY_CODES = SIGNED_IN_REAUTH | WITHOUT_SECOND_FACTOR | {"staff_without_2fa": NOT_FOUND}
CLOSED = dict.fromkeys(ROLES, NOT_FOUND) | {"staff_without_2fa": MFA}


@dataclass
class Row:
    expected: dict
    method: str = "get"
    kwargs: Callable[[dict], dict] = field(default=lambda objects: {})


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


CYCLE = lambda o: {"slug": o["cycle"].slug}  # noqa: E731
CANDIDATE = lambda o: {"pk": o["candidate"].pk}  # noqa: E731
BAD = 400  # a form posted empty: refused with its errors

MATRIX: dict[str, Row] = {
    # Public pages.
    "nominations:call": Row(ALL),
    "nominations:privacy": Row(ALL),
    "set_language": Row(ALL | dict.fromkeys(ROLES, REDIRECT), method="post"),
    "accounts:invitation": Row(
        dict.fromkeys(ROLES, OK) | {"staff_without_2fa": MFA},
        kwargs=lambda o: {"token": o["token"]},
    ),
    # Nominating: open to everyone who holds the private link.
    "nominations:nominate": Row(ALL),
    "nominations:challenge": Row(ALL),
    "nominations:manage": Row(ALL, kwargs=lambda o: {"token": o["sent_token"]}),
    "nominations:review": Row(
        dict.fromkeys(ROLES, REDIRECT) | {"staff_without_2fa": MFA},
        kwargs=lambda o: {"token": o["draft_token"]},
    ),
    "nominations:submitted": Row(ALL, kwargs=lambda o: {"token": o["sent_token"]}),
    "nominations:withdraw": Row(
        dict.fromkeys(ROLES, REDIRECT) | {"staff_without_2fa": MFA},
        "post",
        lambda o: {"token": o["sent_token"]},
    ),
    "nominations:confirm": Row(ALL, kwargs=lambda o: {"token": "not-a-real-token"}),
    "nominations:staff_list": Row(STAFF),
    "nominations:late_code_new": Row(STAFF),
    "nominations:release": Row(STAFF_ACTION, "post", lambda o: {"pk": o["sent"].pk}),
    "nominations:attachment_download": Row(
        STAFF, kwargs=lambda o: {"pk": o["sent"].pk, "attachment_pk": o["attachment"].pk}
    ),
    # The screening console.
    "candidates:list": Row(STAFF),
    "candidates:suggestions": Row(STAFF),
    "candidates:overview": Row(STAFF),
    "candidates:refresh": Row(STAFF_ACTION, "post"),
    "candidates:tell": Row(STAFF_ACTION, "post"),
    "candidates:bulk": Row(STAFF_ACTION, "post"),
    "candidates:progress": Row(STAFF),
    "candidates:suggestion_decide": Row(STAFF_ACTION, "post", lambda o: {"pk": o["suggestion"].pk}),
    "candidates:suggestion_reopen": Row(STAFF_ACTION, "post", lambda o: {"pk": o["suggestion"].pk}),
    "candidates:group_decide": Row(STAFF_ACTION, "post", lambda o: {"pk": o["suggestion"].pk}),
    "candidates:detail": Row(STAFF, kwargs=CANDIDATE),
    "candidates:screen": Row(STAFF | {"staff": BAD}, "post", CANDIDATE),
    "candidates:merge": Row(STAFF | {"staff": BAD}, "post", CANDIDATE),
    "candidates:note": Row(STAFF | {"staff": BAD}, "post", CANDIDATE),
    "candidates:undo": Row(STAFF_ACTION, "post", lambda o: {"pk": o["merge"].pk}),
    "candidates:split": Row(
        STAFF_ACTION, "post", lambda o: CANDIDATE(o) | {"nomination_pk": o["sent"].pk}
    ),
    "candidates:diligence": Row(STAFF | {"staff": BAD}, "post", CANDIDATE),
    "candidates:document_add": Row(STAFF | {"staff": BAD}, "post", CANDIDATE),
    "candidates:document_download": Row(
        STAFF, kwargs=lambda o: CANDIDATE(o) | {"document_pk": o["document"].pk}
    ),
    "candidates:committee_version": Row(
        STAFF, kwargs=lambda o: CANDIDATE(o) | {"nomination_pk": o["sent"].pk}
    ),
    "candidates:ready": Row(STAFF_ACTION, "post", CANDIDATE),
    "candidates:invite": Row(STAFF | {"staff": BAD}, "post", CANDIDATE),
    # The contact its letters go to: staff only (the committee never sees it).
    "candidates:contact": Row(STAFF_ACTION, "post", CANDIDATE),
    "candidates:use_claim": Row(
        STAFF_ACTION, "post", lambda o: {"pk": o["ready"].pk, "claim_pk": o["used_claim"].pk}
    ),
    # The nominated organisation's link: whoever holds it.
    "candidates:claim": Row(ALL, kwargs=lambda o: {"token": o["claim_token"]}),
    # The committee reads ready candidates of its own cycle, redacted.
    "review:home": Row(COMMITTEE),
    "review:profile": Row(COMMITTEE),
    "review:candidate": Row(COMMITTEE, kwargs=lambda o: {"pk": o["ready"].pk}),
    "review:dossier_pdf": Row(COMMITTEE, kwargs=lambda o: {"pk": o["ready"].pk}),
    # Declaring is its own page; an empty post is refused next to the kind (400).
    "review:declare": Row(COMMITTEE | {"committee": 400}, "post", lambda o: {"pk": o["ready"].pk}),
    # Someone else's conflict: only its member may decide it.
    "review:decide": Row(
        COMMITTEE | {"committee": NOT_FOUND}, "post", lambda o: {"pk": o["conflict"].pk}
    ),
    # Only for a member the candidate is assigned to; this one is not.
    "review:review": Row(
        COMMITTEE | {"committee": NOT_FOUND}, kwargs=lambda o: {"pk": o["ready"].pk}
    ),
    "review:comment": Row(
        COMMITTEE | {"committee": REDIRECT}, "post", lambda o: {"pk": o["ready"].pk}
    ),
    "review:document": Row(
        COMMITTEE,
        kwargs=lambda o: {"pk": o["ready"].pk, "document_pk": o["ready_document"].pk},
    ),
    "review:assignment": Row(STAFF),
    "review:publish": Row(STAFF_ACTION, "post"),
    "review:assignments_csv": Row(STAFF),
    "review:conflicts": Row(STAFF),
    "review:results": Row(STAFF),
    "review:progress": Row(STAFF),
    "review:visibility": Row(STAFF_ACTION, "post"),
    "review:by_hand": Row(STAFF_ACTION, "post"),
    "review:import": Row(STAFF_ACTION, "post"),
    "review:remove": Row(STAFF_ACTION, "post", lambda o: {"pk": o["assignment"].pk}),
    # Only the member concerned withdraws their conflict; this one is someone else's.
    "review:withdraw": Row(
        COMMITTEE | {"committee": NOT_FOUND}, "post", lambda o: {"pk": o["conflict"].pk}
    ),
    "review:conflict_add": Row(STAFF),
    "review:conflict_edit": Row(STAFF, kwargs=lambda o: {"pk": o["conflict"].pk}),
    # Removing asks for confirmation first (200).
    "review:conflict_remove": Row(STAFF, "post", lambda o: {"pk": o["conflict"].pk}),
    "review:remind": Row(STAFF_ACTION, "post"),
    "accounts:invite_list": Row(STAFF),
    # The selection: staff and the chair lead (the chair is tested in tests/selection); members
    # follow the meeting and vote; locking is the chair's alone.
    "selection:home": Row(STAFF | {"committee": REDIRECT}),
    "selection:shortlist": Row(STAFF_ACTION, "post"),
    "selection:shortlist_many": Row(STAFF_ACTION, "post"),
    "selection:move": Row(STAFF_ACTION, "post", lambda o: {"pk": o["entry"].pk}),
    "selection:remove": Row(STAFF_ACTION, "post", lambda o: {"pk": o["entry"].pk}),
    "selection:record": Row(STAFF_ACTION, "post", lambda o: {"pk": o["entry"].pk}),
    "selection:meeting": Row(STAFF | {"committee": OK}),
    "selection:meeting_current": Row(STAFF | {"committee": OK}),
    "selection:go": Row(STAFF_ACTION, "post"),
    "selection:open_round": Row(STAFF_ACTION, "post"),
    "selection:round": Row(STAFF | {"committee": OK}, kwargs=lambda o: {"pk": o["round"].pk}),
    # The first post asks for the confirmation (a page), the second closes.
    "selection:close_round": Row(STAFF, "post", lambda o: {"pk": o["round"].pk}),
    "selection:decision": Row(STAFF),
    "selection:suggest": Row(STAFF | {"staff": BAD}, "post"),
    "selection:override": Row(STAFF | {"staff": BAD}, "post"),
    "selection:place": Row(STAFF_ACTION, "post", lambda o: {"pk": o["place"].pk}),
    "selection:move_reserve": Row(STAFF_ACTION, "post", lambda o: {"pk": o["place"].pk}),
    "selection:lock": Row(STAFF | {"staff": NOT_FOUND}, "post"),
    "selection:report": Row(STAFF),
    "selection:letters": Row(STAFF),
    "selection:letter": Row(STAFF, kwargs=lambda o: {"pk": o["letter"].pk}),
    "selection:release": Row(STAFF_ACTION, "post"),
    # The announcement is public; the answer link is for whoever holds it.
    "selection:laureates": Row(ALL),
    "selection:laureates_csv": Row(ALL, kwargs=lambda o: (o["answer_token"], {})[1]),
    "selection:laureates_json": Row(ALL, kwargs=lambda o: (o["answer_token"], {})[1]),
    "selection:answer": Row(ALL, kwargs=lambda o: {"token": o["answer_token"]}),
    "selection:offer": Row(STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["place"].pk}),
    # The laureate's area: its contacts only (the laureate role here is a contact of one).
    "laureates:home": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": OK}, kwargs=lambda o: (o["laureate"], {})[1]
    ),
    # Bank details: the laureate's contact gives them after confirming the password again.
    # Without an authenticator app the page says to set one up (issue 14: step-up second factor).
    "laureates:bank": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": OK}, kwargs=lambda o: (o["laureate"], {})[1]
    ),
    # Prize payments: masked for staff and finance; details and every step for finance only.
    "laureates:payments": Row(STAFF | {"finance": OK}),
    "laureates:payments_csv": Row(STAFF | {"finance": OK}),
    "laureates:request": Row(
        STAFF_ACTION | {"finance": REDIRECT}, "post", lambda o: {"pk": o["laureate"].pk}
    ),
    "laureates:payment": Row(STAFF | {"finance": OK}, kwargs=lambda o: {"pk": o["payment"].pk}),
    "laureates:reveal": Row(FINANCE, "post", lambda o: {"pk": o["payment"].pk}),
    "laureates:proof": Row(FINANCE, kwargs=lambda o: {"pk": o["payment"].pk}),
    "laureates:paid": Row(FINANCE | {"finance": BAD}, "post", lambda o: {"pk": o["payment"].pk}),
    "laureates:step": Row(
        FINANCE | {"finance": REDIRECT},
        "post",
        lambda o: {"pk": o["payment"].pk, "action": "verify"},
    ),
    "laureates:pain001": Row(FINANCE | {"finance": REDIRECT}, "post"),
    # The paying account: finance's alone; a proposal (here by nobody) is approved after a
    # confirmation step showing it in full (200), rejected with a redirect.
    "laureates:paying_account": Row(FINANCE),
    "laureates:approve_paying_account": Row(
        FINANCE, "post", lambda o: {"pk": o["cycle"].paying_accounts.create(name="Child10").pk}
    ),
    "laureates:reject_paying_account": Row(
        FINANCE | {"finance": REDIRECT},
        "post",
        lambda o: {"pk": o["cycle"].paying_accounts.create(name="Child10").pk},
    ),
    # The summit: a laureate's contact registers its delegates; staff run the event.
    "laureates:summit": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": OK}, kwargs=lambda o: (o["laureate"], {})[1]
    ),
    "laureates:passport": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": REDIRECT},
        "post",
        lambda o: {"pk": o["delegate"].pk},
    ),
    # Changing or withdrawing a delegate: its own laureate's contact (withdrawing asks first).
    "laureates:delegate": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": OK}, kwargs=lambda o: {"pk": o["delegate"].pk}
    ),
    "laureates:withdraw": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": OK}, "post", lambda o: {"pk": o["delegate"].pk}
    ),
    "laureates:staff_summit": Row(STAFF),
    # A visa request for staff to check; the full passport data on demand (logged).
    "laureates:visa": Row(STAFF, kwargs=lambda o: {"pk": o["visa"].pk}),
    "laureates:reveal_passport": Row(STAFF, "post", lambda o: {"pk": o["visa"].pk}),
    "laureates:guests_csv": Row(STAFF),
    "laureates:information": Row(STAFF_ACTION, "post"),
    "laureates:confirm": Row(STAFF_ACTION, "post", lambda o: {"pk": o["delegate"].pk}),
    "laureates:approve_visa": Row(STAFF_ACTION, "post", lambda o: {"pk": o["visa"].pk}),
    "laureates:visa_letter": Row(STAFF, kwargs=lambda o: {"pk": o["visa"].pk}),
    # The support programme: the laureate's own page; the plan and sessions are staff's.
    "laureates:support": Row(
        STAFF | {"staff": NOT_FOUND, "laureate": OK}, kwargs=lambda o: (o["laureate"], {})[1]
    ),
    "laureates:support_overview": Row(STAFF),
    "laureates:support_plan": Row(STAFF, kwargs=lambda o: {"pk": o["laureate"].pk}),
    "laureates:objective": Row(STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["laureate"].pk}),
    "laureates:milestone": Row(STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["laureate"].pk}),
    "laureates:milestone_status": Row(
        STAFF_ACTION,
        "post",
        lambda o: {"pk": o["laureate"].pk, "milestone_pk": o["milestone"].pk},
    ),
    "laureates:session": Row(STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["laureate"].pk}),
    # The cohort space: staff and the laureates' contacts.
    "laureates:cohort": Row(STAFF | {"laureate": OK}, kwargs=lambda o: (o["laureate"], {})[1]),
    "laureates:new_post": Row(
        STAFF | {"staff": BAD, "laureate": BAD}, "post", lambda o: (o["laureate"], {})[1]
    ),
    "laureates:post": Row(STAFF | {"laureate": OK}, kwargs=lambda o: {"pk": o["post"].pk}),
    "laureates:new_initiative": Row(
        STAFF | {"staff": BAD, "laureate": BAD}, "post", lambda o: (o["laureate"], {})[1]
    ),
    "laureates:initiative": Row(
        STAFF | {"laureate": OK}, kwargs=lambda o: {"pk": o["initiative"].pk}
    ),
    "laureates:sign": Row(
        STAFF_ACTION | {"laureate": REDIRECT}, "post", lambda o: {"pk": o["initiative"].pk}
    ),
    "laureates:initiative_status": Row(
        STAFF_ACTION | {"laureate": REDIRECT}, "post", lambda o: {"pk": o["initiative"].pk}
    ),
    "laureates:initiative_milestone": Row(
        STAFF_ACTION | {"laureate": REDIRECT}, "post", lambda o: {"pk": o["initiative"].pk}
    ),
    "laureates:share": Row(
        STAFF | {"staff": BAD, "laureate": BAD}, "post", lambda o: (o["laureate"], {})[1]
    ),
    "laureates:document": Row(STAFF | {"laureate": OK}, kwargs=lambda o: {"pk": o["shared"].pk}),
    "laureates:event": Row(STAFF | {"staff": BAD}, "post", lambda o: (o["laureate"], {})[1]),
    "laureates:digest": Row(
        STAFF_ACTION | {"laureate": REDIRECT}, "post", lambda o: (o["laureate"], {})[1]
    ),
    "candidates:tag": Row(STAFF_ACTION, "post", CANDIDATE),
    "candidates:nomination": Row(
        STAFF, kwargs=lambda o: CANDIDATE(o) | {"nomination_pk": o["sent"].pk}
    ),
    # The staff area.
    "staff:dashboard": Row(STAFF),
    "staff:cycle": Row(STAFF, kwargs=CYCLE),
    "staff:cycle_edit": Row(STAFF, kwargs=CYCLE),
    "staff:move_phase": Row(STAFF_ACTION, "post", kwargs=CYCLE),
    "staff:criterion_edit": Row(STAFF, kwargs=lambda o: CYCLE(o) | {"number": 1}),
    "staff:benefit_edit": Row(STAFF, kwargs=lambda o: CYCLE(o) | {"number": 1}),
    "accounts:users": Row(STAFF),
    "accounts:invite": Row(STAFF),
    "accounts:user_active": Row(STAFF_ACTION, "post", lambda o: {"pk": o["other"].pk}),
    "accounts:user_email": Row(STAFF, kwargs=lambda o: {"pk": o["other"].pk}),
    "accounts:role_remove": Row(STAFF_ACTION, "post", lambda o: {"pk": o["grant"].pk}),
    "accounts:invitation_resend": Row(STAFF_ACTION, "post", lambda o: {"pk": o["invitation"].pk}),
    "accounts:invitation_revoke": Row(STAFF_ACTION, "post", lambda o: {"pk": o["invitation"].pk}),
    "audit:log": Row(STAFF),
    "audit:tasks": Row(STAFF),
    "privacy:retention": Row(STAFF),
    # The first post asks for the confirmation (a page), the second applies.
    "privacy:retention_apply": Row(STAFF, "post"),
    "privacy:requests": Row(STAFF),
    "privacy:request": Row(STAFF, kwargs=lambda o: {"pk": o["subject_request"].pk}),
    "privacy:request_export": Row(
        STAFF, kwargs=lambda o: {"pk": o["subject_request"].pk, "fmt": "json"}
    ),
    "privacy:request_correct": Row(
        STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["subject_request"].pk}
    ),
    "privacy:request_erase": Row(
        STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["subject_request"].pk}
    ),
    "privacy:request_restrict": Row(
        STAFF_ACTION, "post", lambda o: {"pk": o["subject_request"].pk}
    ),
    "privacy:request_close": Row(
        STAFF | {"staff": BAD}, "post", lambda o: {"pk": o["subject_request"].pk}
    ),
    "audit:task_retry": Row(STAFF_ACTION, "post", lambda o: {"pk": o["failed_task"].pk}),
    "api_tokens:list": Row(STAFF),
    "api_tokens:revoke": Row(STAFF_ACTION, "post", lambda o: {"pk": o["api_token"].pk}),
    "api:api-root": Row(dict.fromkeys(ROLES, NOT_FOUND)),
    "api:openapi-json": Row(dict.fromkeys(ROLES, OK)),
    "api:list_cycles": Row(TOKEN_ONLY),
    "api:get_cycle": Row(TOKEN_ONLY, kwargs=lambda o: {"slug": o["cycle"].slug}),
    "api:list_candidates": Row(TOKEN_ONLY, kwargs=lambda o: {"slug": o["cycle"].slug}),
    "api:list_nominations": Row(TOKEN_ONLY, kwargs=lambda o: {"slug": o["cycle"].slug}),
    "api:list_reviews": Row(TOKEN_ONLY, kwargs=lambda o: {"slug": o["cycle"].slug}),
    "api:get_decision": Row(TOKEN_ONLY, kwargs=lambda o: {"slug": o["cycle"].slug}),
    "api:list_laureates": Row(TOKEN_ONLY, kwargs=lambda o: {"slug": o["cycle"].slug}),
    # The probes: the same answer for everyone (a worker has reported, so /readyz is ready).
    "healthz": Row(ALL | {"staff_without_2fa": OK}),
    "readyz": Row(ALL | {"staff_without_2fa": OK}, kwargs=lambda o: (o["heartbeat"], {})[1]),
    "outbox:list": Row(STAFF),
    "outbox:release": Row(STAFF_ACTION, "post", lambda o: {"pk": o["email"].pk}),
    "outbox:cancel": Row(STAFF_ACTION, "post", lambda o: {"pk": o["email"].pk}),
    # Signing in and out (django-allauth). Sign-up is closed: the page says so to everyone.
    # Changing a second factor or seeing recovery codes first asks for the password again
    # (REDIRECT to reauthentication); with no second factor there is nothing to see (404).
    "account_login": Row(SIGNED_OUT_ONLY),
    "account_logout": Row(SIGNED_IN | {"anonymous": REDIRECT, "staff_without_2fa": OK}),
    "account_inactive": Row(ALL),
    "account_signup": Row(SIGNED_OUT_ONLY),
    "account_reauthenticate": Row(SIGNED_IN | {"staff_without_2fa": OK}),
    "account_request_reauthentication_code": Row(SIGNED_IN_REAUTH),
    "account_confirm_reauthentication_code": Row(SIGNED_IN_REAUTH),
    # allauth's address pages are closed to everyone (issue 14): only staff change an address.
    "account_email": Row(CLOSED),
    "account_email_verification_sent": Row(CLOSED),
    "account_change_password": Row(SIGNED_IN),
    "account_set_password": Row(SIGNED_IN_REAUTH),
    "account_reset_password": Row(ALL),
    "account_reset_password_done": Row(ALL),
    "account_reset_password_from_key": Row(
        ALL, kwargs=lambda o: {"uidb36": "0", "key": "not-a-key"}
    ),
    "account_reset_password_from_key_done": Row(ALL),
    "account_confirm_login_code": Row(SIGNED_IN_REAUTH),
    "account_confirm_email": Row(CLOSED, kwargs=lambda o: {"key": "not-a-key"}),
    "mfa_index": Row(SIGNED_IN | {"staff_without_2fa": OK}),
    "mfa_authenticate": Row(SIGNED_IN_REAUTH),
    "mfa_reauthenticate": Row(SIGNED_IN_REAUTH | WITH_SECOND_FACTOR),
    "mfa_activate_totp": Row(SIGNED_IN_REAUTH | {"staff_without_2fa": REDIRECT}),
    "mfa_deactivate_totp": Row(SIGNED_IN_REAUTH | WITHOUT_SECOND_FACTOR),
    "mfa_view_recovery_codes": Row(RECOVERY_CODES),
    "mfa_generate_recovery_codes": Row(SIGNED_IN_REAUTH | {"staff_without_2fa": REDIRECT}),
    "mfa_download_recovery_codes": Row(RECOVERY_CODES),
    # Django's admin: a safety net for superusers only; everyone else is sent to its sign-in.
    "admin:*": Row(dict.fromkeys(ROLES, REDIRECT) | {"staff_without_2fa": MFA}),
}


# The roles that must be authorised on the very object (#14), each compared with the column it
# is closest to; only where it differs is its value written out:
# - "superuser": staff and Django's superuser, not finance: what staff get, never finance's.
# - "other_chair": the chair of another cycle: leads their own cycle, nothing of Child10's.
# - "conflicted_chair": Child10's chair, with a conflict with the candidate every committee row
#   names: leads the cycle, reads nothing of that candidate.
# - "other_laureate": a contact of another laureate of Child10: their own area, nobody else's.
MORE_ROLES = {
    "superuser": "staff",
    "other_chair": "committee",
    "conflicted_chair": "committee",
    "other_laureate": "laureate",
}
# What a chair gets where a member does not, on pages about their own cycle's meeting.
CHAIR_LEADS = {
    "review:results": OK,
    "selection:home": OK,
    "selection:shortlist": REDIRECT,
    "selection:shortlist_many": REDIRECT,
    "selection:go": REDIRECT,
    "selection:open_round": REDIRECT,
    "selection:decision": OK,
    "selection:override": BAD,
    "selection:lock": REDIRECT,
    "selection:report": OK,
}
# Rows naming Child10's objects: the chair of another cycle reaches none of them.
OF_CHILD10 = [
    "review:candidate", "review:dossier_pdf", "review:declare", "review:comment",
    "review:document", "selection:round",
]  # fmt: skip
MORE_EXPECTED = {
    "superuser": {"admin:*": OK},
    "other_chair": CHAIR_LEADS | dict.fromkeys(OF_CHILD10, NOT_FOUND),
    "conflicted_chair": CHAIR_LEADS
    | {
        # The conflicted page says only that there is a conflict; its dossier, documents and
        # discussion are closed; declaring stays open.
        "review:candidate": 403,
        "review:dossier_pdf": NOT_FOUND,
        "review:comment": NOT_FOUND,
        "review:document": NOT_FOUND,
        # Leading the shortlist, rounds and places (the services refuse the record and the
        # reasons of that candidate with a message).
        "selection:move": REDIRECT,
        "selection:remove": REDIRECT,
        "selection:record": REDIRECT,
        "selection:close_round": OK,
        "selection:place": REDIRECT,
        "selection:move_reserve": REDIRECT,
    },
    # The delegate the row names is the other laureate's.
    "other_laureate": {
        "laureates:passport": NOT_FOUND,
        "laureates:delegate": NOT_FOUND,
        "laureates:withdraw": NOT_FOUND,
    },
}


def expected_of(name: str, role: str):
    row = MATRIX[name]
    if role in row.expected:
        return row.expected[role]
    return MORE_EXPECTED[role].get(name, row.expected[MORE_ROLES[role]])


def make_more_user(role: str, objects: "Objects"):
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


def url_names(patterns=None, namespace="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_has_a_row():
    names = {"admin:*" if name.startswith("admin:") else name for name in url_names()}

    assert sorted(names - set(MATRIX)) == []
    assert sorted(set(MATRIX) - names) == []


def check(response, expected) -> None:
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    elif expected == MFA:
        assert response.status_code == 302
        assert response.url == reverse("mfa_activate_totp")
    elif expected == REDIRECT:
        assert response.status_code == 302
        assert not response.url.startswith(reverse("account_login"))
        assert response.url != reverse("mfa_activate_totp")
    else:
        assert response.status_code == expected


def refusal(response, expected):
    """None when the response is what the row expects; otherwise what was wrong."""
    try:
        check(response, expected)
    except AssertionError:
        where = f" → {response.url}" if response.status_code in {301, 302} else ""
        return f"expected {expected}, got {response.status_code}{where}"
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(child10, name):
    """One row, every role of ROLES and MORE_ROLES, in one world with the whole cast.

    The users come first, as in the platform (a laureate's contact is tied to its user, as
    accepting the invitation does; the conflicted chair's conflict and the other laureate are
    made with them), then the objects the row's URL names. Each role's request runs in a
    savepoint that is rolled back, so no role sees what another's request changed (a claim
    used, a round closed, a draft-save counted)."""
    row = MATRIX[name]
    users = {role: make_user(role, cycle=child10) for role in ROLES}
    objects = Objects(child10, users["staff"])
    users |= {role: make_more_user(role, objects) for role in MORE_ROLES}
    url = reverse("admin:index" if name == "admin:*" else name, kwargs=row.kwargs(objects))
    refused = {}
    for role, user in users.items():
        with transaction.atomic():
            client = Client()
            if user is not None:
                sign_in(client, user)
            response = getattr(client, row.method)(url)
            if problem := refusal(response, expected_of(name, role)):
                refused[role] = problem
            transaction.set_rollback(True)

    assert refused == {}, f"{url}: {refused}"
