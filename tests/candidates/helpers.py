"""Nominations confirmed the way nominators confirm them, so that they become candidates."""

from itertools import count

from laurel.nominations import services
from laurel.nominations.models import Nomination, hash_token, new_token

_numbers = count(1)


def confirmed(
    cycle,
    name: str,
    *,
    country: str = "SE",
    website: str = "",
    registration="",
    email: str = "",
    relationship: str = "partner",
    network: str = "",
    language: str = "en",
    answers: dict | None = None,
) -> Nomination:
    """A nomination submitted and confirmed by its nominator (the link in the email)."""
    number = next(_numbers)
    token, _ = new_token()
    draft, _ = services.save_draft(
        cycle,
        token=token,
        language=language,
        send_resume_link=False,
        complete=True,
        data={
            "org_name": name,
            "org_country": country,
            "org_website": website,
            "org_registration_number": registration,
            "nominator_name": f"Nominator {number}",
            "nominator_email": email or f"nominator{number}@example.org",
            "relationship": relationship,
            "preferred_language": language,
            "answers": answers or {"1": "Trains moderators and runs a helpline."},
        },
    )
    nomination = services.submit_nomination(draft, token=token, network=network)
    confirm_token = f"confirm-{number}-{token}"
    Nomination.objects.filter(pk=nomination.pk).update(confirm_token_hash=hash_token(confirm_token))
    return services.confirm_nomination(confirm_token)
