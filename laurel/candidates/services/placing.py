"""Confirmed nominations become candidates, or join one; a candidate's counts and flags."""

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from laurel.candidates.enums import (
    Flag,
)
from laurel.candidates.matching import (
    JOIN_FROM,
    Record,
    find_duplicates,
    normalise_registration,
    normalise_website,
)
from laurel.candidates.models import (
    Candidate,
    Organisation,
    Placement,
)
from laurel.candidates.services.common import (
    COORDINATED_COUNT,
    COORDINATED_WINDOW,
    cycle_records,
    organisation_record,
    suggest_duplicates,
)
from laurel.core.services import record
from laurel.nominations.enums import COUNTING_STATES, Relationship
from laurel.nominations.models import Nomination

# --- placing nominations ---------------------------------------------------------------


def on_nomination_confirmed(sender: Any, nomination: Nomination, **kwargs: Any) -> None:
    """A nomination held for moderation waits until staff let it through."""
    if not nomination.held_for_moderation:
        place_nomination(nomination)


def on_nomination_changed(sender: Any, nomination: Nomination, **kwargs: Any) -> None:
    placement = Placement.objects.filter(nomination=nomination).select_related("candidate").first()
    if placement is not None:
        _refresh(placement.candidate)


def organisation_keys(website: str, registration: str) -> dict[str, str]:
    found = normalise_website(website)
    return {
        "domain": found.domain if found else "",
        "registration_key": normalise_registration(registration),
    }


def _known_organisation(nomination: Nomination) -> Organisation | None:
    """The organisation as nominated in another year: the same website, or the same
    registration number in the same country, or the same organisation by its names (any name
    it has been known by or was nominated under, in the same country) with evidence as strong
    as joining a candidate takes (JOIN_FROM): a weaker likeness never reuses another year's
    organisation silently. Never one already a candidate in this cycle."""
    keys = organisation_keys(nomination.org_website, nomination.org_registration_number)
    same = Q(pk__in=[])
    if keys["domain"] and "/" not in keys["domain"]:
        same |= Q(domain=keys["domain"])
    if len(keys["registration_key"]) >= 4:
        same |= Q(country=nomination.org_country, registration_key=keys["registration_key"])
    elsewhere = Organisation.objects.exclude(candidacies__cycle_id=nomination.cycle_id)
    found = elsewhere.filter(same).order_by("-updated_at", "-id").first()
    if found is not None or not nomination.org_country or not nomination.org_name:
        return found
    return _known_by_name(nomination, elsewhere)


def _record_of_nomination(nomination: Nomination) -> Record:
    """The nomination as matching sees it, under key 0 among the records it is compared with."""
    return Record(
        key=0,
        name=nomination.org_name,
        country=nomination.org_country,
        website=nomination.org_website,
        registration=nomination.org_registration_number,
    )


def _known_by_name(
    nomination: Nomination, elsewhere: QuerySet[Organisation]
) -> Organisation | None:
    """Among `elsewhere` in the nomination's country, the organisation the engine finds with
    evidence from JOIN_FROM, by its name, other names and its nominations' names and sites."""
    organisations = {
        organisation.pk: organisation
        for organisation in elsewhere.filter(country=nomination.org_country)
        .only("name", "country", "website", "registration_number", "aliases")
        .order_by("-updated_at", "-id")
    }
    if not organisations:
        return None
    new = _record_of_nomination(nomination)
    # And every name and website its nominations in other years were written with.
    names: dict[int, list[str]] = defaultdict(list)
    websites: dict[int, list[str]] = defaultdict(list)
    for organisation_id, name, website in (
        Placement.objects.filter(candidate__organisation__country=nomination.org_country)
        .exclude(candidate__cycle_id=nomination.cycle_id)
        .order_by("placed_at", "pk")
        .values_list(
            "candidate__organisation_id", "nomination__org_name", "nomination__org_website"
        )
    ):
        names[organisation_id].append(name)
        websites[organisation_id].append(website)
    records = [
        organisation_record(o, key=pk, names=names[pk], websites=websites[pk])
        for pk, o in organisations.items()
    ]
    strong = [
        suggestion
        for suggestion in find_duplicates([new, *records], only=[0])
        if suggestion.confidence >= JOIN_FROM
    ]
    return Organisation.objects.get(pk=strong[0].second) if strong else None


