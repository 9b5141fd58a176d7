"""What a session remembers about its sign-in: when it began (for the absolute lifetime)."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

# The moment this session was signed in (seconds since the epoch); see SessionLifetimeMiddleware.
SIGNED_IN_AT = "laurel_signed_in_at"


@receiver(user_logged_in, dispatch_uid="laurel.accounts.signed_in_at")
def remember_sign_in_time(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = time.time()
