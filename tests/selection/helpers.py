"""A committee that has scored its candidates, the way the review phase leaves it."""

import csv
import io
import json
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.candidates.models import Candidate
from laurel.cycles.enums import Phase
from laurel.review import queries as review_queries
from laurel.review import services as review
from laurel.review.models import Conflict
from laurel.selection import services as selection
from tests.conftest import enrol_totp, shared_world
from tests.factories import RoleGrantFactory, UserFactory, in_phase
from tests.scenarios import member, open_review, ready

# (name, country, kinds of work): twelve candidates, three from Sweden, every kind covered.
CANDIDATES = [
    ("Ljusglimt", "SE", ["victim_support"]),
    ("Trygga Nätet", "SE", ["prevention"]),
    ("Barnens Röst", "SE", ["advocacy"]),
    ("Netzwerk Kinderschutz", "DE", ["technology"]),
    ("Safe Online Lab", "IE", ["technology", "prevention"]),
    ("Fundacja Dzieci", "PL", ["victim_support"]),
    ("Aide Enfance", "FR", ["advocacy"]),
    ("Kinderrecht Nu", "NL", ["prevention"]),
    ("Rete Sicura", "IT", ["victim_support", "advocacy"]),
    ("Pelastakaa Lapset", "FI", ["prevention"]),
    ("Digital Shield", "EE", ["technology"]),
    ("Casa Segura", "ES", ["victim_support"]),
]


@dataclass
class Committee:
    candidates: list  # best scored first
    chair: object
    members: list  # two members; the second has a conflict with candidates[0]

    def keys(self) -> tuple:
        """What a module-wide scenario keeps of it (tests.conftest.shared_world)."""
        return ([c.pk for c in self.candidates], self.chair.pk, [m.pk for m in self.members])

    @classmethod
    def read(cls, keys) -> "Committee":
        """The committee of `keys()`, read again from the database (for one test)."""
        from laurel.accounts.models import User

        candidates, chair, members = keys
        return cls(
            [Candidate.objects.select_related("cycle").get(pk=pk) for pk in candidates],
            User.objects.get(pk=chair),
            [User.objects.get(pk=pk) for pk in members],
        )


def chair_of(cycle, email="chair@example.org"):
    user = UserFactory(email=email)
    RoleGrantFactory(user=user, role="committee_chair", cycle=cycle)
    enrol_totp(user)
    return user


def scored_committee(cycle, staff, *, count: int = 12) -> Committee:
    """Candidates ready and consenting, a chair and two members, each candidate reviewed by two
    of them with scores that fall from the first candidate to the last."""
    candidates = []
    for index, (name, country, kinds) in enumerate(CANDIDATES[:count]):
        candidate = ready(
            cycle,
            name,
            country=country,
            website=f"https://candidate{index}.{country.lower()}",
            staff=staff,
        )
        token = screening.invite_organisation(
            candidate,
            email=f"office@candidate{index}.{country.lower()}",
            language="sv" if country == "SE" else "en",
            deadline=timezone.now() + timedelta(days=14),
            actor=staff,
        )
        screening.answer_claim(token, consent=True)
        candidates.append(screening.tag_work(candidate, kinds=kinds, actor=staff))
    chair = chair_of(cycle)
    alice = member(cycle, "alice@example.org")
    bob = member(cycle, "bob@example.org")
    review.declare_conflict(bob, candidates[0], kind="employment")
    in_phase(cycle, Phase.SCREENING)
    # Two reviewers each, by hand in a fixed rotation (Bob never on the first candidate), so
    # every reviewer reads high and low scores alike and the scores' order survives each
    # reviewer's normalisation whatever the automatic assignment would balance.
    pairs = [(chair, alice), (alice, bob), (bob, chair)]
    for index, candidate in enumerate(candidates):
        for person in pairs[index % 3]:
            review.assign_by_hand(cycle, candidate, person, actor=staff)
    review.publish_assignment(cycle, actor=staff)
    open_review(cycle)
    candidates = [Candidate.objects.select_related("cycle").get(pk=c.pk) for c in candidates]
    for index, candidate in enumerate(candidates):
        score = 5 - (index * 4) // len(candidates)  # 5, 5, 5, 4, … 2
        for person in (chair, alice, bob):
            if not review_queries.is_assigned(person, candidate):
                continue
            review.save_review(
                person,
                candidate,
                scores={
                    str(n): score if n != 4 else max(1, score - index % 2) for n in range(1, 5)
                },
                comments={},
                recommendation="yes",
                submit=True,
            )
    assert Conflict.objects.filter(member=bob).count() == 1
    in_phase(cycle, Phase.DELIBERATION)  # staff closed the review phase
    return Committee(candidates, chair, [alice, bob])


