"""The staff list of nominations as a table to download (core.tables). Like the list on screen:
no nominator's contact details and no answers (those stay behind the nomination's own page)."""

from django.utils.translation import gettext as _


def nomination_table(nominations) -> tuple[list[str], list[list]]:
    header = [
        _("Reference"), _("State"), _("Organisation"), _("Country"), _("Relationship"),
        _("Submitted"), _("Held for moderation"), _("Why held"), _("Safeguarding flags"),
        _("Languages of the answers"), _("Attachments"),
    ]  # fmt: skip
    rows = [
        [n.reference, n.get_state_display(), n.org_name, n.org_country,
         n.get_relationship_display(), n.submitted_at, n.held_for_moderation,
         n.moderation_reason, sorted({flag.get("kind", "") for flag in n.safeguarding_flags}),
         sorted(set(n.answer_languages.values())), n.attachment_count]
        for n in nominations
    ]  # fmt: skip
    return header, rows
