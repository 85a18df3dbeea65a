"""Decision letters: every required element in the real PDF text, the revocation sentence
exactly when a decision replaces another, never the band's maximum in a short decision,
versioned texts, rendering only when data changed, and the mailing run."""

from __future__ import annotations

import http.server
import io
import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from indicaties import services
from indicaties.brieven import maken
from indicaties.brieven import services as brieven
from indicaties.brieven.inhoud import VERVALZIN, datum_nl
from indicaties.models import (
    Beschikking,
    Brief,
    Briefsjabloon,
    BriefSoort,
    BriefStatus,
    Toewijzing,
    Verzendrun,
)
from sdd_portal.documents import pdf_van_html

from .conftest import goed_plan, onderzochte_melding


def tekst(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def gemaakt(brief: Brief) -> tuple[Brief, str]:
    assert maken.brief_maken(brief.pk) is True
    brief.refresh_from_db()
    assert brief.status == BriefStatus.KLAAR, brief.fout
    with brief.bestand.open("rb") as fh:
        return brief, tekst(fh.read())


def brief_van(beschikking, soort) -> Brief:
    return Brief.objects.get(beschikking=beschikking, soort=soort)


def test_kortdurende_brief_heeft_alle_elementen_en_nooit_het_maximum(
    kortdurend, banden, consulent, aanbieder_a, ho
):
    brief, t = gemaakt(brief_van(kortdurend, BriefSoort.KORTDUREND))
    band = banden["HO-B3"]
    for deel in (
        "U krijgt een kortdurende maatwerkvoorziening",
        ho.naam,
        "121 minuten per week",
        f"van {datum_nl(kortdurend.ingangsdatum)} tot en met {datum_nl(kortdurend.einddatum)}",
        aanbieder_a.naam,
        "HO-B3",
        "HHM 2025 (demo)",
        "Namens het college van burgemeester en wethouders van Dordrecht",
        consulent.get_full_name(),
        datum_nl(kortdurend.verzenddatum),
        f"uiterlijk op {datum_nl(kortdurend.bezwaartermijn_tot)}",
        "krijgt u nog geen hulp bij het huishouden",
        "niet bij de aanbieder",
    ):
        assert deel in t, deel
    assert f"{band.max_minuten}" not in t  # never the maximum, in any form
    assert VERVALZIN not in t  # it replaces nothing
    assert brief.sjabloon.versie == 1 and brief.paginas >= 1


def test_pdf_is_a4_getagd_met_ingebedde_fonts_en_taal(kortdurend):
    brief, _ = gemaakt(brief_van(kortdurend, BriefSoort.KORTDUREND))
    with brief.bestand.open("rb") as fh:
        reader = PdfReader(fh)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        assert str(root["/Lang"]).lower().startswith("nl")
        pagina = reader.pages[0]
        assert (round(float(pagina.mediabox.width)), round(float(pagina.mediabox.height))) == (
            595,
            842,
        )
        fonts = pagina["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font.get("/DescendantFonts")
            beschrijving = (
                descendant[0].get_object()["/FontDescriptor"]
                if descendant
                else font["/FontDescriptor"]
            )
            assert any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_definitieve_brief_met_plan_erachter_en_ondermandaat(definitief, medewerker_a, aanbieder_a):
    brief, t = gemaakt(brief_van(definitief, BriefSoort.DEFINITIEF))
    assert "Ondersteuningsplan [test]" in t  # the provider's plan is appended
    assert brief.paginas >= 2
    assert "150 minuten per week, inclusief was en strijk" in t
    assert f"{medewerker_a.get_full_name()}, {aanbieder_a.naam}, onder ondermandaat" in t
    assert f"{aanbieder_a.plaats}" in t  # the organisation's main address
    assert VERVALZIN not in t  # follows the short decision directly: replaces nothing


def test_vervalzin_precies_als_een_besluit_een_ander_vervangt(
    definitief, kortdurend, consulent, medewerker_a, ho, banden, aanbieder_a
):
    Beschikking.objects.filter(pk=kortdurend.pk).update(
        ingangsdatum=date(2025, 4, 1), einddatum=date(2025, 5, 31)
    )
    Beschikking.objects.filter(pk=definitief.pk).update(ingangsdatum=date(2025, 6, 1))
    vandaag = timezone.localdate()
    melding = onderzochte_melding(
        consulent=consulent, client=definitief.client, product=ho, band=banden["HO-B4"]
    )
    toewijzing = services.herindicatie_toewijzen(
        actor=consulent,
        melding=melding,
        aanbieder=aanbieder_a,
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=365),
    )
    start = vandaag + timedelta(days=3)
    plan = services.plan_indienen(
        actor=medewerker_a,
        toewijzing=toewijzing,
        **goed_plan(
            definitief,
            medewerker_a,
            minuten_per_week=240,
            ingangsdatum=start,
            einddatum=start + timedelta(days=364),
        ),
    )
    nieuw = services.plan_accepteren(actor=consulent, plan=plan)
    _, t = gemaakt(brief_van(nieuw, BriefSoort.DEFINITIEF))
    assert t.count(VERVALZIN) == 1
    assert "vervangt de definitieve beschikking" in t
    _, t_oud = gemaakt(brief_van(definitief, BriefSoort.DEFINITIEF))
    assert VERVALZIN not in t_oud


@pytest.mark.parametrize(
    ("verzenddatum", "laatste_dag"),
    [
        (date(2025, 3, 3), "14 april 2025"),  # the domain brief's test vector
        (date(2026, 3, 16), "28 april 2026"),  # would end on Koningsdag (Monday 27 April)
        (date(2025, 11, 14), "29 december 2025"),  # Friday 26 December: 2nd Christmas day
    ],
)
def test_bezwaartermijn_in_de_brief(kortdurend, verzenddatum, laatste_dag):
    brief = brieven.brief_aanmaken(
        soort=BriefSoort.KORTDUREND,
        sleutel=f"test:{verzenddatum}",
        client=kortdurend.client,
        beschikking=kortdurend,
        verzenddatum=verzenddatum,
    )
    _, t = gemaakt(brief)
    assert f"uiterlijk op {laatste_dag}" in t


def test_verlenging_intrekking_afwijzing_en_verloopbrief(
    definitief, kortdurend, consulent, ho, banden, ho_client
):
    vandaag = timezone.localdate()
    verlenging = services.beschikking_verlengen(
        actor=consulent,
        beschikking=definitief,
        nieuwe_einddatum=definitief.einddatum + timedelta(days=180),
        toelichting="Telefonisch besproken: niets veranderd.",
    )
    _, t = gemaakt(Brief.objects.get(verlenging=verlenging))
    assert datum_nl(verlenging.oude_einddatum) in t and datum_nl(verlenging.nieuwe_einddatum) in t
    assert "uiterlijk op" in t and "burgemeester en wethouders van Dordrecht" in t

    verloop = services.verloopbrief_aanmaken(beschikking=definitief, verzenddatum=vandaag)
    assert services.verloopbrief_aanmaken(beschikking=definitief, verzenddatum=vandaag) == verloop
    _, t = gemaakt(verloop)
    definitief.refresh_from_db()
    assert datum_nl(definitief.einddatum) in t and "078 000 00 00" in t
    assert "bezwaar" not in t.lower()  # a notice, not a decision

    services.beschikking_intrekken(
        actor=consulent,
        beschikking=definitief,
        per=vandaag + timedelta(days=60),
        reden="Cliënt verhuist naar een verpleeghuis buiten de regio.",
        verzenddatum=vandaag,
    )
    definitief.refresh_from_db()
    assert definitief.einddatum == vandaag + timedelta(days=59)
    assert Toewijzing.objects.get(beschikking=definitief).einddatum == definitief.einddatum
    _, t = gemaakt(brief_van(definitief, BriefSoort.INTREKKING))
    assert datum_nl(vandaag + timedelta(days=60)) in t and "verpleeghuis" in t

    melding = services.melding_registreren(
        actor=consulent, client=ho_client, product=ho, meldingsdatum=vandaag
    )
    with pytest.raises(ValidationError):  # not before the onderzoek
        services.melding_afwijzen(
            actor=consulent, melding=melding, motivering="x" * 30, verzenddatum=vandaag
        )
    melding = onderzochte_melding(
        consulent=consulent, client=ho_client, product=ho, band=banden["HO-B1"]
    )
    with pytest.raises(ValidationError) as exc:
        services.melding_afwijzen(
            actor=consulent,
            melding=melding,
            motivering="nee",
            verzenddatum=vandaag - timedelta(days=3),
        )
    assert set(exc.value.message_dict) == {"motivering", "verzenddatum"}
    services.melding_afwijzen(
        actor=consulent,
        melding=melding,
        motivering="U kunt met een algemene voorziening (de was- en strijkservice) zelf verder.",
        verzenddatum=vandaag,
    )
    _, t = gemaakt(Brief.objects.get(melding=melding, soort=BriefSoort.AFWIJZING))
    assert "U krijgt geen maatwerkvoorziening" in t and "algemene voorziening" in t
    assert datum_nl(melding.meldingsdatum) in t


def test_brieftekst_zonder_verplicht_element_kan_niet_worden_opgeslagen(beheerder, consulent):
    goed = Briefsjabloon.objects.none()
    from indicaties.brieven.standaard import STANDAARD

    onderwerp, tekst_ = STANDAARD[BriefSoort.KORTDUREND]
    zonder = tekst_.replace("{{ bezwaarclausule }}", "").replace("{{ nog_geen_ondersteuning }}", "")
    with pytest.raises(ValidationError) as exc:
        brieven.nieuwe_versie(
            actor=beheerder, soort="kortdurend", onderwerp=onderwerp, tekst=zonder, toelichting=""
        )
    fout = exc.value.message_dict["tekst"][0]
    assert "{{ bezwaarclausule }}" in fout and "{{ nog_geen_ondersteuning }}" in fout
    for slecht, verwacht in (
        (tekst_ + "{{ geheim }}", "Onbekende elementen"),
        (tekst_ + "{% load static %}", "kan niet worden gelezen"),
        (tekst_ + '{% now "Y" %}', "zijn toegestaan, niet 'now'"),
        (tekst_ + "{{ aanhef|upper }}", "Filters"),
        (tekst_ + "{% if %}", "kan niet worden gelezen"),
    ):
        with pytest.raises(ValidationError) as exc:
            brieven.nieuwe_versie(
                actor=beheerder,
                soort="kortdurend",
                onderwerp=onderwerp,
                tekst=slecht,
                toelichting="",
            )
        assert verwacht in str(exc.value), slecht
    with pytest.raises(PermissionDenied):
        brieven.nieuwe_versie(
            actor=consulent, soort="kortdurend", onderwerp=onderwerp, tekst=tekst_, toelichting=""
        )
    assert not goed.exists()


def test_nieuwe_versie_geldt_voor_nieuwe_brieven_en_oude_houden_de_hunne(
    kortdurend, beheerder, consulent
):
    oud = brief_van(kortdurend, BriefSoort.KORTDUREND)
    onderwerp, tekst_ = brieven.huidig_sjabloon("kortdurend").onderwerp, oud.sjabloon.tekst
    v2 = brieven.nieuwe_versie(
        actor=beheerder,
        soort="kortdurend",
        onderwerp=onderwerp,
        tekst="Wij schrijven u in eenvoudige taal.\n\n" + tekst_,
        toelichting="Eenvoudiger opening",
    )
    assert v2.versie == 2
    nieuw = brieven.brief_aanmaken(
        soort="kortdurend",
        sleutel="test:v2",
        client=kortdurend.client,
        beschikking=kortdurend,
        verzenddatum=kortdurend.verzenddatum,
    )
    assert nieuw.sjabloon == v2 and oud.sjabloon.versie == 1
    _, t = gemaakt(nieuw)
    assert "eenvoudige taal" in t


def test_opnieuw_maken_alleen_als_de_gegevens_veranderen(kortdurend, consulent):
    brief, _ = gemaakt(brief_van(kortdurend, BriefSoort.KORTDUREND))
    sha = brief.sha256
    assert maken.brief_maken(brief.pk) is False  # nothing changed
    Beschikking.objects.filter(pk=kortdurend.pk).update(minuten_per_week=125)
    assert maken.brief_maken(brief.pk) is True
    brief.refresh_from_db()
    assert brief.sha256 != sha
    Brief.objects.filter(pk=brief.pk).update(
        status=BriefStatus.VERZONDEN, verzonden_op=timezone.localdate()
    )
    Beschikking.objects.filter(pk=kortdurend.pk).update(minuten_per_week=130)
    assert maken.brief_maken(brief.pk) is False  # a sent letter never changes


def test_brief_die_een_verplicht_element_mist_gaat_niet_de_deur_uit(kortdurend):
    brief = brief_van(kortdurend, BriefSoort.KORTDUREND)
    # A text stored behind the service's back (for instance by a data fix) without the
    # objection clause: the content check after filling in still refuses it.
    kaal = Briefsjabloon.objects.create(
        soort="kortdurend", versie=99, onderwerp="Besluit", tekst="{{ aanhef }} {{ product }}"
    )
    Brief.objects.filter(pk=brief.pk).update(sjabloon=kaal)
    assert maken.brief_maken(brief.pk) is False
    brief.refresh_from_db()
    assert brief.status == BriefStatus.FOUT and "bezwaartermijn" in brief.fout
    assert "einddatum" in brief.fout


def test_renderen_haalt_niets_van_het_netwerk():
    verzoeken = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            verzoeken.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        pdf = pdf_van_html(
            f'<html lang="nl"><head><title>t</title><link rel="stylesheet" href="{url}/a.css">'
            f'</head><body><img src="{url}/logo.png" alt="logo"><p>Tekst</p></body></html>'
        )
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF") and verzoeken == []


def test_verzendrun_printbestand_en_werkelijke_verzenddatum(
    kortdurend, definitief, consulent, medewerker_a
):
    vandaag = timezone.localdate()
    run = brieven.verzendrun_maken(actor=consulent, datum=vandaag)
    assert run.aantal == 2  # the short and the definitive decision
    run = maken.verzendrun_maken_pdf(run.pk)
    assert run.status == Verzendrun.Status.KLAAR and run.gereed == run.aantal == 2
    with run.bestand.open("rb") as fh:
        reader = PdfReader(fh)
        assert len(reader.pages) == run.paginas and run.paginas % 2 == 0
        eerste = " ".join(reader.pages[0].extract_text().split())
    assert "Verzendlijst: 2 brieven" in eerste and kortdurend.client.naam in eerste
    with pytest.raises(ValidationError, match="geen brieven"):
        brieven.verzendrun_maken(actor=consulent, datum=vandaag)  # all are in a run
    with pytest.raises(PermissionDenied):
        brieven.verzendrun_maken(actor=medewerker_a, datum=vandaag)
    with pytest.raises(ValidationError) as exc:
        brieven.verzendrun_verzonden(
            actor=consulent, run=run, verzonden_op=vandaag + timedelta(days=1)
        )
    assert "toekomst" in exc.value.message_dict["verzonden_op"][0]

    # Sent three days later than the letters say: the objection term runs from then.
    Brief.objects.filter(verzendrun=run).update(verzenddatum=vandaag - timedelta(days=3))
    Beschikking.objects.filter(pk=kortdurend.pk).update(
        verzenddatum=vandaag - timedelta(days=3),
        bezwaartermijn_tot=vandaag - timedelta(days=3) + timedelta(weeks=6),
    )
    brieven.verzendrun_verzonden(actor=consulent, run=run, verzonden_op=vandaag)
    kortdurend.refresh_from_db()
    from indicaties.termijnen import bezwaartermijn_einde

    assert kortdurend.bezwaartermijn_tot == bezwaartermijn_einde(vandaag)
    for brief in run.brieven.all():
        assert brief.status == BriefStatus.VERZONDEN and brief.verzonden_op == vandaag
        assert brief.history.first().history_user == consulent
