"""Sending deliveries to subscribers' callback URLs, signed, with bounded retries.

Thin tasks: a task gets the delivery's primary key, claims it (one atomic UPDATE that
also counts the attempt), sends outside any transaction, and records the outcome. The
claim makes a send happen at most once at a time and never after success, whoever queued
it (the publisher, a retry, or the sweep).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
from datetime import timedelta
from urllib.parse import urlsplit

import requests
from celery import shared_task
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from sdd_portal import wachtrij
from sdd_portal.wachtrij import eenmalig

from .models import Levering

logger = logging.getLogger(__name__)

EERSTE_WACHTTIJD = 30  # seconds before the first retry; doubles each time
MAX_WACHTTIJD = 3600
# Clocks of worker and scheduler may differ a little: a retry that runs just early may go.
SPELING = timedelta(seconds=5)
USER_AGENT = "SDD-Wmo-portaal-abonnementen/1"
TE_VERSTUREN = (Levering.Status.WACHTEND, Levering.Status.MISLUKT)
# The sweep leaves fresh deliveries to the task queued on commit for a while.
SWEEP_MARGE = timedelta(seconds=30)


def wachttijd(pogingen: int) -> int:
    """Seconds to wait after the ``pogingen``-th failed attempt: 30 s, 1, 2, 4, 8, 16,
    32 min, then every hour."""
    return min(EERSTE_WACHTTIJD * 2 ** max(pogingen - 1, 0), MAX_WACHTTIJD)


def lichaam(payload: dict) -> str:
    """The exact bytes that are signed and sent (compact JSON, UTF-8)."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def handtekening(geheim: str, tijdstempel: int, body: str) -> str:
    """``v1=<hex HMAC-SHA256(geheim, "<tijdstempel>.<body>")>``."""
    bericht = f"{tijdstempel}.{body}".encode()
    return "v1=" + hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()


def _claimen(levering_pk: int) -> bool:
    """Take the delivery for one attempt: only when it is still to be sent and due. The
    lease (``volgende_poging`` moved past the timeout) keeps the sweep away meanwhile; if
    this worker dies, the lease runs out and the sweep queues it again."""
    nu = timezone.now()
    lease = nu + timedelta(seconds=settings.API_CALLBACK_TIMEOUT * 2 + 60)
    return bool(
        Levering.objects.filter(
            pk=levering_pk, status__in=TE_VERSTUREN, volgende_poging__lte=nu + SPELING
        ).update(pogingen=F("pogingen") + 1, volgende_poging=lease)
    )


def _wijst_naar_intern(url: str) -> bool:
    """The host name resolves (now, at send time) to a non-public address: a DNS name
    cannot be used to make the portal call its own network. (A rebinding between this
    check and the connection remains possible; an egress proxy closes that.)"""
    host = urlsplit(url).hostname or ""
    try:
        adressen = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False  # unresolvable: the POST itself fails and is retried
    return any(not ipaddress.ip_address(a.split("%")[0]).is_global for a in adressen)


def _versturen(levering: Levering) -> tuple[int | None, str]:
    """POST the delivery once. Returns (status code, error); error empty means success."""
    body = lichaam(levering.payload)
    tijdstempel = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "SDD-Event-Id": str(levering.uuid),
        "SDD-Event-Type": levering.gebeurtenis,
        "SDD-Timestamp": str(tijdstempel),
        "SDD-Signature": handtekening(levering.abonnement.geheim, tijdstempel, body),
    }
    if not settings.API_CALLBACK_HTTP_TOESTAAN and _wijst_naar_intern(
        levering.abonnement.callback_url
    ):
        return None, "Het adres van de callback-URL wijst naar een intern netwerk; niet verstuurd."
    try:
        with requests.post(
            levering.abonnement.callback_url,
            data=body.encode(),
            headers=headers,
            timeout=settings.API_CALLBACK_TIMEOUT,
            allow_redirects=False,
            stream=True,  # the answer's body is not needed: do not download it
        ) as antwoord:
            code = antwoord.status_code
    except requests.Timeout:
        return None, f"Geen antwoord binnen {settings.API_CALLBACK_TIMEOUT:g} seconden."
    except requests.RequestException as exc:
        # Only the kind of failure: details (hosts, ports) would map the network.
        return None, f"Verbinding mislukt ({type(exc).__name__})."
    if 200 <= code < 300:
        return code, ""
    if 300 <= code < 400:
        return code, f"HTTP {code}: doorverwijzingen worden niet gevolgd."
    return code, f"HTTP {code}"


