from django.urls import path

from laurel.accounts import views

app_name = "accounts"
urlpatterns = [
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("staff/users/", views.user_list, name="users"),
    path("staff/users/invite/", views.invite, name="invite"),
    path("staff/users/<int:pk>/active/", views.user_active, name="user_active"),
    path("staff/roles/<int:pk>/remove/", views.role_remove, name="role_remove"),
    path("staff/invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("staff/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
]
