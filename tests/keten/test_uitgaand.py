"""The WMO301 by the rules, written automatically per client and provider (keten.uitgaand).

Golden messages per situation: each is parsed and asserted on what the provider reads, and
passes the XSD and the official stylesheet (IWMO_REGELS_XSL) with zero findings."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from lxml import etree

from bandbreedte.models import Uitvoeringsvariant
from indicaties import services
from indicaties.models import RedenWijziging, Toewijzing
from indicaties.register import toewijzing_omvang_wijzigen
from indicaties.termijnen import werkdagen_na
from keten import uitgaand
from keten.iwmo import bouwen, regels
from keten.models import Bericht, BerichtStatus, ToewijzingVersie
from keten.tasks import toewijzingen_versturen_taak
from sdd_portal.wachtrij.models import Opdracht
from tests.factories import ProductFactory, ToewijzingFactory
from tests.indicaties.conftest import goed_plan, onderzochte_melding

NS = {"w": bouwen.namespace("301"), "i": bouwen.NS_BASIS}
TAAK = "keten.tasks.toewijzingen_versturen"


@pytest.fixture(autouse=True)
def exportmap(settings, tmp_path):
    settings.IWMO_EXPORT_MAP = tmp_path / "export"
    settings.IWMO_IMPORT_MAP = tmp_path / "import"
    return tmp_path / "export"


def stylesheet_vereist(settings) -> None:
    if not settings.IWMO_REGELS_XSL:
        pytest.skip(
            "IWMO_REGELS_XSL is niet ingesteld: deze regel hoort bij de officiële "
            "inhoudscontrole (CI zet hem in run 2)."
        )


def versturen(toewijzing: Toewijzing) -> Bericht | None:
    return uitgaand.toewijzingen_versturen(toewijzing.client_id, toewijzing.aanbieder_id)


def producten(bericht: Bericht) -> dict[int, dict[str, str]]:
    """What the provider reads: per ToewijzingNummer, the product's elements as text."""
    root = etree.fromstring(bytes(bericht.xml))
    uit = {}
    for tp in root.iterfind(".//w:ToegewezenProduct", NS):
        velden = {etree.QName(e).localname: (e.text or "").strip() for e in tp.iter()}
        uit[int(velden["ToewijzingNummer"])] = velden
    return uit


def zonder_bevindingen(bericht: Bericht) -> None:
    from django.conf import settings

    controle = regels.controleer(bytes(bericht.xml), "301")
    # The official stylesheet runs whenever it is configured (CI's run 2 and production).
    assert controle.stylesheet == bool(settings.IWMO_REGELS_XSL)
    assert controle.bevindingen == ()
    assert bericht.status == BerichtStatus.KLAARGEZET and bericht.fouten == []


def plan_toewijzing(definitief) -> Toewijzing:
    return Toewijzing.objects.get(beschikking=definitief)


# ----------------------------------------------------------------------- new assignments


def test_kortdurende_toewijzing_gaat_niet_de_keten_in(kortdurend):
    """ADR 0017: no household support before the plan, so no 301 for the short-term order."""
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    assert toewijzing.wacht_op_plan
    assert versturen(toewijzing) is None
    assert not Bericht.objects.exists()


def test_nieuw_definitief_plan_geeft_301_met_omvang_van_het_plan(definitief, exportmap):
    toewijzing = plan_toewijzing(definitief)
    with transaction.atomic():
        bericht = versturen(toewijzing)
    assert bericht is not None
    zonder_bevindingen(bericht)
    (product,) = producten(bericht).values()
    assert product["ToewijzingNummer"] == str(toewijzing.pk)
    assert product["Ingangsdatum"] == definitief.ingangsdatum.isoformat()
    assert product["Einddatum"] == definitief.einddatum.isoformat()
    assert (product["Volume"], product["Eenheid"], product["Frequentie"]) == ("150", "01", "2")
    assert "RedenWijziging" not in product  # new, not changed
    vandaag = timezone.localdate()
    assert bericht.termijn == werkdagen_na(vandaag, 3)  # OP090
    assert bericht.sha256 == hashlib.sha256(bytes(bericht.xml)).hexdigest()
    assert (bericht.client_id, bericht.aanbieder_id) == (
        toewijzing.client_id,
        toewijzing.aanbieder_id,
    )
    (versie,) = ToewijzingVersie.objects.filter(toewijzing=toewijzing)
    assert (versie.bericht, versie.volume, versie.reden_wijziging) == (bericht, 150, "")
    # Nothing changed since: no second message.
    assert versturen(toewijzing) is None
    assert Bericht.objects.count() == 1


