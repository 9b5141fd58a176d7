"""Sessions in the database under a hash of their key, their data encrypted with the field keys
(issue 14, item 4): the cookie holds the key, the table only its SHA-256, so a copy of the
database or a backup holds no session that a browser could present; and what a session holds
(allauth keeps a password-reset key there between the emailed link and the new password) is
ciphertext without FIELD_ENCRYPTION_KEYS, which are not in backups. Otherwise Django's database
sessions, unchanged."""

import hashlib

from django.contrib.sessions.backends import db
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from laurel.core import crypto


def stored_key(session_key: str) -> str:
    """The row's key for a cookie's key: 160 bits of its SHA-256 (the column holds 40)."""
    return hashlib.sha256(session_key.encode()).hexdigest()[:40]


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        try:
            return self.model.objects.get(
                session_key=stored_key(self.session_key), expire_date__gt=timezone.now()
            )
        except (self.model.DoesNotExist, SuspiciousOperation):
            self._session_key = None

    def encode(self, session_dict):
        return crypto.encrypt(super().encode(session_dict))

    def decode(self, session_data):
        try:
            return super().decode(crypto.decrypt(session_data))
        except ValueError:  # not made with the configured keys (or before encryption): empty
            return {}

    def exists(self, session_key):
        return super().exists(stored_key(session_key))

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        instance.session_key = stored_key(instance.session_key)
        return instance

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        super().delete(stored_key(session_key))

    # Laurel serves WSGI only; the asynchronous paths would bypass the hashing.
    async def aload(self):  # pragma: no cover
        raise NotImplementedError

    async def asave(self, must_create=False):  # pragma: no cover
        raise NotImplementedError

    async def aexists(self, session_key):  # pragma: no cover
        raise NotImplementedError

    async def adelete(self, session_key=None):  # pragma: no cover
        raise NotImplementedError
