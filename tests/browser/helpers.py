"""What many browser tests do first: sign a user in through the real pages."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.scenarios import totp_code


def sign_in(page, live_server, user) -> None:
    """Through the real sign-in pages, second factor included."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    secret = Authenticator.objects.get(user=user, type="totp").wrap().instance.data["secret"]
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code(decrypt(secret)))
    page.get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/"))
