import altcha
import pytest

from laurel.nominations import challenge

pytestmark = pytest.mark.django_db


def solved(settings) -> str:
    settings.ALTCHA_COST = 50
    issued = altcha.v2.Challenge.from_dict(challenge.new_challenge())
    return altcha.Payload(challenge=issued, solution=altcha.solve_challenge(issued)).to_base64()


def test_a_solved_challenge_is_accepted_once(settings):
    payload = solved(settings)

    assert challenge.verify(payload) is True
    assert challenge.verify(payload) is False  # a replay


@pytest.mark.parametrize("payload", ["", "not base64 at all", "eyJ9", "x" * 5000])
def test_garbage_is_refused(payload):
    assert challenge.verify(payload) is False


def test_a_challenge_signed_with_another_key_is_refused(settings):
    forged = altcha.create_challenge("PBKDF2/SHA-256", 50, hmac_secret="someone else's")
    payload = altcha.Payload(challenge=forged, solution=altcha.solve_challenge(forged)).to_base64()

    assert challenge.verify(payload) is False


def test_the_challenge_endpoint_serves_json(client):
    response = client.get("/en/nominate/challenge/")

    assert response.status_code == 200
    assert response.json()["parameters"]["algorithm"] == "PBKDF2/SHA-256"
    assert response.headers["Cache-Control"].startswith("max-age=0")
