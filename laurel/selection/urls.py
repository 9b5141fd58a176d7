from django.urls import path

from laurel.selection import decision_views, letter_views, public_views, staff_views, views

app_name = "selection"
urlpatterns = [
    path("selection/", staff_views.home, name="home"),
    path("selection/shortlist/", staff_views.shortlist, name="shortlist"),
    path("selection/shortlist/many/", staff_views.shortlist_many, name="shortlist_many"),
    path("selection/shortlist/<int:pk>/move/", staff_views.move, name="move"),
    path("selection/shortlist/<int:pk>/remove/", staff_views.remove, name="remove"),
    path("selection/shortlist/<int:pk>/record/", staff_views.record_discussion, name="record"),
    path("selection/meeting/", views.meeting, name="meeting"),
    path("selection/meeting/current/", views.meeting_current, name="meeting_current"),
    path("selection/meeting/go/", staff_views.go, name="go"),
    path("selection/rounds/", staff_views.open_round, name="open_round"),
    path("selection/rounds/<int:pk>/", views.round_page, name="round"),
    path("selection/rounds/<int:pk>/close/", staff_views.close_round, name="close_round"),
    path("selection/decision/", decision_views.decision, name="decision"),
    path("selection/decision/suggest/", decision_views.suggest, name="suggest"),
    path("selection/decision/override/", decision_views.override, name="override"),
    path("selection/decision/places/<int:pk>/", decision_views.write_place, name="place"),
    path(
        "selection/decision/reserves/<int:pk>/move/",
        decision_views.move_reserve,
        name="move_reserve",
    ),
    path("selection/decision/lock/", decision_views.lock, name="lock"),
    path("selection/decision/places/<int:pk>/offer/", decision_views.offer, name="offer"),
    path("selection/decision/report.pdf", decision_views.report_pdf, name="report"),
    path("selection/letters/", letter_views.letters, name="letters"),
    path("selection/letters/<int:pk>/", letter_views.letter, name="letter"),
    path("selection/letters/release/", letter_views.release, name="release"),
    path("laureates/", public_views.laureates, name="laureates"),
    path("laureates.csv", public_views.laureates_csv, name="laureates_csv"),
    path("laureates.json", public_views.laureates_json, name="laureates_json"),
    path("laureate/<str:token>/", public_views.answer, name="answer"),
]
