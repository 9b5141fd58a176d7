from django.db.models import QuerySet

from laurel.laureates.models import Laureate


def laureates_of(user) -> QuerySet:
    """The laureates a signed-in contact acts for (by the address they were invited at)."""
    return (
        Laureate.objects.filter(
            contacts__email__iexact=user.email,
            cycle__role_grants__user=user,
            cycle__role_grants__role="laureate_contact",
        )
        .select_related("candidate", "cycle")
        .distinct()
    )


def cohort(cycle) -> QuerySet:
    return (
        Laureate.objects.filter(cycle=cycle)
        .select_related("candidate")
        .prefetch_related("contacts")
        .order_by("candidate__name")
    )
