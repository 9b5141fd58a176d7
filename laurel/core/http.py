"""Small request helpers shared by all apps."""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def client_ip(request: HttpRequest) -> str:
    """The client's address; a proxy's header is believed only when one is configured."""
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        forwarded = request.META.get(meta_key, "")
        if forwarded:
            # X-Forwarded-For lists the client first; the configured proxy appends itself.
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def network_of(address: str) -> str:
    """A keyed digest of the client's network (IPv4 /24, IPv6 /48): enough to see that many
    nominations came from one place, never enough to say from which address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    network = ipaddress.ip_network(f"{ip}/{prefix}", strict=False)
    digest = hmac.new(settings.SECRET_KEY.encode(), str(network).encode(), hashlib.sha256)
    return digest.hexdigest()[:16]
