"""Delegates' dietary and accessibility needs (special-category data) and emergency contacts are
encrypted at rest like passport data: the database and its backups hold only ciphertext; the
organisers still read them; rows written before are encrypted by the migration."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from laurel.laureates import services
from laurel.laureates.models import Delegate
from tests.conftest import sign_in
from tests.factories import laureate_contact
from tests.laureates.summit_helpers import laureate  # noqa: F401  (fixture)
from tests.scenarios import delegate_values

pytestmark = pytest.mark.django_db

NEEDS = {
    "dietary": "Coeliac disease: strictly gluten-free",
    "accessibility": "Wheelchair user, step-free room",
    "emergency_contact": "Jan Kowalski, +48 600 000 001",
}
MIGRATION = "0008_encrypt_delegate_needs"
CONSENTED = {"dietary_consent": True, "accessibility_consent": True}


def stored_needs() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT dietary, accessibility, emergency_contact FROM laureates_delegate")
        return " ".join(value for row in cursor.fetchall() for value in row)


def test_needs_typed_by_the_contact_are_stored_encrypted(laureate, client):  # noqa: F811
    contact = laureate_contact(laureate.cycle, "office@dzieci.pl")
    sign_in(client, contact)
    form = {
        k: ("on" if v is True else "" if v is False else str(v))
        for k, v in delegate_values(**NEEDS, **CONSENTED).items()
    } | {"code_of_conduct": "on"}

    response = client.post(reverse("laureates:summit"), form)

    assert response.status_code == 302
    stored = stored_needs()
    for value in NEEDS.values():
        assert value not in stored
    for word in ("Coeliac", "gluten", "Wheelchair", "Kowalski", "600 000 001"):
        assert word not in stored
    delegate = Delegate.objects.get()
    assert {name: getattr(delegate, name) for name in NEEDS} == NEEDS


def test_the_organisers_still_read_the_needs(laureate, staff_client):  # noqa: F811
    services.register_delegate(
        laureate,
        values=delegate_values(**NEEDS, **CONSENTED),
        actor=None,
    )

    page = staff_client.get(reverse("laureates:staff_summit")).content.decode()

    assert NEEDS["dietary"] in page and NEEDS["accessibility"] in page


def test_the_migration_encrypts_needs_stored_before(laureate):  # noqa: F811
    Delegate.objects.create(laureate=laureate, **delegate_values())
    with connection.cursor() as cursor:  # as an earlier version stored them: in the clear
        cursor.execute(
            "UPDATE laureates_delegate SET dietary = %s, accessibility = %s, "
            "emergency_contact = %s",
            list(NEEDS.values()),
        )
    migration = importlib.import_module(f"laurel.laureates.migrations.{MIGRATION}")
    loader = MigrationLoader(connection)
    state = loader.project_state(("laureates", "0007_contact_tied_by_invitation"))
    for operation in migration.Migration.operations[:3]:  # the columns made text
        operation.state_forwards("laureates", state)

    migration.encrypt_rows(state.apps, None)

    stored = stored_needs()
    assert all(value not in stored for value in NEEDS.values())
    delegate = Delegate.objects.get()
    assert {name: getattr(delegate, name) for name in NEEDS} == NEEDS
