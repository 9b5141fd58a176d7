from django.urls import path

from laurel.laureates import finance_views, views

app_name = "laureates"
urlpatterns = [
    path("programme/", views.home, name="home"),
    path("programme/bank/", views.bank, name="bank"),
    path("staff/prizes/", finance_views.payments, name="payments"),
    path("staff/prizes/prizes.csv", finance_views.export_csv, name="payments_csv"),
    path("staff/prizes/pain001/", finance_views.export_pain, name="pain001"),
    path("staff/prizes/laureates/<int:pk>/request/", finance_views.request_payment, name="request"),
    path("staff/prizes/<int:pk>/", finance_views.payment, name="payment"),
    path("staff/prizes/<int:pk>/reveal/", finance_views.reveal, name="reveal"),
    path("staff/prizes/<int:pk>/proof/", finance_views.proof, name="proof"),
    path("staff/prizes/<int:pk>/paid/", finance_views.paid, name="paid"),
    path("staff/prizes/<int:pk>/<str:action>/", finance_views.step, name="step"),
]
