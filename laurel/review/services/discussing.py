"""The committee's discussion of a candidate: hidden from conflicted members; a mention tells
that member by email.

How a mention is read (the hint under the message box says the same):
- @ and a member's full name as it is written, "@Alice Berg" (the longest name that fits wins);
- or @ and the start of their email address's local part or of one of their names: @alice,
  @ali, @berg, @aliceberg, as long as only one member fits. A word that fits one member
  exactly wins over words it merely starts;
- punctuation after a mention ends it: "@alice." and "(@ali)" mention alice;
- an address in the text (bob@example.org) is no mention.
A mention that fits several members, or none, notifies nobody and is pointed out to the writer,
as is a member with a conflict with the candidate: they cannot see the discussion and are
never notified. After posting, the writer is told who was notified.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from laurel.accounts.models import User
from laurel.accounts.names import display_name
from laurel.candidates.models import Candidate
from laurel.core.services import record
from laurel.notifications.services import queue_email
from laurel.review.models import Comment
from laurel.review.services.committee import ReviewError, blocking_pairs, committee_of

MENTION = re.compile(r"(?<![\w@.])@([\w.+-]+)")
# Punctuation that ends a sentence or a bracket, not a mention.
TRAILING = ".,;:!?)"


@dataclass
class Mentions:
    """A message's mentions read against the committee: whom they name (in the order written),
    and what they could not name."""

    members: list[User] = field(default_factory=list)
    ambiguous: list[tuple[str, list[User]]] = field(default_factory=list)  # ("@al", fits)
    unknown: list[str] = field(default_factory=list)  # "@zed"

    def add(self, member: User) -> None:
        if member not in self.members:
            self.members.append(member)


def _words(member: User) -> list[str]:
    """What a mention may start: the local part of the address, each name, the whole name."""
    names = (member.full_name or "").casefold().split()
    keys = [member.email.split("@")[0].casefold(), *names]
    if len(names) > 1:
        keys.append("".join(names))
    return keys


def _by_full_name(rest: str, members: list[User]) -> list[User]:
    """The members whose full name (two words or more) the text after @ starts with, followed
    by a word's end: the longest such name."""
    rest = rest.casefold()
    fits: list[tuple[int, User]] = []
    for member in members:
        name = " ".join((member.full_name or "").casefold().split())
        if " " not in name or not rest.startswith(name):
            continue
        after = rest[len(name) : len(name) + 1]
        if not after or not (after.isalnum() or after == "_"):
            fits.append((len(name), member))
    if not fits:
        return []
    longest = max(length for length, _member in fits)
    return [member for length, member in fits if length == longest]


def _by_start(word: str, members: list[User]) -> list[User]:
    exact = [m for m in members if word in _words(m)]
    if exact:
        return exact
    return [m for m in members if any(key.startswith(word) for key in _words(m))]


def read_mentions(text: str, members: list[User]) -> Mentions:
    """The members a message mentions, and the mentions that name nobody or several."""
    found = Mentions()
    for match in MENTION.finditer(text):
        word = match.group(1).rstrip(TRAILING)
        if not word:
            continue
        fits = _by_full_name(text[match.start(1) :], members) or _by_start(word.casefold(), members)
        if len(fits) == 1:
            found.add(fits[0])
        elif fits:
            if all(written != "@" + word for written, _fits in found.ambiguous):
                found.ambiguous.append(("@" + word, fits))
        elif "@" + word not in found.unknown:
            found.unknown.append("@" + word)
    return found


@dataclass(frozen=True)
class Posted:
    """A posted message and what became of its mentions, to tell the writer."""

    comment: Comment
    notified: list[User]
    conflicted: list[User]  # mentioned, but may not see the candidate: not notified
    ambiguous: list[tuple[str, list[User]]]
    unknown: list[str]

    @property
    def mentions_written(self) -> bool:
        return bool(self.notified or self.conflicted or self.ambiguous or self.unknown)


def _read_for(candidate: Candidate, author: User, text: str) -> tuple[Mentions, list, list]:
    cycle = candidate.cycle
    members = committee_of(cycle)
    blocked = {m for c, m in blocking_pairs(cycle) if c == candidate.pk}
    found = read_mentions(text, members)
    others = [m for m in found.members if m != author]
    return (
        found,
        [m for m in others if m.pk not in blocked],
        [m for m in others if m.pk in blocked],
    )


def outcome_of(comment: Comment) -> Posted:
    """What became of a message's mentions, as its writer was told when posting (the members
    notified are those recorded then)."""
    found, _notify, conflicted = _read_for(comment.candidate, comment.author, comment.text)
    notified = {m.pk: m for m in User.objects.filter(pk__in=comment.mentions)}
    return Posted(
        comment=comment,
        notified=[notified[pk] for pk in comment.mentions if pk in notified],
        conflicted=conflicted,
        ambiguous=found.ambiguous,
        unknown=found.unknown,
    )


@transaction.atomic
def post_comment(author: User, candidate: Candidate, *, text: str) -> Posted:
    cycle = candidate.cycle
    members = committee_of(cycle)
    blocked = {m for c, m in blocking_pairs(cycle) if c == candidate.pk}
    if author not in members or author.pk in blocked or not candidate.ready_for_committee:
        raise ReviewError(_("You cannot take part in this candidate's discussion."))
    text = text.strip()
    if not text:
        raise ReviewError(_("Write a message first."))
    text = text[:4000]
    found, told, conflicted = _read_for(candidate, author, text)
    comment = Comment.objects.create(
        candidate=candidate, author=author, text=text, mentions=[m.pk for m in told]
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
            context={
                "candidate": candidate,
                "cycle": cycle,
                "author": author,
                "author_name": display_name(author),
                "url": url,
            },
        )
    record(
        "discussion.posted",
        actor=author,
        subject=candidate,
        data={"comment": comment.pk, "mentions": len(told)},
    )
    return Posted(
        comment=comment,
        notified=told,
        conflicted=conflicted,
        ambiguous=found.ambiguous,
        unknown=found.unknown,
    )
