"""Every email Laurel sends: one entry here plus a template triple (ARCHITECTURE rule 6).

templates/notifications/email/<key>.subject.txt, <key>.txt and <key>.html, rendered in the
recipient's language. An entry that is `held` waits in the outbox until staff release it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EmailKind:
    key: str
    description: str
    held: bool = False


CATALOGUE: dict[str, EmailKind] = {
    kind.key: kind
    for kind in [
        EmailKind(
            "invitation",
            _("An invitation to sign in to Laurel with a role (staff, finance, committee)."),
        ),
    ]
}


def kind(key: str) -> EmailKind:
    try:
        return CATALOGUE[key]
    except KeyError:
        raise LookupError(f"{key!r} is not in the email catalogue") from None
