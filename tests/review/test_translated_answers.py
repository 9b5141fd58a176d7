"""Staff give a text the committee may not read a translation (issue 20): the committee reads it
beside the text as written, marked with who translated it from which language, on the candidate
page (whose dossier the review page shares) and in the dossier PDF. Only staff preparing the
dossier write it."""

import pytest
from django.urls import reverse

from laurel.candidates import services as screening
from laurel.candidates.models import CommitteeVersion
from laurel.candidates.services.common import ScreeningError
from laurel.core.models import AuditEntry
from tests.conftest import make_user, sign_in
from tests.factories import UserFactory
from tests.pdf import pdf_text
from tests.scenarios import member, open_review, ready

pytestmark = pytest.mark.django_db

POLISH = (
    "Fundacja od dziesięciu lat prowadzi telefon zaufania dla dzieci i szkoli moderatorów "
    "platform internetowych w rozpoznawaniu wykorzystywania."
)
ENGLISH = "For ten years the foundation has run a helpline for children and trained moderators."


@pytest.fixture
def translator(db):
    user = make_user("staff")
    user.full_name = "Tomasz Nowak"
    user.save(update_fields=["full_name"])
    return user


@pytest.fixture
def nomination(child10, translator):
    candidate = ready(child10, "Dzieci Sieci", translator, answers={"1": POLISH})
    return candidate.placements.get().nomination


def committee_version_url(nomination) -> str:
    candidate = nomination.placement.candidate
    return reverse("candidates:committee_version", args=[candidate.pk, nomination.pk])


def test_staff_translate_an_answer_on_the_committee_s_version_page(client, nomination, translator):
    sign_in(client, translator)
    page = client.get(committee_version_url(nomination))
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}

    saved = client.post(
        committee_version_url(nomination),
        data | {"translated_into": "en", "translation_answer_1": ENGLISH},
    )

    assert saved.status_code == 302
    given = CommitteeVersion.objects.get(nomination=nomination).translations["answer_1"]
    assert (given["text"], given["into"], given["from"], given["by"]) == (
        ENGLISH,
        "en",
        "pl",  # as detected when the answer was submitted
        translator.pk,
    )
    entry = AuditEntry.objects.filter(key="nomination.redacted").latest("id")
    assert entry.data["translated"] == ["answer_1"] and ENGLISH not in str(entry.data)
    # The page shows it again for the next edit.
    again = client.get(committee_version_url(nomination)).context["form"]
    assert again["translation_answer_1"].value() == ENGLISH


def test_the_committee_reads_the_translation_beside_the_text_marked(client, nomination, translator):
    screening.save_committee_version(
        nomination,
        texts={"answer_1": POLISH},
        translations={"answer_1": ENGLISH},
        into="en",
        actor=translator,
    )
    candidate = nomination.placement.candidate
    open_review(candidate.cycle)
    sign_in(client, member(candidate.cycle, "alice@example.org"))

    response = client.get(reverse("review:candidate", args=[candidate.pk]))
    page = " ".join(response.content.decode().split())
    assert '<span class="badge">translated</span>' in page
    assert f'<p class="prose" lang="pl">{POLISH}</p>' in page
    assert f'<p class="prose" lang="en">{ENGLISH}</p>' in page
    assert "Translated by Tomasz Nowak from Polish" in page
    assert "As written, in Polish" in page
    pdf = " ".join(
        pdf_text(client.get(reverse("review:dossier_pdf", args=[candidate.pk])).content).split()
    )
    assert "Translated by Tomasz Nowak from Polish" in pdf
    assert "For ten years the foundation has run a helpline" in pdf


def test_a_text_without_a_translation_is_shown_as_before(client, nomination, translator):
    candidate = nomination.placement.candidate
    open_review(candidate.cycle)
    sign_in(client, member(candidate.cycle, "alice@example.org"))

    page = client.get(reverse("review:candidate", args=[candidate.pk])).content.decode()

    assert "Translated by" not in page and 'class="badge">translated' not in page


def test_saving_again_keeps_who_translated_and_an_emptied_one_goes(nomination, translator):
    other = UserFactory(email="sara@example.org")
    screening.save_committee_version(
        nomination, texts={"answer_1": POLISH}, translations={"answer_1": ENGLISH}, into="en",
        actor=translator,
    )  # fmt: skip
    screening.save_committee_version(
        nomination, texts={"answer_1": POLISH}, translations={"answer_1": ENGLISH}, into="en",
        actor=other,
    )  # fmt: skip
    kept = CommitteeVersion.objects.get(nomination=nomination)
    assert kept.translations["answer_1"]["by"] == translator.pk  # unchanged: still theirs

    screening.save_committee_version(
        nomination, texts={"answer_1": POLISH}, translations={"answer_1": ""}, into="en",
        actor=other,
    )  # fmt: skip
    assert CommitteeVersion.objects.get(nomination=nomination).translations == {}


def test_a_translation_into_a_language_the_committee_does_not_work_in_is_refused(
    nomination, translator
):
    with pytest.raises(ScreeningError) as refused:
        screening.save_committee_version(
            nomination, texts={}, translations={"answer_1": ENGLISH}, into="de", actor=translator
        )

    assert refused.value.field == "translated_into"
    assert not CommitteeVersion.objects.get(nomination=nomination).translations


def test_a_committee_member_cannot_write_a_translation(client, nomination):
    sign_in(client, member(nomination.cycle, "alice@example.org"))

    response = client.post(
        committee_version_url(nomination), {"translated_into": "en", "translation_answer_1": "X"}
    )

    assert response.status_code == 404
    assert not CommitteeVersion.objects.get(nomination=nomination).translations


def test_a_text_changed_under_its_translation_is_refused_until_the_translation_follows(
    nomination, translator
):
    """A detail redacted from the text must not stay readable in its translation (an attack
    session's finding: the committee read a redacted name in the English beside it)."""
    screening.save_committee_version(
        nomination, texts={"answer_1": POLISH}, translations={"answer_1": ENGLISH}, into="en",
        actor=translator,
    )  # fmt: skip

    with pytest.raises(ScreeningError) as refused:
        screening.save_committee_version(
            nomination, texts={"answer_1": "[…]"}, translations={"answer_1": ENGLISH}, into="en",
            actor=translator,
        )  # fmt: skip

    assert refused.value.field == "translation_answer_1"
    kept = CommitteeVersion.objects.get(nomination=nomination)
    assert (kept.texts["answer_1"], kept.translations["answer_1"]["text"]) == (POLISH, ENGLISH)
    screening.save_committee_version(
        nomination, texts={"answer_1": "[…]"}, translations={"answer_1": "[…]"}, into="en",
        actor=translator,
    )  # fmt: skip
    assert (
        CommitteeVersion.objects.get(nomination=nomination).translations["answer_1"]["text"]
        == "[…]"
    )
