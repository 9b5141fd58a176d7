"""The award's own name, voice and contact (the award file's [organiser]) for pages and emails.

Public pages and every email speak as the award, never as the software: the page header and
title carry the award's name, "contact the secretariat" gives its contact email, and each email
comes from the award's sender. A page without a cycle of its own (the 404, sign-in) uses the
cycle the public sees now; a cycle not yet open is never named (nothing published early).
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext

from laurel.core.texts import in_language
from laurel.cycles.models import Cycle


def site_cycle() -> Cycle | None:
    """The cycle a page without one speaks for: the public call, or else the latest that has
    opened (an archived one still names the award on its laureates page)."""
    now = timezone.now()
    opened = Cycle.objects.filter(nominations_open_at__lte=now).order_by("-nominations_open_at")
    return opened.filter(archive_at__gt=now).first() or opened.first()


def cycle_in(context: Mapping[str, Any]) -> Cycle | None:
    """The cycle an email is about: `cycle` in its context, or that of the first object in it
    that belongs to one (a nomination, a candidate, a laureate, a review...)."""
    found = context.get("cycle")
    if isinstance(found, Cycle):
        return found
    for value in context.values():
        for path in ("cycle", "candidate.cycle", "nomination.cycle", "laureate.cycle"):
            target = value
            for part in path.split("."):
                target = getattr(target, part, None) if not isinstance(target, dict) else None
                if target is None:
                    break
            if isinstance(target, Cycle):
                return target
    return None


def sender(cycle: Cycle | None) -> tuple[str, list[str]]:
    """From and Reply-To of an email about a cycle (the site's default without one)."""
    if cycle is None:
        return settings.DEFAULT_FROM_EMAIL, []
    return cycle.from_email, cycle.reply_to_list


def award_context(request) -> dict[str, Any]:
    """Context processor: `site_award` (the cycle a page speaks for unless it passes its own
    `cycle`) and `site_award_name` (its name in the page's language), both looked up only if
    a template reads them."""
    # The language gate (cycles.middleware) has looked it up already on most pages.
    award = SimpleLazyObject(
        lambda: request.site_cycle if hasattr(request, "site_cycle") else site_cycle()
    )

    def name() -> str:
        if not award:
            return gettext("Call for nominations")
        return in_language(award.name, get_language())

    def languages() -> list[str]:
        """The languages this page is offered in (cycles.middleware.LanguageGate)."""
        offered = getattr(request, "offered_languages", None)
        if offered:
            return offered
        if award and get_language() in award.public and get_language() not in award.working:
            # No view answered (a page not found): its language, a public one, and the others.
            return award.public
        return award.working if award else list(settings.WORKING_LANGUAGES)

    def untranslated() -> str:
        """On a public page in a language the award's file does not write: the working
        language its missing texts are shown in, if any are missing."""
        language = get_language()
        if not award or language in award.working or language not in languages():
            return ""
        return award.working[0] if award.untranslated(language) else ""

    return {
        "site_award": award,
        "site_award_name": SimpleLazyObject(name),
        "page_languages": SimpleLazyObject(languages),
        "award_untranslated": SimpleLazyObject(untranslated),
    }
