from django.contrib import admin

from laurel.notifications.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "key", "to", "state", "attempts", "last_error"]
    list_filter = ["state", "key"]
    # The bodies are personal data; the links (decrypted on read) are capabilities.
    exclude = ["body_text", "body_html", "links"]
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
