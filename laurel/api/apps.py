from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "laurel.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from laurel.accounts.models import RoleGrant
        from laurel.api import rules  # noqa: F401  (the permissions)
        from laurel.api.tokens import on_role_removed

        # accounts cannot call the api app (it sits below it): it hears of a removed role.
        post_delete.connect(on_role_removed, sender=RoleGrant, dispatch_uid="api_tokens")
