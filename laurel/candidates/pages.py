"""What the candidate page shows, section by section, built outside the views: the views stay
boring, and the queries each page issues do not grow with its rows. The duplicates page is in
`duplicate_pages`."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.forms import Form
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from laurel.candidates import matching, queries, services
from laurel.candidates.duplicate_pages import level
from laurel.candidates.enums import ACTIVE_STATES
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
from laurel.candidates.models import (
    Candidate,
    CandidateDocument,
    CandidateNote,
    ClaimInvitation,
    ContactChange,
)
from laurel.core.queries import history_of
from laurel.nominations.enums import NominationState
from laurel.nominations.models import Nomination

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


# The candidate page is cut into sections (candidates/detail.html, one `partialdef` each). A
# section with a form is built on its own too: a form refused over htmx re-renders only its
# section, and the rest of the page is neither queried nor drawn again.


@dataclass(frozen=True)
class ScreeningSection:
    """Eligibility: the decision, the kinds of work, the nominators still to be told."""

    form: ScreeningForm
    work_kinds_form: WorkKindsForm
    waiting_notices: int
    notices_wait: bool


@dataclass(frozen=True)
class FormSection:
    """A section that is its form alone: asking for consent, due diligence, merging."""

    form: Form


@dataclass(frozen=True)
class ContactSection:
    """Whom the organisation's letters go to, what it told us itself, and the changes."""

    form: ContactForm
    claims_told: list[ClaimInvitation]
    history: list[ContactChange]


@dataclass(frozen=True)
class DocumentsSection:
    """The documents staff and the organisation added, and the form to add one."""

    documents: list[CandidateDocument]
    form: DocumentForm


@dataclass(frozen=True)
class CommitteeVersionsSection:
    """The nominations the committee reads, each in the version staff prepare of it."""

    nominations: list[Nomination]


@dataclass(frozen=True)
class ReadySection:
    """Whether the committee has the candidate on its list, and since when."""

    ready: bool
    since: datetime | None


@dataclass(frozen=True)
class DuplicatesSection:
    """The open suggestions naming this candidate, each with the other one and its evidence."""

    suggestions: list[dict]


@dataclass(frozen=True)
class NotesSection:
    """Staff's notes, newest first, and the form to add one."""

    notes: list[CandidateNote]
    form: NoteForm


def screening_section(candidate: Candidate, forms: dict) -> ScreeningSection:
    return ScreeningSection(
        form=forms.get("screening_form") or ScreeningForm.for_candidate(candidate),
        work_kinds_form=forms.get("work_kinds_form")
        or WorkKindsForm(initial={"kinds": candidate.work_kinds}),
        waiting_notices=queries.waiting_notices(candidate.cycle, candidate).count(),
        notices_wait=services.notices_wait(candidate.cycle),
    )


def consent_section(candidate: Candidate, forms: dict) -> FormSection:
    return FormSection(
        form=forms.get("invite_form")
        or InviteOrganisationForm(
            initial={
                "email": candidate.organisation.contact_email,
                "language": translation.get_language(),
            }
        )
    )


def contact_section(candidate: Candidate, forms: dict) -> ContactSection:
    organisation = candidate.organisation
    return ContactSection(
        form=forms.get("contact_form")
        or ContactForm(
            initial={
                "name": organisation.contact_name,
                "email": organisation.contact_email,
                "language": organisation.contact_language,
            }
        ),
        claims_told=list(queries.claims_told(candidate)),
        history=list(queries.contact_history(candidate)[:20]),
    )


def diligence_section(candidate: Candidate, forms: dict) -> FormSection:
    return FormSection(
        form=forms.get("diligence_form") or DiligenceForm(checks=queries.diligence_of(candidate))
    )


def documents_section(candidate: Candidate, forms: dict) -> DocumentsSection:
    return DocumentsSection(
        documents=list(candidate.documents.all()),
        form=forms.get("document_form") or DocumentForm(),
    )


def committee_versions_section(nominations: list[Nomination]) -> CommitteeVersionsSection:
    return CommitteeVersionsSection(
        nominations=[n for n in nominations if n.state == NominationState.CONFIRMED]
    )


def ready_section(candidate: Candidate) -> ReadySection:
    return ReadySection(ready=candidate.ready_for_committee, since=candidate.ready_at)


def duplicates_section(candidate: Candidate) -> DuplicatesSection:
    return DuplicatesSection(
        suggestions=[
            {
                "suggestion": suggestion,
                "other": other,
                "similarity": matching.name_similarity(candidate.name, other.name),
                "level": level(suggestion.confidence),
            }
            for suggestion in queries.suggestions_for(candidate)
            for other in suggestion.pair
            if other.pk != candidate.pk
        ]
    )


def merge_section(candidate: Candidate, forms: dict) -> FormSection:
    return FormSection(
        form=forms.get("merge_form") or MergeForm(targets=queries.merge_targets(candidate))
    )


def notes_section(candidate: Candidate, forms: dict) -> NotesSection:
    return NotesSection(
        notes=list(candidate.notes.select_related("author")),
        form=forms.get("note_form") or NoteForm(),
    )


# The sections with a form, each built alone when its form is refused; the name is the
# section's partial in candidates/detail.html and its key in the page's context.
FORM_SECTIONS: dict[str, Callable[[Candidate, dict], object]] = {
    "screening": screening_section,
    "consent": consent_section,
    "contact": contact_section,
    "diligence": diligence_section,
    "documents": documents_section,
    "merge": merge_section,
    "notes": notes_section,
}
# Which section each form the views pass back (as detail_page's keyword) belongs to.
SECTION_OF_FORM = {
    "screening_form": "screening",
    "work_kinds_form": "screening",
    "invite_form": "consent",
    "contact_form": "contact",
    "diligence_form": "diligence",
    "document_form": "documents",
    "merge_form": "merge",
    "note_form": "notes",
}


def section_of(forms: dict) -> str | None:
    """The section of the one refused form in `forms`, or None (no form, or several)."""
    sections = {SECTION_OF_FORM[name] for name in forms}
    return sections.pop() if len(sections) == 1 else None


def section_page(candidate: Candidate, section: str, forms: dict) -> dict:
    """What one section's partial shows (the form refused in it, with its errors)."""
    return {
        "candidate": candidate,
        "cycle": candidate.cycle,
        section: FORM_SECTIONS[section](candidate, forms),
    }


def candidate_page(candidate: Candidate, forms: dict) -> dict:
    """Everything candidates/detail.html shows, section by section; a form given in `forms`
    (with its errors and what was typed) replaces the blank one."""
    nominations = list(queries.nominations_of(candidate))
    duplicates = duplicates_section(candidate)
    merges = list(queries.merges_of(candidate))
    return {
        "candidate": candidate,
        "cycle": candidate.cycle,
        "index": page_index(
            candidate, suggestions=bool(duplicates.suggestions), merges=bool(merges)
        ),
        "nominations": nominations,
        "merges": merges,
        "history": worded(history_of(candidate, *nominations)[:50]),
        **{name: build(candidate, forms) for name, build in FORM_SECTIONS.items()},
        "committee_versions": committee_versions_section(nominations),
        "ready": ready_section(candidate),
        "duplicates": duplicates,
    }
