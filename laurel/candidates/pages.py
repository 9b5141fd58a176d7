"""What the candidate page and the duplicates page show, built outside the views: the views
stay boring, and the queries each page issues do not grow with its rows."""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from laurel.candidates import matching, queries, services
from laurel.candidates.enums import ACTIVE_STATES, SuggestionState
from laurel.candidates.forms import (
    ContactForm,
    DiligenceForm,
    DocumentForm,
    InviteOrganisationForm,
    MergeForm,
    NoteForm,
    ScreeningForm,
    WorkKindsForm,
)
from laurel.candidates.history import worded
from laurel.candidates.models import Candidate, DuplicateSuggestion, MergeRecord, Placement
from laurel.core.queries import history_of

# A message with this tag is shown by the page where the user acted, not at the top of the page
# (templates/base.html leaves it out); its second tag names the section that shows it.
PLACED = "placed"


def page_index(candidate: Candidate, *, suggestions: bool, merges: bool) -> list[tuple[str, str]]:
    """The candidate page's sections in order, (id, heading), for its table of contents."""
    live = candidate.state in ACTIVE_STATES
    sections = [
        ("summary", _("Summary"), True),
        ("screening", _("Eligibility"), live),
        ("nominations", _("Nominations"), True),
        ("consent", _("The organisation's consent"), True),
        ("contact", _("Contact"), True),
        ("diligence", _("Due diligence"), True),
        ("documents", _("Documents"), True),
        ("committee-versions", _("What the committee reads"), True),
        ("ready", _("Ready for the committee"), True),
        ("duplicates", _("Possible duplicates"), suggestions),
        ("merge", _("Merge with another candidate"), live),
        ("merges", _("Merges"), merges),
        ("notes", _("Notes"), True),
        ("history", _("History"), True),
    ]
    return [(anchor, label) for anchor, label, shown in sections if shown]


def candidate_page(candidate: Candidate, forms: dict) -> dict:
    """Everything candidates/detail.html shows; a form given in `forms` (with its errors and
    what was typed) replaces the blank one."""
    nominations = queries.nominations_of(candidate)
    suggestions = [
        {
            "suggestion": suggestion,
            "other": other,
            "similarity": matching.name_similarity(candidate.name, other.name),
        }
        for suggestion in queries.suggestions_for(candidate)
        for other in suggestion.pair
        if other.pk != candidate.pk
    ]
    merges = list(queries.merges_of(candidate))
    organisation = candidate.organisation
    return {
        "candidate": candidate,
        "cycle": candidate.cycle,
        "index": page_index(candidate, suggestions=bool(suggestions), merges=bool(merges)),
        "nominations": nominations,
        "suggestions": suggestions,
        "merges": merges,
        "notes": candidate.notes.select_related("author"),
        "history": worded(history_of(candidate, *nominations.only("pk"))[:50]),
        "documents": candidate.documents.all(),
        "claims": candidate.claims.all()[:5],
        "screening_form": forms.get("screening_form") or ScreeningForm.for_candidate(candidate),
        "merge_form": forms.get("merge_form")
        or MergeForm(targets=queries.merge_targets(candidate)),
        "note_form": forms.get("note_form") or NoteForm(),
        "work_kinds_form": forms.get("work_kinds_form")
        or WorkKindsForm(initial={"kinds": candidate.work_kinds}),
        "diligence_form": forms.get("diligence_form")
        or DiligenceForm(checks=queries.diligence_of(candidate)),
        "document_form": forms.get("document_form") or DocumentForm(),
        "waiting_notices": queries.waiting_notices(candidate.cycle, candidate).count(),
        "notices_wait": services.notices_wait(candidate.cycle),
        "invite_form": forms.get("invite_form")
        or InviteOrganisationForm(
            initial={
                "email": organisation.contact_email,
                "language": translation.get_language(),
            }
        ),
        "contact_form": forms.get("contact_form")
        or ContactForm(
            initial={
                "name": organisation.contact_name,
                "email": organisation.contact_email,
                "language": organisation.contact_language,
            }
        ),
        "contact_history": queries.contact_history(candidate)[:20],
        "claims_told": queries.claims_told(candidate),
    }


