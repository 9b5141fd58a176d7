from django.urls import path

from laurel.privacy import views

app_name = "privacy"
urlpatterns = [
    path("staff/retention/", views.retention_page, name="retention"),
    path("staff/retention/apply/", views.retention_apply, name="retention_apply"),
]
