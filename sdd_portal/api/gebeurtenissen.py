"""Publishing events to subscriptions (outbox pattern).

A service calls ``publiceren`` right after its data change, inside its transaction. The
deliveries (``Levering``) are written in that same transaction, so they exist exactly when
the change is committed and are lost with it on a rollback; only the sending is queued
after commit. A task lost on the way (broker down, worker killed) is picked up again by
the sweep (``tasks.leveringen_herplannen``).

Every subscription only receives events about rows its credential may see: the model's
``visible_to`` with the credential's technical account, the same
rule as reading the resource through the API. The payload names the resource, never a
client: the receiver fetches the details through the API, where reading is logged.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Abonnement, Levering
from .scopes import LEZEN, resource_van, scope

logger = logging.getLogger(__name__)

# Not a subscribable kind: the test delivery of ``POST /abonnementen/{uuid}/test``.
PING = "ping"


def resource_url(resource: str, resource_uuid) -> str:
    return f"{settings.PORTAL_BASE_URL.rstrip('/')}/api/v1/{resource}/{resource_uuid}"


def payload(*, levering_uuid, soort: str, resource: str, resource_uuid, tijdstip) -> dict:
    """What the receiver gets: references only, no personal data."""
    return {
        "id": str(levering_uuid),
        "type": soort,
        "resource": resource,
        "resourceUuid": str(resource_uuid),
        "url": resource_url(resource, resource_uuid),
        "tijdstip": tijdstip.isoformat(),
    }


def nieuwe_levering(*, abonnement: Abonnement, soort: str, resource: str, resource_uuid, nu):
    """An unsaved delivery, due now."""
    levering_uuid = uuid.uuid4()
    return Levering(
        uuid=levering_uuid,
        abonnement=abonnement,
        gebeurtenis=soort,
        resource=resource,
        resource_uuid=resource_uuid,
        payload=payload(
            levering_uuid=levering_uuid,
            soort=soort,
            resource=resource,
            resource_uuid=resource_uuid,
            tijdstip=nu,
        ),
        volgende_poging=nu,
    )


def _zichtbaar(model, gebruiker):
    manager = model._default_manager
    if hasattr(manager, "visible_to"):
        return manager.visible_to(gebruiker)
    return manager.none()  # no visibility rule: nobody outside gets it


def actieve_abonnementen(soort: str):
    """Active subscriptions for ``soort`` whose credential still works."""
    vandaag = timezone.localdate()
    return (
        Abonnement.objects.filter(
            actief=True,
            gebeurtenissen__contains=[soort],
            sleutel__actief=True,
            sleutel__organisatie__actief=True,
        )
        .filter(Q(sleutel__geldig_tot__isnull=True) | Q(sleutel__geldig_tot__gte=vandaag))
        .select_related("sleutel__gebruiker__organisatie")
        .order_by("pk")
    )


def publiceren(soort: str, *, instance, resource: str | None = None) -> list[Levering]:
    """Publish one event about ``instance`` (call inside the service's transaction)."""
    return publiceren_veel(soort, instances=[instance], resource=resource)


def publiceren_veel(soort: str, *, instances: Iterable, resource: str | None = None):
    """Publish one event per instance (all of one model) with one query for the
    subscriptions and one visibility query per subscription."""
    rijen = {i.pk: i for i in instances if i is not None and i.pk is not None}
    if not rijen:
        return []
    resource = resource or resource_van(soort)
    abonnementen = list(actieve_abonnementen(soort))
    if not abonnementen:
        return []
    model = type(next(iter(rijen.values())))
    nu = timezone.now()
    leveringen = []
    for abonnement in abonnementen:
        sleutel = abonnement.sleutel
        if not sleutel.heeft_scope(scope(resource, LEZEN)):
            continue
        zichtbaar = set(
            _zichtbaar(model, sleutel.gebruiker)
            .filter(pk__in=list(rijen))
            .values_list("pk", flat=True)
        )
        leveringen += [
            nieuwe_levering(
                abonnement=abonnement,
                soort=soort,
                resource=resource,
                resource_uuid=rij.uuid,
                nu=nu,
            )
            for pk, rij in rijen.items()
            if pk in zichtbaar
        ]
    if leveringen:
        Levering.objects.bulk_create(leveringen)
        in_wachtrij_na_commit([levering.pk for levering in leveringen])
    return leveringen


def in_wachtrij_na_commit(levering_pks: list[int]) -> None:
    """Record the sends in the task outbox, published once the data is committed."""
    from sdd_portal import wachtrij

    from .tasks import levering_versturen

    wachtrij.plaats_veel(levering_versturen, [(pk,) for pk in levering_pks])
