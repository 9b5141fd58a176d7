"""Response headers Django's own middleware does not set."""

from django.conf import settings


class PermissionsPolicy:
    """Permissions-Policy on every response: the browser features no page of ours uses
    (camera, microphone, location, payment, USB …) are switched off, for our pages and for
    anything they could embed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response
