from django.urls import path

from laurel.cycles import views

app_name = "staff"
urlpatterns = [
    path("staff/", views.dashboard, name="dashboard"),
    path("staff/cycles/<slug:slug>/", views.cycle_detail, name="cycle"),
    path("staff/cycles/<slug:slug>/edit/", views.cycle_edit, name="cycle_edit"),
    path("staff/cycles/<slug:slug>/phase/", views.move_phase, name="move_phase"),
    path(
        "staff/cycles/<slug:slug>/criteria/<int:number>/edit/",
        views.criterion_edit,
        name="criterion_edit",
    ),
    path("staff/cycles/<slug:slug>/questions/new/", views.question_edit, name="question_new"),
    path(
        "staff/cycles/<slug:slug>/questions/<str:key>/edit/",
        views.question_edit,
        name="question_edit",
    ),
    path(
        "staff/cycles/<slug:slug>/benefits/<int:number>/edit/",
        views.benefit_edit,
        name="benefit_edit",
    ),
]
