from django.urls import path

from laurel.nominations import views

app_name = "nominations"
urlpatterns = [
    path("", views.call_page, name="call"),
    path("privacy/", views.privacy, name="privacy"),
]
