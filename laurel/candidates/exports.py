"""The candidates list as a table to download (core.tables)."""

from django.utils.translation import gettext as _


def candidate_table(candidates) -> tuple[list[str], list[list]]:
    header = [
        _("Number"), _("Organisation"), _("Country"), _("State"), _("Nominations"),
        _("Distinct nominators"), _("Languages"), _("Flags"), _("Kinds of work"), _("Created"),
    ]  # fmt: skip
    rows = [
        [c.pk, c.name, c.country, c.get_state_display(), c.nomination_count, c.nominator_count,
         c.languages, c.flag_labels, c.work_kind_labels, c.created_at]
        for c in candidates
    ]  # fmt: skip
    return header, rows
