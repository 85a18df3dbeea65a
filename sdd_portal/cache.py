"""The cache fails open: with Redis unreachable a page, an API call or the API throttle
carries on without the cache instead of answering 500 (docs/adr/0013).

Django's ``RedisCache`` with a client that turns a Redis connection or timeout error into
"not in the cache" (reads) or "not stored" (writes). After an error the cache is skipped for
``CACHE_PAUZE_SECONDEN``, so an outage costs one short timeout per process per pause, not one
per call, and one warning is logged per pause, not one per request.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

PAUZE_SECONDEN = 30.0


class _Storing:
    """Per process: until when the cache is skipped after an error."""

    tot = 0.0


def cache_beschikbaar() -> bool:
    return time.monotonic() >= _Storing.tot


def _fout(operatie: str, exc: Exception) -> None:
    if cache_beschikbaar():
        logger.warning(
            "Cache onbereikbaar (%s bij %s); %g s verder zonder cache (ook de API-throttle).",
            type(exc).__name__,
            operatie,
            PAUZE_SECONDEN,
        )
    _Storing.tot = time.monotonic() + PAUZE_SECONDEN


def _fail_open(operatie: str, uitval):
    def decorator(methode):
        def wrapper(self, *args, **kwargs):
            if not cache_beschikbaar():
                return uitval(args, kwargs)
            try:
                return methode(self, *args, **kwargs)
            except self._lib.exceptions.RedisError as exc:  # ConnectionError, TimeoutError
                _fout(operatie, exc)
                return uitval(args, kwargs)

        return wrapper

    return decorator


def _default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class FailOpenClient(RedisCacheClient):
    add = _fail_open("add", lambda a, k: False)(RedisCacheClient.add)
    get = _fail_open("get", _default)(RedisCacheClient.get)
    set = _fail_open("set", lambda a, k: None)(RedisCacheClient.set)
    touch = _fail_open("touch", lambda a, k: False)(RedisCacheClient.touch)
    delete = _fail_open("delete", lambda a, k: False)(RedisCacheClient.delete)
    get_many = _fail_open("get_many", lambda a, k: {})(RedisCacheClient.get_many)
    has_key = _fail_open("has_key", lambda a, k: False)(RedisCacheClient.has_key)
    set_many = _fail_open("set_many", lambda a, k: None)(RedisCacheClient.set_many)
    delete_many = _fail_open("delete_many", lambda a, k: None)(RedisCacheClient.delete_many)


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailOpenClient
