from django.urls import path

from laurel.candidates import (
    bulk_views,
    contact_views,
    dossier_views,
    screening_views,
    staff_views,
    views,
)

app_name = "candidates"
urlpatterns = [
    path("staff/candidates/", bulk_views.candidate_list, name="list"),
    path("staff/candidates/duplicates/", staff_views.suggestion_list, name="suggestions"),
    path("staff/candidates/overview/", staff_views.overview, name="overview"),
    path("staff/candidates/duplicates/refresh/", staff_views.refresh, name="refresh"),
    path("staff/candidates/tell-nominators/", screening_views.tell_nominators, name="tell"),
    path(
        "staff/candidates/duplicates/<int:pk>/",
        staff_views.suggestion_decide,
        name="suggestion_decide",
    ),
    path(
        "staff/candidates/duplicates/<int:pk>/group/",
        staff_views.group_decide,
        name="group_decide",
    ),
    path(
        "staff/candidates/duplicates/<int:pk>/reopen/",
        staff_views.suggestion_reopen,
        name="suggestion_reopen",
    ),
    path("staff/candidates/<int:pk>/", staff_views.candidate_detail, name="detail"),
    path("staff/candidates/<int:pk>/screen/", screening_views.screen, name="screen"),
    path("staff/candidates/<int:pk>/merge/", staff_views.merge, name="merge"),
    path("staff/candidates/<int:pk>/note/", staff_views.note, name="note"),
    path("staff/candidates/<int:pk>/kinds/", staff_views.tag, name="tag"),
    path("staff/candidates/merges/<int:pk>/undo/", staff_views.undo, name="undo"),
    path(
        "staff/candidates/<int:pk>/split/<int:nomination_pk>/",
        staff_views.split,
        name="split",
    ),
]
urlpatterns += [
    path(
        "staff/candidates/<int:pk>/nominations/<int:nomination_pk>/",
        staff_views.nomination_text,
        name="nomination",
    ),
]
urlpatterns += [
    path("staff/candidates/<int:pk>/diligence/", dossier_views.diligence, name="diligence"),
    path("staff/candidates/<int:pk>/documents/", dossier_views.document_add, name="document_add"),
    path(
        "staff/candidates/<int:pk>/documents/<int:document_pk>/",
        dossier_views.document_download,
        name="document_download",
    ),
    path(
        "staff/candidates/<int:pk>/nominations/<int:nomination_pk>/committee-version/",
        dossier_views.committee_version,
        name="committee_version",
    ),
    path("staff/candidates/<int:pk>/ready/", dossier_views.ready, name="ready"),
    path("staff/candidates/<int:pk>/invite/", dossier_views.invite, name="invite"),
    path("organisation/<str:token>/", views.claim, name="claim"),
]
urlpatterns += [
    path("staff/candidates/<int:pk>/contact/", contact_views.contact, name="contact"),
    path(
        "staff/candidates/<int:pk>/contact/from-answer/<int:claim_pk>/",
        contact_views.use_claim,
        name="use_claim",
    ),
]
urlpatterns += [
    path("staff/candidates/bulk/", bulk_views.bulk, name="bulk"),
    path("staff/candidates/progress/", bulk_views.progress, name="progress"),
]
