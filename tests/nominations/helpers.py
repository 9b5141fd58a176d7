"""What a nominator types, as the form posts it."""


def complete_post(cycle, token: str, **changes) -> dict:
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
        "organisation_aware": "yes",
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
    data.update(changes)
    return data
