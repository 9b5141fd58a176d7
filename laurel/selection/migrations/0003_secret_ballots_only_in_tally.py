"""Secret ballots become sums: every round gets the running tally of its ballots, the ballots of
secret rounds are then deleted (they lined up with the receipts by id and carried their voter's
conflicts), and no ballot keeps its voter's conflicts any more.

The counting here is written out on purpose (not imported), so that this migration keeps doing
what it did when the code moves on. Migrating back restores the columns, never the deleted
ballots: that is the point (a backup taken before this migration still holds them)."""

from django.db import migrations, models


def _tally(candidates, ballots):
    """The sums counting.Tally keeps, from (ranks, excluded) pairs."""
    candidates = sorted(candidates)
    n = len(candidates)
    pairwise = [[0] * n for _ in range(n)]
    approvals, voters = [0] * n, [0] * n
    for ranks, excluded in ballots:
        ranks = {int(c): r for c, r in ranks.items()}
        excluded = {int(c) for c in excluded}
        rank = [ranks.get(c, n + 1) for c in candidates]
        for i, a in enumerate(candidates):
            if a in excluded:
                continue
            voters[i] += 1
            approvals[i] += a in ranks
            for j, b in enumerate(candidates):
                if b not in excluded and rank[i] < rank[j]:
                    pairwise[i][j] += 1
    return {"candidates": candidates, "pairwise": pairwise, "approvals": approvals, "voters": voters}


def fold_ballots_into_tallies(apps, schema_editor):
    VotingRound = apps.get_model("selection", "VotingRound")
    Ballot = apps.get_model("selection", "Ballot")
    for round_ in VotingRound.objects.all().iterator():
        ballots = Ballot.objects.filter(round=round_)
        round_.tally = _tally(
            round_.candidates.values_list("pk", flat=True),
            ballots.values_list("ranks", "excluded"),
        )
        round_.save(update_fields=["tally"])
        if round_.secret:
            ballots.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0002_declined_places"),
    ]

    operations = [
        migrations.AddField(
            model_name="votinground",
            name="tally",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(fold_ballots_into_tallies, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="ballot",
            name="excluded",
        ),
    ]
