"""T901, the project's djLint rule against template lines over 200 characters."""

from djlint.lint import linter
from djlint.settings import Config

from tests.conftest import ROOT

LINK = '<a href="{% url "page" %}">{% translate "Page" %}</a>'
LINKS = " · ".join([LINK] * 6)
BREAKABLE = f"<p>{LINKS}</p>"
ONE_STRING = '<p class="hint">{% translate "' + "A sentence that goes on. " * 8 + '" %}</p>'


def t901(html: str, path: str = "templates/sample.html") -> list[str]:
    """The lines T901 reports in html, linted with the project's configuration."""
    config = Config(str(ROOT / "templates"), lint=True)
    found = linter(config, html, "sample.html", path)["sample.html"]
    return [error["line"].split(":")[0] for error in found if error["code"] == "T901"]


def test_the_rule_is_read_from_the_project_with_its_limit():
    config = Config(str(ROOT / "templates"), lint=True)

    assert config.max_line_length == 200
    assert "T901" in {rule["rule"]["name"] for rule in config.linter_rules}


def test_a_line_over_200_characters_that_can_be_broken_is_reported():
    assert len(BREAKABLE) > 200

    assert t901(f"<h1>Title</h1>\n{BREAKABLE}\n") == ["2"]


def test_the_same_text_broken_between_its_links_passes():
    broken = "<p>" + " ·\n  ".join(LINKS.split(" · ")) + "</p>"

    assert t901(broken) == []


def test_a_line_long_only_because_of_one_translatable_string_passes():
    """A tag cannot span lines, and the msgid must stay as it is for the Swedish catalogue."""
    assert len(ONE_STRING) > 200

    assert t901(ONE_STRING) == []
    assert t901(f'{ONE_STRING[:-4]} <a href="{{% url "page" %}}">{LINKS}</a></p>') == ["1"]


def test_an_exception_is_written_in_the_template():
    ignored = f"{{# djlint:off T901 #}}\n{BREAKABLE}\n{{# djlint:on #}}\n{BREAKABLE}\n"

    assert t901(ignored) == ["4"]
