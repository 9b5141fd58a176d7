"""What other apps hear about accounts (sent inside the service's transaction), and what a
session remembers about its sign-in: when it began (for the absolute lifetime)."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import Signal, receiver

# invitation=<Invitation>, user=<User>: an invitation was accepted; the user now holds its role.
# Apps above accounts tie what the invitation was sent for (a laureate's contact) to this user
# by id: rights never follow an email address, which can change.
invitation_accepted = Signal()

# user=<User>, old=<str>, new=<str>, actor=<User>: staff changed the user's sign-in address.
# Apps above accounts move the mail they send this person there (never a right: rights follow
# the user id).
email_changed = Signal()

# The moment this session was signed in (seconds since the epoch); see SessionLifetimeMiddleware.
SIGNED_IN_AT = "laurel_signed_in_at"


@receiver(user_logged_in, dispatch_uid="laurel.accounts.signed_in_at")
def remember_sign_in_time(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = time.time()