def test_na_commit_staat_het_bestand_in_de_exportmap(
    definitief, exportmap, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = versturen(plan_toewijzing(definitief))
    assert bericht is not None
    bestand = exportmap / f"WMO301_{bericht.afzender}_{bericht.identificatie}.xml"
    assert bestand.read_bytes() == bytes(bericht.xml)


def test_bericht_dat_regels_breekt_wordt_fout_en_niet_klaargezet(
    db, exportmap, django_capture_on_commit_callbacks, settings
):
    """An assignment without a size (data from before the entry rule) breaks CD041: the
    message is stored as 'fout' with its findings, nothing is placed, nothing is versioned."""
    stylesheet_vereist(settings)
    toewijzing = ToewijzingFactory(
        einddatum=timezone.localdate() + timedelta(days=90),
        volume=None,
        eenheid="",
        frequentie="",
    )
    with django_capture_on_commit_callbacks(execute=True):
        bericht = versturen(toewijzing)
    assert bericht is not None and bericht.status == BerichtStatus.FOUT
    assert any(f["code"] == "CD041" for f in bericht.fouten), bericht.fouten
    assert all(f["tekst"] for f in bericht.fouten)
    assert bericht.termijn is None
    assert not ToewijzingVersie.objects.exists()
    assert not exportmap.exists() or not any(exportmap.iterdir())


def test_taakgericht_product_wordt_nooit_verstuurd(db):
    product = ProductFactory(
        code="SCH", productcode="", uitvoeringsvariant=Uitvoeringsvariant.TAAKGERICHT
    )
    toewijzing = ToewijzingFactory(
        product=product, einddatum=None, volume=None, eenheid="", frequentie=""
    )
    assert versturen(toewijzing) is None


def test_twee_producten_bij_een_aanbieder_in_een_bericht(db):
    einde = timezone.localdate() + timedelta(days=200)
    ho = ToewijzingFactory(einddatum=einde)
    ib = ToewijzingFactory(
        client=ho.client,
        aanbieder=ho.aanbieder,
        product=ProductFactory(code="IB", productcategorie="07", productcode="07A08"),
        einddatum=einde,
        volume=4,
        eenheid="04",
        frequentie="4",
    )
    bericht = versturen(ho)
    zonder_bevindingen(bericht)
    gelezen = producten(bericht)
    assert set(gelezen) == {ho.pk, ib.pk}
    assert gelezen[ib.pk]["Categorie"] == "07" and gelezen[ib.pk]["Eenheid"] == "04"


# ----------------------------------------------------------------------------- changes


def test_verlenging_gaat_mee_met_reden_04(definitief, consulent):
    toewijzing = plan_toewijzing(definitief)
    eerste = versturen(toewijzing)
    nieuwe_einde = definitief.einddatum + timedelta(days=180)
    services.beschikking_verlengen(
        actor=consulent,
        beschikking=definitief,
        nieuwe_einddatum=nieuwe_einde,
        toelichting="Telefonisch besproken: niets veranderd.",
    )
    tweede = versturen(toewijzing)
    zonder_bevindingen(tweede)
    product = producten(tweede)[toewijzing.pk]
    assert product["Einddatum"] == nieuwe_einde.isoformat()
    assert product["RedenWijziging"] == RedenWijziging.VERLENGING == "04"
    vorige = producten(eerste)[toewijzing.pk]
    assert (product["Toewijzingsdatum"], product["Toewijzingstijd"]) > (
        vorige["Toewijzingsdatum"],
        vorige["Toewijzingstijd"],
    )
    assert tweede.identificatie != eerste.identificatie  # TR056
    assert ToewijzingVersie.objects.filter(toewijzing=toewijzing).count() == 2


def test_verkorting_door_intrekking_met_gekozen_reden(definitief, consulent):
    toewijzing = plan_toewijzing(definitief)
    versturen(toewijzing)
    per = definitief.ingangsdatum + timedelta(days=30)
    services.beschikking_intrekken(
        actor=consulent,
        beschikking=definitief,
        per=per,
        reden="Cliënt is overleden.",
        verzenddatum=timezone.localdate(),
        reden_wijziging=RedenWijziging.OVERLEDEN,
    )
    bericht = versturen(toewijzing)
    zonder_bevindingen(bericht)
    product = producten(bericht)[toewijzing.pk]
    assert product["Einddatum"] == (per - timedelta(days=1)).isoformat()
    assert product["RedenWijziging"] == "02"


def test_intrekking_vanaf_ingangsdatum_is_verwijderd_met_13(definitief, consulent):
    toewijzing = plan_toewijzing(definitief)
    versturen(toewijzing)
    services.beschikking_intrekken(
        actor=consulent,
        beschikking=definitief,
        per=definitief.ingangsdatum,
        reden="Cliënt ziet af van ondersteuning.",
        verzenddatum=timezone.localdate(),
    )
    toewijzing.refresh_from_db()
    assert toewijzing.is_verwijderd
    bericht = versturen(toewijzing)
    zonder_bevindingen(bericht)
    product = producten(bericht)[toewijzing.pk]
    assert product["Einddatum"] == product["Ingangsdatum"] == toewijzing.ingangsdatum.isoformat()
    assert product["RedenWijziging"] == "13"
    # The provider knows it is deleted: it is not repeated in the next message.
    tweede = ToewijzingFactory(
        client=toewijzing.client,
        aanbieder=toewijzing.aanbieder,
        product=ProductFactory(code="IB", productcategorie="07", productcode="07A08"),
        ingangsdatum=timezone.localdate(),
        einddatum=timezone.localdate() + timedelta(days=60),
    )
    volgende = versturen(tweede)
    zonder_bevindingen(volgende)
    assert set(producten(volgende)) == {tweede.pk}


def test_andere_omvang_per_week_beeindigt_en_hernummert(definitief, consulent):
    """OP033x1: with frequency 2 a new volume ends the old assignment (05) and a new one,
    with a new number, carries it; the 301 has both and they do not overlap (TR302)."""
    oud = plan_toewijzing(definitief)
    versturen(oud)
    per = definitief.ingangsdatum + timedelta(days=14)
    with transaction.atomic():
        oud = Toewijzing.objects.select_for_update().get(pk=oud.pk)
        nieuw = toewijzing_omvang_wijzigen(
            actor=consulent, toewijzing=oud, volume=200, per=per, reden="Meer ondersteuning"
        )
    assert nieuw.pk != oud.pk
    bericht = versturen(nieuw)
    zonder_bevindingen(bericht)
    gelezen = producten(bericht)
    assert gelezen[oud.pk]["Einddatum"] == (per - timedelta(days=1)).isoformat()
    assert gelezen[oud.pk]["RedenWijziging"] == "05"
    assert gelezen[oud.pk]["Volume"] == "150"
    assert gelezen[nieuw.pk]["Ingangsdatum"] == per.isoformat()
    assert gelezen[nieuw.pk]["Volume"] == "200"
    assert "RedenWijziging" not in gelezen[nieuw.pk]


def test_andere_omvang_totaal_binnen_geldigheidsduur_blijft_hetzelfde_nummer(db, consulent):
    product = ProductFactory(code="HH", productcode="01A02", frequentie="6")
    toewijzing = ToewijzingFactory(
        product=product, einddatum=timezone.localdate() + timedelta(days=90), frequentie="6"
    )
    versturen(toewijzing)
    with transaction.atomic():
        toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
        zelfde = toewijzing_omvang_wijzigen(
            actor=consulent,
            toewijzing=toewijzing,
            volume=300,
            per=timezone.localdate(),
            reden="Correctie",
        )
    assert zelfde.pk == toewijzing.pk
    bericht = versturen(toewijzing)
    zonder_bevindingen(bericht)
    assert producten(bericht)[toewijzing.pk]["Volume"] == "300"


def test_herindicatie_beeindigt_oude_en_stuurt_nieuwe(
    definitief, consulent, medewerker_a, aanbieder_a, ho, banden
):
    oud = plan_toewijzing(definitief)
    versturen(oud)
    vandaag = timezone.localdate()
    melding = onderzochte_melding(
        consulent=consulent, client=definitief.client, product=ho, band=banden["HO-B4"]
    )
    herindicatie = services.herindicatie_toewijzen(
        actor=consulent,
        melding=melding,
        aanbieder=aanbieder_a,
        ingangsdatum=vandaag,
        einddatum=definitief.einddatum,
    )
    # The re-indication is an order to write a plan: care goes on under the old one.
    assert versturen(herindicatie) is None
    start = definitief.ingangsdatum + timedelta(days=7)
    plan = services.plan_indienen(
        actor=medewerker_a,
        toewijzing=herindicatie,
        **goed_plan(
            definitief,
            medewerker_a,
            minuten_per_week=240,
            ingangsdatum=start,
            einddatum=start + timedelta(days=300),
        ),
    )
    services.plan_accepteren(actor=consulent, plan=plan)
    bericht = versturen(herindicatie)
    zonder_bevindingen(bericht)
    gelezen = producten(bericht)
    assert set(gelezen) == {oud.pk, herindicatie.pk}
    assert gelezen[oud.pk]["Einddatum"] == (start - timedelta(days=1)).isoformat()
    assert gelezen[oud.pk]["RedenWijziging"] == "05"
    assert gelezen[herindicatie.pk]["Ingangsdatum"] == start.isoformat()
    assert gelezen[herindicatie.pk]["Volume"] == "240"


def test_beeindigde_plus_nieuwe_toewijzing_vorige_blijft_erin_zolang_geldig(db, monkeypatch):
    """OP087: the previous assignment, ended but still valid on or after today, is in the
    next message too; one that ended in the past and did not change is not."""
    vandaag = timezone.localdate()
    oud = ToewijzingFactory(
        ingangsdatum=vandaag - timedelta(days=60), einddatum=vandaag + timedelta(days=10)
    )
    versturen(oud)
    nieuw = ToewijzingFactory(
        client=oud.client,
        aanbieder=oud.aanbieder,
        product=oud.product,
        ingangsdatum=vandaag + timedelta(days=11),
        einddatum=vandaag + timedelta(days=200),
    )
    bericht = versturen(nieuw)
    zonder_bevindingen(bericht)
    gelezen = producten(bericht)
    assert set(gelezen) == {oud.pk, nieuw.pk}
    # The unchanged one repeats its version as told before: same date and time, no reason.
    (versie_oud, herhaald) = ToewijzingVersie.objects.filter(toewijzing=oud).order_by("id")
    assert herhaald.vastgesteld_op == versie_oud.vastgesteld_op
    # A month later it lies in the past and the provider knows its last state: left out.
    echt = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: echt() + timedelta(days=30))
    Toewijzing.objects.filter(pk=nieuw.pk).update(volume=140)
    volgende = versturen(nieuw)
    zonder_bevindingen(volgende)
    assert set(producten(volgende)) == {nieuw.pk}
    assert volgende.dagtekening == vandaag + timedelta(days=30)


