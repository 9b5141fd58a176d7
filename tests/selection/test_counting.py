"""Counting ballots: Schulze's method with the textbook examples, approval, conflicts."""

from laurel.selection.counting import ApprovalBallot, RankedBallot, approval, schulze


def ballots(*groups):
    """(how many voters, "ACB…") → ranked ballots over candidates named by letters."""
    result = []
    for voters, order in groups:
        ranks = {ord(letter): position for position, letter in enumerate(order, start=1)}
        result += [RankedBallot(ranks)] * voters
    return result


def names(order):
    return ["".join(chr(c) for c in tier) for tier in order]


def test_schulze_gives_the_order_of_the_wikipedia_example():
    # 45 voters over five candidates (the example of the Schulze method's article).
    example = ballots(
        (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"),
        (7, "CAEBD"), (2, "CBADE"), (7, "DCEBA"), (8, "EBADC"),
    )  # fmt: skip

    result = schulze([ord(c) for c in "ABCDE"], example)

    assert names(result.order) == ["E", "A", "C", "B", "D"]
    assert result.pairwise[ord("A"), ord("B")] == 20
    assert result.strength[ord("E"), ord("D")] == 31


def test_a_condorcet_winner_wins_and_a_cycle_is_resolved_by_the_strongest_path():
    # A beats B 6:3, B beats C 7:2, C beats A 5:4: the weakest defeat (C over A) gives way.
    example = ballots((4, "ABC"), (3, "BCA"), (2, "CAB"))

    result = schulze([ord(c) for c in "ABC"], example)

    assert names(result.order) == ["A", "B", "C"]


def test_equal_support_is_a_tie_in_the_order():
    result = schulze([ord(c) for c in "AB"], ballots((1, "AB"), (1, "BA")))

    assert names(result.order) == ["AB"]


def test_a_conflicted_voter_is_left_out_of_every_comparison_with_that_candidate():
    a, b, c = ord("A"), ord("B"), ord("C")
    honest = [RankedBallot({a: 1, b: 2, c: 3})]
    # The conflicted voter may not judge A: their ballot does not push A down.
    conflicted = [RankedBallot({b: 1, c: 2}, excluded=frozenset({a}))] * 2

    result = schulze([a, b, c], honest + conflicted)

    assert result.pairwise[b, a] == 0
    assert result.pairwise[a, b] == 1
    assert result.pairwise[b, c] == 3
    assert names(result.order) == ["A", "B", "C"]


def test_unranked_candidates_come_after_the_ranked_ones():
    a, b, c = ord("A"), ord("B"), ord("C")

    result = schulze([a, b, c], [RankedBallot({c: 1})] * 3)

    assert result.pairwise[c, a] == 3
    assert result.pairwise[a, b] == 0
    assert names(result.order) == ["C", "AB"]


def test_approval_counts_shares_of_the_voters_who_could_judge():
    rows = approval(
        [1, 2, 3],
        [
            ApprovalBallot(frozenset({1, 2})),
            ApprovalBallot(frozenset({2})),
            ApprovalBallot(frozenset({2}), excluded=frozenset({1})),
        ],
    )

    assert [(r.candidate, r.approvals, r.voters) for r in rows] == [
        (2, 3, 3),
        (1, 1, 2),
        (3, 0, 3),
    ]
