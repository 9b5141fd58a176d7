"""Small request helpers shared by all apps."""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def forwarded_hops(request: HttpRequest) -> list[str]:
    """The addresses in the trusted proxy's header, left to right; none without a proxy."""
    header = settings.TRUSTED_PROXY_HEADER
    if not header:
        return []
    forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    return [hop.strip() for hop in forwarded.split(",") if hop.strip()]


def client_ip(request: HttpRequest) -> str:
    """The client's address; a proxy's header is believed only when one is configured, and only
    as far as our proxies wrote it. Each proxy appends the address it was connected from, so the
    right-most TRUSTED_PROXY_COUNT hops are ours and the left-most of them is the client: what
    is further left the client wrote itself, and is ignored."""
    hops = forwarded_hops(request)
    if hops:
        count = settings.TRUSTED_PROXY_COUNT
        # Fewer hops than proxies: every hop is one of ours, the left-most is the furthest out.
        hop = hops[-count] if len(hops) >= count else hops[0]
        try:
            return str(ipaddress.ip_address(hop))
        except ValueError:
            pass  # not an address: the connection's own address is all we know
    return request.META.get("REMOTE_ADDR", "")


FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def is_direct_from_this_machine(request: HttpRequest) -> bool:
    """The request came from this machine itself, not passed on by a proxy (which would make
    every visitor look local)."""
    try:
        local = ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False
    return (
        local
        and not forwarded_hops(request)
        and not any(request.META.get(header) for header in FORWARDING_HEADERS)
    )


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
