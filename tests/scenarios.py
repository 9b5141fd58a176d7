"""Scenario builders: domain objects made the way the platform makes them, by running its
services (a candidate made ready for review, a committee member, the review phase opened), and
the helpers of the public nomination form. Tests import these from here, never from one another;
leaf objects with nothing to prove come from tests.factories."""

import copy
import re
import time
import tomllib
from datetime import date, datetime, timedelta

import altcha
from allauth.mfa.totp.internal.auth import hotp_value
from django.utils import timezone

from laurel.candidates import services as screening
from laurel.candidates.models import Placement
from laurel.cycles.definition import AwardDefinition, parse, translate
from laurel.cycles.enums import Phase
from laurel.cycles.models import Cycle
from laurel.cycles.services import load_award
from laurel.nominations import challenge
from tests.candidates.helpers import confirmed
from tests.conftest import AWARD_FILE, enrol_totp
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


def close(cycle: Cycle) -> None:
    """The nomination deadline passed a second ago (the stored phase left as it was)."""
    Cycle.objects.filter(pk=cycle.pk).update(
        nominations_close_at=timezone.now() - timedelta(seconds=1)
    )


def totp_code(secret: str) -> str:
    """The authenticator app's code for `secret` now."""
    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def smtp_settings(settings, port: int) -> None:
    """Email through a real SMTP server on 127.0.0.1:`port` (tests.smtp.SMTPServer)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5


# The summit of the laureates' programme, and a delegate registered for it.
START = date(2030, 10, 16)


def summit_values(**changes):
    zone = timezone.get_current_timezone()
    return {
        "title": {"sv": "Child10 toppmöte 2030", "en": "Child10 Summit 2030"},
        "starts_on": START, "ends_on": START + timedelta(days=2),
        "place": "Stockholm", "address": "Drottninggatan 1, Stockholm", "programme": {},
        "ceremony_at": datetime(2030, 10, 18, 18, 0, tzinfo=zone), "places_per_laureate": 2,
        "registration_closes_at": datetime(2030, 9, 1, 12, 0, tzinfo=zone),
        "accommodation": {
            "sv": "Hotel Nordic, Vasaplan 4, Stockholm", "en": "Hotel Nordic, Vasaplan 4, Stockholm"
        },
        "costs": {
            "sv": "Child10 betalar resa, logi och måltider.",
            "en": "Child10 pays travel, accommodation and meals.",
        },
        "host": "Child10, Box 1, 111 11 Stockholm", "signatory": "Anna Svensson",
        "signatory_title": "Director",
        "passport_days": 30,
    } | changes  # fmt: skip


def delegate_values(**changes):
    return {
        "full_name": "Maria Kowalska", "role": "Director", "email": "maria@fundacja.pl",
        "phone": "+48 600 000 000", "travelling_from": "Warsaw, Poland",
        "arrive_on": START - timedelta(days=1), "leave_on": START + timedelta(days=3),
        "booking": "organiser", "needs_room": True, "dietary": "", "dietary_consent": False,
        "accessibility": "", "accessibility_consent": False, "interpretation": "",
        "emergency_contact": "Jan Kowalski, +48 600 000 001", "needs_visa": False,
    } | changes  # fmt: skip


# The award's own questions (issue 20): one asked of everyone, one only on its answer.
NETWORK_QUESTIONS = [
    {
        "key": "network",
        "kind": "yes_no",
        "label": {
            "sv": "Ingår organisationen i ett nätverk?",
            "en": "Is it part of a network?",
            "de": "Gehört die Organisation einem Netzwerk an?",
            "pl": "Czy organizacja należy do sieci?",
        },
        "required": True,
    },
    {
        "key": "network_name",
        "kind": "short_text",
        "label": {
            "sv": "Vilket nätverk?",
            "en": "Which network?",
            "de": "Welches Netzwerk?",
            "pl": "Jaka to sieć?",
        },
        "required": True,
        "shown_if": {"question": "network", "equals": ["yes"]},
    },
]


# The award's own questions with each visibility (visible_to, personal, retired), and a
# nomination's answers to them: who reads which answer where. The staff-only answer carries a
# marker no other text holds, to look for wherever it must not be.
STAFF_ONLY = "Zq7-staff-only-marker"
VISIBILITY_QUESTIONS = [
    {
        "key": "network",
        "kind": "yes_no",
        "label": {"sv": "Ingår organisationen i ett nätverk?", "en": "Is it part of a network?"},
        "visible_to": "committee",
    },
    {
        "key": "approach",
        "kind": "long_text",
        "section": "criteria",
        "label": {"sv": "Hur arbetar den på nätet?", "en": "How does it work online?"},
        "visible_to": "public",
    },
    {
        "key": "referee",
        "kind": "short_text",
        "section": "nominator",
        "label": {"sv": "Vem kan vi fråga om den?", "en": "Whom may we ask about it?"},
        "visible_to": "committee",
        "personal": True,
    },
    {
        "key": "concerns",
        "kind": "long_text",
        "label": {"sv": "Något vi bör veta?", "en": "Anything we should know?"},
    },
    {
        "key": "founders",
        "kind": "short_text",
        "label": {"sv": "Vem grundade den?", "en": "Who founded it?"},
        "visible_to": "committee",
        "retired": True,
    },
]
VISIBILITY_ANSWERS = {
    "network": "yes",
    "approach": "Moderators answer chats at night.",
    "referee": "Greta Lind at the county office",
    "concerns": f"A board member was investigated once ({STAFF_ONLY}).",
    "founders": "Two teachers from Malmö",
}

# Every kind of answer a question stores (a text, an option's key, yes or no, a whole number,
# an ISO date, a country code, option keys), with the questions asking them.
QUESTIONS_OF_EACH_KIND = [
    *VISIBILITY_QUESTIONS,
    {
        "key": "platforms",
        "kind": "multiple_choice",
        "label": {"sv": "Plattformar", "en": "Platforms"},
        "options": [
            {"key": "games", "label": {"sv": "Spel", "en": "Games"}},
            {"key": "social", "label": {"sv": "Sociala medier", "en": "Social media"}},
        ],
    },
    {"key": "staff", "kind": "number", "label": {"sv": "Anställda", "en": "Staff"}},
    {"key": "online_since", "kind": "date", "label": {"sv": "Sedan", "en": "Since"}},
    {"key": "based_in", "kind": "country", "label": {"sv": "Säte", "en": "Based in"}},
]
ANSWERS_OF_EACH_KIND = {
    **VISIBILITY_ANSWERS,
    "platforms": ["games", "social"],
    "staff": 12,
    "online_since": "2014-03-01",
    "based_in": "SE",
}


def award_with(questions: list[dict]) -> AwardDefinition:
    """Child10 2022's award file with `questions` (given in the languages they are asked in)
    in place of its [[questions]], read and checked, its translation files too (a page in
    German is the award's German page)."""
    raw = tomllib.loads(AWARD_FILE.read_text(encoding="utf-8"))
    # The translation files translate the file's own questions: merged first, then replaced.
    translated = translate(AWARD_FILE, raw)
    raw["questions"] = copy.deepcopy(questions)
    return parse(raw, translated=translated)


def asking(questions: list[dict]) -> Cycle:
    """Child10 loaded again (its window open from today) with `questions` as its own."""
    return load_award(award_with(questions), open_now=True)[0]
