import allauth.account.admin  # noqa: F401  (registers EmailAddress, unregistered below)
from allauth.account.models import EmailAddress
from allauth.mfa import admin as allauth_mfa_admin
from allauth.mfa.models import Authenticator
from django.contrib import admin

from laurel.accounts.models import Invitation, RoleGrant, User

# allauth's own admin shows an authenticator's data: the (encrypted) TOTP secret and recovery
# seed. Replace it with one that shows only what kind of factor it is and when it was used.
admin.site.unregister(Authenticator)
# allauth's address rows: sign-in and password reset find an account by them too, so a row
# added here would route another account's reset to any address. They are not edited by hand.
admin.site.unregister(EmailAddress)


@admin.register(Authenticator)
class AuthenticatorAdmin(allauth_mfa_admin.AuthenticatorAdmin):
    exclude = ["data"]
    readonly_fields = ["user", "type", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0

    # No one gives or takes their own roles here: a superuser would make themselves finance.
    @staticmethod
    def _own(request, obj) -> bool:
        return obj is not None and obj.pk == request.user.pk

    def has_add_permission(self, request, obj=None):
        return not self._own(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._own(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._own(request, obj) and super().has_delete_permission(request, obj)


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "is_active", "is_superuser", "last_login"]
    search_fields = ["email", "full_name"]
    exclude = ["password", "groups", "user_permissions"]
    # Making a superuser is done deliberately with createsuperuser, not with a tick box.
    readonly_fields = ["is_superuser", "last_login", "date_joined"]
    inlines = [RoleGrantInline]

    def get_readonly_fields(self, request, obj=None):
        # A sign-in address changes only through the staff page (confirmed, audited as
        # user.email_changed, both addresses told): silently here, a password reset to the new
        # address would take the account over.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "email"] if obj is not None else fields


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "role",
        "cycle",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    exclude = ["token_hash"]
    # Who is invited, to what, and by whom are fixed when staff send it: changing the role of
    # a pending invitation here would make its holder finance or a chair without anyone
    # inviting them to that. (The admin makes none: it could not send the link.)
    readonly_fields = ["email", "role", "cycle", "accepted_at", "accepted_by", "invited_by"]

    def has_add_permission(self, request):
        return False