# --- the duplicates page ---------------------------------------------------------------------

# Which reasons (matching's codes) are evidence about which part of the organisation.
SIGNALS = [
    ("name", _("Name"), {"same-name", "similar-name"}),
    ("website", _("Website"), {"same-domain", "similar-domain"}),
    ("registration", _("Registration number"), {"same-registration"}),
]


def _first_nominations(candidate_ids: set[int]) -> dict[int, object]:
    """Each candidate's first nomination (by submission), in one query."""
    first = {}
    placements = (
        Placement.objects.filter(candidate_id__in=candidate_ids)
        .select_related("nomination")
        .only("candidate_id", "nomination__reference", "nomination__submitted_at")
        .order_by("nomination__submitted_at", "nomination_id")
    )
    for placement in placements:
        first.setdefault(placement.candidate_id, placement.nomination)
    return first


def _open_merges(suggestions: list[DuplicateSuggestion]) -> dict[tuple[int, int], MergeRecord]:
    """The merge (not undone) that confirmed each pair: where its undo is."""
    ids = {pk for s in suggestions for pk in (s.first_id, s.second_id)}
    found = {}
    for merge in MergeRecord.objects.filter(
        source_id__in=ids, target_id__in=ids, undone_at=None
    ).select_related("target"):
        found[tuple(sorted([merge.source_id, merge.target_id]))] = merge
    return found


def _side(candidate: Candidate, first_nomination) -> dict:
    organisation = candidate.organisation
    return {
        "candidate": candidate,
        "name": candidate.name,
        "website": organisation.website,
        "registration": organisation.registration_number,
        "city": organisation.city,
        "country": str(dict(countries).get(candidate.country, candidate.country)),
        "nominations": candidate.nomination_count,
        "first_nomination": first_nomination,
    }


def _same(one: str, other: str) -> bool | None:
    """Whether two values are the same (case and spaces aside); None when one is missing."""
    one, other = (one or "").strip().casefold(), (other or "").strip().casefold()
    if not one or not other:
        return None
    return one == other


def comparison(suggestion: DuplicateSuggestion, first_nominations: dict, merge) -> dict:
    """One suggestion as the page shows it: how similar, which signals matched, both sides."""
    first = _side(suggestion.first, first_nominations.get(suggestion.first_id))
    second = _side(suggestion.second, first_nominations.get(suggestion.second_id))
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
        "suggestion": suggestion,
        "similarity": matching.name_similarity(first["name"], second["name"]),
        "confidence": round(suggestion.confidence * 100),
        "signals": signals,
        "matched": [signal for signal in signals if signal["matched"]],
        "first": first,
        "second": second,
        "same": {
            "website": "same-domain" in reasons or _same(first["website"], second["website"]),
            "registration": "same-registration" in reasons
            or _same(first["registration"], second["registration"]),
            "city": _same(first["city"], second["city"]),
            "country": suggestion.first.country == suggestion.second.country,
        },
        "merge": merge,
    }


def suggestions_of(cycle, *, decided: bool):
    """The cycle's suggestions still to decide, or those decided (newest decision first)."""
    rows = DuplicateSuggestion.objects.filter(cycle=cycle).select_related(
        "first__organisation", "second__organisation", "decided_by"
    )
    if decided:
        return rows.filter(~Q(state=SuggestionState.OPEN)).order_by("-decided_at", "-id")
    return rows.filter(state=SuggestionState.OPEN).order_by("-confidence", "-name_score", "id")


def comparisons(suggestions) -> list[dict]:
    """The page's suggestions compared, with a fixed number of queries however many."""
    suggestions = list(suggestions)
    ids = {pk for s in suggestions for pk in (s.first_id, s.second_id)}
    first_nominations = _first_nominations(ids)
    merges = _open_merges(suggestions)
    return [
        comparison(
            suggestion,
            first_nominations,
            merges.get((suggestion.first_id, suggestion.second_id)),
        )
        for suggestion in suggestions
    ]
