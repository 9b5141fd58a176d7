"""Sensitive fields encrypted at rest (ARCHITECTURE rule 9): bank and passport details.

`EncryptedTextField` stores a Fernet token (AES-128-CBC with an HMAC) made with the newest of
settings.FIELD_ENCRYPTION_KEYS and reads tokens made with any of them, so keys rotate by adding
a new one in front. The database, its backups and its logs hold only ciphertext. Such a field
cannot be searched or ordered by; code that shows one to a person logs the read (the services
that reveal them do). `mask` shows enough to recognise a value, never enough to use it.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def cipher() -> MultiFernet:
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return cipher().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError("an encrypted field cannot be read with the configured keys") from None


class EncryptedTextField(models.TextField):
    """Text encrypted at rest; empty stays empty (so "not given" needs no key to tell)."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def get_lookup(self, lookup_name):
        if lookup_name not in {"isnull", "exact"}:
            return None  # ciphertext cannot be compared by content
        return super().get_lookup(lookup_name)


def mask(value: str, *, keep: int = 4) -> str:
    """ "SE45 5000 …" → "•••• 1234": the last `keep` characters, the rest hidden."""
    compact = "".join(value.split())
    if not compact:
        return ""
    if len(compact) <= keep:
        return "•" * len(compact)
    return "•••• " + compact[-keep:]
