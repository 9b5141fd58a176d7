"""A scenario built once for a module (tests.conftest.shared_world) keeps its tests apart: each
test starts from the module's world as it was built, and sees none of another test's writes,
whatever order they run in."""

import pytest

from laurel.accounts.models import User
from tests.conftest import shared_world
from tests.factories import UserFactory


def _build(cycle, staff):
    cycle.laureate_count = 7
    cycle.save(update_fields=["laureate_count"])
    return UserFactory(email="built@example.org").pk


world, child10, staff_user = shared_world(_build)


@pytest.mark.parametrize("n", range(4))
def test_each_test_starts_from_the_world_as_built(world, child10, staff_user, n):
    assert child10.laureate_count == 7
    assert User.objects.filter(pk=world.value, email="built@example.org").exists()
    assert staff_user.email == "staff@example.org"
    assert not User.objects.filter(email__startswith="written-by-").exists()

    UserFactory(email=f"written-by-{n}@example.org")
    child10.laureate_count = 100 + n
    child10.save(update_fields=["laureate_count"])
    User.objects.filter(pk=world.value).delete()


def test_a_test_outside_the_world_cannot_open_the_database():
    with pytest.raises(RuntimeError, match="Database access not allowed"):
        User.objects.count()
