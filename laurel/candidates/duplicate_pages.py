"""What the duplicates page shows, built outside the views: open suggestions as pairs and as
groups (three or more records that are one organisation), each side by side with its evidence in
words and its level; the decided ones. The candidate page's sections are in `pages`."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.candidates import matching
from laurel.candidates.enums import SuggestionState
from laurel.candidates.matching import JOIN_FROM
from laurel.candidates.models import (
    Candidate,
    DuplicateSuggestion,
    MergeRecord,
    Placement,
)

# Which reasons (matching's codes) are evidence about which part of the organisation.
NAME_REASONS = {
    "same-name",
    "similar-name",
    "alias",
    "acronym",
    "contains-name",
    "translation",
    "domain-name",
}
SIGNALS = [
    ("name", _("Name"), NAME_REASONS),
    ("website", _("Website"), {"same-domain", "similar-domain", "domain-name"}),
    ("registration", _("Registration number"), {"same-registration"}),
]
# From here a suggestion is "likely"; below, between matching.SUGGEST_FROM and this, a weaker
# likeness staff compare closely (a name a syllable apart, a short acronym, a generic translation).
LIKELY_FROM = 0.9
# Groups and pairs on one page of the duplicates page.
PER_PAGE = 30


def level(confidence: float) -> dict:
    """What the evidence amounts to, in words: the combined score is no probability, so staff
    read the level it reaches (automatic joining, a likely duplicate, a weaker likeness) and the
    figure only beside it. A name a syllable apart is suggested as a weaker likeness: it may be
    a typo or another organisation ("Vänskapsbron", "Vänskapsbyn")."""
    if confidence >= JOIN_FROM:
        key, label, hint = (
            "strong",
            _("Strong evidence"),
            _("enough to join them automatically"),
        )
    elif confidence >= LIKELY_FROM:
        key, label, hint = "likely", _("Likely"), _("enough to suggest; a person decides")
    else:
        key, label, hint = (
            "possible",
            _("Possible"),
            _("a weaker likeness: compare the details before deciding"),
        )
    return {"key": key, "label": label, "hint": hint, "figure": confidence}


def _details(candidate_ids: set[int]) -> dict[int, dict]:
    """Each candidate's nominations (first submitted first) and the names, websites,
    registration numbers and cities they were written with, in one query."""
    found: dict[int, dict] = {
        pk: {"nominations": [], "names": [], "websites": [], "registrations": [], "cities": []}
        for pk in candidate_ids
    }
    placements = (
        Placement.objects.filter(candidate_id__in=candidate_ids)
        .select_related("nomination")
        .only(
            "candidate_id",
            "nomination__reference",
            "nomination__submitted_at",
            "nomination__org_name",
            "nomination__org_website",
            "nomination__org_registration_number",
            "nomination__org_city",
        )
        .order_by("nomination__submitted_at", "nomination_id")
    )
    for placement in placements:
        nomination = placement.nomination
        row = found[placement.candidate_id]
        row["nominations"].append(nomination)
        row["names"].append(nomination.org_name)
        row["websites"].append(nomination.org_website)
        row["registrations"].append(nomination.org_registration_number)
        row["cities"].append(nomination.org_city)
    return found


def _open_merges(suggestions: list[DuplicateSuggestion]) -> dict[int, MergeRecord]:
    """The merge (not undone) that confirmed each pair, by suggestion: where its undo is. In a
    group merged at once, one of the pair may have joined the kept candidate the other is."""
    ids = {pk for s in suggestions for pk in (s.first_id, s.second_id)}
    by_source = {
        merge.source_id: merge
        for merge in MergeRecord.objects.filter(source_id__in=ids, undone_at=None).select_related(
            "target"
        )
    }
    found = {}
    for suggestion in suggestions:
        for member, other in (
            (suggestion.first, suggestion.second),
            (suggestion.second, suggestion.first),
        ):
            merge = by_source.get(member.pk)
            if merge and merge.target_id in (other.pk, other.merged_into_id):
                found[suggestion.pk] = merge
                break
    return found


def _distinct(values, key) -> list[str]:
    """The values in order, each once (as `key` compares them), empty ones left out."""
    seen, kept = set(), []
    for value in values:
        value = (value or "").strip()
        marker = key(value) if value else ""
        if marker and marker not in seen:
            seen.add(marker)
            kept.append(value)
    return kept


def _text_key(value: str) -> str:
    return " ".join(value.casefold().split())


def _website_key(value: str) -> str:
    website = matching.normalise_website(value)
    return website.domain if website else _text_key(value)


# The side-by-side rows with several values: (key in a side, how two values are the same).
LISTS = [
    ("names", _text_key),
    ("websites", _website_key),
    ("registrations", matching.normalise_registration),
    ("cities", _text_key),
]


def _side(candidate: Candidate, details: dict) -> dict:
    """One candidate as the duplicates page compares it: every name and alias it is known by
    (its own, and each its nominations were written with), every website, registration
    number and city, and its nominations."""
    organisation = candidate.organisation
    aliases = list(getattr(organisation, "aliases", None) or [])
    nominations = details.get("nominations", [])
    side = {
        "candidate": candidate,
        "name": candidate.name,
        "website": organisation.website,
        "registration": organisation.registration_number,
        "city": organisation.city,
        "country": str(dict(countries).get(candidate.country, candidate.country)),
        "nominations": candidate.nomination_count,
        "nomination_list": nominations,
        # Merged away since (the decided suggestions): where its nominations are now.
        "merged_into": candidate.merged_into_id,
        "merged_into_name": "",
        "first_nomination": nominations[0] if nominations else None,
    }
    written = {
        "names": [candidate.name, organisation.name, *aliases, *details.get("names", [])],
        "websites": [organisation.website, *details.get("websites", [])],
        "registrations": [organisation.registration_number, *details.get("registrations", [])],
        "cities": [organisation.city, *details.get("cities", [])],
    }
    for field, key in LISTS:
        side[field] = [{"value": value} for value in _distinct(written[field], key)]
    return side


def _name_targets(sides: list[dict]) -> None:
    """A side merged into another side is said to be, by that side's name."""
    names = {side["candidate"].pk: side["name"] for side in sides}
    for side in sides:
        side["merged_into_name"] = names.get(side["merged_into"], "")


