"""The committee's discussion of a candidate: hidden from conflicted members; a mention
(@ and the start of a member's email address, such as @alice) tells that member by email."""

import re

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.candidates.models import Candidate
from laurel.core.services import record
from laurel.notifications.services import queue_email
from laurel.review.models import Comment
from laurel.review.services.committee import ReviewError, blocking_pairs, committee_of

MENTION = re.compile(r"(?<![\w@.])@([\w.+-]+)")


def mentioned(text: str, members: list[User]) -> list[User]:
    """Members a message mentions: @alice is the member whose address starts with alice@."""
    names = {name.lower() for name in MENTION.findall(text)}
    return [m for m in members if m.email.split("@")[0].lower() in names]


@transaction.atomic
def post_comment(author: User, candidate: Candidate, *, text: str) -> Comment:
    cycle = candidate.cycle
    members = committee_of(cycle)
    blocked = {m for c, m in blocking_pairs(cycle) if c == candidate.pk}
    if author not in members or author.pk in blocked or not candidate.ready_for_committee:
        raise ReviewError(_("You cannot take part in this candidate's discussion."))
    text = text.strip()
    if not text:
        raise ReviewError(_("Write a message first."))
    told = [m for m in mentioned(text, members) if m.pk not in blocked and m != author]
    comment = Comment.objects.create(
        candidate=candidate, author=author, text=text[:4000], mentions=[m.pk for m in told]
    )
    for member in told:
        language = member.language or settings.LANGUAGE_CODE
        with translation.override(language):
            url = settings.SITE_URL + reverse("review:candidate", args=[candidate.pk])
        # The message itself stays in Laurel: the email says where, not what.
        queue_email(
            "discussion_mention",
            to=member.email,
            language=language,
            context={"candidate": candidate, "cycle": cycle, "author": author, "url": url},
        )
    record(
        "discussion.posted",
        actor=author,
        subject=candidate,
        data={"comment": comment.pk, "mentions": len(told)},
    )
    return comment
