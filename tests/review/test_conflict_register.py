"""Item 15: declaring a conflict is deliberate, a member withdraws a mistaken declaration, staff
keep the register (add, correct, remove), and every answer shows a message. All audited."""

import pytest
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.review import services
from laurel.review.models import Assignment, Conflict
from tests.conftest import make_user, sign_in
from tests.factories import in_phase
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(staff_user):
    return staff_user


@pytest.fixture
def setting(child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")
    return candidate, alice


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_committee_page_has_no_preset_conflict_select_only_a_link(client, setting):
    candidate, alice = setting
    sign_in(client, alice)

    page = client.get(reverse("review:home")).content.decode()

    assert '<select name="kind"' not in page
    assert f'href="{reverse("review:declare", args=[candidate.pk])}"' in page


def test_the_declare_page_presets_no_kind(client, setting):
    candidate, alice = setting
    sign_in(client, alice)

    page = client.get(reverse("review:declare", args=[candidate.pk])).content.decode()

    assert page.count('name="kind"') == 6
    assert "checked" not in page


def test_declaring_without_a_kind_is_refused_next_to_the_field_keeping_the_note(client, setting):
    candidate, alice = setting
    sign_in(client, alice)

    response = client.post(
        reverse("review:declare", args=[candidate.pk]), {"note": "My sister's board"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["kind"] == ["Choose what kind of conflict it is."]
    assert "My sister&#x27;s board" in response.content.decode()
    assert Conflict.objects.count() == 0


def test_declaring_asks_to_confirm_then_records_with_a_message(client, setting):
    candidate, alice = setting
    sign_in(client, alice)
    url = reverse("review:declare", args=[candidate.pk])

    asked = client.post(url, {"kind": "personal"})
    assert asked.status_code == 200
    assert "Declare the conflict" in asked.content.decode()
    assert Conflict.objects.count() == 0

    done = client.post(url, {"kind": "personal", "confirmed": "yes"}, follow=True)

    conflict = Conflict.objects.get()
    assert (conflict.member, conflict.kind, conflict.state) == (alice, "personal", "confirmed")
    assert messages_of(done) == ["Your conflict with Trygga Nätet is recorded."]


def test_confirming_or_dismissing_a_suggestion_shows_a_message(client, child10, setting, staff):
    candidate, alice = setting
    other = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    for found in (candidate, other):
        Conflict.objects.create(
            cycle=child10, member=alice, candidate=found, kind="board", state="suggested",
            declared=False,
        )  # fmt: skip
    sign_in(client, alice)
    first, second = Conflict.objects.order_by("candidate__name")

    confirmed = client.post(
        reverse("review:decide", args=[first.pk]), {"confirmed": "yes"}, follow=True
    )
    dismissed = client.post(
        reverse("review:decide", args=[second.pk]), {"confirmed": "no"}, follow=True
    )

    assert messages_of(confirmed) == ["Confirmed: you have a conflict with Ljus."]
    assert messages_of(dismissed) == ["Dismissed: no conflict with Trygga Nätet."]


def test_a_member_withdraws_a_mistaken_declaration_audited(client, setting):
    candidate, alice = setting
    services.declare_conflict(alice, candidate, kind="employment")
    sign_in(client, alice)

    response = client.post(
        reverse("review:withdraw", args=[Conflict.objects.get().pk]), follow=True
    )

    assert Conflict.objects.count() == 0
    assert messages_of(response) == ["Your conflict with Trygga Nätet is withdrawn."]
    entry = AuditEntry.objects.get(key="conflict.withdrawn")
    assert (entry.actor, entry.subject_id) == (alice, str(candidate.pk))
    assert client.get(reverse("review:candidate", args=[candidate.pk])).status_code == 200


def test_withdrawing_a_confirmed_suggestion_makes_it_a_suggestion_again(setting, child10):
    candidate, alice = setting
    conflict = Conflict.objects.create(
        cycle=child10, member=alice, candidate=candidate, kind="board", state="suggested",
        declared=False,
    )  # fmt: skip
    services.decide_conflict(conflict, member=alice, confirmed=True)

    services.withdraw_conflict(conflict, member=alice)

    conflict.refresh_from_db()
    assert (conflict.state, conflict.decided_at) == ("suggested", None)


def test_nobody_withdraws_another_members_conflict(client, setting, child10):
    candidate, alice = setting
    bob = member(child10, "bob@example.org")
    conflict = services.declare_conflict(alice, candidate, kind="employment")
    sign_in(client, bob)

    response = client.post(reverse("review:withdraw", args=[conflict.pk]))

    assert response.status_code == 404
    with pytest.raises(services.ReviewError):
        services.withdraw_conflict(conflict, member=bob)
    assert Conflict.objects.get().state == "confirmed"


def test_a_member_cannot_withdraw_what_staff_recorded(client, setting, staff, child10):
    candidate, alice = setting
    conflict = services.record_conflict(
        child10, member=alice, candidate=candidate, kind="funding", actor=staff
    )
    sign_in(client, alice)

    home = client.get(reverse("review:home")).content.decode()
    response = client.post(reverse("review:withdraw", args=[conflict.pk]), follow=True)

    assert reverse("review:withdraw", args=[conflict.pk]) not in home
    assert messages_of(response) == [
        "The secretariat recorded this conflict: ask them if you think it is wrong."
    ]
    assert Conflict.objects.get().state == "confirmed"


def test_staff_record_a_conflict_for_a_member_which_drops_the_assignment(
    staff_client, setting, staff, child10
):
    candidate, alice = setting
    in_phase(child10, Phase.SCREENING)
    Assignment.objects.create(cycle=child10, candidate=candidate, member=alice, state="published")

    response = staff_client.post(
        reverse("review:conflict_add") + f"?cycle={child10.slug}",
        {"member": alice.pk, "candidate": candidate.pk, "kind": "funding", "note": "Funder"},
        follow=True,
    )

    conflict = Conflict.objects.get()
    assert (conflict.member, conflict.kind, conflict.state, conflict.by_staff) == (
        alice, "funding", "confirmed", True,
    )  # fmt: skip
    assert Assignment.objects.count() == 0
    assert messages_of(response) == [
        f"The conflict of {alice.full_name} <alice@example.org> with Trygga Nätet is recorded."
    ]
    assert AuditEntry.objects.get(key="conflict.recorded").actor == staff


def test_staff_recording_a_pair_already_in_the_register_is_told_to_edit_it(
    staff_client, setting, child10
):
    candidate, alice = setting
    services.declare_conflict(alice, candidate, kind="board")

    response = staff_client.post(
        reverse("review:conflict_add"),
        {"member": alice.pk, "candidate": candidate.pk, "kind": "funding"},
    )

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "The register has an entry for this member and candidate already: edit it."
    ]


def test_staff_edit_an_entry_audited_with_what_it_was(staff_client, setting, staff):
    candidate, alice = setting
    conflict = services.declare_conflict(alice, candidate, kind="board")

    response = staff_client.post(
        reverse("review:conflict_edit", args=[conflict.pk]),
        {"kind": "partnership", "state": "dismissed", "note": "Ended in 2019"},
        follow=True,
    )

    conflict.refresh_from_db()
    assert (conflict.kind, conflict.state, conflict.note, conflict.by_staff) == (
        "partnership", "dismissed", "Ended in 2019", True,
    )  # fmt: skip
    entry = AuditEntry.objects.get(key="conflict.edited")
    assert entry.actor == staff
    assert entry.data["before"] == {"kind": "board", "state": "confirmed", "note": ""}
    assert messages_of(response) == ["The register entry is saved."]


def test_staff_remove_an_entry_after_confirming(staff_client, setting, staff):
    candidate, alice = setting
    conflict = services.declare_conflict(alice, candidate, kind="board")
    url = reverse("review:conflict_remove", args=[conflict.pk])

    asked = staff_client.post(url)
    assert asked.status_code == 200
    assert Conflict.objects.count() == 1

    staff_client.post(url, {"confirmed": "yes"})

    assert Conflict.objects.count() == 0
    entry = AuditEntry.objects.get(key="conflict.removed")
    assert (entry.actor, entry.data["member"]) == (staff, alice.pk)


def test_the_register_page_offers_editing_to_staff(staff_client, setting, child10):
    candidate, alice = setting
    conflict = services.declare_conflict(alice, candidate, kind="board")

    page = staff_client.get(reverse("review:conflicts")).content.decode()

    assert reverse("review:conflict_edit", args=[conflict.pk]) in page
    assert reverse("review:conflict_remove", args=[conflict.pk]) in page
    assert reverse("review:conflict_add") in page


@pytest.mark.parametrize("role", ["committee", "finance", "laureate", "plain"])
def test_other_roles_cannot_touch_the_register(client, setting, child10, role):
    candidate, alice = setting
    conflict = services.declare_conflict(alice, candidate, kind="board")
    sign_in(client, make_user(role, cycle=child10))

    responses = [
        client.post(reverse("review:conflict_add"), {"member": alice.pk,
                    "candidate": candidate.pk, "kind": "funding"}),
        client.post(reverse("review:conflict_edit", args=[conflict.pk]),
                    {"kind": "other", "state": "dismissed"}),
        client.post(reverse("review:conflict_remove", args=[conflict.pk]), {"confirmed": "yes"}),
    ]  # fmt: skip

    assert [r.status_code for r in responses] == [404, 404, 404]
    conflict.refresh_from_db()
    assert (conflict.kind, conflict.state) == ("board", "confirmed")


def test_anonymous_is_sent_to_sign_in_for_the_register(client, setting):
    candidate, alice = setting
    conflict = services.declare_conflict(alice, candidate, kind="board")

    response = client.post(reverse("review:conflict_remove", args=[conflict.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Conflict.objects.count() == 1


def test_the_register_issues_the_same_queries_for_one_and_many(
    staff_client, setting, child10, queries_for_one_and_many
):
    candidate, _alice = setting
    made = []

    def add(count):
        for _ in range(count):
            someone = member(child10, f"m{len(made)}@example.org")
            conflict = Conflict.objects.create(
                cycle=child10, member=someone, candidate=candidate, kind="board", state="confirmed"
            )
            made.append(conflict)

    one, many = queries_for_one_and_many(
        lambda: staff_client.get(reverse("review:conflicts")), add, many=10
    )

    assert one == many


def test_staff_cannot_turn_an_entry_back_into_a_suggestion(setting, staff):
    candidate, alice = setting
    conflict = services.declare_conflict(alice, candidate, kind="board")

    with pytest.raises(services.ReviewError, match="Choose whether it is a conflict"):
        services.edit_conflict(conflict, kind="board", state="suggested", actor=staff)

    conflict.refresh_from_db()
    assert conflict.state == "confirmed"
