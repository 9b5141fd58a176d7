"""The nomination form as a hurried nominator meets it, over HTTP (issue 16, items 1, 2,
5, 6, 12, 17): Enter never removes a document, an autosaved draft is reachable, long text is
kept and refused only on submitting, every error link leads to its field, City and Year are
optional."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.nominations.models import Nomination
from tests.nominations.helpers import complete_post

pytestmark = pytest.mark.django_db
NOMINATE = "/en/nominate/"
HTMX = {"HX-Request": "true"}


def new_token(client, language: str = "en") -> str:
    page = client.get(f"/{language}/nominate/").content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def form_html(page: str) -> str:
    return re.search(r'<form[^>]*id="nomination-form".*?</form>', page, re.S).group(0)


def with_document(client, cycle) -> tuple[str, Nomination]:
    token = new_token(client)
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4 yearly report", "application/pdf")
    client.post(NOMINATE, {**complete_post(cycle, token, action="save"), "attachments": [report]})
    return token, Nomination.objects.get()


# --- 1. Enter never removes a document ------------------------------------------------------


def test_the_forms_default_button_continues_to_review_and_comes_before_every_remove(
    client, child10
):
    token, _nomination = with_document(client, child10)

    form = form_html(client.get(reverse("nominations:manage", kwargs={"token": token})).text)

    buttons = re.findall(r"<button[^>]*>", form)
    # Implicit submission (Enter in a text field) uses the first submit button in the form.
    assert 'name="action"' in buttons[0] and 'value="review"' in buttons[0]
    assert 'tabindex="-1"' in buttons[0] and 'aria-hidden="true"' in buttons[0]
    assert any('name="remove_attachment"' in button for button in buttons[1:])


def test_enter_in_a_field_keeps_the_document(client, child10):
    token, nomination = with_document(client, child10)
    manage = reverse("nominations:manage", kwargs={"token": token})

    # What a browser sends on Enter: the default button's name and value.
    response = client.post(manage, complete_post(child10, token, org_city="Lund"))

    assert response.status_code == 302
    assert response.url == reverse("nominations:review", kwargs={"token": token})
    assert nomination.attachments.count() == 1
    assert Nomination.objects.get().org_city == "Lund"


def test_remove_asks_first_and_saves_what_was_typed(client, child10):
    token, nomination = with_document(client, child10)
    attachment = nomination.attachments.get()
    manage = reverse("nominations:manage", kwargs={"token": token})

    asked = client.post(
        manage,
        {
            **complete_post(child10, token, org_city="Uppsala", action="save"),
            "remove_attachment": str(attachment.pk),
        },
    )
    page = client.get(asked.url).text

    assert asked.url == f"{manage}?remove={attachment.pk}#confirm-removal"
    assert nomination.attachments.count() == 1
    assert Nomination.objects.get().org_city == "Uppsala"
    assert "Remove “report.pdf”?" in page
    assert f'name="confirm_removal" value="{attachment.pk}"' in page
    assert f'href="{manage}#attachment-{attachment.pk}">No, keep it</a>' in page


def test_yes_remove_it_removes_the_document(client, child10):
    token, nomination = with_document(client, child10)
    attachment = nomination.attachments.get()
    manage = reverse("nominations:manage", kwargs={"token": token})

    response = client.post(
        manage,
        {**complete_post(child10, token, action="save"), "confirm_removal": str(attachment.pk)},
        follow=True,
    )

    assert nomination.attachments.count() == 0
    assert "“report.pdf” was removed." in response.text


def test_another_nominations_document_cannot_be_removed_with_my_link(client, child10):
    _their_token, theirs = with_document(client, child10)
    their_document = theirs.attachments.get()
    client.cookies.clear()
    mine = new_token(client)
    client.post(NOMINATE, complete_post(child10, mine, action="save"))
    my_page = reverse("nominations:manage", kwargs={"token": mine})

    asked = client.post(
        my_page,
        {**complete_post(child10, mine, action="save"), "remove_attachment": their_document.pk},
    )
    confirmed = client.post(
        my_page,
        {**complete_post(child10, mine, action="save"), "confirm_removal": their_document.pk},
    )

    assert theirs.attachments.count() == 1
    assert "?remove=" not in asked.url and "?remove=" not in confirmed.url
    assert "report.pdf" not in client.get(f"{my_page}?remove={their_document.pk}").text


# --- 2. An autosaved draft is reachable ----------------------------------------------------


def test_the_first_autosave_moves_the_page_to_the_private_link(client, child10):
    token = new_token(client)

    response = client.post(
        NOMINATE, {"token": token, "org_name": "Safe Online", "action": "autosave"}, headers=HTMX
    )

    manage = f"/en/nominate/n/{token}/"
    assert response.status_code == 200
    assert response["HX-Replace-Url"] == manage
    assert "This page's address is your private link to it" in response.text
    assert f'data-url-sv="/sv/nominate/n/{token}/"' in response.text
    assert f'data-url-en="{manage}"' in response.text
    # Reload: the address now shows the draft.
    assert 'value="Safe Online"' in client.get(manage).text


def test_the_language_link_of_a_draft_leads_to_the_draft(client, child10):
    token = new_token(client)
    client.post(NOMINATE, {"token": token, "org_name": "Safe Online", "action": "save"})

    page = client.get(f"/en/nominate/n/{token}/").text
    swedish = client.get(f"/sv/nominate/n/{token}/").text

    assert f'href="/sv/nominate/n/{token}/" lang="sv"' in page
    assert 'value="Safe Online"' in swedish


def test_a_form_sent_back_with_mistakes_links_to_the_draft_in_the_other_language(client, child10):
    token = new_token(client)

    response = client.post(
        NOMINATE, {"token": token, "org_name": "Safe Online", "action": "review"}
    )

    assert response.status_code == 200
    assert f'href="/sv/nominate/n/{token}/" lang="sv"' in response.text


# --- 5. Character counts: nothing cut, refused on submitting --------------------------------


def test_no_field_cuts_pasted_text(client, child10):
    form = form_html(client.get(NOMINATE).text)

    assert "maxlength" not in form
    assert 'data-limit="1000"' in form and 'data-limit="2000"' in form
    assert "You can enter up to 1,000 characters." in form


def test_a_draft_keeps_an_overlong_answer_and_review_refuses_it(client, child10):
    token = new_token(client)
    long = "y" * 1200
    manage = reverse("nominations:manage", kwargs={"token": token})

    client.post(NOMINATE, complete_post(child10, token, org_description=long, action="save"))
    kept = Nomination.objects.get()
    refused = client.post(manage, complete_post(child10, token, org_description=long))
    review = client.get(reverse("nominations:review", kwargs={"token": token}))
    after_review = Nomination.objects.get()

    assert kept.org_description == long
    assert kept.complete is False
    assert refused.status_code == 200
    assert refused.context["form"].errors["org_description"] == [
        "Shorten what the organisation does to 1,000 characters or fewer; it has 1,200"
    ]
    assert f">\n{long}</textarea>" in refused.text
    # Said beside the field without JavaScript too, on the draft's page.
    draft_page = client.get(manage).text
    assert "You have 200 characters too many" in draft_page
    assert f">\n{long}</textarea>" in draft_page
    assert review.status_code == 302  # not ready for review
    assert (after_review.org_description, after_review.complete) == (long, False)


def test_a_line_break_counts_as_one_character(client, child10):
    token = new_token(client)
    text = "line\r\n" * 166 + "end."  # 1,000 characters as typed; 1,166 bytes as sent

    response = client.post(NOMINATE, complete_post(child10, token, org_description=text))

    assert response.status_code == 302


def test_a_megabyte_pasted_into_an_answer_is_refused_without_a_crash(client, child10):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(child10, token, answer_1="z" * 1_000_000))

    assert response.status_code in {200, 413}
    if response.status_code == 200:
        assert response.context["form"].errors["answer_1"][0].endswith("it has 1,000,000")


# --- 6. The error summary's links lead to their fields --------------------------------------


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_link_in_the_error_summary_points_at_an_element_of_the_page(
    client, child10, language
):
    token = new_token(client, language)

    page = client.post(f"/{language}/nominate/", {"token": token, "action": "review"}).text

    summary = re.search(r'<div[^>]*id="error-summary".*?</div>', page, re.S).group(0)
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title.startswith({"en": "Error: ", "sv": "Fel: "}[language])
    targets = re.findall(r'href="([^"]*)"', summary)
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    assert len(targets) == 16  # the website is asked for unless the box says none
    assert "#" not in targets
    assert "#id_relationship_0" in targets and "#id_q_organisation_aware_0" in targets
    assert all(target.startswith("#") and target[1:] in ids for target in targets)


# --- 12. City and Year are optional --------------------------------------------------------


def test_a_nomination_without_city_or_year_can_be_reviewed_and_submitted(client, child10):
    token = new_token(client)

    response = client.post(
        NOMINATE, complete_post(child10, token, org_city="", org_founded_year="")
    )
    review = client.get(response.url)

    assert response.url == reverse("nominations:review", kwargs={"token": token})
    assert review.status_code == 200
    nomination = Nomination.objects.get()
    assert (nomination.org_city, nomination.org_founded_year, nomination.complete) == (
        "",
        None,
        True,
    )


def test_city_and_year_are_marked_optional(client, child10):
    form = form_html(client.get(NOMINATE).text)

    assert re.search(r'for="id_org_city">City <span class="optional">\(optional\)', form)
    assert re.search(
        r'for="id_org_founded_year">Year it started <span class="optional">\(optional\)', form
    )
    # Text with a numeric keyboard: a number input would empty "about 2009" silently.
    assert re.search(r'<input type="text" name="org_founded_year"[^>]*inputmode="numeric"', form)


# --- 17. Autocomplete, the honeypot, the file input -----------------------------------------


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("nominator_name", "name"),
        ("nominator_email", "email"),
        ("nominator_organisation", "organization"),
        ("nominator_role", "organization-title"),
        ("org_website", "url"),
    ],
)
def test_the_nominators_details_can_be_filled_in_by_the_browser(client, child10, name, token):
    form = form_html(client.get(NOMINATE).text)

    field = re.search(rf'<input[^>]*name="{name}"[^>]*>', form).group(0)
    assert f'autocomplete="{token}"' in field


def test_the_honeypot_is_hidden_from_screen_readers_and_the_keyboard(client, child10):
    form = form_html(client.get(NOMINATE).text)

    wrapper = re.search(r'<div class="hp"[^>]*>.*?</div>\s*</div>', form, re.S).group(0)
    assert 'aria-hidden="true"' in wrapper.split(">")[0]
    assert re.search(r'<input[^>]*name="fax_number"[^>]*tabindex="-1"', wrapper)


@pytest.mark.parametrize(
    ("language", "button"), [("en", "Choose documents"), ("sv", "Välj dokument")]
)
def test_the_file_input_has_our_own_button_in_the_pages_language(client, child10, language, button):
    form = form_html(client.get(f"/{language}/nominate/").text)

    assert f'<label for="id_attachments" class="file-field__button">{button}</label>' in form
    assert re.search(
        r'<div class="field file-field">.*?<input type="file"[^>]*id="id_attachments"', form, re.S
    )
