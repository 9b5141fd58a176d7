import re

import altcha
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.core.models import AuditEntry
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination, NominationVersion
from laurel.nominations.services import release_from_moderation, submit_nomination
from tests.conftest import count_queries
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db


def test_the_form_asks_one_question_per_criterion_with_its_text(client, example_award):
    response = client.get(NOMINATE)

    page = response.content.decode()
    assert response.status_code == 200
    for criterion in example_award.criteria.all():
        assert f'name="answer_{criterion.number}"' in page
        assert criterion.text["en"] in page
        assert f'data-limit="{criterion.max_characters}"' in page
    assert "maxlength=" not in page


def test_country_list_is_the_eligible_countries_in_the_pages_language(client, child10):
    sv = client.get("/sv/nominate/").content.decode()
    en = client.get(NOMINATE).content.decode()

    assert '<option value="SE">Sverige</option>' in sv
    assert '<option value="XK">Kosovo</option>' in en
    assert '<option value="US">' not in en
    # The countries, "not listed", the empty choice, and the award's public languages.
    assert en.count("<option value=") == 47 + 1 + 1 + len(child10.public)


def test_saving_a_draft_keeps_everything_and_emails_the_private_link(
    client, example_award, run_tasks
):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(example_award, token, action="save"))
    run_tasks()

    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("nominations:manage", kwargs={"token": token})
    assert nomination.state == NominationState.DRAFT
    assert nomination.org_name == "Safe Online Europe"
    assert nomination.answers["1"].startswith("The organisation's work on criterion 1")
    assert mail.outbox[0].subject == f"Your draft nomination for the {example_award.name['en']}"
    assert f"/en/nominate/n/{token}/" in mail.outbox[0].body
    assert "sustained and documented" not in mail.outbox[0].body


def test_an_incomplete_form_can_be_saved_but_not_reviewed(client, example_award):
    token = new_token(client)
    partial = {"token": token, "org_name": "Half Done", "action": "save"}

    saved = client.post(NOMINATE, partial)
    reviewed = client.post(
        reverse("nominations:manage", kwargs={"token": token}), {**partial, "action": "review"}
    )

    assert saved.status_code == 302
    assert reviewed.status_code == 200
    assert reviewed.context["form"].errors["org_description"] == [
        "Describe what the organisation does"
    ]
    assert 'value="Half Done"' in reviewed.content.decode()
    assert Nomination.objects.get().org_name == "Half Done"


def test_the_whole_flow_submit_confirm_edit_withdraw(
    client, example_award, run_tasks, staff_user, settings
):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    review = reverse("nominations:review", kwargs={"token": token})
    assert client.get(review).status_code == 200

    submitted = client.post(review, {})
    run_tasks()

    nomination = Nomination.objects.get()
    assert submitted.url == reverse("nominations:submitted", kwargs={"token": token})
    assert nomination.state == NominationState.SUBMITTED
    prefix = re.escape(example_award.reference_prefix)
    assert re.fullmatch(rf"{prefix}-[2-9A-HJ-NP-Z]{{4}}", nomination.reference)
    assert nomination.held_for_moderation is True  # no proof of work from a test client
    assert nomination.moderation_reason == "no-proof-of-work"
    assert mail.outbox == []  # held: its confirmation waits for staff
    release_from_moderation(nomination, actor=staff_user)
    run_tasks()
    confirmation = mail.outbox[-1]
    assert confirmation.subject == f"Please confirm your nomination {nomination.reference}"
    confirm_path = re.search(r"http://testserver(/en/nominate/confirm/\S+/)", confirmation.body)

    client.post(confirm_path.group(1))
    nomination.refresh_from_db()
    assert nomination.state == NominationState.CONFIRMED

    manage = reverse("nominations:manage", kwargs={"token": token})
    edited = complete_post(example_award, token, org_city="Lund", action="save")
    assert client.post(manage, edited).url == review
    nomination.refresh_from_db()
    assert nomination.org_city == "Malmö"  # kept pending until reviewed

    applied = client.post(review, {"action": "apply", "altcha": solved_payload(settings)})
    assert applied.url == manage
    nomination.refresh_from_db()
    assert nomination.org_city == "Lund"
    assert nomination.held_for_moderation is False

    client.post(reverse("nominations:withdraw", kwargs={"token": token}), {"really": "yes"})
    run_tasks()
    nomination.refresh_from_db()
    assert nomination.state == NominationState.WITHDRAWN
    assert [v.kind for v in NominationVersion.objects.filter(nomination=nomination)] == [
        "submitted",
        "edited",
        "withdrawn",
    ]
    assert [v.data["org_city"] for v in nomination.versions.all()] == ["Malmö", "Lund", "Lund"]
    assert [m.subject.split(" ")[-1] for m in mail.outbox[-2:]] == ["changed", "withdrawn"]
    assert list(
        AuditEntry.objects.filter(subject_type="nominations.nomination")
        .order_by("id")
        .values_list("key", flat=True)
    ) == [
        "nomination.started",
        "nomination.submitted",
        "nomination.released",
        "nomination.confirmed",
        "nomination.edit_started",
        "nomination.edited",
        "nomination.withdrawn",
    ]


