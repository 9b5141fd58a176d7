"""The language a visitor chose is remembered: "/" sends them back to it next time.

Every page has its language in its address (/sv/…, /en/…), and "/" redirects by the language
cookie first, then the browser's Accept-Language (Django's LocaleMiddleware). Nothing set that
cookie, since the language switch is a plain link: a Swedish browser that switched to English was
sent to /sv/ again the next time.

The cookie is set when the visitor *follows the language switch*: a page under one language's
prefix asked for from a page of this site under the other language's prefix (the Referer, which the
site's Referrer-Policy `same-origin` sends on every same-site request). Not merely when a page under
a prefix is served: a Swedish reader who opens an English link someone sent them has chosen nothing,
and a visitor who never switches gets no cookie at all. A browser that sends no Referer is not
remembered, which is how it was before. The cookie's flags are the session cookie's (settings).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.cache import has_vary_header, patch_vary_headers
from django.utils.translation import get_language_from_path
from django.utils.translation.trans_real import parse_accept_lang_header


def chosen_language(request) -> str | None:
    """The language this request switches to, if it comes from the site's own page in another."""
    return get_language_from_path(request.path_info) if switched_from(request) else None


def switched_from(request) -> str | None:
    """The language of the site's own page this request comes from, if another than its own."""
    language = get_language_from_path(request.path_info)
    if language is None:
        return None
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.scheme not in ("http", "https") or referer.netloc != request.get_host():
        return None
    previous = get_language_from_path(referer.path)
    if previous is None or previous == language:
        return None
    return previous


class RememberLanguageChoice:
    """Around LocaleMiddleware: sets the language cookie when the visitor switches language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if has_vary_header(response, "Accept-Language"):
            # The language came from the cookie or the browser ("/" and its redirect): a cache
            # must keep one answer per cookie as it keeps one per Accept-Language.
            patch_vary_headers(response, ("Cookie",))
        language = chosen_language(request)
        current = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language and language != current and response.status_code < 400:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def public_page(view):
    """Mark a view as a public page: it is offered in the award's public languages, where every
    other page is offered in its working languages only (cycles.middleware.LanguageGate)."""
    view.public_page = True
    return view


def is_public_page(view) -> bool:
    return getattr(view, "public_page", False)


def best_language(request, offered: list[str]) -> str:
    """The language of `offered` the visitor prefers: the one they chose last (the cookie),
    then their browser's (Accept-Language), else the first offered."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in offered:
        return chosen
    for code, _quality in parse_accept_lang_header(request.headers.get("accept-language", "")):
        base = code.split("-")[0].lower()
        if base in offered:
            return base
    return offered[0]
