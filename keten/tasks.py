"""The chain's tasks. Thin: take primary keys or a batch size, call a service in
``keten.uitgaand`` (out) or ``keten.inkomend`` (in); each in its own function."""

from __future__ import annotations

import logging
from collections import Counter

from celery import shared_task
from django.db import InterfaceError, OperationalError

from sdd_portal.wachtrij import eenmalig

from .uitgaand import toewijzingen_versturen

logger = logging.getLogger(__name__)

# ------------------------------------------------------------------- outgoing: the WMO301


@shared_task(
    name="keten.tasks.toewijzingen_versturen",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
@eenmalig
def toewijzingen_versturen_taak(client_id: int, aanbieder_id: int) -> int | None:
    """The 301 for one client and provider, if anything changed (re-reads everything)."""
    bericht = toewijzingen_versturen(client_id, aanbieder_id)
    return bericht.pk if bericht else None


# ------------------------------------------------------------------- incoming: pick-up


def _ophalen(maximaal: int) -> dict[str, int]:
    from .inkomend import Geheugen, verwerk_bestand
    from .models import BerichtStatus
    from .transport import transport

    t = transport()
    tellers: Counter[str] = Counter()
    geheugen = Geheugen()
    for claim in t.claimen(maximaal=maximaal):
        try:
            bericht = verwerk_bestand(claim.naam, claim.inhoud(), geheugen=geheugen)
        except (OperationalError, InterfaceError):
            # The database is away: leave the claim; it is taken back after
            # IWMO_CLAIM_SECONDEN and read again (the store makes that a no-op if it was
            # stored after all). Celery retries the run.
            raise
        except Exception:
            # A bug, not bad input (bad input becomes a stored finding): keep the file,
            # visible in mislukt/, and go on with the others.
            logger.exception("iWmo-bestand %s niet verwerkt", claim.naam)
            t.mislukt(claim)
            tellers["mislukt"] += 1
            continue
        if bericht.status == BerichtStatus.FOUT:
            t.mislukt(claim)
            tellers["mislukt"] += 1
        else:
            t.verwerkt(claim)
            tellers[bericht.status] += 1
    return dict(tellers)


@shared_task(
    name="keten.tasks.berichten_ophalen",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=240,
    time_limit=300,
)
def berichten_ophalen(maximaal: int = 500) -> dict[str, int]:
    """Claim up to ``maximaal`` files in the import folder and process each exactly once,
    each in its own transaction; then move it to ``verwerkt/`` (or ``mislukt/`` when it could
    not be read). Safe to run twice at once (a file is claimed by one rename) and after a
    crash (see keten/transport.py and keten/inkomend.py). Counts per outcome."""
    return _ophalen(maximaal)
