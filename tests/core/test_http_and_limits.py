import pytest
from django.test import RequestFactory

from laurel.core.http import client_ip
from laurel.core.models import RateCounter
from laurel.core.ratelimit import over_limit


def request_from(address: str, forwarded: str = ""):
    headers = {"REMOTE_ADDR": address}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_a_forwarded_address_is_ignored_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_HEADER = ""

    assert client_ip(request_from("10.0.0.5", "203.0.113.9")) == "10.0.0.5"


def test_a_trusted_proxy_header_gives_the_client_address(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"

    assert client_ip(request_from("10.0.0.5", "203.0.113.9, 10.0.0.5")) == "203.0.113.9"


@pytest.mark.django_db
def test_over_limit_counts_per_identity_and_stores_no_identity():
    results = [over_limit("test", "nora@example.org", limit=3, window=3600) for _ in range(5)]
    other = over_limit("test", "other@example.org", limit=3, window=3600)

    assert results == [False, False, False, True, True]
    assert other is False
    assert not RateCounter.objects.filter(key__contains="nora").exists()
