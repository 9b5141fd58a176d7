from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("Staff")
    FINANCE = "finance", _("Finance")
    COMMITTEE_MEMBER = "committee_member", _("Committee member")
    COMMITTEE_CHAIR = "committee_chair", _("Committee chair")
    LAUREATE_CONTACT = "laureate_contact", _("Laureate contact")


# Who sits on a cycle's selection committee: its members and its chair (the one definition;
# accounts.queries.committee_members and accounts.rules.sits_on_committee read it).
COMMITTEE_ROLES = frozenset({Role.COMMITTEE_MEMBER, Role.COMMITTEE_CHAIR})
# Roles held across the installation; the others are held in one award cycle.
GLOBAL_ROLES = {Role.STAFF, Role.FINANCE}
CYCLE_ROLES = COMMITTEE_ROLES | {Role.LAUREATE_CONTACT}
# Holders of these roles see sensitive material: they must sign in with a second factor.
SECOND_FACTOR_ROLES = GLOBAL_ROLES | COMMITTEE_ROLES


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")
