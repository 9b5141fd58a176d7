"""No copy of a private response is kept by a browser or a proxy on the way.

Every response to a signed-in user (staff, committee, finance and laureate pages carry
nomination texts, scores, bank and passport details), to an API client, to a private link
(the capability in the path is the key to what the page shows), and every download (PDFs,
tables, bank proofs, documents) gets `Cache-Control: no-store, private`. Only public pages
to anonymous visitors (the call, the laureates page) are left as they are; static files are
served before this middleware (whitenoise) and keep their long cache.
"""

from django.utils.cache import patch_cache_control

from laurel.core.logging import PRIVATE_LINK


def is_private(request, response) -> bool:
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or "HTTP_AUTHORIZATION" in request.META
        or response.has_header("Content-Disposition")
        or PRIVATE_LINK.search(request.path)
    )


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_private(request, response):
            # patch_cache_control keeps what a view said (never_cache's no-cache, max-age=0)
            # and drops a "public" that would contradict "private".
            patch_cache_control(response, no_store=True, private=True)
        return response
