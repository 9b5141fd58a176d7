"""The staff page writes the award's questions back as the award file writes them, so that
questions changed in the staff area can be copied into the file before it is loaded again:
what it writes reads back (tomllib, the file's own reader) to the same questions."""

import tomllib

import pytest
from django.urls import reverse

from laurel.cycles.award_toml import questions_toml
from laurel.cycles.definition import as_written, parse_questions

pytestmark = pytest.mark.django_db

AWKWARD = {
    "key": "motto",
    "kind": "short_text",
    "label": {
        "sv": 'Organisationens "motto" – på\tsitt eget språk',
        "en": "Its motto\\slogan, in its own words\nor a line of its song",
    },
    "help": {"sv": "Frivilligt \x7f.", "en": "Optional. Ünïcödé, 中文, עברית."},
    "section": "organisation",
    "required": False,
    "max_characters": 120,
    "visible_to": "public",
    "personal": False,
    "retired": False,
}


def test_the_questions_read_back_as_they_were_written(aurora):
    written = [as_written(q) for q in aurora.questions.all()] + [AWKWARD]

    text = questions_toml(written)
    read = tomllib.loads(text)["questions"]

    assert read == written
    # Read as the file's are, they make the same questions.
    assert parse_questions(read, working=aurora.working) == parse_questions(
        written, working=aurora.working
    )
    assert '[[questions]]\nkey = "leadership"' in text


def test_no_questions_write_nothing():
    assert questions_toml([]) == ""


def test_the_staff_page_offers_them_to_copy_into_the_file(staff_client, aurora):
    page = staff_client.get(reverse("staff:cycle", args=[aurora.slug])).content.decode()

    block = page.split('id="questions-toml"')[1].split("</details>")[0]
    assert "copy these into the file first" in block
    assert "key = &quot;council_rules&quot;" in block
    assert "kind = &quot;file&quot;" in block