def _mark_shared(sides: list[dict]) -> None:
    """Each value another side has too is marked as shared ('same' on the page)."""
    for field, key in LISTS:
        keys = [{key(item["value"]) for item in side[field]} for side in sides]
        for position, side in enumerate(sides):
            others = set().union(*(k for p, k in enumerate(keys) if p != position))
            for item in side[field]:
                item["shared"] = key(item["value"]) in others


def _same(one: list[dict], other: list[dict], key) -> bool | None:
    """Whether two sides share a value; None when one has none (cannot tell)."""
    if not one or not other:
        return None
    return bool({key(i["value"]) for i in one} & {key(i["value"]) for i in other})


def _matched(suggestion: DuplicateSuggestion) -> tuple[str, str] | None:
    names = [name for name in (suggestion.matched or []) if name]
    return (names[0], names[1]) if len(names) == 2 else None


def _evidence(suggestion: DuplicateSuggestion) -> dict:
    """A suggestion's evidence as staff read it: the level, the reasons, the names that matched,
    the name similarity (a likeness of letters, 0–100)."""
    return {
        "suggestion": suggestion,
        "level": level(suggestion.confidence),
        "similarity": matching.name_similarity(suggestion.first.name, suggestion.second.name),
        "names_matched": _matched(suggestion),
    }


def comparison(suggestion: DuplicateSuggestion, details: dict, merge) -> dict:
    """One suggestion as the page shows it: how strong, which signals matched, both sides."""
    first = _side(suggestion.first, details.get(suggestion.first_id, {}))
    second = _side(suggestion.second, details.get(suggestion.second_id, {}))
    _name_targets([first, second])
    if not (first["merged_into"] or second["merged_into"]):
        _mark_shared([first, second])  # once merged, one holds the other's names: no news
    reasons = set(suggestion.reasons)
    signals = [
        {
            "key": key,
            "label": label,
            "matched": bool(reasons & codes),
            "reasons": [reason for reason in suggestion.reasons if reason in codes],
        }
        for key, label, codes in SIGNALS
    ]
    return {
        **_evidence(suggestion),
        "kind": "pair",
        "confidence": round(suggestion.confidence * 100),
        "signals": signals,
        "matched": [signal for signal in signals if signal["matched"]],
        "first": first,
        "second": second,
        "same": {
            "website": "same-domain" in reasons
            or _same(first["websites"], second["websites"], _website_key),
            "registration": "same-registration" in reasons
            or _same(
                first["registrations"], second["registrations"], matching.normalise_registration
            ),
            "city": _same(first["cities"], second["cities"], _text_key),
            "country": suggestion.first.country == suggestion.second.country,
        },
        "merge": merge,
    }


def _kept_by_default(members: list[Candidate]) -> Candidate:
    """The record a group merges into unless staff choose another: most nominations, then the
    first nominated."""

    def order(candidate):
        first = candidate.first_nominated_at
        return (-candidate.nomination_count, first is None, first, candidate.pk)

    return min(members, key=order)


