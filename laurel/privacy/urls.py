from django.urls import path

from laurel.privacy import views

app_name = "privacy"
urlpatterns = [
    path("staff/retention/", views.retention_page, name="retention"),
    path("staff/retention/apply/", views.retention_apply, name="retention_apply"),
    path("staff/requests/", views.request_list, name="requests"),
    path("staff/requests/<int:pk>/", views.request_detail, name="request"),
    path(
        "staff/requests/<int:pk>/export.<str:fmt>",
        views.request_export,
        name="request_export",
    ),
    path("staff/requests/<int:pk>/correct/", views.request_correct, name="request_correct"),
    path("staff/requests/<int:pk>/erase/", views.request_erase, name="request_erase"),
    path("staff/requests/<int:pk>/restrict/", views.request_restrict, name="request_restrict"),
    path("staff/requests/<int:pk>/close/", views.request_close, name="request_close"),
]
