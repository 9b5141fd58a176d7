from django.urls import path

from laurel.laureates import views

app_name = "laureates"
urlpatterns = [
    path("programme/", views.home, name="home"),
]
