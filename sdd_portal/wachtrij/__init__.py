"""The task outbox (``wachtrij``): a Celery task is recorded as a row in the same database
transaction as the change that asks for it, published after commit, and executed once.

Producers call ``plaats(taak, *args)`` instead of ``taak.delay(*args)``; the task's body is
decorated with ``@eenmalig`` (below ``@shared_task``). See docs/adr/0013.
"""

from __future__ import annotations

from .taken import OPDRACHT_KWARG, eenmalig


def plaats(taak, *args, countdown: float | None = None, **kwargs):
    """Record ``taak(*args, **kwargs)`` in the outbox; it is published once the current
    transaction commits (or by the periodic dispatcher when the broker was unreachable)."""
    from .services import plaats as _plaats

    return _plaats(taak, *args, countdown=countdown, **kwargs)


def plaats_veel(taak, argumenten: list[tuple]):
    """``plaats`` for many calls of one task, in one INSERT."""
    from .services import plaats_veel as _plaats_veel

    return _plaats_veel(taak, argumenten)


__all__ = ["OPDRACHT_KWARG", "eenmalig", "plaats", "plaats_veel"]
