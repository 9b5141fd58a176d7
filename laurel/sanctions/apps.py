from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SanctionsConfig(AppConfig):
    name = "laurel.sanctions"
    verbose_name = _("Sanctions lists")
