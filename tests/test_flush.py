"""What a live-server or browser test leaves behind: nothing. Each ends with Django's flush,
which on PostgreSQL the tests do by DELETE rather than TRUNCATE (tests/conftest.py says why);
either way every table must be empty after it, the rows of one test never seen by the next."""

from django.apps import apps
from django.core.management import call_command
from django.db import connection

from tests.factories import (
    AmendmentFactory,
    BallotFactory,
    LetterFactory,
    MergeRecordFactory,
    PaymentFactory,
    VisaRequestFactory,
)


def _rows() -> dict[str, int]:
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in tables
    }


def test_the_flush_after_a_live_server_test_empties_every_table(transactional_db):
    # Objects whose rows reach across most of the apps, tied by foreign keys.
    for factory in (
        PaymentFactory,
        BallotFactory,
        LetterFactory,
        AmendmentFactory,
        MergeRecordFactory,
        VisaRequestFactory,
    ):
        factory()
    filled = {label for label, count in _rows().items() if count}
    assert len(filled) >= 20, filled

    # As django.test.TransactionTestCase ends each test.
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        allow_cascade=False,
        inhibit_post_migrate=False,
    )

    left = {label: count for label, count in _rows().items() if count}
    # Django's post_migrate signal writes these two again after every flush, as after migrate.
    assert set(left) == {"auth.Permission", "contenttypes.ContentType"}
