from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "laurel.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from laurel.api import rules  # noqa: F401  (the permissions)
