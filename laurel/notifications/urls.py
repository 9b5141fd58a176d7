from django.urls import path

from laurel.notifications import views

app_name = "outbox"
urlpatterns = [
    path("staff/outbox/", views.outbox_list, name="list"),
    path("staff/outbox/<int:pk>/release/", views.email_release, name="release"),
    path("staff/outbox/<int:pk>/cancel/", views.email_cancel, name="cancel"),
]
