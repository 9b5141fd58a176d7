"""Who reviews which candidate: an exact optimum, not a greedy guess.

Every candidate gets exactly k reviewers, nobody reviews a candidate they are conflicted with,
every member's load stays within the bounds staff set (if any), assignments already made are
kept; among all such assignments the loads are the most even possible (54 reviews over 4
members: 13, 14, 13, 14), and among those the one is chosen where members read the
nominations' languages best.

This is a bipartite b-matching with a convex cost on each member's load: a min-cost flow. Its
constraint matrix is a network matrix, totally unimodular, so the linear programme's optimal
vertex is integral: HiGHS (scipy.optimize.linprog, interior point then crossover to a vertex)
returns an exact 0/1 solution without branch and bound. A solution that were not integral would
be solved again as an integer programme (milp) rather than rounded. Pure functions, no
database: the review services and the benchmark feed it. NumPy and SciPy load when an
assignment is solved, not when the site starts (they are most of a web worker's memory).
"""

import math
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_array


@dataclass(frozen=True)
class Problem:
    candidates: list[int]
    members: list[int]
    k: int = 3
    # Hard bounds on each member's load; None: no bound on that side. Within the bounds the
    # loads are always as even as the conflicts and the kept assignments allow.
    min_load: int | None = None
    max_load: int | None = None
    conflicts: frozenset[tuple[int, int]] = frozenset()  # (candidate, member)
    # How well a member suits a candidate, 0–1 (the share of its languages they read).
    preference: dict[tuple[int, int], float] = field(default_factory=dict)
    keep: frozenset[tuple[int, int]] = frozenset()  # (candidate, member) already assigned

    def load_bounds(self) -> tuple[int, int]:
        """The hard bounds on a member's load (no bound: 0 and every candidate)."""
        low = 0 if self.min_load is None else self.min_load
        high = len(self.candidates) if self.max_load is None else self.max_load
        return low, high

    def even_loads(self) -> tuple[int, int]:
        """The floor and ceiling of the average load: the loads when nothing stands in the way."""
        if not self.members:
            return 0, 0
        average = len(self.candidates) * self.k / len(self.members)
        return math.floor(average), math.ceil(average)


