"""Platform hardening: browser features off, the language cookie like the session's, /readyz
telling outsiders only ready or not, and files on disk for the site's own user only."""

import stat
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from laurel.core.models import WorkerHeartbeat
from laurel.nominations.models import Attachment
from tests.nominations.helpers import PDF, complete_post
from tests.scenarios import NOMINATE, new_token
from tests.settings_helpers import PRODUCTION, manage

FEATURES_OFF = ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]


def mode(path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/nominate/", "/healthz", "/en/no-such-page/"])
def test_every_response_switches_off_the_browser_features_no_page_uses(client, child10, path):
    policy = client.get(path)["Permissions-Policy"].split(", ")

    assert [feature for feature in FEATURES_OFF if feature not in policy] == []


@pytest.mark.system
def test_the_language_cookie_is_secure_and_not_for_scripts_under_https(tmp_path):
    script = (
        "from django.test import Client; "
        "r = Client().post('/i18n/setlang/', {'language': 'sv', 'next': '/'}, secure=True); "
        "c = r.cookies['django_language']; "
        "print(c.value, bool(c['secure']), bool(c['httponly']), c['samesite'])"
    )
    env = {**PRODUCTION, "ALLOWED_HOSTS": "testserver"}

    result = manage("shell", "--no-imports", "-c", script, env=env, tmp_path=tmp_path)

    assert result.stdout.split() == ["sv", "True", "True", "Lax"], result.stderr


@pytest.fixture
def live_worker(db):
    now = timezone.now() - timedelta(seconds=1)
    WorkerHeartbeat.objects.create(worker_id="w", host="h", pid=1, started_at=now, beat_at=now)


@pytest.mark.parametrize(
    "headers",
    [
        {"REMOTE_ADDR": "203.0.113.5"},
        # Through a proxy on this machine: the connection is local, the visitor is not.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"},
    ],
)
def test_readyz_tells_an_anonymous_caller_only_ready_or_not(client, live_worker, headers):
    response = client.get("/readyz", **headers)

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_readyz_shows_its_checks_to_staff(staff_client, live_worker):
    response = staff_client.get("/readyz", REMOTE_ADDR="203.0.113.5")

    assert sorted(response.json()["checks"]) == ["database", "disk", "migrations", "worker"]


@pytest.mark.system
def test_a_fresh_data_directory_and_its_files_are_for_the_owner_only(tmp_path):
    data = tmp_path / "var"

    result = manage("check", env={"SECRET_KEY": "", "LAUREL_DATA_DIR": str(data)}, tmp_path=data)

    assert result.returncode == 0, result.stderr
    modes = {p.name: mode(p) for p in [data, *data.iterdir()]}
    assert modes == {
        "var": "0o700",
        "secret_key": "0o600",
        "field_keys": "0o600",
        "laurel.sqlite3": "0o600",
    }


@pytest.mark.django_db
def test_an_uploaded_document_is_stored_for_the_owner_only(client, child10, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    token = new_token(client)
    document = SimpleUploadedFile("report.pdf", PDF, "application/pdf")

    client.post(NOMINATE, complete_post(child10, token, action="save", attachments=[document]))

    stored = tmp_path / "media" / Attachment.objects.get().file.name
    folders = [stored.parent, stored.parent.parent, stored.parent.parent.parent]
    assert mode(stored) == "0o600"
    assert [mode(folder) for folder in folders] == ["0o700", "0o700", "0o700"]
