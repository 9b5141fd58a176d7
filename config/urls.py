from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from laurel.api.api import api
from laurel.core.views import healthz, readyz

admin.site.site_header = "Laurel"

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # Probes for load balancers and orchestrators: no language, no session, no personal data.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # The read-only API for staff tokens (laurel.api), with its OpenAPI description.
    path("api/v1/", api.urls),
]

# Every page has its language in the address: /sv/… and /en/…; "/" redirects by the browser's.
urlpatterns += i18n_patterns(
    path("", include("laurel.nominations.urls")),
    path("", include("laurel.candidates.urls")),
    path("", include("laurel.review.urls")),
    path("", include("laurel.selection.urls")),
    path("", include("laurel.laureates.urls")),
    path("", include("laurel.sanctions.urls")),
    path("", include("laurel.accounts.urls")),
    path("", include("laurel.cycles.urls")),
    path("", include("laurel.core.urls")),
    path("", include("laurel.notifications.urls")),
    path("", include("laurel.privacy.urls")),
    path("", include("laurel.api.urls")),
    path("accounts/", include("allauth.urls")),
    prefix_default_language=True,
)

handler400 = "laurel.core.views.bad_request"
handler404 = "laurel.core.views.not_found"
handler500 = "laurel.core.views.server_error"
