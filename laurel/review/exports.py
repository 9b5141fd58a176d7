"""The results as a workbook: the table, then every review."""

from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
                row["candidate"].name,
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
            [names.get(review.candidate_id, review.candidate_id), emails[review.member_id]]
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
