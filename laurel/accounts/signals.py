"""What other apps hear about accounts. Sent inside the service's transaction."""

from django.dispatch import Signal

# invitation=<Invitation>, user=<User>: an invitation was accepted; the user now holds its role.
# Apps above accounts tie what the invitation was sent for (a laureate's contact) to this user
# by id: rights never follow an email address, which can change.
invitation_accepted = Signal()

# user=<User>, old=<str>, new=<str>, actor=<User>: staff changed the user's sign-in address.
# Apps above accounts move the mail they send this person there (never a right: rights follow
# the user id).
email_changed = Signal()