# ------------------------------------------------------------------------------ TR056


def test_identificatie_nooit_hergebruikt_ook_niet_na_rollback(db):
    eerste = uitgaand.volgende_identificatie()
    with pytest.raises(RuntimeError), transaction.atomic():
        teruggedraaid = uitgaand.volgende_identificatie()
        raise RuntimeError
    derde = uitgaand.volgende_identificatie()
    assert int(eerste) < int(teruggedraaid) < int(derde)
    assert all(len(i) <= 12 for i in (eerste, teruggedraaid, derde))


def test_twee_berichten_delen_nooit_een_identificatie(db):
    toewijzing = ToewijzingFactory(einddatum=timezone.localdate() + timedelta(days=30))
    identificaties = []
    for volume in (100, 110, 120, 130):
        Toewijzing.objects.filter(pk=toewijzing.pk).update(volume=volume)
        identificaties.append(versturen(toewijzing).identificatie)
    assert len(set(identificaties)) == 4


# ----------------------------------------------------------------- versions and the task


def test_toewijzingsversie_is_onveranderlijk(definitief):
    versturen(plan_toewijzing(definitief))
    versie = ToewijzingVersie.objects.get()
    versie.volume = 999
    with pytest.raises(ValueError, match="nooit gewijzigd"):
        versie.save()


