"""Fixtures for the laureate tests: the cohort of two laureates."""

import pytest
from django.core import mail

from tests.laureates.cohort_helpers import laureate_with_contact


@pytest.fixture
def cohort(child10, staff_user, run_tasks):
    first = laureate_with_contact(
        child10, staff_user, "Trygga Nätet", "https://trygga.se", "a@trygga.se"
    )
    second = laureate_with_contact(child10, staff_user, "Ljusglimt", "https://ljus.se", "b@ljus.se")
    run_tasks()
    mail.outbox.clear()
    return first, second
