"""What many browser tests do first: sign a user in through the real pages."""

import re
import time

from allauth.mfa.totp.internal.auth import hotp_value
from playwright.sync_api import expect

from tests.factories import PASSWORD


def code_for(secret: str) -> str:
    """The authenticator app's code for `secret` now."""
    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def sign_in(page, live_server, user) -> None:
    """Through the real sign-in pages, second factor included."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    secret = Authenticator.objects.get(user=user, type="totp").wrap().instance.data["secret"]
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(code_for(decrypt(secret)))
    page.get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))
