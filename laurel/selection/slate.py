"""The suggested slate: exactly N laureates that maximise the committee's scores subject to the
constraints staff choose, solved exactly as an integer programme (SciPy's milp, HiGHS).

Constraints: at most `max_per_country` laureates from one country; at least `min_per_kind[k]`
laureates whose work includes kind k (victim support, prevention, …). What a constraint costs is
the score the slate gives up for it: the optimum without that constraint minus the optimum with
all of them. Pure: plain data in, plain data out. NumPy and SciPy load with the first slate
solved, not when the site starts.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

# Equal scores are broken by the order candidates are given in (a stable, explainable choice),
# by a bonus far below any difference in score.
TIE_BREAK = 1e-7


class Infeasible(Exception):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Option:
    candidate: int
    score: float
    country: str
    kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Constraints:
    size: int
    max_per_country: int | None = None
    min_per_kind: dict[str, int] = field(default_factory=dict)

    def without(self, name: str) -> "Constraints":
        if name == "country":
            return Constraints(self.size, None, self.min_per_kind)
        rest = {k: v for k, v in self.min_per_kind.items() if f"kind:{k}" != name}
        return Constraints(self.size, self.max_per_country, rest)

    def names(self) -> list[str]:
        names = ["country"] if self.max_per_country else []
        return names + [f"kind:{k}" for k, v in sorted(self.min_per_kind.items()) if v > 0]


@dataclass
class Slate:
    chosen: list[int]  # best score first
    score: float
    unconstrained_score: float
    costs: dict[str, float]  # constraint name → score given up for it
    binding: list[str]  # constraints that cost something


def _solve(options: Sequence[Option], constraints: Constraints) -> tuple[list[int], float]:
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(options)
    if constraints.size > n:
        raise Infeasible(f"only {n} candidates for {constraints.size} places")
    scores = np.array([o.score for o in options], dtype=float)
    bonus = TIE_BREAK * np.arange(n, 0, -1) / n
    rows = [np.ones(n)]
    lower: list[float] = [constraints.size]
    upper: list[float] = [constraints.size]
    if constraints.max_per_country:
        for country in sorted({o.country for o in options}):
            rows.append(np.array([o.country == country for o in options], dtype=float))
            lower.append(0)
            upper.append(constraints.max_per_country)
    for kind, minimum in sorted(constraints.min_per_kind.items()):
        if minimum > 0:
            rows.append(np.array([kind in o.kinds for o in options], dtype=float))
            lower.append(minimum)
            upper.append(np.inf)
    result = milp(
        c=-(scores + bonus),
        constraints=LinearConstraint(np.vstack(rows), lower, upper),
        integrality=np.ones(n, dtype=int),
        bounds=Bounds(0, 1),
    )
    if result.status != 0 or result.x is None:
        raise Infeasible("no slate meets every constraint")
    picked = [i for i in range(n) if result.x[i] > 0.5]
    picked.sort(key=lambda i: (-options[i].score, i))
    return [options[i].candidate for i in picked], float(scores[picked].sum())


def suggest(options: Sequence[Option], constraints: Constraints) -> Slate:
    """The best slate under every constraint, and what each constraint costs."""
    chosen, score = _solve(options, constraints)
    free, free_score = _solve(options, Constraints(constraints.size))
    costs = {}
    for name in constraints.names():
        _chosen, relaxed = _solve(options, constraints.without(name))
        costs[name] = round(max(relaxed - score, 0.0), 6)
    del free
    return Slate(
        chosen=chosen,
        score=score,
        unconstrained_score=free_score,
        costs=costs,
        binding=[name for name, cost in costs.items() if cost > 1e-9],
    )


def reserves(options: Sequence[Option], chosen: Sequence[int], count: int) -> list[int]:
    """The next best candidates after the slate, in order of score."""
    taken = set(chosen)
    rest = [(o.score, -i, o.candidate) for i, o in enumerate(options) if o.candidate not in taken]
    rest.sort(reverse=True)
    return [candidate for _score, _i, candidate in rest[:count]]


@dataclass(frozen=True)
class Breach:
    """A constraint the slate breaks: `name` as in Constraints.names() with the country or
    kind, `count` what the slate has, `limit` what the constraint asks."""

    name: str  # "country:SE", "kind:prevention", "size"
    count: int
    limit: int


def breaches(
    options: Sequence[Option], chosen: Sequence[int], constraints: Constraints
) -> list[Breach]:
    """Every constraint a given slate breaks (an override can choose any slate): the number of
    laureates, at most N per country, at least N per kind of work. Empty: it meets them all."""
    by_id = {o.candidate: o for o in options}
    picked = [by_id[c] for c in chosen if c in by_id]
    found = []
    if len(chosen) != constraints.size:
        found.append(Breach("size", len(chosen), constraints.size))
    if constraints.max_per_country:
        countries: dict[str, int] = {}
        for option in picked:
            countries[option.country] = countries.get(option.country, 0) + 1
        for country, count in sorted(countries.items()):
            if count > constraints.max_per_country:
                found.append(Breach(f"country:{country}", count, constraints.max_per_country))
    for kind, minimum in sorted(constraints.min_per_kind.items()):
        count = sum(kind in o.kinds for o in picked)
        if minimum > 0 and count < minimum:
            found.append(Breach(f"kind:{kind}", count, minimum))
    return found
