"""The official sanctions lists: a snapshot of a list and the entries in it. A snapshot is made
not current (sanctions.services.import_list makes the one it imports current, and only one of a
source may be); tests about importing go through the service."""

import hashlib
from datetime import date
from decimal import Decimal

import factory

from laurel.sanctions.matching import KEYS_VERSION, stored_keys
from laurel.sanctions.models import (
    EntryBirthDate,
    EntryName,
    Hit,
    ListEntry,
    ListSnapshot,
    Screening,
)


class ListSnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ListSnapshot

    source = "eu"
    published_on = date(2026, 11, 30)
    sha256 = factory.Sequence(lambda n: hashlib.sha256(f"list {n}".encode()).hexdigest())
    entry_count = 0
    file_name = "eu-list.xml"
    keys_version = KEYS_VERSION  # its names' keys are computed as they are made


class ListEntryFactory(factory.django.DjangoModelFactory):
    """A person on the list, named by no EntryName until a test adds one."""

    class Meta:
        model = ListEntry

    snapshot = factory.SubFactory(ListSnapshotFactory)
    reference = factory.Sequence(lambda n: f"9{n:05d}")
    kind = "person"
    regime = "RUS"


class EntryNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntryName

    entry = factory.SubFactory(ListEntryFactory)
    whole_name = "Oleksandr Verbytskyi"
    keys = factory.LazyAttribute(lambda name: stored_keys(name.entry.kind, name.whole_name))
    primary = True


class EntryBirthDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntryBirthDate

    entry = factory.SubFactory(ListEntryFactory)
    year = 1968


class ScreeningFactory(factory.django.DjangoModelFactory):
    """A person's name screened (against no snapshot until a test adds one; the screening
    service screens against the current ones)."""

    class Meta:
        model = Screening

    subject = factory.Sequence(lambda n: f"person:{n}")
    role = "person"
    kind = "person"
    name = "Anna Lindqvist"


class HitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hit

    screening = factory.SubFactory(ScreeningFactory)
    entry = factory.SubFactory(ListEntryFactory)
    listed_name = "Anna Lindqvist"
    score = Decimal("1.000")
    strong = True
