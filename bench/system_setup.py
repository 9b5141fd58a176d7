"""Run inside `manage.py shell` by bench/system.py: a second award in its review phase (twelve
candidates ready, four committee members assigned, a staff member), next to the award whose
nominations are open. Prints the accounts and their second-factor secrets as JSON."""

import json

from laurel.cycles.models import Cycle
from laurel.review import services
from tests.conftest import enrol_totp
from tests.factories import PASSWORD, RoleGrantFactory, UserFactory
from tests.review.test_committee import ready
from tests.review.test_reviewing import open_review

open_award = Cycle.objects.get(slug="child10-2022")
criteria = list(open_award.criteria.all())
review_award = Cycle.objects.get(pk=open_award.pk)
review_award.pk = review_award.id = None
review_award.slug, review_award.reference_prefix = "child10-2021", "C10-2021"
review_award.save()
for criterion in criteria:
    criterion.pk, criterion.cycle = None, review_award
    criterion.save()

staff = UserFactory(email="bench-staff@example.org")
RoleGrantFactory(user=staff, role="staff", cycle=None)
staff_secret = enrol_totp(staff)
for n in range(12):
    ready(
        review_award, f"Reviewed Organisation {n}", website=f"https://org{n}.example", staff=staff
    )
members = []
for n in range(4):
    user = UserFactory(email=f"bench-member{n}@example.org")
    RoleGrantFactory(user=user, role="committee_member", cycle=review_award)
    members.append({"email": user.email, "secret": enrol_totp(user), "id": user.pk})
services.propose_assignment(review_award, actor=staff, k=3)
services.publish_assignment(review_award, actor=staff)
open_review(review_award)
from laurel.review.models import Assignment  # noqa: E402

for person in members:
    person["candidates"] = list(
        Assignment.objects.filter(member_id=person["id"]).values_list("candidate_id", flat=True)
    )
print(json.dumps({
    "password": PASSWORD,
    "staff": {"email": staff.email, "secret": staff_secret},
    "members": members,
    "criteria": [c.number for c in criteria],
}))  # fmt: skip
