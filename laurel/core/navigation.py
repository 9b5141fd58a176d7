"""The staff area's side navigation: one list, in the order a cycle runs, then administration.

Each entry names its page by URL name and the permission its view checks, so the navigation
shows exactly what the user may open. A page belongs to the entry whose path (or one of its
further prefixes) is the longest prefix of the page's path: sub-pages (a candidate, a payment,
a support plan) mark their section. The entries name other apps' pages by string only: core
imports none of them.
"""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Entry:
    label: Any
    url_name: str
    permission: str
    # More paths that belong to this section, under the language prefix ("staff/roles/").
    also: tuple[str, ...] = ()
    # The entry's own path matches only itself, not the pages under it (the dashboard).
    exact: bool = False
    # The permission is checked on the cycle the page is about.
    on_cycle: bool = False
    # Shown to superusers only, whatever their roles (Django's admin site).
    superuser_only: bool = False


CYCLE_WORK = "cycle"
ADMINISTRATION = "administration"
# Each group's heading; the cycle's work, first, needs none.
GROUP_TITLES: dict[str, Any] = {CYCLE_WORK: None, ADMINISTRATION: _("Administration")}

STAFF_NAVIGATION: dict[str, list[Entry]] = {
    CYCLE_WORK: [
        Entry(_("Dashboard"), "staff:dashboard", "staff.view_area", ("staff/cycles/",), True),
        Entry(_("Nominations"), "nominations:staff_list", "nominations.view_nominations"),
        Entry(_("Candidates"), "candidates:list", "candidates.view_candidates"),
        Entry(_("Possible duplicates"), "candidates:suggestions", "candidates.merge"),
        Entry(_("Conflicts of interest"), "review:conflicts", "review.view_conflict_register"),
        Entry(_("Reviewer assignment"), "review:assignment", "review.manage_assignment"),
        Entry(
            _("Review progress"),
            "review:progress",
            "review.manage_assignment",
            ("staff/review/visibility/",),
        ),
        Entry(_("Results of the review"), "review:results", "review.view_results", on_cycle=True),
        Entry(_("Selection"), "selection:home", "selection.manage"),
        Entry(_("The laureates' space"), "laureates:cohort", "laureates.use_cohort", on_cycle=True),
        Entry(_("The summit"), "laureates:staff_summit", "laureates.manage"),
        Entry(_("Support programme"), "laureates:support_overview", "laureates.manage"),
        Entry(_("Prize payments"), "laureates:payments", "laureates.view_payments"),
        Entry(_("Sanctions screening"), "sanctions:queue", "sanctions.view_screening"),
    ],
    ADMINISTRATION: [
        Entry(
            _("Users and invitations"),
            "accounts:users",
            "accounts.manage_users",
            ("staff/roles/", "staff/invitations/"),
        ),
        Entry(_("Outbox"), "outbox:list", "notifications.manage_outbox"),
        Entry(_("Audit log"), "audit:log", "core.view_audit"),
        Entry(_("Retention"), "privacy:retention", "privacy.manage"),
        Entry(_("Data-subject requests"), "privacy:requests", "privacy.manage"),
        Entry(_("API tokens"), "api_tokens:list", "api.manage_tokens"),
        Entry(_("Failed tasks"), "audit:tasks", "core.manage_tasks"),
        Entry(_("Django admin (superusers)"), "admin:index", "", superuser_only=True),
    ],
}


@dataclass(frozen=True)
class Link:
    label: Any
    url: str
    # "page" on the entry's own page, "true" on a page of its section, "" elsewhere.
    current: str


@dataclass(frozen=True)
class Group:
    key: str  # also the heading's id: "staff-nav-<key>"
    title: Any  # None: no heading
    links: list[Link]


def _prefixes(entry: Entry, root: str) -> list[str]:
    return [reverse(entry.url_name), *(root + path for path in entry.also)]


def section_of(path: str, entries: list[Entry]) -> Entry | None:
    """The entry a path belongs to: the longest prefix wins (the duplicates page is under the
    candidates' path but is its own section)."""
    root = reverse("nominations:call")  # the language prefix, "/en/"
    best, length = None, -1
    for entry in entries:
        for number, prefix in enumerate(_prefixes(entry, root)):
            exact_only = entry.exact and number == 0
            matches = path == prefix if exact_only else path.startswith(prefix)
            if matches and len(prefix) > length:
                best, length = entry, len(prefix)
    return best


def _may_open(user: Any, entry: Entry, cycle: Any) -> bool:
    if entry.superuser_only:
        return user.is_superuser
    return user.has_perm(entry.permission, cycle if entry.on_cycle else None)


def staff_navigation(user: Any, path: str, cycle: Any = None) -> list[Group]:
    """The groups of links `user` may open, the current page and section marked."""
    entries = [entry for group in STAFF_NAVIGATION.values() for entry in group]
    section = section_of(path, entries)
    groups = []
    for key, group in STAFF_NAVIGATION.items():
        links = []
        for entry in group:
            if not _may_open(user, entry, cycle):
                continue
            url = reverse(entry.url_name)
            current = "page" if path == url else "true" if entry is section else ""
            links.append(Link(entry.label, url, current))
        if links:
            groups.append(Group(key, GROUP_TITLES[key], links))
    return groups
