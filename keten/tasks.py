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
    from itertools import islice

    from django.conf import settings
    from django.db import transaction

    from .inkomend import Geheugen, retours_plaatsen, verwerk_bestand
    from .models import BerichtStatus
    from .transport import Claim, transport

    t = transport()
    tellers: Counter[str] = Counter()
    geheugen = Geheugen(partij=True)
    claims = t.claimen(maximaal=maximaal)
    while partij := list(islice(claims, max(1, settings.IWMO_IMPORT_PARTIJ))):
        # One transaction per batch (the commit is the cost), each file in its own
        # savepoint: a file that fails rolls back alone. Files move only after the commit;
        # a worker that dies before leaves them claimed, to be read again (exactly once by
        # the store's unique SHA-256).
        uitkomsten: list[tuple[Claim, bool]] = []
        inhouden = [claim.inhoud() for claim in partij]
        with transaction.atomic():
            geheugen.nieuw_in_partij(inhouden)
            for claim, inhoud in zip(partij, inhouden, strict=True):
                try:
                    with transaction.atomic():
                        bericht = verwerk_bestand(claim.naam, inhoud, geheugen=geheugen)
                except (OperationalError, InterfaceError):
                    # The database is away: leave the claims; they are taken back after
                    # IWMO_CLAIM_SECONDEN and read again. Celery retries the run.
                    raise
                except Exception:
                    # A bug, not bad input (bad input becomes a stored finding): keep the
                    # file, visible in mislukt/, and go on with the others.
                    logger.exception("iWmo-bestand %s niet verwerkt", claim.naam)
                    uitkomsten.append((claim, False))
                    tellers["mislukt"] += 1
                    continue
                if bericht.status == BerichtStatus.FOUT:
                    uitkomsten.append((claim, False))
                    tellers["mislukt"] += 1
                else:
                    uitkomsten.append((claim, True))
                    tellers[bericht.status] += 1
            # Runs after the retours' own commit hooks collected them.
            transaction.on_commit(lambda: retours_plaatsen(geheugen))
        for claim, gelukt in uitkomsten:
            if gelukt:
                t.verwerkt(claim)
            else:
                t.mislukt(claim)
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
    each in its own savepoint; then move it to ``verwerkt/`` (or ``mislukt/`` when it could
    not be read); ``IWMO_IMPORT_PARTIJ`` files per transaction. Safe to run twice at once (a
    file is claimed by one rename) and after a crash (see keten/transport.py and
    keten/inkomend.py). Counts per outcome."""
    return _ophalen(maximaal)