def test_wijziging_zet_de_taak_in_de_wachtrij_en_rollback_niets(definitief, consulent):
    toewijzing = plan_toewijzing(definitief)
    Opdracht.objects.filter(taak=TAAK).delete()
    with pytest.raises(RuntimeError), transaction.atomic():
        toewijzing.einddatum = toewijzing.einddatum - timedelta(days=10)
        toewijzing.save()
        assert Opdracht.objects.filter(taak=TAAK).exists()
        raise RuntimeError
    assert not Opdracht.objects.filter(taak=TAAK).exists()  # a rolled-back change sends nothing
    toewijzing.refresh_from_db()
    toewijzing.volume = 160
    toewijzing.save()
    (opdracht,) = Opdracht.objects.filter(taak=TAAK)
    assert opdracht.args == [toewijzing.client_id, toewijzing.aanbieder_id]
    # The task body writes the 301 (and again nothing when nothing changed).
    pk = toewijzingen_versturen_taak.run(*opdracht.args)
    assert producten(Bericht.objects.get(pk=pk))[toewijzing.pk]["Volume"] == "160"
    assert toewijzingen_versturen_taak.run(*opdracht.args) is None


def test_opslaan_zonder_gevolg_voor_de_301_zet_niets_in_de_wachtrij(definitief, medewerker_a):
    """The provider opening its assignment changes nothing the provider is told."""
    toewijzing = plan_toewijzing(definitief)
    Opdracht.objects.filter(taak=TAAK).delete()
    services.toewijzing_geopend(actor=medewerker_a, toewijzing=toewijzing)
    toewijzing.refresh_from_db()
    assert toewijzing.gezien_op is not None
    assert not Opdracht.objects.filter(taak=TAAK).exists()


