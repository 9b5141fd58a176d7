from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "laurel.privacy"
    verbose_name = _("Data protection")

    def ready(self) -> None:
        from django.core import checks

        from laurel.privacy import policy, rules  # noqa: F401  (the permissions)

        checks.register(policy.check_policy)