def announced_decision(cycle, staff, *, texts) -> object:
    """Two laureates and one reserve out of four scored candidates, each place written with
    `texts(name)` as its citation and its summary, locked, and the letters released."""
    decision = decided_with_letters(cycle, staff, laureates=2, reserves=1, count=4, texts=texts)
    selection.release_letters(decision, actor=staff)
    return decision


def decided_with_letters(cycle, staff, *, laureates: int, reserves: int, count: int, texts=None):
    """A decision on a scored committee's shortlist, written up, locked by the chair, and its
    letters prepared (held; announced a minute ago, answers due in nine days). `texts(name)`
    gives a place's citation and summary: then every place is written, reserves too;
    without it the laureates' places get a fixed text."""
    fixed = {"sv": "Svensk text.", "en": "English text."}
    cycle.laureate_count = laureates
    cycle.save(update_fields=["laureate_count"])
    committee = scored_committee(cycle, staff, count=count)
    for candidate in committee.candidates:
        selection.shortlist_candidate(candidate, kind="shortlist", actor=staff)
    decision = selection.suggest_slate(
        cycle, max_per_country=None, min_per_kind={}, reserve_count=reserves,
        from_shortlist=True, actor=staff,
    )  # fmt: skip
    places = decision.places.select_related("candidate")
    for place in places if texts else places.filter(role="laureate"):
        citation, summary = texts(place.candidate.name) if texts else (fixed, fixed)
        selection.write_place(place, reason="R.", citation=citation, summary=summary, actor=staff)
    selection.lock_decision(decision, actor=committee.chair)
    write_letters(decision, staff)
    return decision


def write_letters(decision, staff) -> None:
    """Prepare (or prepare again) the decision's letters: announced a minute ago, answers due
    in nine days."""
    now = timezone.now()
    selection.prepare_letters(
        decision, announce_at=now - timedelta(minutes=1), respond_by=now + timedelta(days=9),
        actor=staff,
    )  # fmt: skip


LANGUAGES = ["sv", "en"]


def _public(client, language: str) -> dict:
    """What anyone reads on the page, in the CSV and in the JSON, in one language."""
    page = client.get(f"/{language}/laureates/")
    as_csv = client.get(f"/{language}/laureates.csv")
    as_json = client.get(f"/{language}/laureates.json")
    assert (page.status_code, as_csv.status_code, as_json.status_code) == (200, 200, 200)
    return {
        "page": page.content.decode(),
        "csv": list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig")))),
        "json": json.loads(as_json.content)["laureates"],
    }


def _assert_named_exactly(client, decision, named) -> None:
    """In both languages and all three forms, exactly the laureates `named` are listed, and of
    every other laureate (or reserve) not a word: no name, citation, summary or country."""
    everyone = list(decision.places.select_related("candidate"))
    for language in LANGUAGES:
        public = _public(client, language)
        names = sorted(p.candidate.name for p in named)
        assert sorted(row["name"] for row in public["csv"]) == names
        assert sorted(row["name"] for row in public["json"]) == names
        for place in everyone:
            shown = place in named
            texts = [place.candidate.name, *place.citation.values(), *place.summary.values()]
            on_page = [place.candidate.name, place.citation[language], place.summary[language]]
            for text in texts:
                assert (text in public["page"]) == (shown and text in on_page), (language, text)
                assert (text in json.dumps(public["json"], ensure_ascii=False)) == shown
                assert any(text in row.values() for row in public["csv"]) == shown
        countries = sorted(row["country"] for row in public["json"])
        assert countries == sorted(p.candidate.country for p in named)
        assert sorted(row["country"] for row in public["csv"]) == countries
        if not named:
            assert 'class="laureates"' not in public["page"]


def shared_committee(build):
    """A committee built once for a module by `build(cycle, staff)` (tests.conftest.shared_world),
    each test in a savepoint of its own: `world, child10, staff_user, committee =
    shared_committee(build)`, `committee` read again for each test."""
    world, child10, staff_user = shared_world(lambda cycle, staff: build(cycle, staff).keys())

    @pytest.fixture(name="committee")
    def committee(world, db):
        return Committee.read(world.value)

    return world, child10, staff_user, committee
