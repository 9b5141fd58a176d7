"""The staff side navigation and the page title's site suffix."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from laurel.core.navigation import staff_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_links(context) -> list:
    """The staff navigation's groups for this page: permissions that hang on a cycle are asked
    about the page's own cycle, else the one the site speaks for."""
    request = context.get("request")
    user = context.get("user")
    if request is None or user is None:
        return []
    cycle = context.get("cycle") or context.get("site_award") or None
    return staff_navigation(user, request.path, cycle)


@register.filter(is_safe=True)
def with_site_suffix(title: str, site: str) -> str:
    """`title` ending with " · <site>" once: pages that already name the award keep their
    title, the others get the suffix, an empty title becomes the site's name. `title` is
    rendered template output (escaped already); `site` is a plain value."""
    site = conditional_escape(site)
    title = " ".join(str(title).split())
    if not title or title == site:
        return site
    if title.endswith(f" · {site}"):
        return mark_safe(title)  # noqa: S308 -- rendered (escaped) template output
    return mark_safe(f"{title} · {site}")  # noqa: S308 -- both parts are escaped
