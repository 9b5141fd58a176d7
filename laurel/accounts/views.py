import time

from allauth.account import views as allauth_views
from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import perform_login
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from laurel.accounts import queries, services
from laurel.accounts.enums import InvitationState, Role
from laurel.accounts.forms import (
    AcceptInvitationForm,
    BulkInviteForm,
    ChangeEmailForm,
    InviteForm,
)
from laurel.accounts.models import Invitation, RoleGrant, User
from laurel.accounts.queries import cycle_choices, open_invitations, users_with_roles
from laurel.core.confirm import confirmation, confirmed
from laurel.core.forms import refusals
from laurel.core.permissions import require
from laurel.core.texts import in_language

INVITATION_PROBLEMS = {
    None: gettext_lazy("This invitation link is not valid. Check that you copied the whole link."),
    InvitationState.EXPIRED: gettext_lazy(
        "This invitation has expired. Ask the secretariat for a new one."
    ),
    InvitationState.ACCEPTED: gettext_lazy(
        "This invitation has already been used. Sign in instead."
    ),
    InvitationState.REVOKED: gettext_lazy(
        "This invitation was withdrawn. Ask the secretariat if you think that is wrong."
    ),
    services.SELF_INVITED: gettext_lazy(
        "You cannot accept an invitation you sent yourself. Ask a colleague to invite you."
    ),
}