def test_submitting_twice_yields_one_nomination(client, example_award):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    review = reverse("nominations:review", kwargs={"token": token})

    first = client.post(review, {})
    second = client.post(review, {})
    nomination = Nomination.objects.get()
    again = submit_nomination(nomination, token=token)

    assert first.status_code == second.status_code == 302
    assert Nomination.objects.count() == 1
    assert again.reference == nomination.reference
    assert nomination.versions.count() == 1


def test_a_retried_first_save_reaches_the_same_draft(client, example_award):
    token = new_token(client)

    client.post(NOMINATE, complete_post(example_award, token, action="save"))
    client.post(NOMINATE, complete_post(example_award, token, action="save", org_city="Lund"))

    assert Nomination.objects.count() == 1
    assert Nomination.objects.get().org_city == "Lund"


def test_a_country_outside_europe_is_explained(client, example_award):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(example_award, token, org_country="--"))

    assert response.context["form"].errors["org_country"] == [
        "Choose a listed country where the organisation works. If it works only in countries "
        "not on the list, it cannot be nominated for this award."
    ]


def test_an_answer_over_the_limit_is_refused_on_the_server(client, child10):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(child10, token, answer_2="x" * 2001))

    assert response.context["form"].errors["answer_2"] == [
        "Shorten your answer to “A human-rights-based approach” to 2,000 characters or fewer; "
        "it has 2,001"
    ]


def test_the_honeypot_holds_the_nomination_for_moderation(client, example_award):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token, fax_number="+1 555 0100"))

    client.post(reverse("nominations:review", kwargs={"token": token}), {})

    nomination = Nomination.objects.get()
    assert nomination.state == NominationState.SUBMITTED
    assert (nomination.held_for_moderation, nomination.moderation_reason) == (True, "honeypot")


def test_each_safeguarding_finding_must_be_handled_before_submitting(client, child10):
    token = new_token(client)
    text = "We helped Anna, 14, after she was groomed. Call her mother on +46 70 123 45 67."
    client.post(NOMINATE, complete_post(child10, token, answer_1=text))
    review = reverse("nominations:review", kwargs={"token": token})

    page = client.get(review)
    name, phone = (choice.key for choice in page.context["findings"])
    refused = client.post(review, {})
    one_tick = client.post(review, {f"keep-{name}": "1", f"keep-{phone}": "1"})
    accepted = client.post(
        review,
        {
            f"keep-{name}": "1",
            f"reason-{name}": "Anna is a made-up name in the organisation's public case study",
            f"keep-{phone}": "1",
            f"reason-{phone}": "The organisation's public helpline number",
        },
    )

    kinds = [choice.finding.kind for choice in page.context["findings"]]
    assert kinds == ["name_and_age", "phone"]
    assert refused.status_code == 200
    assert [choice.error for choice in refused.context["finding_errors"]] == [
        "Remove this name with an age by changing your text, or tick that it identifies "
        "no one and say why.",
        "Remove this phone number by changing your text, or tick that it identifies no one "
        "and say why.",
    ]
    assert [choice.key for choice in one_tick.context["finding_errors"]] == [name, phone]
    assert "Say why this phone number identifies no one" in one_tick.content.decode()
    assert one_tick.status_code == 200
    assert accepted.status_code == 302
    nomination = Nomination.objects.get()
    assert [flag["kind"] for flag in nomination.safeguarding_flags] == ["name_and_age", "phone"]
    assert nomination.safeguarding_acknowledged is True
    assert [c["reason"] for c in nomination.safeguarding_confirmations] == [
        "Anna is a made-up name in the organisation's public case study",
        "The organisation's public helpline number",
    ]
    assert nomination.answer_languages["1"] == "en"


def test_an_unconfirmed_nomination_lapses_when_its_time_is_up(
    client, example_award, run_tasks, staff_user
):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    client.post(reverse("nominations:review", kwargs={"token": token}), {})
    release_from_moderation(Nomination.objects.get(), actor=staff_user)  # held: no proof of work
    run_tasks()  # the confirmation email; the lapse waits for its day
    waiting = Nomination.objects.get().state

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_tasks()

    assert waiting == NominationState.SUBMITTED
    assert Nomination.objects.get().state == NominationState.LAPSED
    assert AuditEntry.objects.filter(key="nomination.lapsed").count() == 1


def test_a_confirmed_nomination_does_not_lapse(client, example_award, run_tasks, staff_user):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    client.post(reverse("nominations:review", kwargs={"token": token}), {})
    release_from_moderation(Nomination.objects.get(), actor=staff_user)  # held: no proof of work
    run_tasks()
    confirm_path = re.search(r"http://testserver(/en/nominate/confirm/\S+/)", mail.outbox[-1].body)
    client.post(confirm_path.group(1))

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_tasks()

    assert Nomination.objects.get().state == NominationState.CONFIRMED


