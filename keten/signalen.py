"""Signal receivers: the chain hears that an assignment changed and queues its 301.

No business logic here: the receiver records a task in the outbox (``sdd_portal.wachtrij``)
in the transaction of the change. A rolled-back change rolls the task back with it; a
committed one is published after commit and executed once (at-least-once delivery, the task
is idempotent: nothing changed means no message)."""

from __future__ import annotations

from sdd_portal import wachtrij


def toewijzing_opgeslagen(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # fixtures
        return
    from .tasks import toewijzingen_versturen_taak

    wachtrij.plaats(toewijzingen_versturen_taak, instance.client_id, instance.aanbieder_id)
