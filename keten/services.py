"""Writes into the chain: the export of a decision as an iWmo 301 message."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from indicaties.ho.services.controles import alleen_consulent
from indicaties.models import Beschikking, Toewijzing
from indicaties.states import BeschikkingStatus
from sdd_portal import opmaak
from sdd_portal.historie import opslaan

from .iwmo.bouwen import bouw_301
from .iwmo.gegevens import Bericht301, Clientgegevens, Kop, ToegewezenProduct
from .iwmo.validatie import valideer


@transaction.atomic
def beschikking_exporteren(*, actor, beschikking: Beschikking) -> bytes:
    """Export into the chain: the iWmo 301 with every current assignment of this client at
    this provider. Refused without the documents a decision needs."""
    alleen_consulent(actor)
    beschikking = (
        Beschikking.objects.select_for_update(of=("self",))
        .select_related("client__gemeente", "aanbieder", "product", "ondersteuningsplan")
        .get(pk=beschikking.pk)
    )
    vandaag = timezone.localdate()
    if beschikking.status != BeschikkingStatus.GELDIG:
        raise ValidationError("Een ingetrokken beschikking wordt niet geëxporteerd.")
    if beschikking.is_kortdurend and beschikking.einddatum < vandaag:
        raise ValidationError(
            f"De kortdurende beschikking is op {opmaak.datum(beschikking.einddatum)} verlopen; "
            "exporteren heeft geen zin meer. Beoordeel het ondersteuningsplan of verleng de "
            "toewijzing."
        )
    if not beschikking.is_kortdurend:
        plan = beschikking.ondersteuningsplan
        if plan is None or not plan.bestand or not plan.sha256:
            raise ValidationError(
                "Het ondertekende ondersteuningsplan ontbreekt; zonder dit document kan de "
                "beschikking niet worden geëxporteerd."
            )
    toewijzingen = list(
        Toewijzing.objects.actief_op(vandaag)
        .filter(client=beschikking.client, aanbieder=beschikking.aanbieder)
        .exclude(volume__isnull=True)
        .select_related("product", "beschikking")
    ) or list(beschikking.toewijzingen.select_related("product", "beschikking"))
    client = beschikking.client
    xml = bouw_301(
        Bericht301(
            kop=Kop(
                berichtcode="301",
                afzender=client.gemeente.code,
                ontvanger=beschikking.aanbieder.agb_code,
                identificatie=f"B{beschikking.pk:011d}"[-12:],
                dagtekening=vandaag,
            ),
            client=Clientgegevens(
                bsn=client.bsn,
                geboortedatum=client.geboortedatum,
                achternaam=client.achternaam,
                voorvoegsel=client.voorvoegsel,
                voornamen=client.voornamen,
                straat=client.straat,
                huisnummer=client.huisnummer,
                huisnummertoevoeging=client.huisnummertoevoeging,
                postcode=client.postcode,
                woonplaats=client.woonplaats,
                telefoon=client.telefoon,
                email=client.email,
            ),
            producten=tuple(
                ToegewezenProduct(
                    toewijzingnummer=t.pk,
                    productcategorie=t.product.productcategorie,
                    productcode=t.product.productcode,
                    vastgesteld_op=timezone.localtime(t.created_at),
                    ingangsdatum=t.ingangsdatum,
                    einddatum=t.einddatum,
                    volume=t.volume,
                    eenheid=t.eenheid or t.product.eenheid,
                    frequentie=t.frequentie or t.product.frequentie,
                )
                for t in sorted(toewijzingen, key=lambda t: t.pk)
            ),
        )
    )
    fouten = valideer(xml)
    if fouten:
        raise ValidationError(
            "Het iWmo-bericht voldoet niet aan het schema: " + "; ".join(fouten[:3])
        )
    beschikking.geexporteerd_op = timezone.now()
    opslaan(beschikking, actor=actor, reden="Geëxporteerd (iWmo 301)")
    return xml
