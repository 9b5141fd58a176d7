import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from laurel.core.http import client_ip
from laurel.core.models import RateCounter
from laurel.core.ratelimit import over_limit
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token


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

    assert client_ip(request_from("10.0.0.5", "203.0.113.9")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (1, "198.51.100.66, 203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 5.6.7.8, 203.0.113.9", "203.0.113.9"),
        (2, "198.51.100.66, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (2, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.66, not-an-address", "10.0.0.5"),
    ],
)
def test_the_client_is_the_right_most_hop_our_proxies_wrote(settings, proxies, forwarded, client):
    """What the client wrote itself (left of our proxies' hops) is ignored."""
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = proxies

    assert client_ip(request_from("10.0.0.5", forwarded)) == client


@pytest.mark.django_db
def test_a_client_cannot_escape_the_save_limit_by_writing_its_own_forwarded_hops(
    client, child10, settings
):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.NOMINATION_SAVES_PER_ADDRESS = 2
    token = new_token(client)

    statuses = [
        client.post(
            NOMINATE,
            complete_post(child10, token, action="save"),
            headers={"X-Forwarded-For": f"198.51.100.{n}, 203.0.113.9"},
        ).status_code
        for n in range(3)
    ]

    assert statuses == [302, 302, 429]


@pytest.mark.django_db
def test_allauth_limits_count_the_same_client_address(rf, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    request = rf.get("/", headers={"X-Forwarded-For": "198.51.100.66, 203.0.113.9"})

    assert get_adapter().get_client_ip(request) == "203.0.113.9"


@pytest.mark.django_db
def test_over_limit_counts_per_identity_and_stores_no_identity():
    results = [over_limit("test", "nora@example.org", limit=3, window=3600) for _ in range(5)]
    other = over_limit("test", "other@example.org", limit=3, window=3600)

    assert results == [False, False, False, True, True]
    assert other is False
    assert not RateCounter.objects.filter(key__contains="nora").exists()
