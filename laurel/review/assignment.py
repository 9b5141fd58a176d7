"""Who reviews which candidate: an exact optimum, not a greedy guess.

Every candidate gets exactly k reviewers, nobody reviews a candidate they are conflicted with,
every member's load stays within bounds, assignments already made are kept, and among all such
assignments the one is chosen where members read the nominations' languages best.

This is a bipartite b-matching. Its constraint matrix (each variable in one candidate row and one
member row) is totally unimodular, so the linear programme's optimal vertex is integral: HiGHS'
dual simplex (scipy.optimize.linprog) returns an exact 0/1 solution without branch and bound. A
solution that were not integral would be solved again as an integer programme (milp) rather than
rounded. Pure functions, no database: the review services and the benchmark feed it.
"""

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_array


@dataclass(frozen=True)
class Problem:
    candidates: list[int]
    members: list[int]
    k: int = 3
    # None: as even as possible — floor and ceiling of the average load, widened by `slack`.
    min_load: int | None = None
    max_load: int | None = None
    slack: int = 1
    conflicts: frozenset[tuple[int, int]] = frozenset()  # (candidate, member)
    # How well a member suits a candidate, 0–1 (the share of its languages they read).
    preference: dict[tuple[int, int], float] = field(default_factory=dict)
    keep: frozenset[tuple[int, int]] = frozenset()  # (candidate, member) already assigned

    def load_bounds(self) -> tuple[int, int]:
        if not self.members:
            return 0, 0
        average = len(self.candidates) * self.k / len(self.members)
        low = max(0, math.floor(average) - self.slack) if self.min_load is None else self.min_load
        high = math.ceil(average) + self.slack if self.max_load is None else self.max_load
        return low, high


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
    """No assignment satisfies the rules; `message` says what to change (for staff)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check(problem: Problem) -> None:
    """The reasons an assignment cannot exist that can be named before solving."""
    k, members = problem.k, set(problem.members)
    if len(members) < k:
        raise Infeasible(
            f"The committee has {len(members)} members and every candidate needs {k} "
            "reviewers: invite more members or ask for fewer reviewers per candidate."
        )
    for candidate in problem.candidates:
        free = sum(1 for m in members if (candidate, m) not in problem.conflicts)
        if free < k:
            raise Infeasible(
                f"Candidate {candidate} has only {free} members without a conflict and needs "
                f"{k}: invite another member or ask for fewer reviewers."
            )
    for candidate, member in problem.keep:
        if (candidate, member) in problem.conflicts:
            raise Infeasible(
                f"An assignment to keep (candidate {candidate}, member {member}) is now a "
                "conflict: remove it first."
            )
    low, high = problem.load_bounds()
    needed = len(problem.candidates) * k
    if needed > high * len(members):
        raise Infeasible(
            f"{needed} reviews are needed but {len(members)} members may take at most {high} "
            "each: raise the maximum load or invite more members."
        )
    if needed < low * len(members):
        raise Infeasible(
            f"Only {needed} reviews are needed but every member must take at least {low}: "
            "lower the minimum load."
        )


def solve(problem: Problem) -> Solution:
    """The best assignment, or Infeasible saying why there is none."""
    started = time.perf_counter()
    check(problem)
    pairs = [
        (c, m)
        for c in problem.candidates
        for m in problem.members
        if (c, m) not in problem.conflicts
    ]
    count = len(pairs)
    row_of_candidate = {c: i for i, c in enumerate(problem.candidates)}
    row_of_member = {m: i for i, m in enumerate(problem.members)}
    columns = np.arange(count)
    candidate_rows = np.fromiter((row_of_candidate[c] for c, _m in pairs), int, count)
    member_rows = np.fromiter((row_of_member[m] for _c, m in pairs), int, count)
    ones = np.ones(count)
    by_candidate = coo_array(
        (ones, (candidate_rows, columns)), shape=(len(problem.candidates), count)
    )
    by_member = coo_array((ones, (member_rows, columns)), shape=(len(problem.members), count))
    preference = np.fromiter((problem.preference.get(p, 0.0) for p in pairs), float, count)
    lower = np.fromiter((1.0 if p in problem.keep else 0.0 for p in pairs), float, count)
    low, high = problem.load_bounds()
    result = linprog(
        -preference,  # linprog minimises
        A_ub=_stack([by_member, -by_member]),
        b_ub=np.concatenate(
            [np.full(len(problem.members), high), np.full(len(problem.members), -low)]
        ),
        A_eq=by_candidate.tocsr(),
        b_eq=np.full(len(problem.candidates), problem.k),
        bounds=np.column_stack([lower, ones]),
        method="highs-ds",
    )
    if result.status != 0:
        raise Infeasible(
            "No assignment fits these load bounds with these conflicts: widen the bounds "
            "(minimum and maximum load) or invite more members."
        )
    values, exact_by = result.x, "lp"
    if not np.allclose(values, np.round(values), atol=1e-6):
        values, exact_by = _integer_solve(problem, preference, by_candidate, by_member, lower)
    chosen = sorted(p for p, v in zip(pairs, values, strict=True) if v > 0.5)
    return Solution(
        pairs=chosen,
        objective=round(sum(problem.preference.get(p, 0.0) for p in chosen), 6),
        seconds=time.perf_counter() - started,
        exact_by=exact_by,
    )


def _stack(matrices):
    from scipy.sparse import vstack

    return vstack(matrices).tocsr()


def _integer_solve(problem, preference, by_candidate, by_member, lower):
    """The same problem as an integer programme (HiGHS branch and cut)."""
    low, high = problem.load_bounds()
    k = problem.k
    result = milp(
        -preference,
        constraints=[
            LinearConstraint(by_candidate.tocsr(), k, k),
            LinearConstraint(by_member.tocsr(), low, high),
        ],
        integrality=np.ones(len(preference)),
        bounds=Bounds(lower, np.ones(len(preference))),
    )
    if result.status != 0:
        raise Infeasible(
            "No assignment fits these load bounds with these conflicts: widen the bounds "
            "(minimum and maximum load) or invite more members."
        )
    return result.x, "milp"


def integer_optimum(problem: Problem) -> float:
    """The objective of the same problem solved as an integer programme: an independent
    check of `solve` (used by the benchmark and the tests)."""
    pairs = [
        (c, m)
        for c in problem.candidates
        for m in problem.members
        if (c, m) not in problem.conflicts
    ]
    count = len(pairs)
    candidate_index = {c: i for i, c in enumerate(problem.candidates)}
    member_index = {m: i for i, m in enumerate(problem.members)}
    ones = np.ones(count)
    columns = np.arange(count)
    by_candidate = coo_array(
        (ones, ([candidate_index[c] for c, _ in pairs], columns)),
        shape=(len(problem.candidates), count),
    )
    by_member = coo_array(
        (ones, ([member_index[m] for _, m in pairs], columns)),
        shape=(len(problem.members), count),
    )
    preference = np.array([problem.preference.get(p, 0.0) for p in pairs])
    lower = np.array([1.0 if p in problem.keep else 0.0 for p in pairs])
    values, _how = _integer_solve(problem, preference, by_candidate, by_member, lower)
    return round(float(preference @ np.round(values)), 6)


def language_preference(
    candidate_languages: Iterable[str], member_languages: Iterable[str]
) -> float:
    """The share of a candidate's languages a member reads (1.0 when it has none recorded)."""
    wanted = set(candidate_languages)
    if not wanted:
        return 1.0
    return len(wanted & set(member_languages)) / len(wanted)
