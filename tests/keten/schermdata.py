"""Messages for the page and API tests, made directly with the message store's models."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date, datetime, timedelta

from django.utils import timezone

from keten.models import Bericht, Berichtcode, BerichtStatus, Retourcode, Richting, ToewijzingVersie

_volgnummer = itertools.count(1)


def xml_van(code: str, identificatie: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Bericht xmlns="http://www.istandaarden.nl/'
        f'iwmo/3_2/wmo{code}/schema"><Header><BerichtCode>4{code[1:]}</BerichtCode>'
        f"<BerichtIdentificatie><Identificatie>{identificatie}</Identificatie>"
        f"</BerichtIdentificatie></Header></Bericht>\n"
    ).encode()


def bericht(
    *,
    aanbieder,
    client=None,
    code: str = Berichtcode.WMO301,
    richting: str = Richting.UIT,
    status: str = BerichtStatus.KLAARGEZET,
    dagtekening: date | None = None,
    termijn: date | None = None,
    heenbericht: Bericht | None = None,
    fouten: list | None = None,
) -> Bericht:
    identificatie = f"T{next(_volgnummer):06d}"
    xml = xml_van(code, identificatie)
    uit = richting == Richting.UIT
    return Bericht.objects.create(
        berichtcode=code,
        richting=richting,
        status=status,
        afzender="0505" if uit else aanbieder.agb_code,
        ontvanger=aanbieder.agb_code if uit else "0505",
        identificatie=identificatie,
        dagtekening=dagtekening or timezone.localdate(),
        aanbieder=aanbieder,
        client=client,
        xml=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        bestandsnaam=f"{identificatie}.xml",
        heenbericht=heenbericht,
        termijn=termijn,
        fouten=fouten or [],
    )


def versie(toewijzing, heen: Bericht, *, nummer: int, reden: str = "", volume=None):
    return ToewijzingVersie.objects.create(
        toewijzing=toewijzing,
        bericht=heen,
        toewijzingnummer=nummer,
        vastgesteld_op=timezone.make_aware(datetime(2025, 3, 4, 10, 30)),
        ingangsdatum=toewijzing.ingangsdatum,
        einddatum=toewijzing.einddatum,
        reden_wijziging=reden,
        productcategorie="01",
        productcode="01A01",
        volume=volume,
        eenheid="04" if volume else "",
        frequentie="2" if volume else "",
    )


def retour_met_fouten(heen: Bericht, *, toewijzing=None, nummer: int = 1) -> Bericht:
    """A 302 on ``heen`` that rejects assignment ``nummer`` with code 9056; ``heen`` gets
    status 'retour met fouten'."""
    retour = bericht(
        aanbieder=heen.aanbieder,
        client=heen.client,
        code=Berichtcode.WMO302,
        richting=Richting.IN,
        status=BerichtStatus.VERWERKT,
        heenbericht=heen,
    )
    Retourcode.objects.create(bericht=retour, code="0200", niveau=Retourcode.Niveau.HEADER)
    Retourcode.objects.create(
        bericht=retour,
        code="9056",
        niveau=Retourcode.Niveau.PRODUCT,
        toewijzingnummer=nummer,
        toewijzing=toewijzing,
    )
    heen.status = BerichtStatus.RETOUR_MET_FOUTEN
    heen.save(update_fields=["status"])
    return retour


def over_termijn() -> date:
    return timezone.localdate() - timedelta(days=2)
