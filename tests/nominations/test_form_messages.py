"""Every field of the nomination form says what to do, in the page's language (issue 16, item 9).

The messages are asserted as a nominator reads them, in English and Swedish, for the empty, the
malformed and the too-long answer; no Django default message may reach the page."""

import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.nominations.helpers import complete_post

pytestmark = pytest.mark.django_db

# field, what is posted, the English message, the Swedish message
CASES = [
    ("org_name", "", "Enter the name of the organisation", "Skriv organisationens namn"),
    (
        "org_name",
        "x" * 201,
        "Shorten the name of the organisation to 200 characters or fewer; it has 201",
        "Korta organisationens namn till högst 200 tecken; nu är det 201",
    ),
    (
        "org_country",
        "",
        "Choose the country where the organisation works",
        "Välj landet där organisationen verkar",
    ),
    (
        "org_country",
        "US",
        "Choose the country where the organisation works",
        "Välj landet där organisationen verkar",
    ),
    (
        "org_country",
        "--",
        "Choose a listed country where the organisation works. If it works only in countries "
        "not on the list, it cannot be nominated for this award.",
        "Välj ett land i listan där organisationen verkar. Om den bara verkar i länder som "
        "inte finns i listan kan den inte nomineras till det här priset.",
    ),
    (
        "org_city",
        "x" * 121,
        "Shorten the city to 120 characters or fewer; it has 121",
        "Korta ortnamnet till högst 120 tecken; nu är det 121",
    ),
    (
        "org_website",
        "not a web address",
        "Enter the organisation's website address, like https://example.org",
        "Skriv adressen till organisationens webbplats, till exempel https://example.org",
    ),
    (
        "org_registration_number",
        "1" * 61,
        "Shorten the registration number to 60 characters or fewer; it has 61",
        "Korta registreringsnumret till högst 60 tecken; nu är det 61",
    ),
    (
        "org_contact_name",
        "x" * 151,
        "Shorten the contact person's name to 150 characters or fewer; it has 151",
        "Korta kontaktpersonens namn till högst 150 tecken; nu är det 151",
    ),
    (
        "org_contact_email",
        "info@",
        "Enter the contact's email address in the correct format, like name@example.org",
        "Skriv kontaktpersonens e-postadress i rätt form, till exempel namn@example.org",
    ),
    (
        "org_description",
        "",
        "Describe what the organisation does",
        "Beskriv vad organisationen gör",
    ),
    (
        "org_description",
        "x" * 1200,
        "Shorten what the organisation does to 1,000 characters or fewer; it has 1,200",
        "Korta beskrivningen av vad organisationen gör till högst 1\xa0000 tecken; "
        "nu är den 1\xa0200",
    ),
    (
        "org_founded_year",
        "about 2009",
        "Enter the year the organisation started, for example 2009",
        "Skriv året då organisationen startade, till exempel 2009",
    ),
    (
        "org_founded_year",
        "1700",
        "Enter a year between 1800 and {year}",
        "Skriv ett årtal mellan 1800 och {year}",
    ),
    (
        "org_founded_year",
        "3000",
        "Enter a year between 1800 and {year}",
        "Skriv ett årtal mellan 1800 och {year}",
    ),
    (
        "answer_1",
        "",
        "Say why the organisation meets “Brave, tireless and effective work”",
        "Berätta varför organisationen uppfyller kriteriet ”Modigt, outtröttligt och "
        "effektivt arbete”",
    ),
    (
        "answer_3",
        "x" * 2001,
        "Shorten your answer to “Cooperation and joint action” to 2,000 characters or fewer; "
        "it has 2,001",
        "Korta ditt svar om ”Samarbete och gemensamma åtgärder” till högst 2\xa0000 tecken; "
        "nu är det 2\xa0001",
    ),
    (
        "link_2",
        "see our report",
        "Enter link 2 as a web address, like https://example.org/annual-report",
        "Skriv länk 2 som en webbadress, till exempel https://example.org/arsrapport",
    ),
    ("nominator_name", "", "Enter your name", "Skriv ditt namn"),
    (
        "nominator_name",
        "x" * 151,
        "Shorten your name to 150 characters or fewer; it has 151",
        "Korta ditt namn till högst 150 tecken; nu är det 151",
    ),
    ("nominator_email", "", "Enter your email address", "Skriv din e-postadress"),
    (
        "nominator_email",
        "nora.example.org",
        "Enter an email address in the correct format, like name@example.org",
        "Skriv e-postadressen i rätt form, till exempel namn@example.org",
    ),
    (
        "nominator_organisation",
        "x" * 201,
        "Shorten the name of your organisation to 200 characters or fewer; it has 201",
        "Korta namnet på din organisation till högst 200 tecken; nu är det 201",
    ),
    (
        "nominator_role",
        "x" * 121,
        "Shorten your role to 120 characters or fewer; it has 121",
        "Korta din roll till högst 120 tecken; nu är den 121",
    ),
    (
        "relationship",
        "",
        "Choose your relationship to the organisation",
        "Välj vilken koppling du har till organisationen",
    ),
    (
        "relationship",
        "cousin",
        "Choose your relationship to the organisation",
        "Välj vilken koppling du har till organisationen",
    ),
    (
        "q_organisation_aware",
        "",
        "Choose an answer to “Does the organisation know you are nominating it?”",
        "Välj ett svar på ”Vet organisationen att du nominerar den?”",
    ),
    (
        "preferred_language",
        "nl",
        "Choose the language for our emails to you",
        "Välj språk för vår e-post till dig",
    ),
    (
        "declared_true",
        "",
        "Confirm that the information you give is true to the best of your knowledge",
        "Bekräfta att uppgifterna du lämnar är sanna så långt du vet",
    ),
    (
        "declared_safeguarding",
        "",
        "Confirm that you have read the safeguarding notice and give no identifying details",
        "Bekräfta att du har läst informationen om skydd av barn och inte lämnar några "
        "uppgifter som kan identifiera någon",
    ),
    (
        "declared_privacy",
        "",
        "Confirm that you have read the privacy notice",
        "Bekräfta att du har läst integritetspolicyn",
    ),
]

