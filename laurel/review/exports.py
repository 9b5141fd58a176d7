"""The results as a workbook: the table, then every review."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from laurel.core.tables import workbook_response


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
    """The results, every review and the reviewers' agreement, as three sheets."""
    criteria = [str(c.number) for c in cycle.criteria.order_by("number")]
    results_header = (
        ["candidate", "reviews", "normalised total", "weighted total", "disagreement"]
        + [f"criterion {n} mean" for n in criteria]
        + [f"criterion {n} median" for n in criteria]
        + [f"criterion {n} normalised" for n in criteria]
    )
    results = [
        [row["candidate"].name, row["result"].reviews, row["result"].normalised_total,
         row["result"].weighted_total, row["result"].total_spread]
        + [row["result"].mean.get(n) for n in criteria]
        + [row["result"].median.get(n) for n in criteria]
        + [row["result"].normalised.get(n) for n in criteria]
        for row in rows
    ]  # fmt: skip
    names = {row["candidate"].pk: row["candidate"].name for row in rows}
    every = [
        [names.get(review.candidate_id, review.candidate_id), emails[review.member_id]]
        + [review.scores.get(n) for n in criteria]
        for review in reviews
    ]
    agreement = [["Krippendorff's alpha (interval)", combined.alpha]] + [
        [emails.get(reviewer.member, reviewer.member), reviewer.mean, reviewer.bias]
        for reviewer in combined.reviewers
    ]
    return workbook_response(
        f"results-{cycle.slug}",
        [
            ("Results", results_header, results),
            ("Reviews", ["candidate", "member"] + [f"criterion {n}" for n in criteria], every),
            # The first row of this sheet is data too, as it always was.
            ("Agreement", agreement[0], agreement[1:]),
        ],
    )
