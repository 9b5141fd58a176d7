"""One declaration of what is personal per model (laurel.core.personal): it names every field,
and erasure and retention clear exactly the kinds they say, nothing more and nothing less."""

import pytest
from django.apps import apps
from django.utils import timezone

from laurel.candidates.queries import original_texts
from laurel.core.personal import Kind
from laurel.laureates.models import BankAccount, Delegate
from laurel.nominations import services as nominations
from laurel.nominations.models import Nomination
from laurel.privacy import retention
from tests.candidates.helpers import confirmed

DECLARING = [model for model in apps.get_models() if hasattr(model, "PERSONAL")]


def test_the_models_with_personal_data_declare_it():
    assert {model.__name__ for model in DECLARING} >= {
        "Nomination",
        "Organisation",
        "Delegate",
        "BankAccount",
    }


@pytest.mark.parametrize("model", DECLARING, ids=lambda model: model.__name__)
def test_every_field_of_a_declaring_model_is_declared_personal_or_kept(model):
    """A field added to the model and to neither side fails here: say what it is."""
    fields = {field.name for field in model._meta.concrete_fields}

    assert model.PERSONAL.declared() == fields


@pytest.mark.parametrize("model", DECLARING, ids=lambda model: model.__name__)
def test_no_field_is_both_personal_and_kept(model):
    personal = model.PERSONAL.fields()

    assert len(personal) == len(set(personal))
    assert set(personal) & set(model.PERSONAL.kept) == set()


def filled(nomination: Nomination) -> Nomination:
    """Every personal field of the nomination holds something."""
    Nomination.objects.filter(pk=nomination.pk).update(
        org_city="Malmö", org_website="https://ljus.example.org",
        org_registration_number="802000-0000", org_founded_year=2004,
        org_contact_name="Anna Berg", org_contact_email="anna@ljus.example.org",
        org_description="Anna runs it.", answers={"1": "Anna answers."},
        answer_languages={"1": "en"}, links=["https://ljus.example.org/report"],
        nominator_name="Per Ek", nominator_email="per@example.org",
        nominator_organisation="Ek AB", nominator_role="chair", resume_sent_to="per@example.org",
        network="abc123", safeguarding_flags=[{"field": "answer_1", "kind": "name"}],
        safeguarding_confirmations=[{"text": "Anna", "reason": "public"}],
        pending_edit={"data": {"org_city": "Lund"}, "remove": [], "uploads": []},
    )  # fmt: skip
    nomination.refresh_from_db()
    return nomination


def values(nomination: Nomination, names) -> dict:
    return {name: getattr(nomination, name) for name in names}


def test_erasing_a_nomination_clears_every_personal_field_and_keeps_the_rest(child10):
    nomination = filled(confirmed(child10, "Ljus"))
    kept = values(nomination, Nomination.PERSONAL.kept)

    nominations.erase_content(nomination, reason="test")

    nomination.refresh_from_db()
    personal = Nomination.PERSONAL.fields()
    assert values(nomination, personal) == Nomination.PERSONAL.blank(Nomination)
    assert values(nomination, Nomination.PERSONAL.kept) == kept | {
        "updated_at": nomination.updated_at
    }


def test_retention_anonymises_the_kinds_it_names_and_only_those(child10):
    nomination = filled(confirmed(child10, "Ljus"))
    organisation = values(nomination, Nomination.PERSONAL.fields(Kind.ORGANISATION))
    now = timezone.now()

    retention.anonymise_nominations(
        Nomination.objects.filter(pk=nomination.pk), retention.WHOLE_NOMINATION, now, whole=True
    )

    nomination.refresh_from_db()
    cleared = Nomination.PERSONAL.fields(*retention.WHOLE_NOMINATION)
    assert values(nomination, cleared) == Nomination.PERSONAL.blank(
        Nomination, *retention.WHOLE_NOMINATION
    )
    # An organisation's city and website are the organisation's, and its record.
    assert values(nomination, Nomination.PERSONAL.fields(Kind.ORGANISATION)) == organisation
    assert nomination.anonymised_at == now


def test_blank_is_the_empty_value_of_each_field():
    assert Delegate.PERSONAL.blank(Delegate, Kind.NEEDS) == {
        "dietary": "", "dietary_consent": False, "accessibility": "",
        "accessibility_consent": False, "interpretation": "",
    }  # fmt: skip
    assert BankAccount.PERSONAL.blank(BankAccount, Kind.BANK) == dict.fromkeys(
        ["holder", "iban", "bic", "account_number", "bank_name", "bank_address", "proof_file"], ""
    )
    assert Nomination.PERSONAL.blank(Nomination, Kind.ORGANISATION)["org_founded_year"] is None


def test_every_written_text_is_among_the_texts_staff_redact_for_the_committee(child10):
    """The committee reads a nomination's free texts only in the version staff prepare from
    `original_texts`: a written field left out of it would reach no one, or no one redacted."""
    nomination = filled(confirmed(child10, "Ljus"))
    redactable = set(original_texts(nomination).values())

    for name in Nomination.PERSONAL.fields(Kind.WRITTEN):
        value = getattr(nomination, name)
        written = set(value.values()) if isinstance(value, dict) else {value}
        assert written <= redactable, name
