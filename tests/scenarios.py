"""Scenario builders: domain objects made the way the platform makes them, by running its
services (a candidate made ready for review, a committee member, the review phase opened), and
the helpers of the public nomination form. Tests import these from here, never from one another;
leaf objects with nothing to prove come from tests.factories."""

import re
from datetime import timedelta

import altcha
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.candidates.models import Placement
from laurel.cycles.enums import Phase
from laurel.nominations import challenge
from tests.candidates.helpers import confirmed
from tests.conftest import enrol_totp
from tests.factories import RoleGrantFactory, UserFactory, in_phase

NOMINATE = "/en/nominate/"
# A review's scores, criterion by criterion.
FULL = {"1": 4, "2": 3, "3": 5, "4": 2}


def member(cycle, email):
    """A committee member of the cycle, with the second factor committee members must have."""
    user = UserFactory(email=email)
    RoleGrantFactory(user=user, role="committee_member", cycle=cycle)
    enrol_totp(user)
    return user


def ready(cycle, name, staff, **details):
    """A candidate screened eligible, checked, its committee version prepared, marked ready."""
    nomination = confirmed(cycle, name, **details)
    candidate = Placement.objects.get(nomination=nomination).candidate
    screening.decide_eligibility(candidate, eligible=True, actor=staff)
    for area in ("finances", "child_rights", "safeguarding", "aims_and_impact", "do_no_harm"):
        screening.update_check(candidate, area=area, status="satisfactory", notes="", actor=staff)
    screening.save_committee_version(nomination, texts={}, actor=staff)
    return screening.mark_ready(candidate, ready=True, actor=staff)


def open_review(cycle):
    """Nominations closed, the review phase open for two weeks."""
    now = timezone.now()
    cycle.nominations_close_at = now - timedelta(days=2)
    cycle.review_open_at = now - timedelta(days=1)
    cycle.review_close_at = now + timedelta(days=14)
    cycle.save(update_fields=["nominations_close_at", "review_open_at", "review_close_at"])
    in_phase(cycle, Phase.REVIEW)


def new_token(client) -> str:
    """The private token of a new nomination form, as the nomination page issues it."""
    page = client.get(NOMINATE).content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def solved_payload(settings) -> str:
    """An ALTCHA proof of work, solved (at a low cost, for speed), as the form's widget sends it."""
    settings.ALTCHA_COST = 50
    issued = altcha.v2.Challenge.from_dict(challenge.new_challenge())
    return altcha.Payload(challenge=issued, solution=altcha.solve_challenge(issued)).to_base64()