def test_exportmap_onbereikbaar_maakt_fout_en_probeert_opnieuw(
    definitief, settings, tmp_path, django_capture_on_commit_callbacks
):
    (tmp_path / "bestand").write_text("")
    settings.IWMO_EXPORT_MAP = tmp_path / "bestand" / "export"  # a file in the way
    toewijzing = plan_toewijzing(definitief)
    Opdracht.objects.filter(taak=TAAK).delete()
    with django_capture_on_commit_callbacks(execute=True):
        bericht = versturen(toewijzing)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.FOUT
    assert bericht.fouten[0]["code"] == "TRANSPORT"
    assert not ToewijzingVersie.objects.exists()  # the provider was told nothing
    assert Opdracht.objects.filter(taak=TAAK, niet_voor__isnull=False).exists()


# ---------------------------------------------------------------- the rules at entry


def test_omvang_verplicht_bij_invoer(consulent, ho_client, ho, aanbieder_a, contracten):
    with pytest.raises(ValidationError) as exc:
        services.toewijzing_vastleggen(
            actor=consulent,
            client=ho_client,
            aanbieder=aanbieder_a,
            product=ho,
            ingangsdatum=timezone.localdate(),
            einddatum=timezone.localdate() + timedelta(days=30),
        )
    assert "Vul de omvang in" in exc.value.message_dict["volume"][0]


