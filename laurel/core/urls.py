from django.urls import path

from laurel.core import views

app_name = "audit"
urlpatterns = [
    path("staff/audit/", views.audit_log, name="log"),
    path("staff/tasks/", views.task_list, name="tasks"),
    path("staff/tasks/<uuid:pk>/retry/", views.task_retry, name="task_retry"),
]