DJANGO_DEFAULTS = [
    "This field is required",
    "Detta fält måste fyllas i",
    "Ensure this value",
    "Kontrollera att detta värde",
    "Select a valid choice",
    "Välj ett giltigt alternativ",
    "Enter a valid",
    "Fyll i en giltig",
    "Enter a whole number",
    "Fyll i ett heltal",
]


def post_to_review(client, cycle, language: str, **changes):
    page = client.get(f"/{language}/nominate/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    data = complete_post(cycle, token, **changes)
    for name, value in changes.items():
        if value == "" and name.startswith("declared_"):
            del data[name]  # an unticked box is not sent at all
    return client.post(f"/{language}/nominate/", data)


def rounds() -> list[list[tuple]]:
    """The cases in as few posts as can hold them: each field at most once a post."""
    result: list[list[tuple]] = []
    for case in CASES:
        free = next((r for r in result if case[0] not in {c[0] for c in r}), None)
        if free is None:
            free = []
            result.append(free)
        free.append(case)
    return result


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("cases", rounds(), ids=lambda cases: f"{len(cases)}-fields")
def test_each_field_says_what_to_do_in_the_pages_language(client, child10, language, cases):
    year = timezone.localdate().year

    response = post_to_review(client, child10, language, **{c[0]: c[1] for c in cases})

    page = response.content.decode()
    errors = response.context["form"].errors
    assert response.status_code == 200
    for field, _posted, english, swedish in cases:
        expected = (english if language == "en" else swedish).format(year=year)
        assert errors[field] == [expected], field
        # Beside the field, and in the summary at the top that links to the field.
        assert page.count(str(escape(expected))) == 2, field


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_empty_form_sent_for_review_shows_no_django_default_message(client, child10, language):
    page = client.get(f"/{language}/nominate/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)

    response = client.post(f"/{language}/nominate/", {"token": token, "action": "review"})

    errors = response.context["form"].errors
    text = response.content.decode()
    assert set(errors) == {
        "org_name",
        "org_country",
        "org_website",
        "org_description",
        "answer_1",
        "answer_2",
        "answer_3",
        "answer_4",
        "nominator_name",
        "nominator_email",
        "relationship",
        "preferred_language",
        "q_organisation_aware",
        "declared_true",
        "declared_safeguarding",
        "declared_privacy",
    }
    assert len({message for messages in errors.values() for message in messages}) == len(errors)
    for default in DJANGO_DEFAULTS:
        assert default not in text


def test_the_country_message_does_not_repeat_the_help_text(client, child10):
    response = post_to_review(client, child10, "en", org_country="--")

    message = response.context["form"].errors["org_country"][0]
    help_text = str(response.context["form"].fields["org_country"].help_text)
    assert help_text not in message
    assert "Europe" not in message
