"""Reviews: drafts saved as members go, submitted, revised while the review phase lasts; who sees
whose reviews."""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.models import Candidate
from laurel.core.services import record, transition
from laurel.cycles.models import Cycle
from laurel.cycles.phases import allows, require_phase, stored_phase
from laurel.notifications.models import OutgoingEmail
from laurel.notifications.services import queue_email
from laurel.review.enums import (
    BLOCKING_STATES,
    REVIEW_TRANSITIONS,
    AssignmentState,
    Recommendation,
    ReviewState,
    Visibility,
)
from laurel.review.models import Assignment, CommitteeSettings, Conflict, Review
from laurel.review.services.committee import ReviewError

# A member reminded this recently (by "Remind now" or the scheduled reminders) is not reminded
# again: a double click, or two members of staff at once, send one email.
REMIND_AGAIN_AFTER = timedelta(hours=12)


def in_review_phase(candidate: Candidate) -> bool:
    """Reviews are open while the cycle is in the review phase (its stored phase: staff move it
    on, and the chair's lock comes after it; the review dates only plan it and drive reminders)."""
    return allows(stored_phase(candidate.cycle_id), "review")


def _check_may_review(member: User, candidate: Candidate) -> None:
    if Conflict.objects.filter(
        member=member, candidate=candidate, state__in=BLOCKING_STATES
    ).exists():
        raise ReviewError(_("You have a conflict with this candidate: you cannot review it."))
    if not Assignment.objects.filter(
        member=member, candidate=candidate, state=AssignmentState.PUBLISHED
    ).exists():
        raise ReviewError(_("This candidate is not assigned to you."))


def _clean_scores(candidate: Candidate, scores: dict[str, Any]) -> dict[str, int]:
    cycle = candidate.cycle
    numbers = {str(c.number) for c in cycle.criteria.all()}
    cleaned = {}
    for number, value in scores.items():
        if value in (None, ""):
            continue
        if str(number) not in numbers:
            raise ReviewError(_("There is no criterion %(number)s.") % {"number": number})
        try:
            score = int(str(value).strip())  # 4.5 is no score; "4" and 4 are
        except (TypeError, ValueError):
            score = None
        if score is None or not cycle.score_min <= score <= cycle.score_max:
            raise ReviewError(
                _("Scores go from %(low)d to %(high)d.")
                % {"low": cycle.score_min, "high": cycle.score_max}
            )
        cleaned[str(number)] = score
    return cleaned


# What a member writes in a review (save_review saves these, and the state when it moves).
REVIEW_FIELDS = ["scores", "comments", "recommendation", "overall", "abstained", "abstain_reason"]


@transaction.atomic
def save_review(
    member: User,
    candidate: Candidate,
    *,
    scores: dict[str, Any],
    comments: dict[str, str],
    recommendation: str = "",
    overall: str = "",
    abstained: bool = False,
    abstain_reason: str = "",
    submit: bool = False,
    autosave: bool = False,
) -> Review:
    """Save what the member has written; with `submit`, it must be complete (every criterion
    scored and a recommendation, or an abstention with its reason), and a submitted review stays
    complete when revised. An `autosave` (sent while typing) never touches a submitted review:
    one still in flight when the member submitted would put back older answers. Nothing is
    half-saved: a refused save changes nothing."""
    require_phase(candidate.cycle_id, "review")
    _check_may_review(member, candidate)
    cleaned = _clean_scores(candidate, scores)
    if recommendation and recommendation not in Recommendation.values:
        raise ReviewError(_("Choose a recommendation from the list."))
    review, _created = Review.objects.select_for_update().get_or_create(
        candidate=candidate, member=member, defaults={"cycle": candidate.cycle}
    )
    was_submitted = review.state == ReviewState.SUBMITTED
    if autosave and was_submitted:
        raise ReviewError(_("Submitted: save the revised review with its button."))
    criteria = {str(c.number) for c in candidate.cycle.criteria.all()}
    if submit or was_submitted:
        if abstained and not abstain_reason.strip():
            raise ReviewError(_("Say why you abstain."))
        if not abstained and (set(cleaned) != criteria or not recommendation):
            raise ReviewError(
                _("To submit, score every criterion and give a recommendation (or abstain).")
            )
    review.scores = {} if abstained else cleaned
    review.comments = {k: v.strip()[:4000] for k, v in comments.items() if k in criteria and v}
    review.recommendation = "" if abstained else recommendation
    review.overall = overall.strip()[:4000]
    review.abstained = abstained
    review.abstain_reason = abstain_reason.strip()[:500] if abstained else ""
    if not (submit or was_submitted):
        review.save(update_fields=[*REVIEW_FIELDS, "updated_at"])
        return review
    review.submitted_at = timezone.now()
    transition(
        review,
        ReviewState.SUBMITTED,
        REVIEW_TRANSITIONS,
        key="review.revised" if was_submitted else "review.submitted",
        actor=member,
        fields=[*REVIEW_FIELDS, "submitted_at"],
        subject=candidate,
        data={"review": review.pk, "abstained": abstained},
    )
    return review