def group_row(
    suggestions: list[DuplicateSuggestion], details: dict, rejected: list | None = None
) -> dict:
    """Three or more candidates open suggestions join: every one side by side, the pairs that
    were suggested and why, and which one is kept unless staff choose another."""
    members = {}
    for suggestion in suggestions:
        for candidate in suggestion.pair:
            members.setdefault(candidate.pk, candidate)
    keep = _kept_by_default(list(members.values()))
    ordered = sorted(members.values(), key=lambda c: (c.pk != keep.pk, -c.nomination_count, c.pk))
    sides = [_side(candidate, details.get(candidate.pk, {})) for candidate in ordered]
    _mark_shared(sides)
    strongest = max(suggestions, key=lambda s: s.confidence)
    return {
        "kind": "group",
        "anchor": min(s.pk for s in suggestions),
        "size": len(sides),
        "title": " · ".join(side["name"] for side in sides),
        "level": level(strongest.confidence),
        "sides": sides,
        "keep": keep,
        # Pairs of the group someone marked as different organisations: the group cannot be
        # merged whole until one of them is set apart or the decision reopened.
        "marked_different": [
            (members[s.first_id], members[s.second_id])
            for s in rejected or []
            if s.first_id in members and s.second_id in members
        ],
        "pairs": [
            _evidence(s)
            for s in sorted(suggestions, key=lambda s: (-s.confidence, -s.name_score, s.pk))
        ],
    }


def suggestions_of(cycle, *, decided: bool):
    """The cycle's suggestions still to decide, or those decided (newest decision first)."""
    rows = DuplicateSuggestion.objects.filter(cycle=cycle).select_related(
        "first__organisation", "second__organisation", "decided_by"
    )
    if decided:
        return rows.filter(~Q(state=SuggestionState.OPEN)).order_by("-decided_at", "-id")
    return rows.filter(state=SuggestionState.OPEN).order_by("-confidence", "-name_score", "id")


def open_units(cycle, *, country: str = "") -> tuple[list[dict], list[tuple[str, str]]]:
    """The open suggestions as what staff decide: a pair, or a group when suggestions join
    three or more candidates (matching.clusters), strongest first; with `country`, those with a
    candidate in that country. Also the countries there are to choose from. One light query,
    however many suggestions."""
    rows = list(
        DuplicateSuggestion.objects.filter(cycle=cycle, state=SuggestionState.OPEN).values_list(
            "pk",
            "first_id",
            "second_id",
            "confidence",
            "name_score",
            "first__country",
            "second__country",
        )
    )
    country_of, by_pair = {}, {}
    for pk, first, second, confidence, name_score, first_country, second_country in rows:
        country_of[first], country_of[second] = first_country, second_country
        by_pair[(first, second)] = (pk, (confidence, name_score))
    units = []
    for members in matching.clusters(country_of, by_pair):
        found = [value for pair, value in by_pair.items() if pair[0] in members]
        units.append(
            {
                "members": sorted(members),
                "suggestions": sorted(pk for pk, _strength in found),
                # The strongest pair's confidence, then its name score: the page's order.
                "strength": max(strength for _pk, strength in found),
                "countries": {country_of[pk] for pk in members},
            }
        )
    names = dict(countries)
    choices = sorted(
        {(code, str(names.get(code, code))) for code in country_of.values() if code},
        key=lambda choice: choice[1],
    )
    if country:
        units = [unit for unit in units if country in unit["countries"]]
    units.sort(key=lambda u: (-u["strength"][0], -u["strength"][1], u["suggestions"][0]))
    return units, choices


def unit_rows(units: list[dict]) -> list[dict]:
    """One page of pairs and groups, compared, in a fixed number of queries however many."""
    wanted = [pk for unit in units for pk in unit["suggestions"]]
    loaded = DuplicateSuggestion.objects.filter(pk__in=wanted).select_related(
        "first__organisation", "second__organisation"
    )
    by_pk = {suggestion.pk: suggestion for suggestion in loaded}
    # The pairs marked as different organisations inside a group; one query always, so the
    # page's queries stay the same however many groups it has.
    cycles = {suggestion.cycle_id for suggestion in by_pk.values()}
    rejected = list(
        DuplicateSuggestion.objects.filter(
            cycle_id__in=cycles or {0}, state=SuggestionState.REJECTED
        ).order_by("pk")
    )
    details = _details({pk for unit in units for pk in unit["members"]})
    rows = []
    for unit in units:
        suggestions = [by_pk[pk] for pk in unit["suggestions"] if pk in by_pk]
        if not suggestions:
            continue
        if len(unit["members"]) > 2:
            rows.append(group_row(suggestions, details, rejected))
        else:
            rows.append(comparison(suggestions[0], details, None))
    return rows


def comparisons(suggestions) -> list[dict]:
    """The page's suggestions compared, with a fixed number of queries however many."""
    suggestions = list(suggestions)
    details = _details({pk for s in suggestions for pk in (s.first_id, s.second_id)})
    merges = _open_merges(suggestions)
    return [
        comparison(suggestion, details, merges.get(suggestion.pk)) for suggestion in suggestions
    ]
