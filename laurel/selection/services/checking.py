"""What the decision looks like now: the slate's true total, the constraints it breaks after
the committee's overrides, and the checklist before the chair's lock. Reads only."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from laurel.candidates.enums import Consent, WorkKind
from laurel.review.queries import results
from laurel.selection import slate
from laurel.selection.enums import PlaceRole
from laurel.selection.models import Decision
from laurel.selection.queries import selectable

LANGUAGES = ("sv", "en")


@dataclass
class SlateCheck:
    total: float  # the laureates' normalised scores now, summed
    best: float | None  # Laurel's best total under every constraint (the suggestion)
    unconstrained: float | None  # the best total without any constraint
    breaches: list[slate.Breach]  # constraints the slate breaks (the number of places apart)

    @property
    def cost(self) -> float | None:
        """What the slate gives up against the best slate without constraints."""
        return None if self.unconstrained is None else round(self.unconstrained - self.total, 4)

    @property
    def given_up(self) -> float | None:
        """What the committee's changes gave up against Laurel's suggestion."""
        return None if self.best is None else round(self.best - self.total, 4)


def frozen_check(decision: Decision) -> SlateCheck:
    """The slate as the locked record took it (the page of a locked decision shows this)."""
    made = decision.record["decision"]
    return SlateCheck(
        total=made["slate"]["total"],
        best=made["suggested"]["score"],
        unconstrained=made["suggested"]["unconstrained_score"],
        breaches=[slate.Breach(**b) for b in made["slate"]["breaches"]],
    )


def constraints_of(decision: Decision) -> slate.Constraints:
    return slate.Constraints(
        decision.cycle.laureate_count, decision.max_per_country, decision.min_per_kind
    )


def check_slate(decision: Decision, *, scores: dict[int, float] | None = None) -> SlateCheck:
    """The current laureates against the decision's constraints, with their scores now
    (`scores`: candidate → normalised total, read from the results when not given)."""
    if scores is None:
        rows = results(decision.cycle)[0]
        scores = {row["candidate"].pk: round(row["result"].normalised_total, 4) for row in rows}
    laureates = [
        p.candidate
        for p in decision.places.select_related("candidate")
        if p.role == PlaceRole.LAUREATE
    ]
    options = [
        slate.Option(c.pk, scores.get(c.pk, 0.0), c.country, frozenset(c.work_kinds))
        for c in laureates
    ]
    found = slate.breaches(options, [c.pk for c in laureates], constraints_of(decision))
    suggestion = decision.suggestion or {}
    return SlateCheck(
        total=round(sum(o.score for o in options), 4),
        best=suggestion.get("score"),
        unconstrained=suggestion.get("unconstrained_score"),
        breaches=[b for b in found if b.name != "size"],
    )


def describe(breach: slate.Breach) -> str:
    """A broken constraint in words: which, and by how much."""
    kind, _sep, value = breach.name.partition(":")
    if kind == "country":
        return ngettext(
            "At most %(limit)d laureate from one country: the slate has %(count)d from "
            "%(country)s.",
            "At most %(limit)d laureates from one country: the slate has %(count)d from "
            "%(country)s.",
            breach.limit,
        ) % {"limit": breach.limit, "count": breach.count, "country": countries.name(value)}
    label = WorkKind(value).label if value in WorkKind.values else value
    return ngettext(
        "At least %(limit)d laureate doing %(kind)s: the slate has %(count)d.",
        "At least %(limit)d laureates doing %(kind)s: the slate has %(count)d.",
        breach.limit,
    ) % {"limit": breach.limit, "count": breach.count, "kind": label}


def problems(decision: Decision, *, reasons: dict[str, str] | None = None) -> list[str]:
    """Why the decision cannot be locked yet (empty: it can). A constraint the slate breaks
    after an override stops the lock until the chair gives a reason for it (`reasons`:
    constraint name → the chair's reason)."""
    cycle = decision.cycle
    reasons = reasons or {}
    found = []
    places = list(decision.places.select_related("candidate"))
    laureates = [p for p in places if p.role == PlaceRole.LAUREATE]
    if len(laureates) != cycle.laureate_count:
        found.append(
            _("The decision names %(count)d laureates; exactly %(needed)d are needed.")
            % {"count": len(laureates), "needed": cycle.laureate_count}
        )
    for breach in check_slate(decision).breaches:
        if not reasons.get(breach.name, "").strip():
            found.append(
                _("%(constraint)s The chair gives a reason to lock the decision all the same.")
                % {"constraint": describe(breach)}
            )
    allowed = set(selectable(cycle).exclude(consent=Consent.REFUSED).values_list("pk", flat=True))
    for place in places:
        name = place.candidate.name
        if place.candidate_id not in allowed:
            found.append(
                _("%(name)s is no longer eligible, ready and consenting.") % {"name": name}
            )
        if place.role == PlaceRole.LAUREATE:
            if not place.reason:
                found.append(_("%(name)s: the reason is missing.") % {"name": name})
            if not all(place.citation.get(code) for code in LANGUAGES):
                found.append(
                    _("%(name)s: the citation is needed in Swedish and English.") % {"name": name}
                )
            if not all(place.summary.get(code) for code in LANGUAGES):
                found.append(
                    _("%(name)s: what it does is needed in Swedish and English.") % {"name": name}
                )
    return found
