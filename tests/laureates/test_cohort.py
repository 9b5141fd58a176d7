"""The cohort space: messages, joint initiatives with co-signers, the library, the calendar, and
the email digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from laurel.laureates import services
from laurel.laureates.models import Initiative, Post, Signature
from laurel.laureates.tasks import send_digests
from tests.conftest import sign_in


def test_contacts_and_staff_talk_in_the_space(client, cohort, staff_user, child10):
    (trygga, alice), (_ljus, bob) = cohort
    sign_in(client, alice)
    client.post(reverse("laureates:new_post"), {"title": "Helpline tips", "body": "What works?"})
    message = Post.objects.get()
    sign_in(client, bob)
    client.post(reverse("laureates:post", args=[message.pk]), {"body": "Night shifts."})
    services.post(child10, title="Welcome", body="Hello all", actor=staff_user)

    page = client.get(reverse("laureates:cohort")).content.decode()
    thread = client.get(reverse("laureates:post", args=[message.pk])).content.decode()

    assert (message.laureate, message.author) == (trygga, alice)
    assert "Helpline tips" in page and "Welcome" in page and "1 reply" in page
    assert "Night shifts." in thread and "Ljusglimt" in thread


def test_an_initiative_is_co_signed_once_per_organisation(cohort, staff_user, child10):
    (trygga, alice), (_ljus, bob) = cohort
    initiative = services.propose_initiative(
        child10, kind="statement", title="Safety by design", description="A joint statement.",
        owners=[trygga], actor=alice,
    )  # fmt: skip

    services.co_sign(initiative, actor=alice)
    services.co_sign(initiative, actor=bob)
    with pytest.raises(services.CohortError, match="signed already"):
        services.co_sign(initiative, actor=bob)
    with pytest.raises(services.CohortError, match="Only a laureate's contact"):
        services.co_sign(initiative, actor=staff_user)
    with pytest.raises(services.CohortError, match="Only its owners or staff"):
        services.set_initiative_status(initiative, status="active", actor=bob)
    services.set_initiative_status(initiative, status="active", actor=alice)

    assert sorted(s.laureate.candidate.name for s in Signature.objects.all()) == [
        "Ljusglimt",
        "Trygga Nätet",
    ]
    assert Initiative.objects.get().status == "active"


def test_an_initiative_needs_an_owner_and_keeps_what_was_typed(client, cohort):
    (_trygga, alice), _second = cohort
    sign_in(client, alice)

    response = client.post(
        reverse("laureates:new_initiative"),
        {"kind": "campaign", "title": "Report it", "description": "A campaign."},
    )

    assert response.status_code == 400
    assert 'value="Report it"' in response.content.decode()
    assert Initiative.objects.count() == 0


def test_the_library_takes_documents_checked_by_content(client, cohort):
    (_trygga, alice), _second = cohort
    sign_in(client, alice)

    refused = client.post(
        reverse("laureates:share"),
        {"title": "Guide", "upload": SimpleUploadedFile("guide.pdf", b"<html>not a pdf</html>")},
    )
    client.post(
        reverse("laureates:share"),
        {"title": "Guide", "upload": SimpleUploadedFile("guide.pdf", b"%PDF-1.4 a guide")},
    )
    from laurel.laureates.models import LibraryDocument

    download = client.get(reverse("laureates:document", args=[LibraryDocument.objects.get().pk]))

    assert refused.status_code == 400
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert download["Content-Disposition"].startswith("attachment")


def test_only_staff_add_events_and_they_cannot_end_before_they_start(client, cohort, staff_client):
    (_trygga, alice), _second = cohort
    start = timezone.localtime(timezone.now() + timedelta(days=5))
    event = {
        "title": "Webinar", "where": "https://meet.example.org/x", "description": "",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    }  # fmt: skip

    refused = staff_client.post(reverse("laureates:event"), event)
    staff_client.post(
        reverse("laureates:event"),
        event | {"ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")},
    )
    sign_in(client, alice)

    assert "cannot end before it starts" in refused.content.decode()
    assert client.post(reverse("laureates:event"), event).status_code == 404
    assert "Webinar" in client.get(reverse("laureates:cohort")).content.decode()


def test_the_digest_is_scheduled_once_and_tells_titles_only(cohort, child10, staff_user, run_tasks):
    (_trygga, alice), (_ljus, bob) = cohort
    services.choose_digest(child10, frequency="daily", actor=alice)
    services.choose_digest(child10, frequency="daily", actor=bob)
    services.post(child10, title="Summit photos", body="Private details here", actor=staff_user)

    waiting = [
        r
        for r in DBTaskResult.objects.filter(status="READY")
        if r.task_path.endswith("send_digests")
    ]
    sent = send_digests.call("daily")
    run_tasks()

    assert len(waiting) == 1
    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@trygga.se", "b@ljus.se"]
    assert all("Summit photos" in m.body and "Private details" not in m.body for m in mail.outbox)
    assert send_digests.call("daily") == 0  # nothing new since


def test_people_outside_the_cohort_do_not_see_it(client, cohort, child10):
    from tests.conftest import make_user

    for role in ("committee", "finance", "laureate"):
        sign_in(client, make_user(role, cycle=child10) if role != "finance" else make_user(role))
        assert client.get(reverse("laureates:cohort")).status_code == 404


def test_the_digest_shows_never_until_someone_chooses(client, cohort, child10):
    (_trygga, alice), _second = cohort
    sign_in(client, alice)

    before = client.get(reverse("laureates:cohort")).content.decode()
    client.post(reverse("laureates:digest"), {"frequency": "weekly"})
    after = client.get(reverse("laureates:cohort")).content.decode()

    assert "checked" in before.split('value="never"')[1][:60]
    assert "checked" in after.split('value="weekly"')[1][:60]
    assert "Your programme" in after


def test_a_contact_cannot_name_another_laureate_to_lead_an_initiative(client, cohort):
    """Found re-probing issue 14, item 1: contact A proposed a statement 'led by' laureate B."""
    (trygga, alice), (ljus, _bob) = cohort
    sign_in(client, alice)

    for owners in ([ljus.pk], [trygga.pk, ljus.pk]):
        response = client.post(
            reverse("laureates:new_initiative"),
            {"kind": "statement", "title": "We say", "description": "x", "owners": owners},
        )
        assert response.status_code == 400
        assert "only your own organisation" in response.content.decode()
    own = client.post(
        reverse("laureates:new_initiative"),
        {"kind": "statement", "title": "We say", "description": "x", "owners": [trygga.pk]},
    )

    assert own.status_code == 302
    assert [list(i.owners.all()) for i in Initiative.objects.all()] == [[trygga]]


def test_an_id_beyond_the_databases_integers_is_a_refusal_not_a_500(client, cohort):
    """Found re-probing issue 14, item 20: an edited form with owners=99999999999999999999
    reached the query (OverflowError on SQLite, out of range on PostgreSQL)."""
    (_trygga, alice), _second = cohort
    sign_in(client, alice)

    response = client.post(
        reverse("laureates:new_initiative"),
        {"kind": "statement", "title": "t", "description": "d", "owners": ["9" * 20]},
    )

    assert response.status_code == 400
    assert Initiative.objects.count() == 0


def test_only_an_initiative_s_owners_and_staff_are_offered_to_change_it(
    client, cohort, staff_user, child10
):
    (trygga, alice), (_ljus, bob) = cohort
    initiative = services.propose_initiative(
        child10, kind="statement", title="Safety by design", description="A joint statement.",
        owners=[trygga], actor=alice,
    )  # fmt: skip
    url = reverse("laureates:initiative", args=[initiative.pk])
    change = reverse("laureates:initiative_status", args=[initiative.pk])

    pages = {}
    for name, user in (("owner", alice), ("other", bob), ("staff", staff_user)):
        sign_in(client, user)
        pages[name] = client.get(url).content.decode()

    assert {name: change in page for name, page in pages.items()} == {
        "owner": True,
        "other": False,
        "staff": True,
    }
