"""Award cycles, their criteria and benefits."""

from datetime import timedelta

import factory
from django.utils import timezone

from laurel.cycles.enums import DATE_FIELDS
from laurel.cycles.models import Benefit, Criterion, Cycle, Question


def _days(n: int):
    return factory.LazyFunction(lambda: timezone.now() + timedelta(days=n))


class CycleFactory(factory.django.DjangoModelFactory):
    """A cycle whose nominations are open now (opened a week ago, closing in four weeks)."""

    class Meta:
        model = Cycle

    slug = factory.Sequence(lambda n: f"award-{n}")
    time_zone = "Europe/Stockholm"
    organiser = {"sv": "Arrangören", "en": "The Organiser"}
    name = factory.Sequence(lambda n: {"sv": f"Priset {n}", "en": f"The Award {n}"})
    theme = {"sv": "Temat", "en": "The theme"}
    theme_description = {"sv": "Temats beskrivning", "en": "The theme's description"}
    background = {"sv": "Bakgrund.", "en": "Background."}
    benefits_intro = {"sv": "Pristagarna får:", "en": "The laureates receive:"}
    region = {"sv": "Europa", "en": "Europe"}
    prize_funder = {"sv": "Stiftelsen", "en": "The Foundation"}
    prize_amount = 100000
    eligible_countries = ["SE", "NO", "XK"]
    score_labels = {str(n): {"sv": f"Nivå {n}", "en": f"Level {n}"} for n in range(1, 6)}
    nominations_open_at = _days(-7)
    nominations_close_at = _days(28)
    review_open_at = _days(40)
    review_close_at = _days(60)
    decision_at = _days(80)
    programme_start_at = _days(90)
    archive_at = _days(400)
    # Stored, as load_award stores it: the phase the dates plan for now, unless a test names one
    # (CycleFactory(phase=Phase.DELIBERATION)) or moves it later (in_phase).
    phase = factory.LazyAttribute(
        lambda o: Cycle(**{field: getattr(o, field) for field in DATE_FIELDS}).planned_phase
    )


def in_phase(cycle: Cycle, phase: str) -> Cycle:
    """Put an existing cycle in a phase, as if staff had moved it there (no checks, no audit):
    for arranging a test; the moves themselves are tested through cycles.services."""
    cycle.phase = phase
    cycle.save(update_fields=["phase"])
    return cycle


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"sv": f"Kriterium {n}", "en": f"Criterion {n}"})
    text = {"sv": "Vad kriteriet kräver.", "en": "What the criterion asks."}
    guidance = {str(n): {"sv": f"Råd {n}", "en": f"Guidance {n}"} for n in range(1, 6)}


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benefit

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = {"sv": "En förmån.", "en": "A benefit."}


class QuestionFactory(factory.django.DjangoModelFactory):
    """One of the award's own questions, as load_award makes it from the file: a short text,
    optional, in the organisation's section. A test that needs the form to ask it loads an award
    file with it instead (the form reads the questions once for each version of the cycle)."""

    class Meta:
        model = Question

    cycle = factory.SubFactory(CycleFactory)
    key = factory.Sequence(lambda n: f"question_{n}")
    position = factory.Sequence(lambda n: n + 1)
    kind = "short_text"
    label = factory.Sequence(lambda n: {"sv": f"Fråga {n}", "en": f"Question {n}"})
    max_characters = 200