def visibility_of_cycle(cycle: Cycle) -> str:
    settings = CommitteeSettings.objects.filter(cycle=cycle).first()
    return settings.visibility if settings else Visibility.AFTER_OWN


def visibility_of(candidate: Candidate) -> str:
    return visibility_of_cycle(candidate.cycle)


def others_visible(member: User, candidate: Candidate) -> bool:
    """Whether the member may read the other members' reviews of this candidate now."""
    if Conflict.objects.filter(
        member=member, candidate=candidate, state__in=BLOCKING_STATES
    ).exists():
        return False
    mode = visibility_of(candidate)
    if mode == Visibility.ALWAYS:
        return True
    if mode == Visibility.NEVER:
        return False
    return Review.objects.filter(
        member=member, candidate=candidate, state=ReviewState.SUBMITTED
    ).exists()


@transaction.atomic
def set_visibility(cycle: Cycle, *, visibility: str, actor: User) -> CommitteeSettings:
    """When members see each other's reviews, for the whole review phase."""
    if visibility not in Visibility.values:
        raise ReviewError(_("Choose when members see each other's reviews."))
    settings, _created = CommitteeSettings.objects.update_or_create(
        cycle=cycle, defaults={"visibility": visibility}
    )
    record("review.visibility_set", actor=actor, subject=cycle, data={"visibility": visibility})
    return settings


REMINDER = "review_reminder"


def unfinished(cycle: Cycle) -> dict[int, int]:
    """member id → how many of their published assignments have no submitted review."""
    done = set(
        Review.objects.filter(cycle=cycle, state=ReviewState.SUBMITTED).values_list(
            "candidate_id", "member_id"
        )
    )
    counts: dict[int, int] = {}
    for candidate_id, member_id in Assignment.objects.filter(
        cycle=cycle, state=AssignmentState.PUBLISHED
    ).values_list("candidate_id", "member_id"):
        if (candidate_id, member_id) not in done:
            counts[member_id] = counts.get(member_id, 0) + 1
    return counts


def send_reminders(cycle: Cycle, members: list[User], counts: dict[int, int]) -> None:
    """One reminder email to each member, saying how many reviews they have left."""
    for member in members:
        language = member.language or settings.LANGUAGE_CODE
        with translation.override(language):
            url = settings.SITE_URL + reverse("review:home")
        queue_email(
            REMINDER,
            to=member.email,
            language=language,
            context={"cycle": cycle, "count": counts[member.pk], "url": url},
        )


@transaction.atomic
def remind_before_deadline(cycle_id: int) -> str:
    """The scheduled reminder before the review deadline (assigning.REMINDERS): members with
    unfinished reviews are reminded."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None or timezone.now() >= cycle.review_close_at:
        return "too late"
    counts = unfinished(cycle)
    send_reminders(cycle, list(User.objects.filter(pk__in=counts, is_active=True)), counts)
    record("review.reminded", subject=cycle, data={"members": len(counts)})
    return f"reminded {len(counts)}"


@dataclass
class Reminded:
    """Who "Remind now" reached, and who was left alone because reminded a moment ago."""

    reminded: list[User] = field(default_factory=list)
    recently: list[User] = field(default_factory=list)
    counts: dict[int, int] = field(default_factory=dict)


def reminder_plan(cycle: Cycle) -> Reminded:
    """Who a reminder would go to now: each active member with reviews missing, unless reminded
    within REMIND_AGAIN_AFTER."""
    counts = unfinished(cycle)
    members = list(User.objects.filter(pk__in=counts, is_active=True).order_by("email"))
    since = timezone.now() - REMIND_AGAIN_AFTER
    recent = set(
        OutgoingEmail.objects.filter(
            key=REMINDER, to__in=[m.email for m in members], created_at__gte=since
        ).values_list("to", flat=True)
    )
    plan = Reminded(counts=counts)
    for member in members:
        (plan.recently if member.email in recent else plan.reminded).append(member)
    return plan


@transaction.atomic
def remind_missing_reviews(cycle: Cycle, *, actor: User) -> Reminded:
    """Staff's "Remind now": one reminder email to each member with reviews missing, through the
    same email as the scheduled reminders; nobody twice within REMIND_AGAIN_AFTER."""
    require_phase(cycle, "review")
    Cycle.objects.select_for_update().filter(pk=cycle.pk).first()  # one click at a time
    plan = reminder_plan(cycle)
    send_reminders(cycle, plan.reminded, plan.counts)
    record(
        "review.reminded",
        actor=actor,
        subject=cycle,
        data={
            "members": [m.pk for m in plan.reminded],
            "skipped_recently_reminded": [m.pk for m in plan.recently],
        },
    )
    return plan
