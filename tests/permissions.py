"""The permission matrix as a table: every URL × every role, what the role gets (the page, a
redirect to sign in or to enrol a second factor, a 404 where the page does not exist for it).
docs/permissions.md is this table in prose; tests/test_permission_matrix.py checks it, and a new
URL without a row here fails there. A table, so longer than a module would otherwise be."""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import ROLES

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
    # A place's texts refused (here by the phase) come back on their form, as typed: 409.
    "selection:place": Row(STAFF_ACTION | {"staff": 409}, "post", lambda o: {"pk": o["place"].pk}),
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
    # A signatory screened: the empty form is refused at its fields (400) for those it opens to.
    "laureates:screen_signatory": Row(
        STAFF | {"staff": BAD, "finance": BAD, "superuser": BAD},
        "post",
        lambda o: {"pk": o["payment"].pk},
    ),
    "laureates:screening_record": Row(
        STAFF | {"finance": OK}, kwargs=lambda o: {"pk": o["payment"].pk}
    ),
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
    "staff:question_new": Row(STAFF, kwargs=CYCLE),
    "staff:question_edit": Row(STAFF, kwargs=lambda o: CYCLE(o) | {"key": o["question"].key}),
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
    # Sanctions screening: staff decide hits; finance reads them (a payment waits on them).
    "sanctions:queue": Row(STAFF | {"finance": OK}),
    "sanctions:hit": Row(STAFF | {"finance": OK}, kwargs=lambda o: {"pk": o["hit"].pk}),
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
        # reasons of that candidate with a message, or on the place's form, as typed).
        "selection:move": REDIRECT,
        "selection:remove": REDIRECT,
        "selection:record": REDIRECT,
        "selection:close_round": OK,
        "selection:place": 409,
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
