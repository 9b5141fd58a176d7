from django.urls import path

from laurel.review import committee_views, staff_views, views

app_name = "review"
urlpatterns = [
    path("committee/", views.home, name="home"),
    path("committee/profile/", views.profile, name="profile"),
    path("committee/candidates/<int:pk>/", views.candidate, name="candidate"),
    path("committee/candidates/<int:pk>/conflict/", views.declare, name="declare"),
    path("committee/candidates/<int:pk>/review/", views.review, name="review"),
    path("committee/candidates/<int:pk>/dossier.pdf", views.dossier_pdf, name="dossier_pdf"),
    path("committee/candidates/<int:pk>/discussion/", views.comment, name="comment"),
    path(
        "committee/candidates/<int:pk>/documents/<int:document_pk>/",
        views.document,
        name="document",
    ),
    path("committee/conflicts/<int:pk>/", views.decide, name="decide"),
    path("committee/conflicts/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("staff/review/assignment/", staff_views.assignment, name="assignment"),
    path("staff/review/assignment/publish/", staff_views.publish, name="publish"),
    path("staff/review/assignment.csv", staff_views.assignments_csv, name="assignments_csv"),
    path("staff/review/assignment/by-hand/", staff_views.by_hand, name="by_hand"),
    path("staff/review/assignment/import/", staff_views.import_csv, name="import"),
    path("staff/review/assignment/<int:pk>/remove/", staff_views.remove, name="remove"),
    path("staff/review/conflicts/", staff_views.conflict_register, name="conflicts"),
    path("staff/review/conflicts/add/", committee_views.add, name="conflict_add"),
    path("staff/review/conflicts/<int:pk>/", committee_views.edit, name="conflict_edit"),
    path("staff/review/conflicts/<int:pk>/remove/", committee_views.remove, name="conflict_remove"),
    path("staff/review/results/", staff_views.results, name="results"),
    path("staff/review/progress/", staff_views.progress, name="progress"),
    path("staff/review/progress/remind/", committee_views.remind, name="remind"),
    path("staff/review/visibility/", staff_views.visibility, name="visibility"),
]
