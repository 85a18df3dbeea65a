"""One way to save a domain row with its history: the acting user and a change reason.

django-simple-history records who changed a row and why from two attributes on the
instance (``_history_user``, ``_change_reason``); every service saves through
``opslaan`` so that no change is recorded without them. Remember that ``update()`` and
bulk operations write no history: use ``Model.history.bulk_history_create`` beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)

# simple-history's change-reason column is 100 characters.
MAX_REDEN = 100


def met_historie(instance: M, *, actor, reden: str) -> M:
    """Mark ``instance`` so that its next save records ``actor`` and ``reden``."""
    instance._history_user = actor  # type: ignore[attr-defined]
    instance._change_reason = reden[:MAX_REDEN]  # type: ignore[attr-defined]
    return instance


def opslaan(
    instance: M,
    *,
    actor,
    reden: str,
    valideren: bool = True,
    update_fields: Iterable[str] | None = None,
) -> M:
    """Validate (``full_clean``) and save ``instance`` with the acting user and the reason.

    ``valideren=False`` for rows whose invariants the caller has checked itself or that
    only move a timestamp; ``update_fields`` as in ``Model.save``.
    """
    if valideren:
        instance.full_clean()
    met_historie(instance, actor=actor, reden=reden)
    instance.save(update_fields=update_fields)
    return instance
