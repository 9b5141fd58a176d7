"""Counting the committee's ballots: approval and ranked (Schulze). Pure functions.

A ballot ranks candidates (1 is best; equal numbers are ties; an unranked candidate comes after
every ranked one) and names the candidates its voter may not judge (a conflict of interest):
every comparison involving those is left out for that voter, so a conflict neither helps nor
harms a candidate. The Schulze method (Schulze 2011) turns the pairwise preferences into the
strongest-path relation, which is transitive; the result is the full order with ties.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class RankedBallot:
    ranks: dict[int, int]  # candidate → rank, 1 best
    excluded: frozenset[int] = frozenset()


@dataclass
class SchulzeResult:
    candidates: list[int]
    pairwise: dict[tuple[int, int], int]  # (a, b) → voters preferring a to b
    strength: dict[tuple[int, int], int]  # strongest path from a to b
    order: list[list[int]] = field(default_factory=list)  # tiers, best first

    def beats(self, a: int, b: int) -> bool:
        return a != b and self.strength[a, b] > self.strength[b, a]

    def position(self, candidate: int) -> int:
        for number, tier in enumerate(self.order, start=1):
            if candidate in tier:
                return number
        raise KeyError(candidate)


def pairwise_matrix(candidates: Sequence[int], ballots: Iterable[RankedBallot]) -> np.ndarray:
    """d[i, j]: how many voters prefer candidates[i] to candidates[j]."""
    index = {c: i for i, c in enumerate(candidates)}
    n = len(candidates)
    d = np.zeros((n, n), dtype=np.int64)
    unranked = n + 1
    for ballot in ballots:
        rank = np.full(n, unranked, dtype=np.int64)
        for candidate, position in ballot.ranks.items():
            if candidate in index:
                rank[index[candidate]] = position
        judged = np.ones(n, dtype=bool)
        for candidate in ballot.excluded:
            if candidate in index:
                judged[index[candidate]] = False
        prefers = rank[:, None] < rank[None, :]
        prefers &= judged[:, None] & judged[None, :]
        d += prefers
    return d


def schulze(candidates: Sequence[int], ballots: Iterable[RankedBallot]) -> SchulzeResult:
    candidates = list(candidates)
    d = pairwise_matrix(candidates, ballots)
    p = np.where(d > d.T, d, 0)
    np.fill_diagonal(p, 0)
    for i in range(len(candidates)):
        # Widest path through i: the weakest link of j→i→k, if stronger than j→k so far.
        p = np.maximum(p, np.minimum(p[:, i][:, None], p[i, :][None, :]))
    np.fill_diagonal(p, 0)
    wins = (p > p.T).sum(axis=1)
    tiers: dict[int, list[int]] = {}
    for i, candidate in enumerate(candidates):
        tiers.setdefault(int(wins[i]), []).append(candidate)
    order = [sorted(tiers[w]) for w in sorted(tiers, reverse=True)]
    pairs = [(a, b) for a in range(len(candidates)) for b in range(len(candidates)) if a != b]
    return SchulzeResult(
        candidates=candidates,
        pairwise={(candidates[a], candidates[b]): int(d[a, b]) for a, b in pairs},
        strength={(candidates[a], candidates[b]): int(p[a, b]) for a, b in pairs},
        order=order,
    )


@dataclass(frozen=True)
class ApprovalBallot:
    approved: frozenset[int]
    excluded: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ApprovalRow:
    candidate: int
    approvals: int
    voters: int  # who could judge it (conflicted voters left out)

    @property
    def share(self) -> float:
        return self.approvals / self.voters if self.voters else 0.0


def approval(candidates: Sequence[int], ballots: Iterable[ApprovalBallot]) -> list[ApprovalRow]:
    """Approvals and eligible voters per candidate, best share first (ties by approvals)."""
    approvals = dict.fromkeys(candidates, 0)
    voters = dict.fromkeys(candidates, 0)
    for ballot in ballots:
        for candidate in candidates:
            if candidate in ballot.excluded:
                continue
            voters[candidate] += 1
            approvals[candidate] += candidate in ballot.approved
    rows = [ApprovalRow(c, approvals[c], voters[c]) for c in candidates]
    rows.sort(key=lambda row: (-row.share, -row.approvals, candidates.index(row.candidate)))
    return rows
