"""Every write of the sanctions app (ARCHITECTURE rule 1).

lists: importing the official lists as snapshots, fetching them · screening: screening names
against the current lists, the decisions on hits, what blocks a payment.
"""

from laurel.sanctions.services.lists import (
    AlreadyImported,
    SanctionsError,
    fetch_lists,
    import_list,
)

__all__ = ["AlreadyImported", "SanctionsError", "fetch_lists", "import_list"]
