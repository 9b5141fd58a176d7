"""Media consent is opt-in (migration 0009): a consent a laureate gave stays as it was; the old
default "may be published", which no laureate chose, is unticked."""

import importlib

from django.apps import apps
from django.utils import timezone

from laurel.laureates.models import Laureate
from tests.factories import LaureateFactory


def untick_defaults(*args):
    migration = importlib.import_module("laurel.laureates.migrations.0009_media_consent_opt_in")
    return migration.untick_defaults(*args)


def test_the_migration_keeps_consents_given_and_unticks_the_old_default(child10):
    given, withheld, never_asked = LaureateFactory.create_batch(3, cycle=child10)
    answered = timezone.now()
    Laureate.objects.filter(pk=given.pk).update(publish_name=True, media_consent_at=answered)
    Laureate.objects.filter(pk=withheld.pk).update(publish_name=False, media_consent_at=answered)
    Laureate.objects.filter(pk=never_asked.pk).update(publish_name=True)  # the old default

    untick_defaults(apps, None)

    names = dict(Laureate.objects.values_list("pk", "publish_name"))
    assert names == {given.pk: True, withheld.pk: False, never_asked.pk: False}
    assert Laureate.objects.get(pk=given.pk).media_consent_at == answered
