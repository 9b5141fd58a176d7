"""The assignment pages (issue 17, item 14): members by name, counts that say what changed
("nothing changed" for a no-op import, plurals right), no audit entry for a no-op."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.core.models import AuditEntry
from laurel.cycles.enums import Phase
from laurel.review import services
from laurel.review.models import Assignment
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db


def named(cycle, email, name):
    person = member(cycle, email)
    person.full_name = name
    person.save(update_fields=["full_name"])
    return person


@pytest.fixture
def committee(child10, staff_user):
    candidates = [
        ready(child10, f"Organisation {n} Ljus", website=f"https://o{n}.se", staff=staff_user)
        for n in range(3)
    ]
    people = [
        named(child10, "alice@example.org", "Alice Berg"),
        named(child10, "bob@example.org", "Bob Ek"),
        named(child10, "carol@example.org", ""),  # no name given: her address stands in
    ]
    in_phase(child10, Phase.SCREENING)
    return candidates, people


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("assignments.csv", text.encode())


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_an_import_counts_what_it_added_and_what_was_already_there(staff_client, committee):
    (first, second, _third), _people = committee
    lines = f"candidate_id,member\n{first.pk},alice@example.org\n"

    once = staff_client.post(reverse("review:import"), {"file": upload(lines)}, follow=True)
    again = staff_client.post(reverse("review:import"), {"file": upload(lines)}, follow=True)
    more = staff_client.post(
        reverse("review:import"),
        {"file": upload(lines + f"{second.pk},bob@example.org\n{second.pk},carol@example.org\n")},
        follow=True,
    )

    assert messages_of(once) == ["1 assignment imported."]
    assert messages_of(again) == ["Nothing changed: the 1 assignment in the file already exists."]
    assert messages_of(more) == [
        "2 assignments imported.",
        "1 line named an assignment that already exists; it is unchanged.",
    ]
    assert Assignment.objects.count() == 3
    assert AuditEntry.objects.filter(key="assignment.added_by_hand").count() == 3


def test_an_empty_import_says_nothing_changed(staff_client, committee):
    response = staff_client.post(
        reverse("review:import"), {"file": upload("candidate_id,member\n")}, follow=True
    )

    assert messages_of(response) == ["The file has no assignments; nothing changed."]


def test_adding_an_existing_reviewer_by_hand_changes_nothing_and_says_so(staff_client, committee):
    (first, *_rest), (alice, *_others) = committee
    data = {"candidate": first.pk, "member": alice.pk}

    added = staff_client.post(reverse("review:by_hand"), data, follow=True)
    repeated = staff_client.post(reverse("review:by_hand"), data, follow=True)

    assert messages_of(added) == ["Alice Berg is added to the proposal for Organisation 0 Ljus."]
    assert messages_of(repeated) == [
        "Alice Berg is already assigned to Organisation 0 Ljus; nothing changed."
    ]
    assert AuditEntry.objects.filter(key="assignment.added_by_hand").count() == 1


def test_the_assignment_page_names_members(staff_client, committee, staff_user, child10):
    services.propose_assignment(child10, actor=staff_user, k=2)

    page = staff_client.get(reverse("review:assignment")).content.decode()

    loads = page[page.index("<h2>Loads</h2>") :]
    assert "<td>Alice Berg</td>" in loads and "<td>Bob Ek</td>" in loads
    assert "<td>carol@example.org</td>" in loads
    assert "alice@example.org" not in page
    assert f'<option value="{committee[1][1].pk}">Bob Ek</option>' in page


def test_proposing_names_the_count_and_the_even_loads(staff_client, committee):
    response = staff_client.post(reverse("review:assignment"), {"k": "2"}, follow=True)

    assert messages_of(response)[0].startswith(
        "A proposal of 6 assignments is ready (loads as even as possible;"
    )
    loads = sorted(Assignment.objects.filter(member=person).count() for person in committee[1])
    assert loads == [2, 2, 2]


def test_taking_a_reviewer_off_names_them(staff_client, committee, staff_user, child10):
    (first, *_rest), (alice, *_others) = committee
    assignment, _created = services.assign_by_hand(child10, first, alice, actor=staff_user)

    response = staff_client.post(reverse("review:remove", args=[assignment.pk]), follow=True)

    assert messages_of(response) == ["Alice Berg no longer reviews Organisation 0 Ljus."]


def test_a_conflict_refusal_names_the_member(staff_client, committee, child10):
    (first, *_rest), (alice, *_others) = committee
    services.declare_conflict(alice, first, kind="board")

    response = staff_client.post(
        reverse("review:by_hand"), {"candidate": first.pk, "member": alice.pk}, follow=True
    )

    assert messages_of(response) == ["Alice Berg has a conflict with Organisation 0 Ljus."]


def test_the_assignments_csv_keeps_the_address_for_import_and_adds_the_name(
    staff_client, committee, staff_user, child10
):
    (first, *_rest), (alice, *_others) = committee
    services.assign_by_hand(child10, first, alice, actor=staff_user)

    text = staff_client.get(reverse("review:assignments_csv")).content.decode("utf-8-sig")

    assert text.splitlines() == [
        "candidate_id,candidate,member,member_name,state",
        f"{first.pk},Organisation 0 Ljus,alice@example.org,Alice Berg,Proposed",
    ]


def test_a_member_cannot_import_assign_or_take_off(client, committee, staff_user, child10):
    (first, *_rest), (alice, bob, _carol) = committee
    assignment, _created = services.assign_by_hand(child10, first, alice, actor=staff_user)
    sign_in(client, bob)

    refused = [
        client.post(reverse("review:import"), {"file": upload("candidate_id,member\n")}),
        client.post(reverse("review:by_hand"), {"candidate": first.pk, "member": bob.pk}),
        client.post(reverse("review:remove", args=[assignment.pk])),
        client.get(reverse("review:assignments_csv")),
    ]

    assert [r.status_code for r in refused] == [404, 404, 404, 404]
    assert list(Assignment.objects.values_list("member_id", flat=True)) == [alice.pk]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Organisation 0 Ljus has only 2 members without a conflict and needs 3: "
            "invite another member or ask for fewer reviewers.",
        ),
        (
            "sv",
            "Organisation 0 Ljus har bara 2 ledamöter som inte är jäviga och behöver 3.",
        ),
    ],
)
def test_a_proposal_that_cannot_be_made_names_the_candidate(
    client, staff_user, committee, language, expected
):
    (first, *_rest), (alice, *_others) = committee
    services.declare_conflict(alice, first, kind="board")
    sign_in(client, staff_user)

    response = client.post(f"/{language}/staff/review/assignment/", {"k": "3"})

    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Assignment.objects.exists()
