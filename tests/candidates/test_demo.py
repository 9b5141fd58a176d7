"""`manage.py load_demo`: the batch staff practise on has what screening must handle."""

import io

import pytest
from django.core.management import call_command

from laurel.candidates.enums import Flag
from laurel.candidates.models import Candidate, DuplicateSuggestion
from laurel.nominations.models import Nomination

pytestmark = pytest.mark.django_db


def test_the_demo_batch_holds_joins_suggestions_and_flags(child10):
    call_command("load_demo", stdout=io.StringIO())

    candidates = {c.name: c for c in Candidate.objects.all()}
    assert candidates["Digitaler Kinderschutzbund e.V."].nomination_count == 2  # same site
    assert candidates["Fundacja Bezpieczne Dzieci w Sieci"].nomination_count == 2  # in English
    assert candidates["Udruga Sigurna Mreža"].nomination_count == 2  # without diacritics
    assert candidates["Фонд Безпечні Діти"].nomination_count == 2  # transliterated
    pairs = {
        frozenset((s.first.name, s.second.name))
        for s in DuplicateSuggestion.objects.select_related("first", "second")
    }
    assert frozenset(("Digitaler Kinderschutzbund e.V.", "Kinderschutzbnd Digitaler")) in pairs
    assert frozenset(("Stichting Internetwacht", "Internetwatch Stichting")) in pairs
    assert frozenset(("Stiftelsen Vänskapsbron", "Stiftelsen Vänskapsbyn")) in pairs
    assert Flag.COORDINATED_DOMAIN in candidates["Asociația Copii în Siguranță"].flags
    harbour = candidates["Harbourlight Trust"]
    assert {Flag.SELF_NOMINATED, Flag.SAFEGUARDING} <= set(harbour.flags)


def test_loading_the_demo_twice_adds_nothing(child10):
    call_command("load_demo", stdout=io.StringIO())
    count = Candidate.objects.count()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert Candidate.objects.count() == count
    assert "nothing was added" in out.getvalue()


def test_the_demo_batch_fits_another_award_its_criteria_and_countries(aurora):
    """The Aurora Prize has three criteria and takes the EU's 27 member states only: each demo
    nomination answers its three, and none is from Ukraine, Moldova, Iceland or the UK."""
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    nominations = list(Nomination.objects.filter(cycle=aurora))
    assert {tuple(sorted(n.answers)) for n in nominations} == {("1", "2", "3")}
    assert {n.org_country for n in nominations} <= set(aurora.eligible_countries)
    assert Candidate.objects.filter(country__in=["UA", "MD", "IS", "GB"]).count() == 0
    assert out.getvalue().startswith(f"{len(nominations)} demo nominations added to aurora-2027")
