from django.urls import path

from laurel.sanctions import views

app_name = "sanctions"
urlpatterns = [
    path("staff/sanctions/", views.queue, name="queue"),
    path("staff/sanctions/hits/<int:pk>/", views.hit, name="hit"),
]
