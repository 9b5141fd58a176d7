from django.urls import path

from laurel.laureates import cohort_views, finance_views, summit_views, support_views, views

app_name = "laureates"
urlpatterns = [
    path("programme/", views.home, name="home"),
    path("programme/bank/", views.bank, name="bank"),
    path("programme/summit/", views.summit, name="summit"),
    path("programme/support/", views.support, name="support"),
    path("programme/cohort/", cohort_views.cohort, name="cohort"),
    path("programme/cohort/posts/", cohort_views.new_post, name="new_post"),
    path("programme/cohort/posts/<int:pk>/", cohort_views.post_page, name="post"),
    path("programme/cohort/initiatives/", cohort_views.new_initiative, name="new_initiative"),
    path("programme/cohort/initiatives/<int:pk>/", cohort_views.initiative_page, name="initiative"),
    path("programme/cohort/initiatives/<int:pk>/sign/", cohort_views.sign, name="sign"),
    path(
        "programme/cohort/initiatives/<int:pk>/status/",
        cohort_views.initiative_status,
        name="initiative_status",
    ),
    path(
        "programme/cohort/initiatives/<int:pk>/milestones/",
        cohort_views.initiative_milestone,
        name="initiative_milestone",
    ),
    path("programme/cohort/library/", cohort_views.share, name="share"),
    path("programme/cohort/library/<int:pk>/", cohort_views.document, name="document"),
    path("programme/cohort/events/", cohort_views.event, name="event"),
    path("programme/cohort/digest/", cohort_views.digest, name="digest"),
    path("staff/support/", support_views.overview, name="support_overview"),
    path("staff/support/<int:pk>/", support_views.plan, name="support_plan"),
    path("staff/support/<int:pk>/objectives/", support_views.objective, name="objective"),
    path("staff/support/<int:pk>/milestones/", support_views.milestone, name="milestone"),
    path(
        "staff/support/<int:pk>/milestones/<int:milestone_pk>/",
        support_views.status,
        name="milestone_status",
    ),
    path("staff/support/<int:pk>/sessions/", support_views.session, name="session"),
    path("programme/summit/delegates/<int:pk>/passport/", views.passport, name="passport"),
    path("programme/summit/delegates/<int:pk>/", views.delegate, name="delegate"),
    path("programme/summit/delegates/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("staff/summit/", summit_views.summit, name="staff_summit"),
    path("staff/summit/guests.csv", summit_views.guests_csv, name="guests_csv"),
    path("staff/summit/information/", summit_views.information, name="information"),
    path("staff/summit/delegates/<int:pk>/confirm/", summit_views.confirm, name="confirm"),
    path("staff/summit/visas/<int:pk>/", summit_views.visa, name="visa"),
    path(
        "staff/summit/visas/<int:pk>/reveal/", summit_views.reveal_passport, name="reveal_passport"
    ),
    path("staff/summit/visas/<int:pk>/approve/", summit_views.approve_visa, name="approve_visa"),
    path("staff/summit/visas/<int:pk>/letter.pdf", summit_views.visa_letter, name="visa_letter"),
    path("staff/prizes/", finance_views.payments, name="payments"),
    path("staff/prizes/prizes.csv", finance_views.export_csv, name="payments_csv"),
    path("staff/prizes/pain001/", finance_views.export_pain, name="pain001"),
    path("staff/prizes/account/", finance_views.paying_account, name="paying_account"),
    path(
        "staff/prizes/account/<int:pk>/approve/",
        finance_views.approve_paying_account,
        name="approve_paying_account",
    ),
    path(
        "staff/prizes/account/<int:pk>/reject/",
        finance_views.reject_paying_account,
        name="reject_paying_account",
    ),
    path("staff/prizes/laureates/<int:pk>/request/", finance_views.request_payment, name="request"),
    path("staff/prizes/<int:pk>/", finance_views.payment, name="payment"),
    path(
        "staff/prizes/<int:pk>/screen/",
        finance_views.screen_signatory,
        name="screen_signatory",
    ),
    path(
        "staff/prizes/<int:pk>/screening.pdf",
        finance_views.screening_record,
        name="screening_record",
    ),
    path("staff/prizes/<int:pk>/reveal/", finance_views.reveal, name="reveal"),
    path("staff/prizes/<int:pk>/proof/", finance_views.proof, name="proof"),
    path("staff/prizes/<int:pk>/paid/", finance_views.paid, name="paid"),
    path("staff/prizes/<int:pk>/<str:action>/", finance_views.step, name="step"),
]
