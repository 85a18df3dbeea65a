"""Demo data for the HO process: an illustrative normenkader and band table, and a few
clients at each step of the chain, created through the same services as the pages.

The band table is NOT SDD's real table (that is not public): every band is labelled
"illustratieve demowaarde"."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader, Resultaatgebied
from indicaties import services
from indicaties.ho.services import definitieve_beschikking
from indicaties.models import (
    Beschikking,
    Client,
    Melding,
    Ondersteuningsplan,
    Procesinstellingen,
    Toewijzing,
)
from indicaties.states import PlanStatus
from sdd_portal.historie import opslaan

DEMO_LABEL = "illustratieve demowaarde"

RESULTAATGEBIEDEN = [
    ("schoon", "Schoon en leefbaar huis", False),
    ("was", "Wasverzorging", True),
    ("boodschappen", "Boodschappen", False),
    ("maaltijden", "Maaltijden", False),
    ("regie", "Organisatie van het huishouden", False),
    ("kinderen", "Zorg voor minderjarige kinderen", False),
]

# (code, min, max) minutes per week; contiguous so every number of minutes has a band.
BANDEN = [
    ("HO-B1", 30, 75),
    ("HO-B2", 76, 120),
    ("HO-B3", 121, 180),
    ("HO-B4", 181, 240),
    ("HO-B5", 241, 360),
]


def demo_pdf(titel: str) -> bytes:
    """A small, valid one-page PDF with a title line (stands in for a signed plan)."""
    tekst = titel.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 770 Td (" + tekst + b") Tj ET"
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objecten, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objecten) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objecten) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def referentiedata(product) -> dict[str, Bandbreedte]:
    normenkader, _ = Normenkader.objects.update_or_create(
        versie="HHM-normenkader 2025 (illustratief)",
        defaults={
            "geldig_van": date(2025, 1, 1),
            "omschrijving": "Demo: de resultaatgebieden van het HHM-normenkader; de bandbreedtes "
            f"zijn een {DEMO_LABEL}, niet de echte tabel van de SDD.",
        },
    )
    for volgorde, (code, naam, was) in enumerate(RESULTAATGEBIEDEN, start=1):
        Resultaatgebied.objects.update_or_create(
            normenkader=normenkader,
            code=code,
            defaults={"naam": naam, "volgorde": volgorde, "is_wasverzorging": was},
        )
    banden = {}
    for code, lo, hi in BANDEN:
        banden[code], _ = Bandbreedte.objects.update_or_create(
            product=product,
            code=code,
            geldig_van=date(2025, 1, 1),
            defaults={
                "normenkader": normenkader,
                "naam": DEMO_LABEL,
                "min_minuten": lo,
                "max_minuten": hi,
            },
        )
    if not Procesinstellingen.objects.exists():
        Procesinstellingen.objects.create()
    return banden


def _melding(consulent, client, product, band, dagen_geleden: int, afronden: bool = True):
    vandaag = timezone.localdate()
    melding = services.melding_registreren(
        actor=consulent,
        client=client,
        product=product,
        meldingsdatum=vandaag - timedelta(days=dagen_geleden),
        omschrijving="Kan door artrose het huis niet meer zelf schoonhouden.",
    )
    if afronden:
        services.onderzoek_opslaan(
            actor=consulent,
            melding=melding,
            gespreksdatum=vandaag - timedelta(days=dagen_geleden - 3),
            verslagdatum=vandaag - timedelta(days=dagen_geleden - 5),
            bevindingen="Keukentafelgesprek met cliënt en dochter. Cliënt kan lichte taken zelf; "
            "zware schoonmaak en de was niet.",
            bandbreedte=band,
            was_strijk=True,
            afronden=True,
        )
        melding.refresh_from_db()
    return melding


def ho_demo(*, product, aanbieder, consulent, medewerker) -> int:
    """Walk six demo clients without an assignment through the chain (once)."""
    banden = referentiedata(product)
    if Melding.objects.exists():
        return 0
    vrij = list(
        Client.objects.exclude(toewijzingen__isnull=False)
        .filter(gemeente__naam__in=["Dordrecht", "Zwijndrecht", "Alblasserdam", "Papendrecht"])
        .order_by("bsn")[:6]
    )
    if len(vrij) < 6:
        return 0
    vandaag = timezone.localdate()
    _melding(consulent, vrij[0], product, None, dagen_geleden=37, afronden=False)
    _melding(consulent, vrij[1], product, banden["HO-B3"], dagen_geleden=12)

    def kort(client, band):
        melding = _melding(consulent, client, product, band, dagen_geleden=20)
        beschikking = services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder,
            ingangsdatum=vandaag - timedelta(days=10),
            verzenddatum=vandaag,
        )
        return beschikking, Toewijzing.objects.get(beschikking=beschikking)

    def plan(beschikking, toewijzing, minuten):
        return services.plan_indienen(
            actor=medewerker,
            toewijzing=toewijzing,
            minuten_per_week=minuten,
            was_strijk=True,
            ingangsdatum=beschikking.einddatum + timedelta(days=1),
            einddatum=beschikking.einddatum + timedelta(days=365),
            verzenddatum=vandaag,
            ondertekenaar=medewerker,
            afspraken="Cliënt is aanwezig tijdens de ondersteuning.",
            upload=SimpleUploadedFile(
                "ondersteuningsplan.pdf",
                demo_pdf(f"Ondersteuningsplan (demo) {toewijzing.client.naam}"),
                content_type="application/pdf",
            ),
        )

    kort(vrij[2], banden["HO-B2"])
    beschikking, toewijzing = kort(vrij[3], banden["HO-B3"])
    plan(beschikking, toewijzing, 150)
    beschikking, toewijzing = kort(vrij[4], banden["HO-B2"])
    services.plan_afwijzen(
        actor=consulent,
        plan=plan(beschikking, toewijzing, 90),
        reden="De afspraken over de was ontbreken; vul aan en dien opnieuw in.",
    )
    beschikking, toewijzing = kort(vrij[5], banden["HO-B4"])
    services.plan_accepteren(actor=consulent, plan=plan(beschikking, toewijzing, 210))
    lopende_beschikkingen(
        clienten=list(
            Client.objects.exclude(toewijzingen__isnull=False)
            .filter(gemeente__naam__in=["Dordrecht", "Sliedrecht", "Hendrik-Ido-Ambacht"])
            .order_by("bsn")[:8]
        ),
        product=product,
        band=banden["HO-B2"],
        aanbieder=aanbieder,
        consulent=consulent,
        medewerker=medewerker,
    )
    return 6


# Definitive decisions that started about a year ago, ending this many days from today:
# around the six-week mark, so the daily jobs have expiry letters to write. The last one
# is withdrawn (no letter for it).
LOPEND_EINDE = [40, 42, 45, 49, 56, 63, 90, 47]


def lopende_beschikkingen(*, clienten, product, band, aanbieder, consulent, medewerker) -> int:
    """Clients whose accepted plan of last year is their running decision. The services
    refuse plans that start in the past, so these are written as the services would have
    written them then (with history), not through them, and not validated again."""
    vandaag = timezone.localdate()
    for client, dagen in zip(clienten, LOPEND_EINDE, strict=False):
        einde = vandaag + timedelta(days=dagen)
        ingang = einde - timedelta(days=364)
        client.consulent = consulent
        opslaan(client, actor=consulent, reden="Consulent (demo)", valideren=False)
        toewijzing = opslaan(
            Toewijzing(
                client=client,
                aanbieder=aanbieder,
                product=product,
                # As plan_accepteren leaves it: the assignment of care starts with the plan.
                ingangsdatum=ingang,
                einddatum=einde,
                bandbreedte=band,
                volume=100,
                eenheid=product.eenheid,
                frequentie=product.frequentie,
                gezien_op=timezone.now() - timedelta(days=400),
                start_zorg=ingang,
                heeft_plan=True,  # its accepted plan follows below
            ),
            actor=consulent,
            reden="Toewijzing (demo, vorig jaar)",
            valideren=False,
        )
        inhoud = demo_pdf(f"Ondersteuningsplan (demo) {client.naam}")
        plan = Ondersteuningsplan(
            toewijzing=toewijzing,
            versie=1,
            status=PlanStatus.GEACCEPTEERD,
            minuten_per_week=100,
            was_strijk=False,
            ingangsdatum=ingang,
            einddatum=einde,
            afspraken="Cliënt is aanwezig tijdens de ondersteuning.",
            verzenddatum=ingang - timedelta(days=7),
            ondertekenaar=medewerker,
            bestandsnaam="ondersteuningsplan.pdf",
            sha256=hashlib.sha256(inhoud).hexdigest(),
            grootte=len(inhoud),
            ingediend_door=medewerker,
            beoordeeld_door=consulent,
            beoordeeld_op=timezone.now() - timedelta(days=380),
        )
        plan.bestand.save("ondersteuningsplan.pdf", ContentFile(inhoud), save=False)
        opslaan(plan, actor=medewerker, reden="Plan (demo, vorig jaar)", valideren=False)
        beschikking = opslaan(
            definitieve_beschikking(plan, toewijzing),
            actor=consulent,
            reden="Definitieve beschikking (demo, vorig jaar)",
            valideren=False,
        )
        toewijzing.beschikking = beschikking
        opslaan(
            toewijzing, actor=consulent, reden="Definitieve beschikking (demo)", valideren=False
        )
    laatste = Beschikking.objects.filter(client=clienten[-1]).first() if clienten else None
    if laatste is not None and len(clienten) == len(LOPEND_EINDE):
        services.beschikking_intrekken(
            actor=consulent,
            beschikking=laatste,
            per=vandaag + timedelta(days=14),
            reden="Cliënt verhuist naar een verpleeghuis (demo).",
            verzenddatum=vandaag,
        )
    return len(clienten)
