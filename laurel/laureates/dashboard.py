"""What the staff dashboard shows of the programme: prize payments and visa requests waiting
for someone, and delegates to confirm (cycles.queries, DASHBOARD_SOURCES)."""

from django.db.models import Count, Q

from laurel.cycles.models import Cycle
from laurel.laureates.enums import DelegateState, PaymentState, VisaState
from laurel.laureates.models import Delegate, Laureate, Payment, VisaRequest


def programme_counts(cycle: Cycle) -> dict[str, int]:
    """Nothing before the cycle has a laureate (no tiles); then every figure, zeros too."""
    if not Laureate.objects.filter(cycle=cycle).exists():
        return {}
    payments = Payment.objects.filter(laureate__cycle=cycle).aggregate(
        payments_to_verify=Count("pk", filter=Q(state=PaymentState.REQUESTED)),
        payments_to_approve=Count("pk", filter=Q(state=PaymentState.VERIFIED)),
        payments_to_export=Count("pk", filter=Q(state=PaymentState.APPROVED)),
    )
    visas = VisaRequest.objects.filter(
        delegate__laureate__cycle=cycle, state=VisaState.REQUESTED
    ).count()
    delegates = Delegate.objects.filter(
        laureate__cycle=cycle, state=DelegateState.REGISTERED
    ).count()
    return payments | {"visas_to_approve": visas, "delegates_to_confirm": delegates}
