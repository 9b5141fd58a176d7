"""The admin's user form, as the admin tests post it."""


def user_change_form(colleague, **changes) -> dict:
    return {
        "email": colleague.email,
        "full_name": colleague.full_name,
        "language": "en",
        "is_active": "on",
        "role_grants-TOTAL_FORMS": "0",
        "role_grants-INITIAL_FORMS": "0",
    } | changes
