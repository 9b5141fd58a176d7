import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from laurel.nominations.models import Nomination
from laurel.nominations.services import Held, submit_nomination
from tests.nominations.helpers import complete_post
from tests.scenarios import NOMINATE, new_token, solved_payload

pytestmark = pytest.mark.django_db


def test_with_proof_of_work_the_nomination_is_not_held(client, child10, settings):
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token))

    client.post(
        reverse("nominations:review", kwargs={"token": token}), {"altcha": solved_payload(settings)}
    )

    assert Nomination.objects.get().held_for_moderation is False


def test_a_replayed_proof_of_work_holds_the_nomination(client, child10, settings):
    payload = solved_payload(settings)
    first, second = new_token(client), new_token(client)
    for token in (first, second):
        client.post(NOMINATE, complete_post(child10, token))
        client.post(reverse("nominations:review", kwargs={"token": token}), {"altcha": payload})

    held = dict(Nomination.objects.values_list("held_for_moderation", "moderation_reason"))
    assert held == {False: "", True: "failed-proof-of-work"}


def test_many_nominations_from_one_email_are_held_not_refused(client, child10, settings):
    for _ in range(6):
        token = new_token(client)
        client.post(NOMINATE, complete_post(child10, token))
        client.post(
            reverse("nominations:review", kwargs={"token": token}),
            {"altcha": solved_payload(settings)},
        )

    reasons = list(Nomination.objects.order_by("id").values_list("moderation_reason", flat=True))
    assert Nomination.objects.filter(state="submitted").count() == 6
    assert reasons == ["", "", "", "", "", "many-from-one-email"]


def test_an_oversized_request_is_refused_with_a_message(client, child10, settings):
    settings.NOMINATION_MAX_REQUEST = 1000
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(child10, token, org_description="x" * 900))

    assert response.status_code == 413
    assert "larger than the form accepts" in response.content.decode()


@pytest.mark.parametrize(
    ("hostile", "shown_as"),
    [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ],
)
def test_markup_is_stored_as_text_and_shown_inert(client, child10, hostile, shown_as):
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token, org_name=hostile))

    page = client.get(reverse("nominations:review", kwargs={"token": token})).content.decode()

    assert Nomination.objects.get().org_name == hostile
    assert shown_as in page
    assert hostile not in page


@pytest.mark.parametrize(
    ("field", "hostile", "message"),
    [
        (
            "org_name",
            "\u202eevil\u202c",
            "The text contains invisible direction-control characters. Please retype it.",
        ),
        ("org_name", "a\x00b", "Null characters are not allowed."),
        (
            "answer_1",
            "x" * 100_000,
            "Shorten your answer to “Brave, tireless and effective work” to 2,000 characters "
            "or fewer; it has 100,000",
        ),
    ],
)
def test_hostile_text_is_refused_beside_its_field(client, child10, field, hostile, message):
    token = new_token(client)

    response = client.post(NOMINATE, complete_post(child10, token, **{field: hostile}))

    assert response.context["form"].errors[field] == [message]
    assert Nomination.objects.get().state == "draft"
    assert Nomination.objects.get().org_name != hostile


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "org_name",
                "org_city",
                "org_country",
                "org_founded_year",
                "answer_1",
                "nominator_email",
                "relationship",
                "link_1",
                "org_website",
                "declared_true",
                "action",
                "preferred_language",
            ]
        ),
        st.text(max_size=300),
    )
)
def test_the_form_never_fails_with_a_server_error(client, child10, fields):
    token = new_token(client)

    response = client.post(NOMINATE, {"token": token, **fields})

    assert response.status_code in {200, 302}


def test_too_many_saves_from_one_address_are_refused_and_not_saved(client, child10, settings):
    settings.NOMINATION_SAVES_PER_ADDRESS = 2
    tokens = [new_token(client) for _ in range(4)]

    statuses = [client.post(NOMINATE, complete_post(child10, t)).status_code for t in tokens]

    assert statuses == [302, 302, 429, 429]
    assert Nomination.objects.count() == 2
    refused = client.post(NOMINATE, complete_post(child10, tokens[3]))
    assert "Please wait a moment" in refused.content.decode()


def test_a_refused_save_shows_what_was_typed_to_copy(client, child10, settings):
    """Nothing is saved past the limit: the page says so and gives back the text, as the
    deadline's page does (Back keeps it in Chromium, but not in every browser)."""
    settings.NOMINATION_SAVES_PER_ADDRESS = 0
    data = complete_post(child10, new_token(client))
    data["answer_1"] = "They answer the helpline every night,\nin four languages."

    refused = client.post(NOMINATE, data)

    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Nothing was saved this time" in page
    assert data["org_name"] in page
    assert "They answer the helpline every night,<br>in four languages." in page
    assert Nomination.objects.count() == 0


def test_a_second_concurrent_submit_asks_for_no_hold_reason(client, child10):
    """Two requests read the draft; the second, once it has the lock, finds it submitted and
    neither uses up its proof of work nor counts against the limits."""
    token = new_token(client)
    client.post(NOMINATE, complete_post(child10, token))
    stale = Nomination.objects.get()  # what both requests read before either locked it
    asked = []

    class Asking(Held):
        def hold_reason(self, nomination) -> str:
            asked.append(1)
            return ""

    for _ in range(2):
        submit_nomination(stale, token=token, gate=Asking())

    assert asked == [1]
    assert Nomination.objects.get().state == "submitted"
