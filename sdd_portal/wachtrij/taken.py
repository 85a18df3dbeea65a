"""The executing side: ``@eenmalig`` claims the task's outbox row and marks it done in the
transaction of the task's own effects. Imports no model at module level (task modules are
imported while the app registry loads)."""

from __future__ import annotations

import functools
import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# The keyword under which the outbox passes its row's id to the task.
OPDRACHT_KWARG = "wachtrij_opdracht"


def eenmalig(func=None, *, looptijd: int | None = None):
    """Run the task body once per outbox row.

    Under ``@shared_task``. A message from the outbox carries the row id. By default the body
    runs in one transaction that first claims the row (``SELECT ... FOR UPDATE SKIP LOCKED``)
    and marks it done at the end: a second message for the same row (a redelivery after a
    lost ack, the dispatcher's resend) finds it taken or done and returns without effects.
    If the body raises, the transaction rolls back and the row stays open for Celery's retry
    or the dispatcher. A direct call without a row id (tests, a shell) runs the body as is.

    ``looptijd`` (seconds) is for long bodies that commit their own progress (a mailing run
    counting its letters) and are idempotent themselves: the row is claimed with a start time
    in a short transaction, the body runs outside it, and the row is marked done after it. A
    second message within ``looptijd`` of the start is skipped; after it, the first worker is
    taken for dead and the body runs again."""
    if func is None:
        return functools.partial(eenmalig, looptijd=looptijd)

    @functools.wraps(func)
    def uitvoeren(*args, **kwargs):
        opdracht_id = kwargs.pop(OPDRACHT_KWARG, None)
        if opdracht_id is None:
            return func(*args, **kwargs)
        if looptijd is not None:
            return _met_eigen_transacties(func, opdracht_id, looptijd, args, kwargs)
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


def _met_eigen_transacties(func, opdracht_id, looptijd, args, kwargs):
    from django.db.models import Q

    from .models import Opdracht

    nu = timezone.now()
    with transaction.atomic():
        geclaimd = (
            Opdracht.objects.select_for_update(skip_locked=True)
            .filter(pk=opdracht_id, uitgevoerd_op__isnull=True)
            .filter(Q(gestart_op__isnull=True) | Q(gestart_op__lt=nu - timedelta(seconds=looptijd)))
            .update(gestart_op=nu)
        )
    if not geclaimd:
        logger.info("Opdracht %s is al uitgevoerd of loopt al; overgeslagen.", opdracht_id)
        return None
    try:
        resultaat = func(*args, **kwargs)
    except BaseException:
        Opdracht.objects.filter(pk=opdracht_id).update(gestart_op=None)  # free for a retry
        raise
    Opdracht.objects.filter(pk=opdracht_id).update(uitgevoerd_op=timezone.now())
    return resultaat


def is_eenmalig(taak) -> bool:
    run = getattr(taak, "_orig_run", None) or taak.run  # autoretry wraps ``run``
    return bool(getattr(run, "wachtrij_eenmalig", False))
