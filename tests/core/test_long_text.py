"""One count for every typed text's limit (laurel.core.forms: characters): a line break is one
character, as the person typing sees it, though a browser sends it as two (CR LF); the nomination
form and the committee's long texts count alike."""

from pathlib import Path

from django import forms
from django.utils import translation

from laurel.core.forms import characters, long_text
from laurel.nominations.forms import NominationForm
from laurel.selection.forms import RecordForm

TEN_LINES = "\r\n".join(["x" * 9] * 10)  # 90 letters and 9 line breaks: 99 characters


def test_a_line_break_is_one_character():
    assert characters(TEN_LINES) == 99
    assert len(TEN_LINES) == 108


def test_a_long_text_takes_its_limit_in_characters_and_says_by_how_much_it_is_over():
    class Form(forms.Form):
        arguments = long_text("Arguments", 99, too_long="%(limit_value)s; it has %(show_value)s")

    assert Form({"arguments": TEN_LINES}).is_valid()

    over = Form({"arguments": TEN_LINES + "x"})
    assert not over.is_valid()
    assert over.errors["arguments"] == ["99; it has 100"]


def test_the_committee_record_and_the_nomination_form_count_alike(child10):
    record = RecordForm({"arguments": "\r\n".join(["y" * 999] * 8) + "y"})  # 7,992 + 7 + 1
    assert "arguments" in record.fields and "arguments" not in record.errors

    record = RecordForm({"arguments": "\r\n".join(["y" * 999] * 8) + "yy"})  # 8,001
    assert record.errors["arguments"] == [
        "Shorten the text to 8,000 characters or fewer; it has 8,001"
    ]
    with translation.override("sv"):
        record = RecordForm({"arguments": "y" * 8001})
        assert record.errors["arguments"] == [
            "Korta texten till högst 8\xa0000 tecken; nu är den 8\xa0001"
        ]

    form = NominationForm(cycle=child10, complete=False)
    limit = form.fields["org_description"].limit
    text = "\r\n".join(["z" * 9] * (limit // 10))  # a line break in every tenth place
    assert characters(text) == limit - 1
    text += "z"
    assert form.too_long("org_description", text) is None
    assert form.too_long("org_description", text + "z") is not None


def calls_of(source: str, name: str):
    """The text of each call `name(...)` in the source, its parentheses balanced."""
    start = source.find(f"{name}(")
    while start >= 0:
        end, depth = start + len(name) + 1, 1
        while depth:
            depth += {"(": 1, ")": -1}.get(source[end], 0)
            end += 1
        yield source[start:end]
        start = source.find(f"{name}(", end)


def test_every_long_text_with_a_limit_is_a_long_text():
    """A Textarea with Django's max_length gets `maxlength`, and a browser cuts a pasted text
    short without a word: a limited long text is `long_text`, which keeps it all and says by
    how much it is over."""
    root = Path(__file__).resolve().parents[2] / "laurel"
    cut_short = [
        f"{path.relative_to(root)}: {call.splitlines()[0]}"
        for path in sorted(root.rglob("*.py"))
        for call in calls_of(path.read_text(encoding="utf-8"), "forms.CharField")
        if "Textarea" in call and "max_length" in call
    ]
    assert cut_short == []
