"""Chain fixtures: the HO process's fixtures (a short decision, its accepted plan, the bands),
a running assignment of provider A under a definitive decision, and
outgoing 301s made with the real builder (as helper "toewijzen"'s services will store them)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from indicaties.models import Toewijzing
from keten.iwmo.bouwen import bouw_301
from keten.iwmo.gegevens import Bericht301, Clientgegevens, Kop, ToegewezenProduct
from keten.models import Bericht, Berichtcode, BerichtStatus, Richting
from tests.indicaties.conftest import (  # noqa: F401 (fixtures)
    banden,
    definitief,
    gebieden,
    ho_client,
    kortdurend,
    normenkader,
)

GEMEENTE = "0505"  # Dordrecht


@pytest.fixture
def lopend(definitief):  # noqa: F811
    """The definitive decision's assignment at provider A, running since ten days ago."""
    toewijzing = Toewijzing.objects.select_related("client", "aanbieder", "product").get(
        beschikking=definitief
    )
    toewijzing.ingangsdatum = timezone.localdate() - timedelta(days=10)
    toewijzing.save(update_fields=["ingangsdatum"])
    return toewijzing


_volgnummer = iter(range(1, 10**6))


def uitgaand_301(
    toewijzing: Toewijzing,
    *,
    dagtekening: date | None = None,
    termijn: date | None = None,
    identificatie: str | None = None,
) -> Bericht:
    """Store an outgoing 301 for ``toewijzing`` as the export does: klaargezet, a term."""
    dagtekening = dagtekening or timezone.localdate()
    identificatie = identificatie or f"T{next(_volgnummer):06d}"
    client = toewijzing.client
    xml = bouw_301(
        Bericht301(
            kop=Kop(
                berichtcode="301",
                afzender=GEMEENTE,
                ontvanger=toewijzing.aanbieder.agb_code,
                identificatie=identificatie,
                dagtekening=dagtekening,
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
            ),
            producten=(
                ToegewezenProduct(
                    toewijzingnummer=toewijzing.pk,
                    productcategorie=toewijzing.product.productcategorie,
                    productcode=toewijzing.product.productcode,
                    vastgesteld_op=datetime.combine(dagtekening, datetime.min.time()),
                    ingangsdatum=toewijzing.ingangsdatum,
                    einddatum=toewijzing.einddatum,
                    volume=toewijzing.volume or 150,
                    eenheid=toewijzing.eenheid or "01",
                    frequentie=toewijzing.frequentie or "2",
                ),
            ),
        )
    )
    return Bericht.objects.create(
        berichtcode=Berichtcode.WMO301,
        richting=Richting.UIT,
        status=BerichtStatus.KLAARGEZET,
        afzender=GEMEENTE,
        ontvanger=toewijzing.aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=dagtekening,
        aanbieder=toewijzing.aanbieder,
        client=client,
        xml=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        bestandsnaam=f"{identificatie}.xml",
        termijn=termijn,
    )


@pytest.fixture
def mappen(settings, tmp_path):
    """Export and import folders of their own for each test."""
    settings.IWMO_EXPORT_MAP = tmp_path / "export"
    settings.IWMO_IMPORT_MAP = tmp_path / "import"
    return tmp_path


def bericht_305(
    toewijzing: Toewijzing,
    *,
    begindatum: date,
    identificatie: str = "A1",
    status: str = "1",
    afzender: str | None = None,
    ontvanger: str = GEMEENTE,
    nummer: int | None = None,
    dagtekening: date | None = None,
) -> bytes:
    from keten.iwmo.bouwen import bouw_305
    from keten.iwmo.gegevens import Bericht305, StartProduct

    client = toewijzing.client
    return bouw_305(
        Bericht305(
            kop=Kop(
                berichtcode="305",
                afzender=afzender or toewijzing.aanbieder.agb_code,
                ontvanger=ontvanger,
                identificatie=identificatie,
                dagtekening=dagtekening or timezone.localdate(),
            ),
            bsn=client.bsn,
            geboortedatum=client.geboortedatum,
            achternaam=client.achternaam,
            voorvoegsel=client.voorvoegsel,
            producten=(
                StartProduct(
                    toewijzingnummer=nummer or toewijzing.pk,
                    productcategorie=toewijzing.product.productcategorie,
                    productcode=toewijzing.product.productcode,
                    toewijzing_ingangsdatum=toewijzing.ingangsdatum,
                    begindatum=begindatum,
                    status_aanlevering=status,
                ),
            ),
        )
    )


def bericht_307(
    toewijzing: Toewijzing,
    *,
    begindatum: date,
    einddatum: date,
    reden: str = "19",
    identificatie: str = "B1",
    status: str = "1",
) -> bytes:
    from keten.iwmo.bouwen import bouw_307
    from keten.iwmo.gegevens import Bericht307, StopProduct

    client = toewijzing.client
    return bouw_307(
        Bericht307(
            kop=Kop(
                berichtcode="307",
                afzender=toewijzing.aanbieder.agb_code,
                ontvanger=GEMEENTE,
                identificatie=identificatie,
                dagtekening=timezone.localdate(),
            ),
            bsn=client.bsn,
            geboortedatum=client.geboortedatum,
            achternaam=client.achternaam,
            voorvoegsel=client.voorvoegsel,
            producten=(
                StopProduct(
                    toewijzingnummer=toewijzing.pk,
                    productcategorie=toewijzing.product.productcategorie,
                    productcode=toewijzing.product.productcode,
                    toewijzing_ingangsdatum=toewijzing.ingangsdatum,
                    begindatum=begindatum,
                    einddatum=einddatum,
                    reden_beeindiging=reden,
                    status_aanlevering=status,
                ),
            ),
        )
    )


@pytest.fixture
def iwmo_aanbieder(mappen):
    """The provider's side played by the simulator: ``iwmo_aanbieder(fouten=..., tijdelijk=...,
    vandaag=...)`` answers the 301s in the export folder and reports starts and stops into
    the import folder, exactly as ``manage.py iwmo_simulator`` does."""
    from keten.simulator import Simulator
    from keten.transport import transport

    def _draai(**opties):
        return Simulator(transport(), **opties).draai()

    return _draai
