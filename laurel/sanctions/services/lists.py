"""Importing the official sanctions lists, each file a snapshot of its own.

`import_list` reads the file first (a file that cannot be read changes nothing and says why),
refuses the file the current snapshot was made from, and otherwise writes the new snapshot with
its entries in one transaction and makes it the current one; the older snapshots stay.
`fetch_lists` downloads each address of settings.SANCTIONS_LIST_URLS (none by default) and
imports what it finds."""

from __future__ import annotations

import hashlib
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from laurel.core.services import ServiceError, record
from laurel.sanctions.enums import Source
from laurel.sanctions.matching import KEYS_VERSION, stored_keys
from laurel.sanctions.models import EntryBirthDate, EntryName, ListEntry, ListSnapshot
from laurel.sanctions.parsers import ListFormatError, ParsedEntry, ParsedList, parse
from laurel.sanctions.services import screening

if TYPE_CHECKING:
    from laurel.accounts.models import User

logger = logging.getLogger(__name__)

# Rows written a statement: 20,000 entries and their names in a few dozen INSERTs.
BATCH = 1000
# A download: the EU's file is about 20 MB, the UK's about 15 MB; far past that is not a list.
DOWNLOAD_MAX_BYTES = 100 * 1024 * 1024
DOWNLOAD_TIMEOUT_SECONDS = 60


class SanctionsError(ServiceError):
    """A list was not imported: the file could not be read, or was imported already."""


class AlreadyImported(SanctionsError):
    """The file is the one the current snapshot was made from."""


def import_list(
    *, source: str, data: bytes, file_name: str, actor: User | None = None
) -> ListSnapshot:
    """The file's list as the new current snapshot of `source` ("eu", "un" or "uk")."""
    if source not in Source.values:
        raise SanctionsError(f"“{source}” is not a list Laurel imports (eu, un or uk).")
    label = Source(source).label
    try:
        parsed = parse(source, data)
    except ListFormatError as error:
        raise SanctionsError(f"{file_name} is not a readable {label}: {error}") from error
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        current = (
            ListSnapshot.objects.select_for_update().filter(source=source, current=True).first()
        )
        if current is not None and current.sha256 == digest:
            raise AlreadyImported(
                f"{file_name} was imported already: the current {label} "
                f"(published {current.published_on:%Y-%m-%d}) is this very file. Nothing changed."
            )
        if current is not None and parsed.published_on < current.published_on:
            raise SanctionsError(
                f"{file_name} was published on {parsed.published_on:%Y-%m-%d}, before the "
                f"current {label} ({current.published_on:%Y-%m-%d}): an older list would "
                "replace a newer one. Nothing changed."
            )
        if current is not None:
            current.current = False
            current.save(update_fields=["current"])
        snapshot = ListSnapshot.objects.create(
            source=source,
            published_on=parsed.published_on,
            imported_by=actor,
            sha256=digest,
            entry_count=len(parsed.entries),
            skipped_count=parsed.skipped,
            file_name=file_name[:255],
            current=True,
            keys_version=KEYS_VERSION,
        )
        _write_entries(snapshot, parsed)
        record(
            "sanctions.list_imported",
            actor=actor,
            subject=snapshot,
            summary=f"{label} published {parsed.published_on:%Y-%m-%d} imported: "
            f"{len(parsed.entries)} entries",
            data={
                "source": source,
                "published_on": parsed.published_on.isoformat(),
                "entries": len(parsed.entries),
                "skipped": parsed.skipped,
                "sha256": digest,
                "file_name": file_name,
                "replaced": current.pk if current is not None else None,
            },
        )
    # Everyone screened before, screened again against the new list (issue 21).
    screening.rescreen(actor=actor)
    return snapshot


def _write_entries(snapshot: ListSnapshot, parsed: ParsedList) -> None:
    for start in range(0, len(parsed.entries), BATCH):
        batch = parsed.entries[start : start + BATCH]
        rows = ListEntry.objects.bulk_create(
            [
                ListEntry(
                    snapshot=snapshot,
                    reference=entry.reference,
                    kind=entry.kind,
                    regime=entry.regime,
                    listed_on=entry.listed_on,
                    remarks=entry.remarks,
                    citizenships=entry.citizenships,
                    citizenships_unmapped=entry.citizenships_unmapped,
                )
                for entry in batch
            ]
        )
        EntryName.objects.bulk_create(_names(zip(rows, batch, strict=True)), batch_size=BATCH)
        EntryBirthDate.objects.bulk_create(
            [
                EntryBirthDate(
                    entry=row,
                    year=born.year,
                    month=born.month,
                    day=born.day,
                    year_to=born.year_to,
                    circa=born.circa,
                )
                for row, entry in zip(rows, batch, strict=True)
                for born in entry.birth_dates
            ],
            batch_size=BATCH,
        )


def _names(pairs: Iterable[tuple[ListEntry, ParsedEntry]]) -> list[EntryName]:
    return [
        EntryName(
            entry=row,
            whole_name=name.whole_name,
            keys=stored_keys(entry.kind, name.whole_name),
            primary=name.primary,
            weak=name.weak,
            script=name.script,
        )
        for row, entry in pairs
        for name in entry.names
    ]


def fetch_lists() -> list[str]:
    """Download and import each list whose address is configured (settings.SANCTIONS_LIST_URLS;
    none by default, and then nothing is fetched). What happened to each, in a line; a list
    that fails is logged and does not stop the others."""
    outcomes = []
    for source, url in settings.SANCTIONS_LIST_URLS.items():
        try:
            snapshot = import_list(source=source, data=download(url), file_name=url)
        except AlreadyImported:
            outcomes.append(f"{source}: unchanged since the last import")
        except SanctionsError as error:
            logger.warning("the %s sanctions list was not imported: %s", source, error.message)
            outcomes.append(f"{source}: not imported: {error.message}")
        else:
            outcomes.append(
                f"{source}: imported, published {snapshot.published_on:%Y-%m-%d}, "
                f"{snapshot.entry_count} entries"
            )
    return outcomes


def download(url: str) -> bytes:
    """The file at `url` (http or https), within DOWNLOAD_TIMEOUT_SECONDS and
    DOWNLOAD_MAX_BYTES."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise SanctionsError(f"{url} is not an http or https address.")
    request = urllib.request.Request(url, headers={"User-Agent": "Laurel sanctions-list import"})  # noqa: S310 (the scheme is checked above)
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:  # noqa: S310
            data: bytes = response.read(DOWNLOAD_MAX_BYTES + 1)
    except (urllib.error.URLError, OSError) as error:
        reason = (
            f"HTTP {error.code} {error.reason}"
            if isinstance(error, urllib.error.HTTPError)
            else getattr(error, "reason", error)
        )
        raise SanctionsError(f"{url} could not be downloaded: {reason}.") from error
    if len(data) > DOWNLOAD_MAX_BYTES:
        raise SanctionsError(f"{url} is larger than {DOWNLOAD_MAX_BYTES:,} bytes: not imported.")
    return data
