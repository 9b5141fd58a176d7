"""Every email Laurel sends: one entry here plus a template triple (ARCHITECTURE rule 6).

templates/notifications/email/<key>.subject.txt, <key>.txt and <key>.html, rendered in the
recipient's language. An entry that is `held` waits in the outbox until staff release it.
`links` names the context values that are capability links (whoever holds one can act): the
outbox keeps them only encrypted, until the email is sent (see services.queue_email).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EmailKind:
    key: str
    description: str
    held: bool = False
    links: tuple[str, ...] = ()
    # Read by the public (nominators, organisations, laureates' contacts): written in every
    # public language of the award (cycles.catalogue), where the others are in working languages.
    public: bool = False


CATALOGUE: dict[str, EmailKind] = {
    kind.key: kind
    for kind in [
        EmailKind(
            "invitation",
            _("An invitation to sign in to Laurel with a role (staff, finance, committee)."),
            links=("url",),
        ),
        EmailKind(
            "nomination_draft",
            _("The private link to a nomination draft, to continue it later."),
            links=("private_url",),
            public=True,
        ),
        EmailKind(
            "nomination_submitted",
            _(
                "Thanks for a nomination, with the link to confirm the address and the private "
                "link to change or withdraw it."
            ),
            links=("confirm_url", "private_url"),
            public=True,
        ),
        EmailKind(
            "nomination_edited",
            _("A receipt for a changed nomination."),
            links=("private_url",),
            public=True,
        ),
        EmailKind(
            "nomination_withdrawn",
            _("A receipt for a withdrawn nomination."),
            links=("private_url",),
            public=True,
        ),
        EmailKind(
            "candidate_ineligible",
            _(
                "To the nominators of a candidate found ineligible: neutral, without the reason, "
                "sent once."
            ),
            public=True,
        ),
        EmailKind(
            "organisation_invitation",
            _(
                "To a nominated organisation: it was nominated (never by whom), with the "
                "private link to consent or refuse, usable until the answer-by date."
            ),
            links=("claim_url",),
            public=True,
        ),
        EmailKind(
            "organisation_reminder",
            _("A reminder before the consent deadline to an organisation that has not answered."),
            public=True,
        ),
        EmailKind(
            "organisation_answered",
            _(
                "To a nominated organisation each time it answers through its link: what it "
                "answered, the documents received, what happens next, and until when the link "
                "still works (for a refusal: the erasure date and the undo window)."
            ),
            links=("claim_url",),
            public=True,
        ),
        EmailKind(
            "review_assigned",
            _("To a committee member: how many candidates were assigned, with the link."),
        ),
        EmailKind(
            "review_reminder",
            _(
                "A reminder a week and two days before the review deadline, to members with "
                "unfinished reviews."
            ),
        ),
        EmailKind(
            "discussion_mention",
            _("To a committee member mentioned in a discussion: where, never the message."),
        ),
        EmailKind(
            "decision_laureate",
            _(
                "To a laureate: congratulations and the private link to accept and say what "
                "may be published. Held until staff release the decision letters, never "
                "before the announcement."
            ),
            held=True,
            links=("accept_url",),
            public=True,
        ),
        EmailKind(
            "decision_reserve",
            _("To a reserve: on the reserve list. Held like every decision letter."),
            held=True,
            public=True,
        ),
        EmailKind(
            "decision_not_selected",
            _("To a candidate not selected: neutral and kind. Held like every decision letter."),
            held=True,
            public=True,
        ),
        EmailKind(
            "decision_nominator",
            _(
                "To a nominator: the committee has decided, and where the laureates are "
                "presented once they agree (never whether its nominee is one). Held like every "
                "decision letter."
            ),
            held=True,
            public=True,
        ),
        EmailKind(
            "paying_account_proposed",
            _(
                "To every other finance user when one proposes the account the prizes are paid "
                "from: who proposed it, the account masked, and the link to approve or reject it."
            ),
        ),
        EmailKind(
            "laureate_answered",
            _(
                "To every staff member when a laureate accepts or declines the award: which "
                "organisation, its answer, and the link to the final selection."
            ),
        ),
        EmailKind(
            "payment_returned",
            _(
                "To every finance user when new bank details send a verified or approved prize "
                "payment back to be checked: which laureate and payment, the new account masked, "
                "and the link to the payment."
            ),
        ),
        EmailKind(
            "bank_details_changed",
            _(
                "To every contact of a laureate when its bank details change: that they did, "
                "the last digits only, and whom to tell if it was not them."
            ),
            public=True,
        ),
        EmailKind(
            "summit_information",
            _(
                "Practical information about the summit, written by staff, to every confirmed "
                "delegate and the laureates' contacts."
            ),
            public=True,
        ),
        EmailKind(
            "cohort_digest",
            _(
                "What happened in the laureates' space (titles only), daily or weekly as each "
                "person chose."
            ),
            public=True,
        ),
        EmailKind(
            "email_address_changed",
            _(
                "To the old and the new address when staff change someone's sign-in address "
                "(people cannot change their own)."
            ),
        ),
        # Sign-in emails from django-allauth: its templates, our outbox.
        EmailKind(
            "account/email/password_reset_key",
            _("A link to choose a new password."),
            links=("password_reset_url",),
        ),
        EmailKind(
            "account/email/unknown_account",
            _("Someone asked for a new password for an address that has no account."),
        ),
        EmailKind("account/email/password_changed", _("The password was changed.")),
        EmailKind("account/email/password_reset", _("The password was reset.")),
        EmailKind("account/email/password_set", _("A password was set.")),
        EmailKind("account/email/email_changed", _("The email address was changed.")),
        EmailKind("account/email/email_deleted", _("An email address was removed.")),
        EmailKind(
            "account/email/email_confirmation",
            _("A link to confirm an email address."),
            links=("activate_url",),
        ),
        EmailKind("mfa/email/totp_activated", _("An authenticator app was set up.")),
        EmailKind("mfa/email/totp_deactivated", _("An authenticator app was removed.")),
        EmailKind("mfa/email/recovery_codes_generated", _("New recovery codes were generated.")),
    ]
}


def kind(key: str) -> EmailKind:
    try:
        return CATALOGUE[key]
    except KeyError:
        raise LookupError(f"{key!r} is not in the email catalogue") from None