def _organisation_from(nomination: Nomination) -> Organisation:
    known = _known_organisation(nomination)
    if known is not None:
        return known
    return Organisation.objects.create(
        name=nomination.org_name,
        country=nomination.org_country,
        city=nomination.org_city,
        website=nomination.org_website,
        registration_number=nomination.org_registration_number,
        description=nomination.org_description,
        founded_year=nomination.org_founded_year,
        contact_name=nomination.org_contact_name,
        contact_email=nomination.org_contact_email,
        **organisation_keys(nomination.org_website, nomination.org_registration_number),
    )


def _new_candidate(nomination: Nomination) -> Candidate:
    organisation = _organisation_from(nomination)
    return Candidate.objects.create(
        cycle_id=nomination.cycle_id,
        organisation=organisation,
        name=organisation.name,
        country=organisation.country,
    )


@transaction.atomic
def place_nomination(nomination: Nomination) -> Candidate:
    """A confirmed nomination joins the candidate it is clearly about, or becomes a new one;
    likely duplicates of a new candidate are suggested to staff. Idempotent."""
    existing = Placement.objects.filter(nomination=nomination).select_related("candidate").first()
    if existing is not None:
        return existing.candidate
    new = _record_of_nomination(nomination)
    matches = [
        suggestion
        for suggestion in find_duplicates([new, *cycle_records(nomination.cycle)], only=[0])
        if suggestion.confidence >= JOIN_FROM
    ]
    if matches:
        best = matches[0]
        candidate = Candidate.objects.select_related("organisation").get(pk=best.second)
        reasons = best.reasons
    else:
        candidate = _new_candidate(nomination)
        reasons = []
    Placement.objects.create(nomination=nomination, candidate=candidate)
    _refresh(candidate)
    record(
        "nomination.placed",
        subject=candidate,
        summary=nomination.reference or "",
        data={
            "nomination": nomination.pk,
            "joined": bool(matches),
            "reasons": reasons,
            "organisation": candidate.organisation_id,
        },
    )
    if not matches:
        suggest_duplicates(candidate.cycle, only=[candidate.pk])
    return candidate


def _flags(nominations: list[Nomination]) -> list[str]:
    flags = []
    if any(n.relationship == Relationship.SELF for n in nominations):
        flags.append(Flag.SELF_NOMINATED)
    if any(n.safeguarding_flags for n in nominations):
        flags.append(Flag.SAFEGUARDING)
    for flag, key in [
        (Flag.COORDINATED_DOMAIN, lambda n: n.nominator_email.rpartition("@")[2].lower()),
        (Flag.COORDINATED_NETWORK, lambda n: n.network),
    ]:
        groups: dict[str, list] = defaultdict(list)
        for nomination in nominations:
            if key(nomination) and nomination.submitted_at:
                groups[key(nomination)].append(nomination.submitted_at)
        if any(_burst(times) for times in groups.values()):
            flags.append(flag)
    return [str(flag) for flag in flags]


def _burst(times: list) -> bool:
    """COORDINATED_COUNT or more within COORDINATED_WINDOW."""
    times = sorted(times)
    span = COORDINATED_COUNT - 1
    return any(
        times[index + span] - times[index] <= COORDINATED_WINDOW
        for index in range(len(times) - span)
    )


def _refresh(candidate: Candidate) -> None:
    """The candidate's counts, languages and flags, from the nominations it holds now."""
    nominations = list(
        Nomination.objects.filter(placement__candidate=candidate, state__in=COUNTING_STATES)
    )
    languages = sorted(
        {language for n in nominations for language in n.answer_languages.values() if language}
    )
    candidate.nomination_count = len(nominations)
    candidate.nominator_count = len({n.nominator_email.lower() for n in nominations})
    candidate.languages = languages
    candidate.flags = _flags(nominations)
    candidate.first_nominated_at = min(
        (n.submitted_at for n in nominations if n.submitted_at is not None), default=None
    )
    candidate.name = candidate.organisation.name
    candidate.country = candidate.organisation.country
    candidate.save(
        update_fields=[
            "nomination_count",
            "nominator_count",
            "languages",
            "flags",
            "first_nominated_at",
            "name",
            "country",
            "updated_at",
        ]
    )
