"""The client register, shared by every process (the HO process now, individual guidance
later): writes on clients and their assignments. Keyword-only, one transaction each,
history with actor and reason."""

from __future__ import annotations

from django.db import transaction

from contractbeheer.services import controleer_nieuwe_toewijzing
from sdd_portal.api.gebeurtenissen import publiceren
from sdd_portal.historie import opslaan

from .models import Client, Toewijzing

CLIENT_FIELDS = (
    "bsn",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "huisnummertoevoeging",
    "postcode",
    "woonplaats",
    "gemeente",
    "telefoon",
    "email",
)


@transaction.atomic
def client_registreren(*, actor, data: dict) -> Client:
    client = Client(**{field: data[field] for field in CLIENT_FIELDS if field in data})
    if client.consulent_id is None and actor.is_sdd and actor.has_rol("consulent"):
        client.consulent = actor  # the registering consulent has the regie until handed over
    opslaan(client, actor=actor, reden="Cliënt geregistreerd")
    return client


@transaction.atomic
def client_wijzigen(*, actor, client: Client, data: dict, reden: str = "") -> Client:
    client = Client.objects.select_for_update().get(pk=client.pk)
    for field in CLIENT_FIELDS:
        if field in data:
            setattr(client, field, data[field])
    opslaan(client, actor=actor, reden=reden or "Cliëntgegevens gewijzigd")
    return client


@transaction.atomic
def toewijzing_vastleggen(
    *,
    actor,
    client: Client,
    aanbieder,
    product,
    ingangsdatum,
    einddatum=None,
    stop_afwijking_reden: str = "",
    reden: str = "Toewijzing vastgelegd",
    beschikking=None,
    bandbreedte=None,
    volume: int | None = None,
) -> Toewijzing:
    """Assign a product to a provider. Refused for a provider without a running contract
    for the product, or with a client stop in force in the client's municipality unless
    the consulent records why it was agreed with contract management."""
    controleer_nieuwe_toewijzing(
        aanbieder=aanbieder,
        product=product,
        gemeente=client.gemeente,
        datum=ingangsdatum,
        stop_afwijking_reden=stop_afwijking_reden,
    )
    toewijzing = Toewijzing(
        client=client,
        aanbieder=aanbieder,
        product=product,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        stop_afwijking_reden=stop_afwijking_reden,
        beschikking=beschikking,
        bandbreedte=bandbreedte,
        volume=volume,
        eenheid=product.eenheid if volume is not None else "",
        frequentie=product.frequentie if volume is not None else "",
    )
    opslaan(toewijzing, actor=actor, reden=reden)
    publiceren("toewijzing.nieuw", instance=toewijzing)
    return toewijzing
