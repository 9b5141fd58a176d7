from functools import wraps

from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry, LogEntryManager
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseBase
from django.urls import reverse

from laurel.core.http import safe_next
from laurel.core.models import AuditEntry
from laurel.core.permissions import passed_second_factor
from laurel.core.services import record

# Django's admin is an operator's safety net, kept for superusers made with createsuperuser.
# It has no sign-in of its own (that one took a password alone and had no rate limit): it
# sends people to allauth's, with its second factor and back-off, and it opens only for a
# session that passed the second factor. Every change made in it is in Laurel's audit log.


def sign_in_through_allauth(request, extra_context=None):
    if request.user.is_authenticated:
        # Signed in, yet refused by the admin: not a superuser, or no second factor this
        # session. The admin does not exist for them.
        raise Http404
    return redirect_to_login(safe_next(request, reverse("admin:index")))


def has_permission(request) -> bool:
    user = request.user
    return user.is_active and user.is_superuser and passed_second_factor(request)


admin.site.login = sign_in_through_allauth
admin.site.has_permission = has_permission


def _audit_log_entry(entry: LogEntry) -> None:
    content_type = entry.content_type
    model = f"{content_type.app_label}.{content_type.model}" if content_type else ""
    record(
        f"admin.{ADMIN_VERBS.get(entry.action_flag, 'changed')}",
        actor=entry.user,
        summary=f"{model} {entry.object_repr}",
        data={
            "model": model,
            "object_id": str(entry.object_id or ""),
            "change": entry.get_change_message(),
        },
    )


ADMIN_VERBS = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}
_log_actions = LogEntryManager.log_actions


def _log_actions_and_audit(self, *args, **kwargs):
    """Every admin addition, change and deletion goes through LogEntry.objects.log_actions
    (one object, or many in a bulk delete): each is copied into Laurel's audit log."""
    entries = _log_actions(self, *args, **kwargs)
    for entry in entries if isinstance(entries, list) else [entries]:
        _audit_log_entry(entry)
    return entries


_get_actions = admin.ModelAdmin.get_actions


def _audited_action(func, name: str):
    @wraps(func)
    def run(modeladmin, request, queryset):
        ids = [str(pk) for pk in queryset.values_list("pk", flat=True)[:1000]]
        response = func(modeladmin, request, queryset)
        if not isinstance(response, HttpResponseBase):  # done (not a confirmation page)
            opts = modeladmin.model._meta
            record(
                "admin.action_run",
                actor=request.user,
                summary=f"{opts.label_lower} {name} × {len(ids)}",
                data={"model": opts.label_lower, "action": name, "object_ids": ids},
            )
        return response

    return run


def _get_audited_actions(self, request):
    """Admin actions (bulk deletes, or any added later) leave an audit entry when they run."""
    return {
        name: (_audited_action(func, name), action_name, description)
        for name, (func, action_name, description) in _get_actions(self, request).items()
    }


# Django has no hook for every admin model at once (allauth's and Django's own included): the
# two funnels every admin write passes through are wrapped, once, when the admin loads.
LogEntryManager.log_actions = _log_actions_and_audit
admin.ModelAdmin.get_actions = _get_audited_actions


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "key", "actor_label", "subject_type", "subject_id", "summary"]
    list_filter = ["subject_type"]
    search_fields = ["key", "actor_label", "summary"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