def _org_actief(sleutel) -> bool:
    from sdd_portal.accounts.models import Organisatie

    return Organisatie.objects.filter(pk=sleutel.organisatie_id, actief=True).exists()


@shared_task(name="sdd_portal.api.levering_versturen", acks_late=True, ignore_result=True)
@eenmalig
def levering_versturen(levering_pk: int) -> str:
    """One attempt to deliver. Returns the delivery's status afterwards (or 'overgeslagen'
    when there was nothing to do: already delivered, given up, not due, or taken)."""
    if not _claimen(levering_pk):
        return "overgeslagen"
    levering = Levering.objects.select_related("abonnement__sleutel").get(pk=levering_pk)
    abonnement = levering.abonnement
    sleutel = abonnement.sleutel
    vervallen = sleutel.geldig_tot is not None and sleutel.geldig_tot < timezone.localdate()
    if not abonnement.actief or not sleutel.actief or vervallen or not _org_actief(sleutel):
        Levering.objects.filter(pk=levering.pk).update(
            status=Levering.Status.OPGEGEVEN,
            laatste_fout="Het abonnement is beëindigd; niet meer verstuurd.",
            volgende_poging=None,
            pogingen=F("pogingen") - 1,  # nothing was sent
        )
        return Levering.Status.OPGEGEVEN
    code, fout = _versturen(levering)
    nu = timezone.now()
    if not fout:
        Levering.objects.filter(pk=levering.pk).update(
            status=Levering.Status.GELEVERD,
            laatste_statuscode=code,
            laatste_fout="",
            geleverd_op=nu,
            volgende_poging=None,
        )
        return Levering.Status.GELEVERD
    if levering.pogingen >= settings.API_CALLBACK_MAX_POGINGEN:
        Levering.objects.filter(pk=levering.pk).update(
            status=Levering.Status.OPGEGEVEN,
            laatste_statuscode=code,
            laatste_fout=fout,
            volgende_poging=None,
        )
        logger.warning(
            "Levering %s opgegeven na %s pogingen: %s", levering.uuid, levering.pogingen, fout
        )
        return Levering.Status.OPGEGEVEN
    wacht = wachttijd(levering.pogingen)
    Levering.objects.filter(pk=levering.pk).update(
        status=Levering.Status.MISLUKT,
        laatste_statuscode=code,
        laatste_fout=fout,
        volgende_poging=nu + timedelta(seconds=wacht),
    )
    # The sweep would find it too; this only makes the retry punctual.
    wachtrij.plaats(levering_versturen, levering.pk, countdown=wacht)
    return Levering.Status.MISLUKT


@shared_task(name="sdd_portal.api.leveringen_herplannen", acks_late=True, ignore_result=True)
def leveringen_herplannen(maximaal: int = 1000) -> int:
    """Queue deliveries that are due but have no task (lost on the way, worker died).
    Safe to repeat: the send task's claim skips what another task already took."""
    grens = timezone.now() - SWEEP_MARGE
    due = list(
        Levering.objects.filter(status__in=TE_VERSTUREN, volgende_poging__lte=grens)
        .order_by("volgende_poging")
        .values_list("pk", flat=True)[:maximaal]
    )
    for pk in due:
        wachtrij.plaats(levering_versturen, pk)
    return len(due)
