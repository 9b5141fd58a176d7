"""The decision report for the board: one PDF made by WeasyPrint from an HTML template.

A locked decision's report is rendered from its frozen record (services.recording) alone, with
the record's content hash printed in it, and its amendments after it: the same reader in the
same language gets the same bytes, whatever happens to scores afterwards. A draft's report is
rendered from the same record built live, and says it is a draft."""

from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from laurel.candidates.enums import WorkKind
from laurel.core.pdf import render_pdf
from laurel.cycles.models import Cycle
from laurel.review.enums import ConflictKind
from laurel.review.queries import conflicted_candidates
from laurel.selection import queries, services, slate
from laurel.selection.enums import DecisionState, Method, Outcome, RoundTopic


def _at(value: str | None, cycle: Cycle) -> datetime | None:
    return timezone.localtime(datetime.fromisoformat(value), cycle.zone) if value else None


def _label(choices, code: str) -> str:
    return choices(code).label if code in choices.values else code


def round_title(round_: dict) -> str:
    """A round titled by what it decided ("Round 2: the shortlist"); a round opened before
    rounds said so, by the kind of vote and how many candidates were in it."""
    number = round_["number"]
    titles = {
        RoundTopic.SHORTLIST: _("Round %(number)d: the shortlist"),
        RoundTopic.LAUREATES: _("Round %(number)d: the laureates"),
        RoundTopic.RESERVES: _("Round %(number)d: the order of the reserves"),
    }
    topic = round_.get("topic") or ""
    if topic in titles:
        return titles[topic] % {"number": number}
    count = len(round_["rows"])
    if round_["method"] == Method.RANKED:
        text = ngettext(
            "Round %(number)d: a ranked vote on %(count)d candidate",
            "Round %(number)d: a ranked vote on %(count)d candidates",
            count,
        )
    else:
        text = ngettext(
            "Round %(number)d: an approval vote on %(count)d candidate",
            "Round %(number)d: an approval vote on %(count)d candidates",
            count,
        )
    return text % {"number": number, "count": count}


def balance_rules(constraints: dict) -> list[str]:
    """The rules the slate was asked to meet, every one of them: how many laureates, the
    limit per country, the minimum for each kind of work, and whether only the shortlist
    counted."""
    size = constraints.get("laureates")
    rules = []
    if size:
        rules.append(
            ngettext("%(count)d laureate in all.", "%(count)d laureates in all.", size)
            % {"count": size}
        )
    limit = constraints.get("max_per_country")
    rules.append(
        ngettext(
            "At most %(count)d laureate from one country.",
            "At most %(count)d laureates from one country.",
            limit,
        )
        % {"count": limit}
        if limit
        else _("No limit on laureates from one country.")
    )
    minimums = {k: v for k, v in (constraints.get("min_per_kind") or {}).items() if v}
    for kind in WorkKind.values:
        if kind in minimums:
            rules.append(
                ngettext(
                    "%(kind)s: at least %(count)d laureate.",
                    "%(kind)s: at least %(count)d laureates.",
                    minimums[kind],
                )
                % {"kind": WorkKind(kind).label, "count": minimums[kind]}
            )
    if not minimums:
        rules.append(_("No minimum for any kind of work."))
    if constraints.get("from_shortlist"):
        rules.append(_("Laureates only from the shortlist."))
    return rules


def report_context(cycle: Cycle, *, reader) -> dict:
    """The report as `reader` may read it: of a candidate they have a conflict with, only its
    name where the decision names it, never its scores, its record, its votes or its reasons."""
    decision = queries.decision_of(cycle)
    frozen = decision is not None and decision.state != DecisionState.DRAFT
    record = decision.record if frozen else services.build_record(cycle, decision)
    hidden = conflicted_candidates(reader, cycle)
    made = record["decision"] or {}
    dates = {
        key: _at(value, cycle) for key, value in record["cycle"].items() if key.endswith("_at")
    }
    return {
        "cycle": cycle,
        "record": record,
        "frozen": frozen,
        "hash": decision.record_hash if frozen else "",
        "dates": dates,
        "generated_at": timezone.localtime(timezone.now(), cycle.zone),
        "locked_at": _at(made.get("locked_at"), cycle),
        "rebuilt_at": _at(record.get("rebuilt_at"), cycle),
        # The PDF's own dates: the lock, in UTC to the second (W3C form), never today.
        "pdf_date": (
            datetime.fromisoformat(made["locked_at"]).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if frozen
            else ""
        ),
        "committee": record["committee"],
        "conflicts": [
            {**c, "kind_label": _label(ConflictKind, c["kind"])} for c in record["conflicts"]
        ],
        "scores": [r for r in record["scores"] if r["candidate"] not in hidden],
        "shortlist": [
            {**e, "outcome_label": _label(Outcome, e["outcome"])} for e in record["shortlist"]
        ],
        "rounds": [
            {
                **r,
                "title": round_title(r),
                "method_label": _label(Method, r["method"]),
                "rows": [row for row in r["rows"] if row["candidate"] not in hidden],
            }
            for r in record["rounds"]
        ],
        "made": made,
        "rules": balance_rules(made["constraints"]) if made else [],
        # A record taken before the reviews' dates were kept tells only the planned phase.
        "reviews_dated": "first_review_at" in record["cycle"],
        "breaches": [
            {
                "text": services.describe(slate.Breach(**b)),
                "reason": made["slate"]["reasons"].get(b["name"], ""),
            }
            for b in (made["slate"]["breaches"] if made else [])
        ],
        "overrides": [{**o, "at": _at(o["at"], cycle)} for o in (made.get("overrides") or [])],
        "amendments": (
            decision.amendments.select_related("place__candidate", "incoming__candidate", "by")
            if frozen
            else []
        ),
        "hidden": hidden,
    }


def decision_report(cycle: Cycle, *, reader) -> bytes:
    context = report_context(cycle, reader=reader)
    # A frozen report's PDF carries the lock time and the content hash, never today's date.
    identifier = context["hash"][:32].encode() if context["frozen"] else None
    return render_pdf("selection/report.html", context, identifier=identifier)
