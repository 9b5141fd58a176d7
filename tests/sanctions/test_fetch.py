"""The daily fetch downloads each configured list and imports it; with no address configured
(the default) it fetches nothing (laurel.sanctions.services.fetch_lists, tasks). The lists are
served by a web server on this machine: no test reaches the network."""

import time

import pytest
from django.conf import settings as django_settings
from django_tasks_db.models import DBTaskResult

from laurel.sanctions.models import ListSnapshot
from laurel.sanctions.services import lists as services
from laurel.sanctions.tasks import fetch_sanctions_lists
from tests.local_server import QuietHandler, serving
from tests.sanctions.helpers import fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher():
    """A web server on this machine serving the fixture files, as the publishers serve theirs:
    /eu.xml, /un.xml and /UK-Sanctions-List.xml; /slow answers after a second; anything else is
    a 404.
    Yields its address and the paths it was asked for."""
    asked = []
    files = {
        "/eu.xml": fixture("eu"),
        "/un.xml": fixture("un"),
        "/UK-Sanctions-List.xml": fixture("uk_list"),
    }

    class Handler(QuietHandler):
        def do_GET(self):
            asked.append(self.path)
            if self.path == "/slow":
                time.sleep(1)
            body = files.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    with serving(Handler) as address:
        yield address, asked


def test_by_default_no_address_is_configured_and_nothing_is_fetched(run_tasks):
    assert django_settings.SANCTIONS_LIST_URLS == {}
    assert services.fetch_lists() == []

    fetch_sanctions_lists.enqueue()
    assert run_tasks() == 1

    result = DBTaskResult.objects.get(task_path="laurel.sanctions.tasks.fetch_sanctions_lists")
    assert result.return_value == "no list address is configured"
    assert ListSnapshot.objects.count() == 0


def test_each_configured_list_is_downloaded_and_imported(settings, publisher):
    address, asked = publisher
    settings.SANCTIONS_LIST_URLS = {
        "eu": f"{address}/eu.xml",
        "uk": f"{address}/UK-Sanctions-List.xml",
    }

    outcomes = services.fetch_lists()

    assert outcomes == [
        "eu: imported, published 2026-11-30, 3 entries",
        "uk: imported, published 2026-12-01, 3 entries",
    ]
    assert asked == ["/eu.xml", "/UK-Sanctions-List.xml"]
    eu = ListSnapshot.objects.get(source="eu", current=True)
    assert (eu.file_name, eu.imported_by, eu.entry_count) == (f"{address}/eu.xml", None, 3)
    assert ListSnapshot.objects.get(source="uk", current=True).skipped_count == 1


def test_the_task_runs_the_fetch_and_an_unchanged_list_is_not_imported_again(
    settings, publisher, run_tasks
):
    address, asked = publisher
    settings.SANCTIONS_LIST_URLS = {"un": f"{address}/un.xml"}
    services.fetch_lists()

    fetch_sanctions_lists.enqueue()
    run_tasks()

    result = DBTaskResult.objects.get(task_path="laurel.sanctions.tasks.fetch_sanctions_lists")
    assert result.return_value == "un: unchanged since the last import"
    assert asked == ["/un.xml", "/un.xml"]
    assert ListSnapshot.objects.filter(source="un").count() == 1


def test_a_list_that_cannot_be_had_is_reported_and_the_others_still_imported(
    settings, publisher, caplog
):
    address, _asked = publisher
    settings.SANCTIONS_LIST_URLS = {
        "eu": f"{address}/gone.xml",
        "un": f"{address}/eu.xml",  # the EU's file where the UN's was expected
        "uk": f"{address}/UK-Sanctions-List.xml",
    }

    outcomes = services.fetch_lists()

    assert outcomes[0] == (
        f"eu: not imported: {address}/gone.xml could not be downloaded: HTTP 404 Not Found."
    )
    assert outcomes[1].startswith(
        f"un: not imported: {address}/eu.xml is not a readable UN Security Council consolidated "
        "list: the file's root element is <export>, not <CONSOLIDATED_LIST>"
    )
    assert outcomes[2] == "uk: imported, published 2026-12-01, 3 entries"
    assert list(ListSnapshot.objects.values_list("source", flat=True)) == ["uk"]
    assert "the eu sanctions list was not imported" in caplog.text


def test_a_download_is_bounded_in_size_in_time_and_to_http(monkeypatch, publisher):
    address, asked = publisher
    monkeypatch.setattr(services, "DOWNLOAD_MAX_BYTES", 1000)
    monkeypatch.setattr(services, "DOWNLOAD_TIMEOUT_SECONDS", 0.2)

    with pytest.raises(services.SanctionsError, match="is larger than 1,000 bytes: not imported"):
        services.download(f"{address}/eu.xml")
    with pytest.raises(services.SanctionsError, match="/slow could not be downloaded: timed out"):
        services.download(f"{address}/slow")
    with pytest.raises(services.SanctionsError, match="is not an http or https address"):
        services.download("file:///etc/passwd")

    assert asked == ["/eu.xml", "/slow"]
