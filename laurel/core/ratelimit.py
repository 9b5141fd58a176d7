"""Counting requests in fixed windows, in the shared cache (the database, or Redis)."""

import hashlib
import time

from django.core.cache import cache


def over_limit(scope: str, identity: str, *, limit: int, window: int) -> bool:
    """Count one event for (scope, identity) and say whether it went past `limit` per `window`
    seconds. Identities are hashed: no address or email is stored in the cache as it is."""
    if not identity:
        return False
    bucket = int(time.time()) // window
    digest = hashlib.sha256(identity.lower().encode()).hexdigest()[:32]
    key = f"rl:{scope}:{digest}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 5)
            count = 1
    return count > limit
