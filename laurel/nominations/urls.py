from django.urls import path

from laurel.nominations import public_views, staff_views, submission_views, views

app_name = "nominations"
urlpatterns = [
    path("", public_views.call_page, name="call"),
    path("privacy/", public_views.privacy, name="privacy"),
    path("nominate/", views.nominate, name="nominate"),
    path("nominate/challenge/", views.altcha_challenge, name="challenge"),
    path("nominate/n/<str:token>/", views.manage, name="manage"),
    path("nominate/n/<str:token>/review/", submission_views.review, name="review"),
    path("nominate/n/<str:token>/submitted/", submission_views.submitted, name="submitted"),
    path("nominate/n/<str:token>/withdraw/", submission_views.withdraw, name="withdraw"),
    path("nominate/confirm/<str:token>/", submission_views.confirm, name="confirm"),
    path("staff/nominations/", staff_views.nomination_list, name="staff_list"),
    path("staff/nominations/late-codes/", staff_views.late_code_new, name="late_code_new"),
    path("staff/nominations/<int:pk>/release/", staff_views.release, name="release"),
    path(
        "staff/nominations/<int:pk>/documents/<int:attachment_pk>/",
        staff_views.attachment_download,
        name="attachment_download",
    ),
]
