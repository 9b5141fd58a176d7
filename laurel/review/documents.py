"""The candidate dossier as a PDF, for committee members who read on paper."""

from django.utils import timezone

from laurel.candidates.queries import committee_dossier
from laurel.core.pdf import render_pdf
from laurel.review import queries


def dossier_pdf(candidate, *, reader) -> bytes:
    """What the candidate page shows the committee (the committee's version of each nomination,
    the due-diligence summary, the criteria), each page marked with who it was printed for."""
    return render_pdf(
        "review/dossier_pdf.html",
        {
            "candidate": candidate,
            "cycle": candidate.cycle,
            "dossier": committee_dossier(candidate),
            "checks": queries.diligence_summary(candidate),
            "documents": candidate.documents.all(),
            "criteria": candidate.cycle.criteria.order_by("number"),
            "reader": reader,
            "printed_at": timezone.localtime(),
        },
    )