@login_required
def user_list(request):
    require(request.user, "accounts.manage_users")
    return render(
        request,
        "accounts/user_list.html",
        {"users": users_with_roles(), "invitations": open_invitations()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    require(request.user, "accounts.manage_users")
    form = InviteForm(
        request.POST or None,
        cycles=cycle_choices(),
        initial={"language": translation.get_language()},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.cleaned_data["email"].lower() == request.user.email.lower()
    ):
        form.add_error("email", _("You cannot invite yourself. Ask a colleague to invite you."))
    if request.method == "POST" and form.is_valid() and not confirmed(request):
        data = form.cleaned_data
        role = Role(data["role"]).label
        return confirmation(
            request,
            title=_("Invite %(email)s?") % {"email": data["email"]},
            consequences=[
                (
                    _("They get the role “%(role)s” in %(cycle)s once they accept the link.")
                    % {
                        "role": role,
                        "cycle": in_language(data["cycle"].name, translation.get_language()),
                    }
                    if data["cycle"]
                    else _("They get the role “%(role)s” once they accept the link.")
                    % {"role": role}
                ),
                _("The link works once and expires; you can revoke it until it is used."),
            ],
            emails=1,
            button=_("Send the invitation"),
            cancel_url=reverse("accounts:users"),
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.invite(
            data["email"],
            role=data["role"],
            cycle=data["cycle"],
            full_name=data["full_name"],
            language=data["language"],
            actor=request.user,
        )
        messages.success(
            request, _("The invitation is on its way to %(email)s.") % {"email": data["email"]}
        )
        return redirect("accounts:users")
    return render(request, "accounts/invite.html", {"form": form})


def _names(people) -> str:
    return ", ".join(f"{p.name} <{p.email}>" if p.name else p.email for p in people)


def _skipped(plan) -> list[str]:
    """One sentence for each reason a line of the list is skipped, naming the lines."""
    reasons = [
        (plan.repeated, _("Repeated on an earlier line, skipped: %(people)s.")),
        (plan.invited_already, _("Invited already, not invited again: %(people)s.")),
        (plan.has_role, _("Holding the role already, skipped: %(people)s.")),
        (plan.yourself, _("You cannot invite yourself, skipped: %(people)s.")),
    ]
    return [text % {"people": _names(people)} for people, text in reasons if people]


@login_required
@require_http_methods(["GET", "POST"])
def invite_list(request):
    """Invite a pasted list of committee members at once, after a preview that names whom it
    invites and whom it skips; a line that is not an address is refused by its number, and the
    pasted text stays in the box."""
    require(request.user, "accounts.manage_users")
    form = BulkInviteForm(
        request.POST or None,
        cycles=cycle_choices(),
        initial={"language": translation.get_language()},
    )
    status = 200
    if request.method == "POST":
        status = 400
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = services.plan_invitations(
            data["people"], role=data["role"], cycle=data["cycle"], actor=request.user
        )
        if not plan.invite:
            form.add_error("people", _("Nobody on this list is left to invite."))
            for reason in _skipped(plan):
                form.add_error("people", reason)
        elif not confirmed(request, emails=len(plan.invite)):
            role = Role(data["role"]).label
            cycle = in_language(data["cycle"].name, translation.get_language())
            return confirmation(
                request,
                title=ngettext(
                    "Invite %(count)d person as %(role)s?",
                    "Invite %(count)d people as %(role)s?",
                    len(plan.invite),
                )
                % {"count": len(plan.invite), "role": role.lower()},
                consequences=[
                    _("Invited to the role “%(role)s” in %(cycle)s: %(people)s.")
                    % {"role": role, "cycle": cycle, "people": _names(plan.invite)},
                    *_skipped(plan),
                    _("Each link works once and expires; you can revoke it until it is used."),
                ],
                emails=len(plan.invite),
                button=_("Send the invitations"),
                cancel_url=reverse("accounts:invite_list"),
            )
        else:
            done = services.invite_many(
                data["people"],
                role=data["role"],
                cycle=data["cycle"],
                language=data["language"],
                actor=request.user,
            )
            messages.success(
                request,
                ngettext(
                    "%(count)d invitation is on its way: %(people)s.",
                    "%(count)d invitations are on their way: %(people)s.",
                    len(done.invite),
                )
                % {"count": len(done.invite), "people": _names(done.invite)},
            )
            for reason in _skipped(done):
                messages.info(request, reason)
            return redirect("accounts:users")
    return render(request, "accounts/invite_list.html", {"form": form}, status=status)


@login_required
@require_POST
def invitation_resend(request, pk: int):
    require(request.user, "accounts.manage_users")
    invitation = get_object_or_404(Invitation, pk=pk)
    with refusals(request):
        services.resend_invitation(invitation, actor=request.user)
        messages.success(
            request, _("A new invitation link was sent to %(email)s.") % {"email": invitation.email}
        )
    return redirect("accounts:users")


@login_required
@require_POST
def invitation_revoke(request, pk: int):
    require(request.user, "accounts.manage_users")
    invitation = get_object_or_404(Invitation, pk=pk)
    with refusals(request):
        services.revoke_invitation(invitation, actor=request.user)
        messages.success(
            request, _("The invitation for %(email)s was withdrawn.") % {"email": invitation.email}
        )
    return redirect("accounts:users")


@login_required
@require_POST
def user_active(request, pk: int):
    require(request.user, "accounts.manage_users")
    user = get_object_or_404(User, pk=pk)
    active = request.POST.get("active") == "1"
    with refusals(request):
        services.set_user_active(user, active=active, actor=request.user)
    return redirect("accounts:users")


@login_required
@require_http_methods(["GET", "POST"])
def user_email(request, pk: int):
    """Staff change someone's sign-in address (the person cannot: see services.change_email)."""
    require(request.user, "accounts.manage_users")
    person = get_object_or_404(User, pk=pk)
    form = ChangeEmailForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with refusals(request, form):
                services.change_email(person, email=form.cleaned_data["email"], actor=request.user)
                messages.success(
                    request,
                    _("The address is changed. The old and the new address are both told."),
                )
                return redirect("accounts:users")
    return render(
        request, "accounts/user_email.html", {"person": person, "form": form}, status=status
    )


def email_pages_closed(request, **kwargs):
    """allauth's own address pages (add, remove, make primary, resend, confirm) do not exist
    here: a user who could set their own address could claim another's, and with it whatever
    hangs on it. Staff change an address through `user_email`."""
    raise Http404


@login_required
@require_POST
def role_remove(request, pk: int):
    require(request.user, "accounts.manage_users")
    grant = get_object_or_404(RoleGrant.objects.select_related("user"), pk=pk)
    if grant.user == request.user:
        messages.error(request, _("You cannot remove your own role."))
    else:
        services.remove_role(grant, actor=request.user)
    return redirect("accounts:users")


@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """Open to anyone holding the link: it makes the account, or adds the role to the one
    signed in with the invited address."""
    try:
        found = services.find_invitation(token)
    except services.InvitationError as error:
        return render(
            request,
            "accounts/invitation_problem.html",
            {"problem": INVITATION_PROBLEMS[error.state]},
            status=410 if error.state else 404,
        )
    existing = User.objects.filter(email__iexact=found.email).first()
    if existing is not None:
        return _accept_existing(request, token, found, existing)
    form = AcceptInvitationForm(
        request.POST or None, email=found.email, initial={"full_name": found.full_name}
    )
    if request.method == "POST" and form.is_valid():
        user = services.accept_invitation(
            token,
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
            language=translation.get_language(),
        )
        messages.success(request, _("Welcome. Your account is ready."))
        return sign_in_new_account(request, user)
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": found})


def _accept_existing(request, token, found, existing):
    if not request.user.is_authenticated:
        messages.info(request, _("You already have an account. Sign in to accept the invitation."))
        return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
    if request.user != existing:
        return render(
            request,
            "accounts/invitation_problem.html",
            {
                "problem": _(
                    "This invitation is for another account. "
                    "Sign out and sign in with the invited address."
                )
            },
            status=403,
        )
    if request.method == "POST":
        try:
            services.accept_invitation_as(token, user=request.user)
        except services.InvitationError as error:
            return render(
                request,
                "accounts/invitation_problem.html",
                {"problem": INVITATION_PROBLEMS[error.state]},
                status=403,
            )
        messages.success(
            request, _("You now have the role %(role)s.") % {"role": found.get_role_display()}
        )
        return redirect(queries.start_page(request.user))
    return render(request, "accounts/invitation_confirm.html", {"invitation": found})


def sign_in_new_account(request, user):
    """Sign the new account in through allauth, recording that the password was just given:
    enrolling a second factor then needs no second password prompt."""
    redirect_url = (
        reverse("staff:dashboard") if user.needs_second_factor else queries.start_page(user)
    )
    record_authentication(request, user, method="password", email=user.email, reauthenticated=True)
    return perform_login(request, user, redirect_url=redirect_url)


def password_reset(request, *args, **kwargs):
    """allauth's password-reset page, answered no sooner than PASSWORD_RESET_FLOOR_SECONDS after
    a request: the page already says the same whether the address has an account or not, and
    now takes as long (an account's reset makes a token and queues an email, which took about
    30 ms more: a helper's attack told the two apart by time)."""
    started = time.monotonic()
    response = allauth_views.password_reset(request, *args, **kwargs)
    if request.method == "POST":
        time.sleep(max(0.0, settings.PASSWORD_RESET_FLOOR_SECONDS - (time.monotonic() - started)))
    return response
