"""The results as a workbook: the table, then every review."""

from io import BytesIO

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from laurel.core.tables import XLSX, cell


def results_table(cycle, rows) -> tuple[list[str], list[list]]:
    """The results as on screen: one row a candidate, in the order chosen."""
    criteria = [c.number for c in cycle.criteria.order_by("number")]
    header = [_("Candidate"), _("Reviews"), _("Normalised total"), _("Weighted total"),
              _("Disagreement")] + [
        _("Criterion %(number)s, mean") % {"number": n} for n in criteria
    ]  # fmt: skip
    table = [
        [row["candidate"].name, row["result"].reviews, row["result"].normalised_total,
         row["result"].weighted_total, row["result"].total_spread]
        + [row["result"].mean.get(str(n)) for n in criteria]
        for row in rows
    ]  # fmt: skip
    return header, table


def reviews_table(cycle, rows, emails, reviews) -> tuple[list[str], list[list]]:
    """Every review: who, of which candidate, its state, recommendation and scores."""
    criteria = [str(c.number) for c in cycle.criteria.order_by("number")]
    names = {row["candidate"].pk: row["candidate"].name for row in rows}
    header = [_("Candidate"), _("Member"), _("Recommendation"), _("Abstained")] + [
        _("Criterion %(number)s") % {"number": n} for n in criteria
    ]
    table = [
        [names.get(r.candidate_id, r.candidate_id), emails.get(r.member_id, r.member_id),
         r.recommendation, r.abstained] + [r.scores.get(n) for n in criteria]
        for r in reviews
    ]  # fmt: skip
    return header, table


def results_workbook(cycle, rows, combined, emails, reviews) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = "Results"
    criteria = [str(c.number) for c in cycle.criteria.order_by("number")]
    sheet.append(
        ["candidate", "reviews", "normalised total", "weighted total", "disagreement"]
        + [f"criterion {n} mean" for n in criteria]
        + [f"criterion {n} median" for n in criteria]
        + [f"criterion {n} normalised" for n in criteria]
    )
    for row in rows:
        result = row["result"]
        sheet.append(
            [
                cell(row["candidate"].name),
                result.reviews,
                result.normalised_total,
                result.weighted_total,
                result.total_spread,
            ]
            + [result.mean.get(n) for n in criteria]
            + [result.median.get(n) for n in criteria]
            + [result.normalised.get(n) for n in criteria]
        )
    every = book.create_sheet("Reviews")
    every.append(["candidate", "member"] + [f"criterion {n}" for n in criteria])
    names = {row["candidate"].pk: row["candidate"].name for row in rows}
    for review in reviews:
        every.append(
            [cell(names.get(review.candidate_id, review.candidate_id)), emails[review.member_id]]
            + [review.scores.get(n) for n in criteria]
        )
    summary = book.create_sheet("Agreement")
    summary.append(["Krippendorff's alpha (interval)", combined.alpha])
    for reviewer in combined.reviewers:
        summary.append([emails.get(reviewer.member, reviewer.member), reviewer.mean, reviewer.bias])
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="results-{cycle.slug}.xlsx"'
    return response