def test_documents_go_up_with_the_form_and_can_be_removed(
    client, example_award, django_capture_on_commit_callbacks
):
    token = new_token(client)
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.4 yearly report", "application/pdf")
    fake = SimpleUploadedFile("fake.pdf", b"<html>not a pdf</html>", "application/pdf")

    refused = client.post(NOMINATE, {**complete_post(example_award, token), "attachments": [fake]})
    client.post(
        NOMINATE, {**complete_post(example_award, token, action="save"), "attachments": [report]}
    )
    nomination = Nomination.objects.get()
    attachment = nomination.attachments.get()
    manage = reverse("nominations:manage", kwargs={"token": token})
    client.post(
        manage,
        {
            **complete_post(example_award, token, action="save"),
            "remove_attachment": str(attachment.pk),
        },
    )
    asked = nomination.attachments.count()
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once committed
        client.post(
            manage,
            {
                **complete_post(example_award, token, action="save"),
                "confirm_removal": str(attachment.pk),
            },
        )

    assert refused.context["form"].errors["attachments"] == [
        "The file fake.pdf is not a PDF, Word (DOCX) or OpenDocument (ODT) document."
    ]
    assert (attachment.original_name, attachment.kind) == ("report.pdf", "pdf")
    assert asked == 1  # "Remove" only asks
    assert nomination.attachments.count() == 0
    assert not attachment.file.storage.exists(attachment.file.name)


def test_a_fourth_document_is_refused(client, child10):
    token = new_token(client)
    files = [SimpleUploadedFile(f"r{n}.pdf", b"%PDF-1.4 r") for n in range(4)]

    response = client.post(NOMINATE, {**complete_post(child10, token), "attachments": files})

    assert response.context["form"].errors["attachments"] == [
        "Choose at most three documents in all: remove one or choose fewer files"
    ]


def test_a_draft_changed_after_review_must_pass_the_checks_again(client, example_award):
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    manage = reverse("nominations:manage", kwargs={"token": token})
    client.post(manage, {"token": token, "org_name": "Half", "action": "autosave"})

    review = client.get(reverse("nominations:review", kwargs={"token": token}))

    assert review.status_code == 302
    assert review.url == manage + "?check=1"  # back to the form, each missing answer marked
    assert Nomination.objects.get().complete is False


def test_the_service_refuses_to_submit_an_unchecked_draft(child10):
    from laurel.nominations import services

    draft, _ = services.save_draft(child10, token="t" * 32, data={"org_name": "X"}, language="en")

    with pytest.raises(services.Incomplete):
        services.submit_nomination(draft, token="t" * 32)

    assert Nomination.objects.get().state == NominationState.DRAFT


def test_an_autosave_of_a_complete_form_keeps_it_ready_for_review(client, example_award):
    """Typing, then pressing "Continue to review" before the autosave fired: the late autosave
    must not send the nominator back."""
    token = new_token(client)
    client.post(NOMINATE, complete_post(example_award, token))
    manage = reverse("nominations:manage", kwargs={"token": token})

    client.post(manage, complete_post(example_award, token, action="autosave"))
    review = client.get(reverse("nominations:review", kwargs={"token": token}))

    assert review.status_code == 200
    assert Nomination.objects.get().complete is True


def test_the_flow_under_the_deadline_rush_takes_few_statements(client, example_award, settings):
    """The statements one nomination costs, request by request (on SQLite and PostgreSQL alike):
    a change that adds a query to the busiest path fails here first."""
    settings.ALTCHA_COST = 50
    client.get(NOMINATE)  # the blank form's fragments are cached after the first visitor
    token = new_token(client)
    review = reverse("nominations:review", kwargs={"token": token})
    issued = altcha.v2.Challenge.from_dict(client.get("/en/nominate/challenge/").json())
    payload = altcha.Payload(challenge=issued, solution=altcha.solve_challenge(issued))

    counts = {
        "form": statements(lambda: client.get(NOMINATE)),
        "draft": statements(lambda: client.post(NOMINATE, complete_post(example_award, token))),
        "review": statements(lambda: client.get(review)),
        "submit": statements(lambda: client.post(review, {"altcha": payload.to_base64()})),
    }

    assert Nomination.objects.get().state == NominationState.SUBMITTED
    # The form: the cycle only. The draft: the cycle and its criteria, the rate counter, the
    # token's lookup, the insert (in a savepoint, for the race of two tabs), the audit entry.
    # The submit counts the confirmation email against its address's hourly limit (one upsert).
    # Each request also reads the award's languages once (cycles.middleware.LanguageGate).
    assert counts == {"form": 2, "draft": 12, "review": 4, "submit": 18}


# Now and then (1 in 200 counts, 1 in 50 used challenges) a request also deletes the expired
# counters and challenges: housekeeping by lottery, not part of a request's cost.
HOUSEKEEPING = re.compile(r'^DELETE FROM "(core_ratecounter|nominations_usedchallenge)"')


def statements(func) -> int:
    return count_queries(func, ignore=HOUSEKEEPING)
