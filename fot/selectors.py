"""Reads of the consultation tables that other pages use."""

from __future__ import annotations

from django.db.models import Q

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol

from .models import Actiepunt, ActieStatus, Tafellid


def mijn_actiepunten(actor):
    """Open action items the actor (or their organisation) must carry out: a provider's
    own items and those for all providers of its tables; for contract management the items
    addressed to them personally or to SDD. Only items of meetings the actor may see: a
    provider's list never links to an item of minutes still in draft."""
    qs = Actiepunt.objects.visible_to(actor).filter(status=ActieStatus.OPEN)
    qs = qs.select_related("tafel", "vergadering__tafel")
    provider = aanbieder_id(actor)
    if provider is not None:
        tafels = Tafellid.objects.filter(organisatie_id=provider, lid_tot__isnull=True).values(
            "tafel_id"
        )
        qs = qs.filter(
            Q(eigenaar_organisatie_id=provider)
            | Q(eigenaar_persoon_id=actor.pk)
            | Q(eigenaar_alle_aanbieders=True, tafel_id__in=tafels)
        )
    elif heeft_sdd_rol(actor, Rol.CONTRACTMANAGER):
        qs = qs.filter(
            Q(eigenaar_persoon_id=actor.pk) | Q(eigenaar_organisatie_id=actor.organisatie_id)
        )
    else:
        return qs.none()
    return qs.order_by("termijn", "vergadering__datum", "id")
