"""The retention policy: the categories of personal data Laurel keeps, and, from
config/retention.toml (or RETENTION_FILE), how long and what then. See docs/data-protection.md."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _

DELETE, ANONYMISE = "delete", "anonymise"
ACCOUNTING_DAYS = 2557  # seven years: payments are accounting records


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    event: str
    actions: tuple[str, ...]
    minimum_days: int = 0
    fixed_by_summit: bool = False  # passport data: each summit sets its own date


CATEGORIES = [
    Category(
        "unconfirmed_nominations",
        _("Drafts never submitted and nominations never confirmed"),
        _("their last change"),
        (DELETE,),
    ),
    Category(
        "unselected_nominations",
        _("Nominations of candidates not selected"),
        _("the announcement"),
        (ANONYMISE, DELETE),
    ),
    Category(
        "nominator_contacts",
        _("Nominators' and nominees' contact details"),
        _("the announcement"),
        (ANONYMISE,),
    ),
    Category(
        "nominee_documents",
        _("Evidence and due-diligence documents"),
        _("the announcement"),
        (DELETE,),
    ),
    Category(
        "reviews",
        _("Reviewers' comments, discussion and staff notes"),
        _("the announcement"),
        (ANONYMISE, DELETE),
    ),
    Category(
        "delegate_needs",
        _("Delegates' dietary, accessibility and interpretation needs"),
        _("the summit's last day"),
        (DELETE,),
    ),
    Category(
        "passport_data",
        _("Passport data for visa letters"),
        _("the date the summit sets"),
        (DELETE,),
        fixed_by_summit=True,
    ),
    Category(
        "bank_details",
        _("Laureates' bank details"),
        _("the last payment"),
        (DELETE,),
    ),
    Category(
        "payments",
        _("Payment records (accounting)"),
        _("the payment"),
        (DELETE,),
        minimum_days=ACCOUNTING_DAYS,
    ),
    Category("audit_log", _("Audit log"), _("each entry"), (DELETE,)),
    Category(
        "sent_emails",
        _("Emails sent or cancelled: their subject and text"),
        _("the sending or cancellation"),
        (ANONYMISE, DELETE),
    ),
]
BY_KEY = {category.key: category for category in CATEGORIES}


@dataclass(frozen=True)
class Rule:
    category: Category
    days: int | None  # None: set elsewhere (passport data)
    action: str


class PolicyError(ValueError):
    pass


def policy_file() -> Path:
    return Path(settings.RETENTION_FILE or settings.BASE_DIR / "config" / "retention.toml")


def parse(text: str) -> dict[str, Rule]:
    """The rules a policy file states, or PolicyError naming the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(f"not valid TOML: {error}") from None
    unknown = sorted(set(data) - set(BY_KEY))
    if unknown:
        raise PolicyError(f"unknown categories: {', '.join(unknown)}")
    rules = {}
    for category in CATEGORIES:
        entry = data.get(category.key)
        if entry is None:
            raise PolicyError(f"[{category.key}] is missing")
        action = entry.get("action")
        if action not in category.actions:
            allowed = " or ".join(f'"{a}"' for a in category.actions)
            raise PolicyError(f"[{category.key}] action must be {allowed}")
        days = entry.get("days")
        if category.fixed_by_summit:
            if days is not None:
                raise PolicyError(f"[{category.key}] takes no days: each summit sets the date")
        elif not isinstance(days, int) or isinstance(days, bool) or days < 0:
            raise PolicyError(f"[{category.key}] days must be a whole number of days, 0 or more")
        elif days < category.minimum_days:
            raise PolicyError(
                f"[{category.key}] must be kept at least {category.minimum_days} days"
            )
        rules[category.key] = Rule(category, days, action)
    return rules


@cache
def _rules_from(path: str, modified: float) -> dict[str, Rule]:
    return parse(Path(path).read_text())


def rules() -> dict[str, Rule]:
    path = policy_file()
    return _rules_from(str(path), path.stat().st_mtime)


def check_policy(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    path = policy_file()
    try:
        parse(path.read_text())
    except OSError:
        return [checks.Error(f"The retention policy {path} cannot be read.", id="privacy.E001")]
    except PolicyError as error:
        return [checks.Error(f"The retention policy {path}: {error}.", id="privacy.E002")]
    return []
