from django.contrib import admin

from laurel.core.models import AuditEntry


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
