"""The results and every review, as on screen, for spreadsheets: criteria by their names from
the award file, members by name, recommendations in words, the comments included."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from laurel.accounts.names import names_by_id
from laurel.core.tables import workbook_response
from laurel.core.texts import in_language
from laurel.review.enums import Recommendation
from laurel.review.models import Review


@dataclass(frozen=True)
class CriterionName:
    number: int
    title: str

    @property
    def key(self) -> str:
        return str(self.number)

    @property
    def name(self) -> str:
        """ "2. A human-rights-based approach": the award file's title, in the page's language."""
        return f"{self.number}. {self.title}" if self.title else str(self.number)


def criteria_of(cycle) -> list[CriterionName]:
    language = translation.get_language()
    return [
        CriterionName(c.number, in_language(c.title, language))
        for c in cycle.criteria.order_by("number")
    ]


def recommendation_label(code: str) -> str:
    """The recommendation as the member chose it ("A laureate without doubt"), not its code."""
    return str(Recommendation(code).label) if code in Recommendation.values else code


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def results_table(cycle, rows) -> tuple[list[str], list[list]]:
    """The results as on screen: one row a candidate, in the order chosen."""
    criteria = criteria_of(cycle)
    header = [_("Candidate"), _("Reviews"), _("Normalised total"), _("Weighted total"),
              _("Disagreement")] + [
        _("%(criterion)s, mean") % {"criterion": c.name} for c in criteria
    ]  # fmt: skip
    table = [
        [row["candidate"].name, row["result"].reviews, row["result"].normalised_total,
         row["result"].weighted_total, row["result"].total_spread]
        + [row["result"].mean.get(c.key) for c in criteria]
        for row in rows
    ]  # fmt: skip
    return header, table


def reviews_table(cycle, rows, emails, reviews) -> tuple[list[str], list[list]]:
    """Every review the reader may see: who, of which candidate, the recommendation, each
    criterion's score and comment, the overall comment."""
    criteria = criteria_of(cycle)
    names = {row["candidate"].pk: row["candidate"].name for row in rows}
    members = names_by_id(emails)
    # The results read only the scores; the comments and the rest in one more query.
    full = Review.objects.filter(pk__in=[r.pk for r in reviews]).order_by(
        "candidate__name", "candidate_id", "member_id"
    )
    header = [_("Candidate"), _("Member"), _("Recommendation"), _("Abstained")]
    for c in criteria:
        header += [
            _("%(criterion)s, score") % {"criterion": c.name},
            _("%(criterion)s, comment") % {"criterion": c.name},
        ]
    header.append(_("Overall comment"))
    table = []
    for review in full:
        line = [
            names.get(review.candidate_id, review.candidate_id),
            members.get(review.member_id, emails.get(review.member_id, review.member_id)),
            recommendation_label(review.recommendation),
            _yes_no(review.abstained),
        ]
        for c in criteria:
            line += [review.scores.get(c.key), review.comments.get(c.key, "")]
        line.append(review.overall)
        table.append(line)
    return header, table


def results_workbook(cycle, rows, combined, emails, reviews) -> HttpResponse:
    """The results, every review and the reviewers' agreement, as three sheets."""
    criteria = criteria_of(cycle)
    results_header = (
        [_("Candidate"), _("Reviews"), _("Normalised total"), _("Weighted total"),
         _("Disagreement")]
        + [_("%(criterion)s, mean") % {"criterion": c.name} for c in criteria]
        + [_("%(criterion)s, median") % {"criterion": c.name} for c in criteria]
        + [_("%(criterion)s, normalised") % {"criterion": c.name} for c in criteria]
    )  # fmt: skip
    results = [
        [row["candidate"].name, row["result"].reviews, row["result"].normalised_total,
         row["result"].weighted_total, row["result"].total_spread]
        + [row["result"].mean.get(c.key) for c in criteria]
        + [row["result"].median.get(c.key) for c in criteria]
        + [row["result"].normalised.get(c.key) for c in criteria]
        for row in rows
    ]  # fmt: skip
    reviews_header, every = reviews_table(cycle, rows, emails, reviews)
    members = names_by_id(emails)
    agreement = [[_("Agreement between reviewers (Krippendorff's alpha, interval)"), combined.alpha,
                  ""]] + [
        [members.get(reviewer.member, reviewer.member), reviewer.mean, reviewer.bias]
        for reviewer in combined.reviewers
    ]  # fmt: skip
    return workbook_response(
        f"results-{cycle.slug}",
        [
            (_("Results"), results_header, results),
            (_("Reviews"), reviews_header, every),
            (
                _("Agreement"),
                [
                    _("Member"),
                    _("Their average"),
                    _("Compared with the others on the same candidates"),
                ],
                agreement,
            ),
        ],
    )
