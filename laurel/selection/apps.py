from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "laurel.selection"
    label = "selection"
    verbose_name = _("Selection")

    def ready(self) -> None:
        from laurel.cycles.phases import STILL_OPEN_SOURCES
        from laurel.selection.phase_work import still_open

        if still_open not in STILL_OPEN_SOURCES:
            STILL_OPEN_SOURCES.append(still_open)
        from laurel.cycles.queries import DASHBOARD_NEWS, DASHBOARD_SOURCES
        from laurel.selection.dashboard import answer_counts, answer_news, review_counts

        if answer_counts not in DASHBOARD_SOURCES:
            DASHBOARD_SOURCES.extend([review_counts, answer_counts])
            DASHBOARD_NEWS.append(answer_news)
