"""Counting the committee's ballots: approval and ranked (Schulze). Pure functions.

A ballot ranks candidates (1 is best; equal numbers are ties; an unranked candidate comes after
every ranked one) and names the candidates its voter may not judge (a conflict of interest):
every comparison involving those is left out for that voter, so a conflict neither helps nor
harms a candidate. The Schulze method (Schulze 2011) turns the pairwise preferences into the
strongest-path relation, which is transitive; the result is the full order with ties.

Both methods need only sums over the ballots (the pairwise matrix; approvals and eligible voters
per candidate), so a round can keep a running tally and no single ballot at all: a secret
ballot is added to its round's tally the moment it is cast (`Tally.add`), which is how a
secret ballot stays unlinkable to its voter, conflicts included. NumPy loads with the first
count, not when the site starts.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def pairwise_matrix(candidates: Sequence[int], ballots: Iterable[RankedBallot]) -> "np.ndarray":
    """d[i, j]: how many voters prefer candidates[i] to candidates[j]."""
    import numpy as np

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
    return schulze_of_matrix(candidates, pairwise_matrix(candidates, ballots))


def schulze_of_matrix(candidates: Sequence[int], d: "np.ndarray") -> SchulzeResult:
    """Schulze from the pairwise matrix `d` alone (rows and columns in `candidates` order)."""
    import numpy as np

    candidates = list(candidates)
    d = np.asarray(d, dtype=np.int64).reshape(len(candidates), len(candidates))
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
    return approval_of_counts(candidates, approvals, voters)


def approval_of_counts(
    candidates: Sequence[int], approvals: dict[int, int], voters: dict[int, int]
) -> list[ApprovalRow]:
    """The approval order from the sums alone: approvals and eligible voters per candidate."""
    candidates = list(candidates)
    rows = [ApprovalRow(c, approvals.get(c, 0), voters.get(c, 0)) for c in candidates]
    rows.sort(key=lambda row: (-row.share, -row.approvals, candidates.index(row.candidate)))
    return rows


@dataclass
class Tally:
    """The running sums of one round, all its counting needs: for a ranked round the pairwise
    matrix, for an approval round the approvals and the voters who could judge, per candidate.
    Stored as plain JSON (`as_json`/`of_json`); it holds no trace of any single ballot beyond
    what the sums themselves say."""

    candidates: list[int]
    pairwise: list[list[int]]  # pairwise[i][j]: voters preferring candidates[i] to candidates[j]
    approvals: list[int]
    voters: list[int]

    @classmethod
    def empty(cls, candidates: Iterable[int]) -> "Tally":
        candidates = sorted(candidates)
        n = len(candidates)
        return cls(candidates, [[0] * n for _ in range(n)], [0] * n, [0] * n)

    @classmethod
    def of_json(cls, data: dict[str, list[Any]], candidates: Iterable[int]) -> "Tally":
        if not data:
            return cls.empty(candidates)
        return cls(
            [int(c) for c in data["candidates"]],
            [[int(n) for n in row] for row in data["pairwise"]],
            [int(n) for n in data["approvals"]],
            [int(n) for n in data["voters"]],
        )

    def as_json(self) -> dict[str, list[Any]]:
        return {
            "candidates": self.candidates,
            "pairwise": self.pairwise,
            "approvals": self.approvals,
            "voters": self.voters,
        }

    def add(self, ranks: dict[int, int], excluded: Iterable[int] = ()) -> None:
        """Add one ballot: `ranks` as on a RankedBallot (an approval ballot ranks each approved
        candidate 1), `excluded` the candidates its voter may not judge."""
        import numpy as np

        excluded = frozenset(excluded)
        d = pairwise_matrix(self.candidates, [RankedBallot(ranks, excluded)])
        self.pairwise = (np.asarray(self.pairwise, dtype=np.int64) + d).tolist()
        for i, candidate in enumerate(self.candidates):
            if candidate in excluded:
                continue
            self.voters[i] += 1
            self.approvals[i] += candidate in ranks

    def schulze(self) -> SchulzeResult:
        import numpy as np

        return schulze_of_matrix(self.candidates, np.asarray(self.pairwise, dtype=np.int64))

    def approval(self) -> list[ApprovalRow]:
        return approval_of_counts(
            self.candidates,
            dict(zip(self.candidates, self.approvals, strict=True)),
            dict(zip(self.candidates, self.voters, strict=True)),
        )