def test_eenheid_moet_bij_uitvoeringsvariant_passen(
    consulent, ho_client, ho, aanbieder_a, contracten
):
    ho.uitvoeringsvariant = Uitvoeringsvariant.OUTPUTGERICHT
    ho.save()
    with pytest.raises(ValidationError) as exc:
        services.toewijzing_vastleggen(
            actor=consulent,
            client=ho_client,
            aanbieder=aanbieder_a,
            product=ho,
            ingangsdatum=timezone.localdate(),
            einddatum=timezone.localdate() + timedelta(days=30),
            volume=10,
            eenheid="01",
        )
    assert "past niet bij een outputgericht product" in exc.value.message_dict["eenheid"][0]


def test_week_zonder_einddatum_geweigerd(consulent, ho_client, ho, aanbieder_a, contracten):
    with pytest.raises(ValidationError) as exc:
        services.toewijzing_vastleggen(
            actor=consulent,
            client=ho_client,
            aanbieder=aanbieder_a,
            product=ho,
            ingangsdatum=timezone.localdate(),
            volume=120,
        )
    assert exc.value.message_dict["einddatum"] == ["Een toewijzing per week heeft een einddatum."]


def test_tr302_overlap_van_een_product_geweigerd(consulent, ho_client, ho, aanbieder_a, contracten):
    vandaag = timezone.localdate()
    eerst = services.toewijzing_vastleggen(
        actor=consulent,
        client=ho_client,
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=90),
        volume=120,
    )
    with pytest.raises(ValidationError) as exc:
        services.toewijzing_vastleggen(
            actor=consulent,
            client=ho_client,
            aanbieder=aanbieder_a,
            product=ho,
            ingangsdatum=vandaag + timedelta(days=30),
            einddatum=vandaag + timedelta(days=120),
            volume=150,
        )
    assert "TR302" in exc.value.message_dict["ingangsdatum"][0]
    assert Toewijzing.objects.filter(client=ho_client).count() == 1
    # After it, it fits; and a deleted one (einddatum = ingangsdatum, 13) does not count.
    services.toewijzing_vastleggen(
        actor=consulent,
        client=ho_client,
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=vandaag + timedelta(days=91),
        einddatum=vandaag + timedelta(days=120),
        volume=150,
    )
    Toewijzing.objects.filter(pk=eerst.pk).update(
        einddatum=vandaag, reden_wijziging=RedenWijziging.VERWIJDERD
    )
    services.toewijzing_vastleggen(
        actor=consulent,
        client=ho_client,
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=90),
        volume=130,
    )


def test_regels_vangen_op087_en_tr056(db):
    """Negative: a 301 that leaves out an assignment of the previous one that is still
    valid breaks OP087; one that reuses an identification breaks TR056."""
    vandaag = timezone.localdate()
    toewijzing = ToewijzingFactory(einddatum=vandaag + timedelta(days=30))
    vorig = versturen(toewijzing)
    gelezen = bouwen.lees_301(bytes(vorig.xml))
    ander = ToewijzingFactory(
        client=toewijzing.client,
        aanbieder=toewijzing.aanbieder,
        product=ProductFactory(code="IB", productcategorie="07", productcode="07A08"),
        einddatum=vandaag + timedelta(days=30),
    )
    zonder_vorige = replace(
        gelezen,
        kop=replace(gelezen.kop, identificatie=uitgaand.volgende_identificatie()),
        producten=(replace(gelezen.producten[0], toewijzingnummer=ander.pk),),
    )
    xml = bouwen.bouw_301(zonder_vorige)
    codes = [b.code for b in uitgaand.controleren(xml, zonder_vorige, vorig)]
    assert codes == ["OP087"]
    hergebruikt = replace(gelezen, kop=replace(gelezen.kop, identificatie=vorig.identificatie))
    codes = [b.code for b in uitgaand.controleren(bytes(vorig.xml), hergebruikt, vorig)]
    assert codes == ["TR056"]
