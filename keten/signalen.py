"""Signal receivers: the chain hears that an assignment changed and queues its 301.

No business logic here: the receiver records a task in the outbox (``sdd_portal.wachtrij``)
in the transaction of the change. A rolled-back change rolls the task back with it; a
committed one is published after commit and executed once (at-least-once delivery; the task
is idempotent: nothing changed means no message).

A save that cannot change the 301 (the provider opening the assignment, a start of care)
queues nothing: ``post_init`` keeps the fields a 301 depends on as loaded, ``post_save``
compares. Fields not loaded (``only()``/``defer()``) are not read, so they cost no query;
then the task is queued to be safe.
"""

from __future__ import annotations

from sdd_portal import wachtrij

#: The assignment's fields a 301 (or whether it is sent at all) depends on.
VELDEN_301 = (
    "client_id",
    "aanbieder_id",
    "product_id",
    "beschikking_id",
    "bandbreedte_id",
    "ingangsdatum",
    "einddatum",
    "reden_wijziging",
    "volume",
    "eenheid",
    "frequentie",
)
_GELADEN = "_keten_301_geladen"
_ONBEKEND = object()


def _inhoud(instance) -> tuple:
    return tuple(instance.__dict__.get(veld, _ONBEKEND) for veld in VELDEN_301)


def toewijzing_geladen(sender, instance, **kwargs) -> None:
    instance.__dict__[_GELADEN] = _inhoud(instance) if instance.pk is not None else None


def toewijzing_opgeslagen(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:  # fixtures
        return
    nu = _inhoud(instance)
    vorig = instance.__dict__.get(_GELADEN)
    instance.__dict__[_GELADEN] = nu
    if not created and vorig == nu and _ONBEKEND not in nu:
        return
    from .tasks import toewijzingen_versturen_taak

    wachtrij.plaats(toewijzingen_versturen_taak, instance.client_id, instance.aanbieder_id)
    if vorig and vorig[1] not in (_ONBEKEND, instance.aanbieder_id):
        # Moved to another provider: the previous one hears that it ended (OP087).
        wachtrij.plaats(toewijzingen_versturen_taak, instance.client_id, vorig[1])
