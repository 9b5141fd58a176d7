from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "laurel.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from laurel.core.countries import use_page_collation

        use_page_collation()  # lists of countries in the page language's alphabetical order
