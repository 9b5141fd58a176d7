"""No model change is without its migration: the test database is made from the models
(tests/conftest.py), a deployment's by the migrations (tests/deployment/test_migrations.py holds
that the two agree)."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db  # makemigrations checks the history the database records
def test_no_model_change_is_without_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as missing:  # makemigrations --check exits 1 when one is missing
        pytest.fail(f"a model change has no migration:\n{out.getvalue()} ({missing})")
