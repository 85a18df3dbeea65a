"""The executing side: ``@eenmalig`` claims the task's outbox row and marks it done in the
transaction of the task's own effects. Imports no model at module level (task modules are
imported while the app registry loads)."""

from __future__ import annotations

import functools
import logging

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# The keyword under which the outbox passes its row's id to the task.
OPDRACHT_KWARG = "wachtrij_opdracht"


def eenmalig(func):
    """Run the task body once per outbox row.

    Under ``@shared_task``. A message from the outbox carries the row id; the body runs in
    one transaction that first claims the row (``SELECT ... FOR UPDATE SKIP LOCKED``): a
    second message for the same row (a redelivery after a lost ack, the dispatcher's resend)
    finds it taken or done and returns without effects. If the body raises, the transaction
    rolls back and the row stays open for Celery's retry or the dispatcher. A direct call
    without a row id (tests, a shell) runs the body as is."""

    @functools.wraps(func)
    def uitvoeren(*args, **kwargs):
        opdracht_id = kwargs.pop(OPDRACHT_KWARG, None)
        if opdracht_id is None:
            return func(*args, **kwargs)
        from .models import Opdracht

        with transaction.atomic():
            opdracht = (
                Opdracht.objects.select_for_update(skip_locked=True)
                .filter(pk=opdracht_id, uitgevoerd_op__isnull=True)
                .first()
            )
            if opdracht is None:
                logger.info("Opdracht %s is al uitgevoerd of loopt al; overgeslagen.", opdracht_id)
                return None
            resultaat = func(*args, **kwargs)
            Opdracht.objects.filter(pk=opdracht.pk).update(uitgevoerd_op=timezone.now())
        return resultaat

    # Celery reads the signature to check call arguments: keep it open for the row id.
    del uitvoeren.__wrapped__
    setattr(uitvoeren, "wachtrij_eenmalig", True)  # noqa: B010 (an attribute mypy does not know)
    return uitvoeren


def is_eenmalig(taak) -> bool:
    run = getattr(taak, "_orig_run", None) or taak.run  # autoretry wraps ``run``
    return bool(getattr(run, "wachtrij_eenmalig", False))
