"""The test database is made from the models (tests/conftest.py: TEST MIGRATE is False); a
deployment's database is made by the migrations. These hold that the two are the same schema,
on the run's database (SQLite or PostgreSQL); tests/core/test_migrations_declared.py holds that
no model change is without its migration.

The migrated database is the one the production-server tests copy (`manage.py migrate` in a
fresh process, tests/production_server.py: prepared_database), made once a run."""

import json
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from tests.production_server import ProductionServer, prepared_database

# The one difference, Django's own: on PostgreSQL its auth migrations give the table of groups'
# permissions a bigint key where its models give an integer (found by this test, 2026-12-07).
# Laurel never writes that table (its roles are laurel.accounts'), and the key is a row number.
DJANGO_OWN = {
    "auth_group_permissions columns": {
        "by the migrations only": [["id", "20", 8, False, None]],
        "by the models only": [["id", "23", 4, False, None]],
    }
}


def schema(wrapper) -> dict:
    """Each table's columns (name, type, size, null, default) and its constraints and indexes
    (columns, primary key, unique, foreign key, check, index), without their names: a name a
    migration gave and the one the models give may differ for the same index."""
    with wrapper.cursor() as cursor:
        introspection = wrapper.introspection
        tables = {}
        for table in sorted(introspection.table_names(cursor)):
            columns = sorted(
                (c.name, str(c.type_code), c.internal_size, c.null_ok, c.default)
                for c in introspection.get_table_description(cursor, table)
            )
            constraints = sorted(
                (
                    tuple(c["columns"] or ()),
                    bool(c["primary_key"]),
                    bool(c["unique"]),
                    tuple(c["foreign_key"] or ()),
                    bool(c["check"]),
                    bool(c["index"]),
                )
                for c in introspection.get_constraints(cursor, table).values()
            )
            tables[table] = {"columns": columns, "constraints": constraints}
        return tables


def schema_of_the_migrated_database() -> dict:
    """schema() of the database `manage.py migrate` made, on the run's engine, read by
    manage.py in a process of its own on that database."""
    database_url = os.environ.get("DATABASE_URL", "")
    prepared = prepared_database(database_url)
    if database_url:
        server = ProductionServer(
            Path(tempfile.mkdtemp()),
            database_url=urlunsplit(urlsplit(database_url)._replace(path=f"/{prepared}")),
        )
    else:
        server = ProductionServer(Path(prepared).parent)
    script = "import json; from tests.deployment.test_migrations import schema; "
    script += "from django.db import connection; print(json.dumps(schema(connection)))"
    return json.loads(server.manage("shell", "--no-imports", "-c", script))


@pytest.mark.django_db
def test_the_migrations_make_the_schema_the_models_make():
    by_migrations = schema_of_the_migrated_database()
    by_models = json.loads(json.dumps(schema(connection)))  # as the other process sends it

    assert sorted(by_migrations) == sorted(by_models)
    differ = {
        f"{table} {part}": {
            "by the migrations only": [i for i in by_migrations[table][part] if i not in items],
            "by the models only": [i for i in items if i not in by_migrations[table][part]],
        }
        for table in by_models
        for part, items in by_models[table].items()
        if by_migrations[table][part] != items
    }
    assert {part: both for part, both in differ.items() if DJANGO_OWN.get(part) != both} == {}
