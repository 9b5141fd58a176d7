"""What a nominator types, as the form posts it, and the files it attaches."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from laurel.nominations.models import Nomination
from tests.scenarios import NOMINATE, new_token, solved_payload

# What the nominator answers to each example award's own questions (their fields are q_<key>):
# Child10 2022 asks whether the organisation knows of its nomination; the Aurora Prize asks
# who leads the organisation (the question that depends on it is asked only when adults do)
# and how many young people are active.
QUESTION_ANSWERS = {
    "child10-2022": {"q_organisation_aware": "yes"},
    "aurora-2027": {
        "q_leadership": "young",
        "q_young_members": "40",
        "q_action_areas": ["energy", "food"],
        "q_nominator_young": "no",
    },
}


def complete_post(cycle, token: str, **changes) -> dict:
    """A complete form for `cycle`: the organisation, an answer to each criterion, the evidence,
    the nominator, and the answers to an example award's own questions."""
    data = {
        "token": token,
        "org_name": "Safe Online Europe",
        "org_country": "SE",
        "org_city": "Malmö",
        "org_website": "https://safe-online.example.org",
        "org_registration_number": "802000-0000",
        "org_contact_name": "",
        "org_contact_email": "",
        "org_description": "Runs a helpline and trains platform moderators.",
        "org_founded_year": "2009",
        "nominator_name": "Nora Nominator",
        "nominator_email": "nora@example.org",
        "nominator_organisation": "",
        "nominator_role": "",
        "relationship": "partner",
        "preferred_language": "en",
        "declared_true": "on",
        "declared_safeguarding": "on",
        "declared_privacy": "on",
        "link_1": "https://safe-online.example.org/report-2023",
        "action": "review",
        "fax_number": "",
    }
    for criterion in cycle.criteria.all():
        data[f"answer_{criterion.number}"] = (
            f"The organisation's work on criterion {criterion.number} is sustained and "
            "documented in yearly reports."
        )
    data.update(QUESTION_ANSWERS.get(cycle.slug, {}))
    data.update(changes)
    return data


MARIA = "Maria, 12, lives at Bulevar oslobođenja 12 in Novi Sad; call +381 21 123 4567"


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def urls(token: str) -> dict[str, str]:
    return {
        name: reverse(f"nominations:{name}", kwargs={"token": token})
        for name in ("manage", "review", "submitted", "withdraw")
    }


def submitted_nomination(client, cycle, settings, *, files=(), **changes) -> tuple[str, Nomination]:
    """A nomination submitted with proof of work (not held), its confirmation email queued."""
    token = new_token(client)
    post = complete_post(cycle, token, **changes)
    if files:
        post["attachments"] = list(files)
    client.post(NOMINATE, post)
    client.post(urls(token)["review"], {"altcha": solved_payload(settings)})
    return token, Nomination.objects.get(token_hash__isnull=False, org_name=post["org_name"])


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zipped(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


# A plain Word document's parts, to which a test adds what it smuggles in.
WORD = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}
