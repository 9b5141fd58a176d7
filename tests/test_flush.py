"""What a live-server or browser test leaves behind: nothing. Each ends with Django's flush,
which on PostgreSQL the tests do by DELETE rather than TRUNCATE, and which keeps the content
types and permissions the models declare (tests/conftest.py says why); every other table must be
empty after it, the rows of one test never seen by the next."""

from django.apps import apps
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
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
    # The rows the models declare, kept by the tests' flush (tests/conftest.py) where Django's
    # would delete them and write them again (its post_migrate signal)...
    assert set(left) == {"auth.Permission", "contenttypes.ContentType"}
    # ...whole: post_migrate, sent now, finds nothing to write.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    assert {label: count for label, count in _rows().items() if count} == left
    assert left["contenttypes.ContentType"] == len(apps.get_models())
