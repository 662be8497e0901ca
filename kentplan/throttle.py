"""A simple counter per key in the cache: at most `limit` hits in `window` seconds."""

import hashlib

from django.core.cache import cache


def throttle_exceeded(*, scope: str, key: str, limit: int) -> bool:
    """Whether `key` has already used its `limit` of hits in this scope."""
    return cache.get(_cache_key(scope, key), 0) >= limit


def throttle_hit(*, scope: str, key: str, window: int) -> int:
    """Count one hit; the count expires `window` seconds after the first."""
    name = _cache_key(scope, key)
    if cache.add(name, 1, timeout=window):
        return 1
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window)
        return 1


def throttle_clear(*, scope: str, key: str) -> None:
    cache.delete(_cache_key(scope, key))


def _cache_key(scope: str, key: str) -> str:
    return f"throttle:{scope}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
