"""Who may do what in the laureates' programme (see docs/permissions.md)."""

import rules

from laurel.accounts.rules import (
    is_finance,
    is_laureate_contact_in,
    is_signed_in,
    is_staff_member,
    names_an_object,
)
from laurel.laureates.models import Contact, acted_for_by


@rules.predicate
def is_contact_in_laureates_cycle(user, laureate) -> bool:
    return laureate is not None and is_laureate_contact_in(user, laureate.cycle)


@rules.predicate
def is_tied_to_a_contact_of(user, laureate) -> bool:
    return Contact.objects.filter(laureate=laureate, user=user).exists()


# A laureate contact of that laureate: signed in, holding the role in its cycle, and tied to one
# of its contacts by user id when the contact's invitation was accepted.
acts_for = is_contact_in_laureates_cycle & is_tied_to_a_contact_of
rules.add_perm("laureates.act_for", acts_for)
rules.add_perm("laureates.manage", is_staff_member)


# Masked accounts and payment states: staff and finance. Full bank details, verifying,
# approving, paying, exporting: finance only (services check it again).
rules.add_perm("laureates.view_payments", is_staff_member | is_finance)
rules.add_perm("laureates.request_payment", is_staff_member | is_finance)
rules.add_perm("laureates.handle_payments", is_finance)


@rules.predicate
def is_tied_to_a_laureate_of(user, cycle) -> bool:
    return Contact.objects.filter(laureate__cycle=cycle, user=user).exists()


# Staff, or a contact (tied by user id) of a laureate of that cycle.
in_cohort = names_an_object & (
    is_staff_member | (is_laureate_contact_in & is_tied_to_a_laureate_of)
)
rules.add_perm("laureates.use_cohort", in_cohort)


@rules.predicate
def acts_for_a_laureate(user) -> bool:
    """Acts for a laureate: what the programme's pages open for (the role alone, with no
    contact tied to the account yet, opens nothing)."""
    return acted_for_by(user).exists()


# The link to the programme in the site's navigation: shown exactly when its pages open.
rules.add_perm("laureates.see_programme", is_signed_in & acts_for_a_laureate)


@rules.predicate
def did_not_request(user, payment) -> bool:
    return payment is not None and payment.requested_by_id != user.pk


@rules.predicate
def did_not_verify(user, payment) -> bool:
    return payment is not None and payment.verified_by_id != user.pk


# The second pair of eyes: neither who requested the payment nor who checked its bank details
# (the service checks it again and says why).
rules.add_perm("laureates.approve_payment", is_finance & did_not_request & did_not_verify)


@rules.predicate
def leads_initiative(user, initiative) -> bool:
    """A contact (tied by user id) of one of the laureates that lead the initiative."""
    return initiative is not None and (
        acted_for_by(user)
        .filter(cycle=initiative.cycle_id, pk__in=initiative.owners.values("pk"))
        .exists()
    )


@rules.predicate
def speaks_for_a_laureate_yet_to_sign(user, initiative) -> bool:
    """A contact (tied by user id) of a laureate of the initiative's cycle that has not
    co-signed it yet."""
    return initiative is not None and (
        acted_for_by(user)
        .filter(cycle=initiative.cycle_id)
        .exclude(pk__in=initiative.signatures.values("laureate_id"))
        .exists()
    )


# Co-signing an initiative: the page offers it to a laureate's contact until it has signed.
rules.add_perm("laureates.co_sign", is_signed_in & speaks_for_a_laureate_yet_to_sign)

# Changing an initiative's status and milestones: its owners and staff (the service checks it
# again); the page offers those forms only to them.
rules.add_perm("laureates.lead_initiative", is_staff_member | (is_signed_in & leads_initiative))
