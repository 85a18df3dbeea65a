"""``Idempotency-Key`` on POST: the same key with the same body gets the first answer
again; the same key with another body gets 422; a second request while the first is
still being handled gets 409. Keys live 24 hours per credential."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework import exceptions

from .models import IdempotentVerzoek

HEADER = "Idempotency-Key"
CLIENTEN = "__clienten"
BEWAARTERMIJN = timedelta(hours=24)
# A request still 'bezig' after this long died with its process; a retry may take over.
VERLATEN_NA = timedelta(minutes=10)


class Herhaling(Exception):
    """Raised in ``initial()`` to answer with the stored response instead."""

    def __init__(self, verzoek: IdempotentVerzoek):
        self.verzoek = verzoek


class Conflict(exceptions.APIException):
    status_code = 409
    default_code = "idempotency_conflict"
    default_detail = (
        "Idempotency-Key: een verzoek met deze sleutel wordt nog verwerkt. "
        "Probeer het over enkele seconden opnieuw."
    )


class AndereInhoud(exceptions.APIException):
    status_code = 422
    default_code = "idempotency_key_reused"
    default_detail = (
        "Idempotency-Key: deze sleutel is al gebruikt voor een verzoek met een andere inhoud. "
        "Gebruik een nieuwe sleutel voor een nieuw verzoek."
    )


def verzoek_hash(request) -> str:
    """Hash of method, path and the parsed body (file uploads by their content)."""
    digest = hashlib.sha256()
    digest.update(f"{request.method} {request.path}\n".encode())
    velden = {}
    for naam in sorted(request.data.keys()) if hasattr(request.data, "keys") else []:
        waarde = request.data.get(naam)
        if hasattr(waarde, "read") and hasattr(waarde, "seek"):
            bestand = hashlib.sha256()
            for stuk in waarde.chunks():
                bestand.update(stuk)
            waarde.seek(0)
            velden[naam] = f"bestand:{bestand.hexdigest()}"
        else:
            velden[naam] = (
                request.data.getlist(naam) if hasattr(request.data, "getlist") else waarde
            )
    if not hasattr(request.data, "keys"):
        velden = request.data
    digest.update(json.dumps(velden, sort_keys=True, cls=DjangoJSONEncoder).encode())
    return digest.hexdigest()


def begin(request, sleutel) -> IdempotentVerzoek | None:
    key = request.headers.get(HEADER)
    if request.method != "POST" or not key:
        return None
    if len(key) > 255:
        raise exceptions.ValidationError(
            {HEADER: ["Gebruik een sleutel van hoogstens 255 tekens."]}
        )
    hash_ = verzoek_hash(request)
    nu = timezone.now()
    IdempotentVerzoek.objects.filter(sleutel=sleutel, aangemaakt_op__lt=nu - BEWAARTERMIJN).delete()
    try:
        with transaction.atomic():
            return IdempotentVerzoek.objects.create(
                sleutel=sleutel,
                idempotency_key=key,
                methode=request.method,
                pad=request.path[:500],
                verzoek_hash=hash_,
            )
    except IntegrityError:
        pass
    bestaand = IdempotentVerzoek.objects.get(sleutel=sleutel, idempotency_key=key)
    if bestaand.verzoek_hash != hash_:
        raise AndereInhoud()
    if bestaand.status == IdempotentVerzoek.Status.KLAAR:
        raise Herhaling(bestaand)
    if bestaand.aangemaakt_op > nu - VERLATEN_NA:
        raise Conflict()
    # Abandoned by a process that died: take it over.
    IdempotentVerzoek.objects.filter(pk=bestaand.pk).update(aangemaakt_op=nu)
    return bestaand


def afronden(verzoek: IdempotentVerzoek, response, client_ids=()) -> None:
    """Keep the answer, unless the server failed: then a retry should really retry."""
    if response.status_code >= 500:
        IdempotentVerzoek.objects.filter(pk=verzoek.pk).delete()
        return
    data = json.loads(json.dumps(getattr(response, "data", None), cls=DjangoJSONEncoder))
    headers = {k: v for k, v in response.items() if k in ("Location", "ETag")}
    if getattr(response, "content_type", None):  # problem+json stays problem+json
        headers["Content-Type"] = response.content_type
    # Not a header: the clients the answer shows, so a replay is in the access log too.
    headers[CLIENTEN] = sorted(client_ids)
    IdempotentVerzoek.objects.filter(pk=verzoek.pk).update(
        status=IdempotentVerzoek.Status.KLAAR,
        antwoord_status=response.status_code,
        antwoord=data,
        antwoord_headers=headers,
    )
