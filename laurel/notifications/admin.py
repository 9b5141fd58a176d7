from django.contrib import admin

from laurel.notifications.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "key", "to", "state", "attempts", "last_error"]
    list_filter = ["state", "key"]
    exclude = ["body_text", "body_html"]
    readonly_fields = [
        "key",
        "to",
        "language",
        "subject",
        "state",
        "attempts",
        "sent_at",
        "last_error",
    ]
