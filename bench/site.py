"""A throwaway Laurel for the benchmarks that need the database: SQLite in a new temporary data
directory, migrated, with the Child10 Award 2022 loaded and its call open from today."""

import io
import os
import tempfile


def temporary_site():
    """Set Django up on a new SQLite database and return the award's cycle."""
    data_dir = tempfile.mkdtemp(prefix="laurel-bench-")
    os.environ.update(
        SECRET_KEY="bench-" + "k" * 60,
        LAUREL_DATA_DIR=data_dir,
        ALLOWED_HOSTS="testserver",
        LAUREL_PLAIN_STATIC="true",
        DEBUG="false",
        EMAIL_HOST="",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The benchmarks' users are props, not what is measured: hashing each password properly
    # would take a third of a second (the tests do the same).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    from laurel.cycles.models import Cycle

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_award", "awards/child10-2022.toml", "--open-now", stdout=io.StringIO())
    return Cycle.objects.get()
