from django.urls import path, re_path

from laurel.accounts import views

app_name = "accounts"
urlpatterns = [
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("staff/users/", views.user_list, name="users"),
    path("staff/users/invite/", views.invite, name="invite"),
    path("staff/users/invite-list/", views.invite_list, name="invite_list"),
    path("staff/users/<int:pk>/active/", views.user_active, name="user_active"),
    path("staff/users/<int:pk>/email/", views.user_email, name="user_email"),
    path("staff/roles/<int:pk>/remove/", views.role_remove, name="role_remove"),
    path("staff/invitations/<int:pk>/resend/", views.invitation_resend, name="invitation_resend"),
    path("staff/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    # allauth's reset page, answered in the same time for any address (before allauth's own).
    path("accounts/password/reset/", views.password_reset),
    # allauth's address pages are closed (matched here, before allauth's own at accounts/).
    path("accounts/email/", views.email_pages_closed),
    path("accounts/confirm-email/", views.email_pages_closed),
    re_path(r"^accounts/confirm-email/(?P<key>[^/]+)/$", views.email_pages_closed),
]