@dataclass(frozen=True)
class Solution:
    pairs: list[tuple[int, int]]  # (candidate, member), sorted
    objective: float  # the sum of the preferences of the pairs chosen
    seconds: float
    exact_by: str  # "lp" (integral vertex) or "milp"

    def loads(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for _candidate, member in self.pairs:
            counts[member] = counts.get(member, 0) + 1
        return counts


class Infeasible(Exception):
    """No assignment satisfies the rules; `message` says what to change (for staff, in
    English), `reason` and `data` let the caller say it in the reader's language, with names."""

    def __init__(self, message: str, reason: str = "bounds", **data: int):
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.data = data


def check(problem: Problem) -> None:
    """The reasons an assignment cannot exist that can be named before solving."""
    k, members = problem.k, set(problem.members)
    if len(members) < k:
        raise Infeasible(
            f"The committee has {len(members)} members and every candidate needs {k} "
            "reviewers: invite more members or ask for fewer reviewers per candidate.",
            "too_few_members",
            members=len(members),
            k=k,
        )
    for candidate in problem.candidates:
        free = sum(1 for m in members if (candidate, m) not in problem.conflicts)
        if free < k:
            raise Infeasible(
                f"Candidate {candidate} has only {free} members without a conflict and needs "
                f"{k}: invite another member or ask for fewer reviewers.",
                "candidate_short",
                candidate=candidate,
                free=free,
                k=k,
            )
    for candidate, member in problem.keep:
        if (candidate, member) in problem.conflicts:
            raise Infeasible(
                f"An assignment to keep (candidate {candidate}, member {member}) is now a "
                "conflict: remove it first.",
                "kept_conflict",
                candidate=candidate,
                member=member,
            )
    low, high = problem.load_bounds()
    needed = len(problem.candidates) * k
    if needed > high * len(members):
        raise Infeasible(
            f"{needed} reviews are needed but {len(members)} members may take at most {high} "
            "each: raise the maximum load or invite more members.",
            "max_too_low",
            needed=needed,
            members=len(members),
            high=high,
        )
    if needed < low * len(members):
        raise Infeasible(
            f"Only {needed} reviews are needed but every member must take at least {low}: "
            "lower the minimum load.",
            "min_too_high",
            needed=needed,
            low=low,
        )


INFEASIBLE_BOUNDS = (
    "No assignment fits these load bounds with these conflicts: widen the bounds "
    "(minimum and maximum load) or invite more members."
)


@dataclass(frozen=True)
class _Model:
    """The assignment as a min-cost flow, written for scipy.

    Variables: x[c, m] (member m reviews candidate c) for every pair without a conflict, then
    y[m, j] (member m takes a j-th review), j = 1..slots. Candidate rows: the x of a candidate
    sum to k. Member rows: the x of a member minus its y sum to 0. The j-th review of a member
    costs j, so a load L costs L(L+1)/2, a convex cost: the cheapest loads are the most even
    ones the conflicts allow (they are even in every sense at once, the loads of a
    b-matching forming an M-convex set). The preferences, scaled below 1 in total, only choose
    among the most even assignments. The matrix is a network matrix (multiply the candidate
    rows by -1), hence totally unimodular: every vertex is integral.
    """

    pairs: list[tuple[int, int]]
    slots: int
    cost: "np.ndarray"
    equations: "csr_array"
    right: "np.ndarray"
    lower: "np.ndarray"
    upper: "np.ndarray"


def _model(problem: Problem, slots: int) -> _Model:
    import numpy as np
    from scipy.sparse import coo_array

    pairs = [
        (c, m)
        for c in problem.candidates
        for m in problem.members
        if (c, m) not in problem.conflicts
    ]
    count, n_members = len(pairs), len(problem.members)
    row_of_candidate = {c: i for i, c in enumerate(problem.candidates)}
    row_of_member = {m: len(problem.candidates) + i for i, m in enumerate(problem.members)}
    rows = np.concatenate(
        [
            np.fromiter((row_of_candidate[c] for c, _m in pairs), int, count),
            np.fromiter((row_of_member[m] for _c, m in pairs), int, count),
            np.repeat(np.arange(n_members) + len(problem.candidates), slots),
        ]
    )
    columns = np.concatenate(
        [np.arange(count), np.arange(count), count + np.arange(n_members * slots)]
    )
    values = np.concatenate([np.ones(2 * count), -np.ones(n_members * slots)])
    equations = coo_array(
        (values, (rows, columns)),
        shape=(len(problem.candidates) + n_members, count + n_members * slots),
    ).tocsr()
    right = np.concatenate([np.full(len(problem.candidates), problem.k), np.zeros(n_members)])
    preference = np.fromiter((problem.preference.get(p, 0.0) for p in pairs), float, count)
    # Every preference is at most 1, so the preferences of all pairs chosen sum to less than
    # this: no gain in preference can pay for a less even load.
    scale = len(problem.candidates) * problem.k + 1
    slot_costs = np.tile(np.arange(1, slots + 1, dtype=float), n_members)
    cost = np.concatenate([-preference / scale, slot_costs])
    low, _high = problem.load_bounds()
    slot_lower = np.tile((np.arange(1, slots + 1) <= low).astype(float), n_members)
    pair_lower = np.fromiter((1.0 if p in problem.keep else 0.0 for p in pairs), float, count)
    lower = np.concatenate([pair_lower, slot_lower])
    upper = np.ones(count + n_members * slots)
    return _Model(pairs, slots, cost, equations, right, lower, upper)


def _slot_counts(problem: Problem) -> Iterator[int]:
    """The numbers of load slots to try: the ceiling of the average first (enough unless
    conflicts or kept assignments stand in the way), then more, up to the hard maximum."""
    low, high = problem.load_bounds()
    _floor, ceiling = problem.even_loads()
    slots = max(low, min(ceiling, high), 1)
    while True:
        yield slots
        if slots >= high:
            return
        slots = min(high, slots * 2)


def _optimise(problem: Problem, *, integer: bool) -> tuple[_Model, "np.ndarray", str]:
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, linprog, milp

    for slots in _slot_counts(problem):
        model = _model(problem, slots)
        if integer:
            result = milp(
                model.cost,
                constraints=[LinearConstraint(model.equations, model.right, model.right)],
                integrality=np.ones(len(model.cost), dtype=int),
                bounds=Bounds(model.lower, model.upper),
            )
            if result.status == 0:
                return model, result.x, "milp"
            continue
        # scipy-stubs type A_eq as dense only; the HiGHS methods take a sparse matrix.
        result = linprog(  # type: ignore[call-overload]
            model.cost,
            A_eq=model.equations,
            b_eq=model.right,
            bounds=np.column_stack([model.lower, model.upper]),
            # Interior point, then crossover to a vertex (integral, the matrix being totally
            # unimodular): several times faster than the dual simplex here.
            method="highs-ipm",
        )
        if result.status != 0:
            continue
        if np.allclose(result.x, np.round(result.x), atol=1e-6):
            return model, result.x, "lp"
        # Not expected (the matrix is totally unimodular); never rounded, solved exactly.
        return _optimise(problem, integer=True)
    raise Infeasible(INFEASIBLE_BOUNDS)


def solve(problem: Problem) -> Solution:
    """The best assignment, or Infeasible saying why there is none: the most even loads the
    bounds, conflicts and kept assignments allow, and among those the best preference."""
    started = time.perf_counter()
    check(problem)
    model, values, exact_by = _optimise(problem, integer=False)
    count = len(model.pairs)
    chosen = sorted(p for p, v in zip(model.pairs, values[:count], strict=True) if v > 0.5)
    return Solution(
        pairs=chosen,
        objective=round(sum(problem.preference.get(p, 0.0) for p in chosen), 6),
        seconds=time.perf_counter() - started,
        exact_by=exact_by,
    )


def integer_optimum(problem: Problem) -> float:
    """The preference of the same problem solved as an integer programme (HiGHS branch and
    cut): an independent check of `solve` (used by the benchmark and the tests)."""
    check(problem)
    model, values, _how = _optimise(problem, integer=True)
    count = len(model.pairs)
    return round(
        sum(
            problem.preference.get(p, 0.0)
            for p, v in zip(model.pairs, values[:count], strict=True)
            if v > 0.5
        ),
        6,
    )


def language_preference(
    candidate_languages: Iterable[str], member_languages: Iterable[str]
) -> float:
    """The share of a candidate's languages a member reads (1.0 when it has none recorded)."""
    wanted = set(candidate_languages)
    if not wanted:
        return 1.0
    return len(wanted & set(member_languages)) / len(wanted)
