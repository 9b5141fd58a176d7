"""Playwright on Debian's Chromium, with axe-core, against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest

# Chromium's headless shell (Debian's chromium-headless-shell): the same Blink, V8 and
# DevTools protocol as the full browser, without its windowing and browser services, and what
# Playwright itself runs for headless tests. Measured 2026-12-07 on one browser file (14
# tests): Chromium's CPU 42.7 s with the full browser, 19.1 s with the shell; the whole browser
# suite passed on both. LAUREL_CHROMIUM names another build (/usr/bin/chromium).
CHROMIUM = os.environ.get("LAUREL_CHROMIUM", "/usr/bin/chromium-headless-shell")
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# The share of the browser files the PostgreSQL run of `make test` takes: that run has more of
# the rest (the system tests, and each database test costs more there), so it takes fewer
# browser files and the two runs end together (measured 2026-12-07, test time per run: half
# the files each gave SQLite 716 s and PostgreSQL 831 s; two fifths to PostgreSQL about 770 s
# each).
POSTGRES_SHARE = 0.4


def on_postgres(index: int) -> bool:
    """Whether the browser file at `index` (in file order) runs on PostgreSQL: spread evenly,
    POSTGRES_SHARE of them."""
    return int((index + 1) * POSTGRES_SHARE) > int(index * POSTGRES_SHARE)


def pytest_collection_modifyitems(config, items):
    # The browser marker itself comes from tests/conftest.py.
    browser_items = [item for item in items if "tests/browser/" in str(item.fspath)]
    share = os.environ.get("LAUREL_BROWSER_TESTS", "all").lower()
    if share in {"false", "none", "postgres", "sqlite"}:
        # scripts/test.sh shares the browser files between its two runs (the reasons are there).
        files = sorted({str(item.fspath) for item in browser_items})
        keep = {
            path
            for index, path in enumerate(files)
            if ("postgres" if on_postgres(index) else "sqlite") == share
        }
        skip = pytest.mark.skip(
            reason="this browser file runs on the other database's run (scripts/test.sh)"
        )
        for item in browser_items:
            if str(item.fspath) not in keep:
                item.add_marker(skip)
        browser_items = [item for item in browser_items if str(item.fspath) in keep]
        if not browser_items:
            return
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"Chromium is expected at {CHROMIUM} in CI and is missing")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (make test installs it as root)")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def axe():
    """axe(page) → the WCAG 2.2 A/AA violations on the page, as (rule, help, targets)."""

    def run(page) -> list[tuple[str, str, list]]:
        # Callers wait for what a click leads to; this waits for that page's subresources.
        page.wait_for_load_state("load")
        # Once per document: a second check of the same page (after an htmx swap, a dialog)
        # runs the axe already there, as axe's own integrations do (its 650 kB parsed once).
        if not page.evaluate("() => typeof window.axe?.run === 'function'"):
            page.evaluate(AXE_SOURCE)
        # Only the violations are worked out in full: axe's passes and "incomplete" results are
        # never read here, and leaving them out took a third off each check (measured on
        # 2026-12-07: 52 checks, 23.5 s → 15.2 s).
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        return [
            (violation["id"], violation["help"], [node["target"] for node in violation["nodes"]])
            for violation in result["violations"]
        ]

    return run


@pytest.fixture
def requests_seen(page):
    """Every URL the page asks for, to prove nothing comes from another host."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen
