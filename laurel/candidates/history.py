"""What the candidate page's history says for each kind of audit entry, in the reader's
language (the audit log keeps the key; an entry with no wording here shows its key)."""

from django.utils.translation import gettext_lazy as _

WORDING = {
    "candidate.consent_changed": _("The organisation's consent changed"),
    "candidate.consent_refusal_undone": _("The organisation took back its refusal"),
    "candidate.consent_refused": _("The organisation refused"),
    "candidate.consent_reminded": _("The organisation was reminded"),
    "candidate.consent_requested": _("The organisation was asked"),
    "candidate.consented": _("The organisation consented"),
    "candidate.contact_changed": _("Contact changed"),
    "candidate.cycle": _("Moved to another cycle"),
    "candidate.document_added": _("Document added"),
    "candidate.document_downloaded": _("Document downloaded"),
    "candidate.document_opened_by_committee": _("Document opened by the committee"),
    "candidate.erased": _("Erased"),
    "candidate.merge_undone": _("Merge undone"),
    "candidate.merged": _("Merged"),
    "candidate.nominators_told": _("Nominators told"),
    "candidate.noted": _("Note added"),
    "candidate.ready": _("Ready for the committee"),
    "candidate.screened": _("Eligibility decided"),
    "candidate.shortlisted": _("Put on a list"),
    "candidate.split": _("Nomination split off"),
    "candidate.tagged": _("Kinds of work set"),
    "candidate.unready": _("No longer ready for the committee"),
    "candidate.unshortlisted": _("Taken off the list"),
    "diligence.updated": _("Due diligence updated"),
    "duplicate.confirmed": _("Possible duplicate merged"),
    "duplicate.rejected": _("Possible duplicate rejected"),
    "duplicate.reopened": _("Possible duplicate reopened"),
    "nomination.confirmed": _("Nomination confirmed"),
    "nomination.cycle": _("Nomination moved to another cycle"),
    "nomination.edit_discarded": _("Nomination change discarded"),
    "nomination.edit_started": _("Nomination change started"),
    "nomination.edited": _("Nomination changed"),
    "nomination.email_corrected": _("Nominator's email address corrected"),
    "nomination.erased": _("Nomination erased"),
    "nomination.lapsed": _("Nomination lapsed"),
    "nomination.placed": _("Nomination joined this candidate"),
    "nomination.read": _("Nomination's full text read"),
    "nomination.redacted": _("Committee's version prepared"),
    "nomination.released": _("Held nomination let through"),
    "nomination.started": _("Nomination started"),
    "nomination.submitted": _("Nomination submitted"),
    "nomination.withdrawn": _("Nomination withdrawn"),
}


# A nomination matching joined to a candidate without asking: said so, with the evidence.
JOINED = _("Nomination joined this candidate automatically")


def worded(entries) -> list:
    """The entries, each with `.wording`: what happened, in words (its key where none); an
    automatic join also with `.reasons`, matching's codes for what joined it."""
    entries = list(entries)
    for entry in entries:
        entry.wording = WORDING.get(entry.key, entry.key)
        entry.reasons = []
        data = entry.data or {}
        if entry.key == "nomination.placed" and data.get("joined"):
            entry.wording, entry.reasons = JOINED, list(data.get("reasons") or [])
    return entries
