"""Incoming 305/307/302: validated before anything is touched, errors become retour codes
(never exceptions), the start/stop is the domain's one fact, and every 305/307 is answered
with a 306/308 placed in the export folder after commit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from indicaties import services
from indicaties.models import Zorgmelding
from keten.inkomend import verwerk_bestand
from keten.iwmo.bouwen import lees_retour
from keten.iwmo.regels import controleer
from keten.models import Bericht, Retourcode
from tests.keten.conftest import bericht_305, bericht_307, uitgaand_301

pytestmark = pytest.mark.usefixtures("mappen")


def _verwerk(naam, xml, capture):
    with capture(execute=True):
        return verwerk_bestand(naam, xml)


def _retour_in_export(mappen, bericht: Bericht):
    retour = bericht.retour
    pad = mappen / "export" / retour.bestandsnaam
    assert pad.read_bytes() == bytes(retour.xml)
    controle = controleer(bytes(retour.xml), retour.berichtcode)
    assert controle.ok, controle.bevindingen
    return lees_retour(bytes(retour.xml))


def test_305_start_toegepast_en_306_goedgekeurd(lopend, mappen, django_capture_on_commit_callbacks):
    vandaag = timezone.localdate()
    bericht = _verwerk(
        "a.xml", bericht_305(lopend, begindatum=vandaag), django_capture_on_commit_callbacks
    )
    assert bericht.status == "verwerkt", bericht.fouten
    assert (bericht.aanbieder, bericht.client) == (lopend.aanbieder, lopend.client)
    lopend.refresh_from_db()
    assert lopend.start_zorg == vandaag
    melding = Zorgmelding.objects.get(toewijzing=lopend)
    assert (melding.bron, melding.gemeld_door) == ("iwmo", None)
    assert melding.history.latest().history_change_reason == "Start zorg gemeld via iWmo-bericht A1"
    retour = _retour_in_export(mappen, bericht)
    assert retour.header_codes == ("0200",)
    assert set(retour.product_codes.values()) == {("0200",)}
    assert bericht.retour.status == "klaargezet" and bericht.retour.berichtcode == "306"
    assert list(Retourcode.objects.filter(toewijzing=lopend).values_list("niveau", "code")) == [
        ("product", "0200")
    ]


def test_zelfde_bestand_twee_keer_is_een_bericht(lopend, django_capture_on_commit_callbacks):
    xml = bericht_305(lopend, begindatum=timezone.localdate())
    eerste = _verwerk("a.xml", xml, django_capture_on_commit_callbacks)
    tweede = _verwerk("a.xml", xml, django_capture_on_commit_callbacks)
    assert tweede.pk == eerste.pk
    assert Bericht.objects.filter(richting="in").count() == 1
    assert Zorgmelding.objects.count() == 1


def test_start_al_in_portaal_gemeld_is_hetzelfde_feit(
    lopend, medewerker_a, mappen, django_capture_on_commit_callbacks
):
    vandaag = timezone.localdate()
    services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    bericht = _verwerk(
        "a.xml", bericht_305(lopend, begindatum=vandaag), django_capture_on_commit_callbacks
    )
    assert bericht.status == "verwerkt"
    assert Zorgmelding.objects.filter(toewijzing=lopend).count() == 1
    assert set(_retour_in_export(mappen, bericht).product_codes.values()) == {("0200",)}


def test_tweede_start_tr326_en_dubbele_identificatie_tr056(
    lopend, mappen, django_capture_on_commit_callbacks
):
    vandaag = timezone.localdate()
    _verwerk("a.xml", bericht_305(lopend, begindatum=vandaag), django_capture_on_commit_callbacks)
    # Another start while care runs: product refused with 9326, nothing changes.
    tweede = _verwerk(
        "b.xml",
        bericht_305(lopend, begindatum=vandaag - timedelta(days=2), identificatie="A2"),
        django_capture_on_commit_callbacks,
    )
    assert tweede.status == "verwerkt"
    assert [f["code"] for f in tweede.fouten] == ["TR326"]
    retour = _retour_in_export(mappen, tweede)
    assert retour.header_codes == ("0200",)
    assert list(retour.product_codes.values()) == [("9326",)]
    # The identification A1 again (other content): the whole message is refused (9056).
    dubbel = _verwerk(
        "c.xml",
        bericht_305(lopend, begindatum=vandaag - timedelta(days=1), identificatie="A1"),
        django_capture_on_commit_callbacks,
    )
    assert dubbel.status == "afgekeurd"
    retour = _retour_in_export(mappen, dubbel)
    assert retour.header_codes == ("0001", "9056")
    assert Zorgmelding.objects.filter(toewijzing=lopend).count() == 1
    lopend.refresh_from_db()
    assert lopend.start_zorg == vandaag


def test_onbekende_afzender_en_andere_aanbieder_tr019(
    lopend, aanbieder_b, mappen, django_capture_on_commit_callbacks
):
    vandaag = timezone.localdate()
    onbekend = _verwerk(
        "a.xml",
        bericht_305(lopend, begindatum=vandaag, afzender="12345678"),
        django_capture_on_commit_callbacks,
    )
    assert onbekend.status == "afgekeurd"
    assert onbekend.fouten[0]["code"] == "afzender"
    assert "geen bekende zorgaanbieder" in onbekend.fouten[0]["tekst"]
    assert _retour_in_export(mappen, onbekend).header_codes == ("0001",)
    # Provider B reports a start for provider A's assignment: TR019, nothing touched.
    vreemd = _verwerk(
        "b.xml",
        bericht_305(lopend, begindatum=vandaag, afzender=aanbieder_b.agb_code),
        django_capture_on_commit_callbacks,
    )
    assert vreemd.status == "verwerkt"
    assert list(_retour_in_export(mappen, vreemd).product_codes.values()) == [("9019",)]
    assert not Zorgmelding.objects.exists()
    lopend.refresh_from_db()
    assert lopend.start_zorg is None


def test_xsd_fout_keurt_het_hele_bericht_af(lopend, mappen, django_capture_on_commit_callbacks):
    xml = bericht_305(lopend, begindatum=timezone.localdate()).replace(
        b"<ns1:StatusAanlevering>1<", b"<ns1:StatusAanlevering>7<"
    )
    if b"StatusAanlevering>7<" not in xml:
        xml = bericht_305(lopend, begindatum=timezone.localdate(), status="7")
    bericht = _verwerk("a.xml", xml, django_capture_on_commit_callbacks)
    assert bericht.status == "afgekeurd"
    assert bericht.fouten
    assert bericht.fouten[0]["code"] == "XSD"
    assert "StatusAanlevering" in bericht.fouten[0]["tekst"]
    assert not Zorgmelding.objects.exists()
    # A retour would repeat the broken message and break the schema too: none is sent
    # (OP090x2: reported outside the message traffic).
    assert not Bericht.objects.filter(heenbericht=bericht).exists()
    assert not (mappen / "export").exists()


def test_onleesbaar_bestand_wordt_fout_zonder_uitzondering(db, mappen):
    for naam, inhoud in [("leeg.xml", b""), ("tekst.xml", b"geen xml"), ("ander.xml", b"<a/>")]:
        bericht = verwerk_bestand(naam, inhoud)
        assert bericht.status == "fout"
        assert bericht.fouten[0]["code"] == "ONLEESBAAR"
    assert not (mappen / "export").exists()


def test_307_tijdelijk_dan_nieuwe_305_hervat_en_definitief(
    lopend, mappen, django_capture_on_commit_callbacks
):
    vandaag = timezone.localdate()
    start = vandaag - timedelta(days=8)
    _verwerk("1.xml", bericht_305(lopend, begindatum=start), django_capture_on_commit_callbacks)
    # TR069: a stop of a start that does not exist.
    fout = _verwerk(
        "2.xml",
        bericht_307(
            lopend, begindatum=start + timedelta(days=1), einddatum=vandaag, identificatie="B0"
        ),
        django_capture_on_commit_callbacks,
    )
    assert list(_retour_in_export(mappen, fout).product_codes.values()) == [("9069",)]
    stop = _verwerk(
        "3.xml",
        bericht_307(lopend, begindatum=start, einddatum=start + timedelta(days=2), reden="20"),
        django_capture_on_commit_callbacks,
    )
    assert stop.status == "verwerkt" and not stop.fouten
    assert stop.retour.berichtcode == "308"
    assert list(_retour_in_export(mappen, stop).product_codes.values()) == [("0200",)]
    # TR413: a second temporary stop of the same start.
    tweede = _verwerk(
        "4.xml",
        bericht_307(
            lopend,
            begindatum=start,
            einddatum=start + timedelta(days=3),
            reden="20",
            identificatie="B2",
        ),
        django_capture_on_commit_callbacks,
    )
    assert list(_retour_in_export(mappen, tweede).product_codes.values()) == [("9413",)]
    # Care resumes with a new 305.
    hervat = _verwerk(
        "5.xml",
        bericht_305(lopend, begindatum=start + timedelta(days=4), identificatie="A2"),
        django_capture_on_commit_callbacks,
    )
    assert not hervat.fouten
    lopend.refresh_from_db()
    assert lopend.start_zorg == start + timedelta(days=4)
    # Withdrawing the first start (StatusAanlevering 3) after its stop: TR071.
    intrek = _verwerk(
        "6.xml",
        bericht_305(lopend, begindatum=start, identificatie="A3", status="3"),
        django_capture_on_commit_callbacks,
    )
    assert list(_retour_in_export(mappen, intrek).product_codes.values()) == [("9071",)]
    # Withdrawing a start that was never reported: TR063.
    nooit = _verwerk(
        "7.xml",
        bericht_305(lopend, begindatum=start + timedelta(days=1), identificatie="A4", status="3"),
        django_capture_on_commit_callbacks,
    )
    assert list(_retour_in_export(mappen, nooit).product_codes.values()) == [("9063",)]
    # Withdrawing the running start works (no stop yet).
    weg = _verwerk(
        "8.xml",
        bericht_305(lopend, begindatum=start + timedelta(days=4), identificatie="A5", status="3"),
        django_capture_on_commit_callbacks,
    )
    assert not weg.fouten, weg.fouten
    lopend.refresh_from_db()
    assert lopend.start_zorg == start


# ---------------------------------------------------------------------- 302 in


def _302(heen: Bericht, codes: dict[int, tuple[str, ...]] | None = None, identificatie="R1"):
    from keten.iwmo.bouwen import bouw_retour

    return bouw_retour(
        bytes(heen.xml),
        identificatie=identificatie,
        dagtekening=timezone.localdate(),
        header_codes=("0200",),
        client_codes=("0200",),
        product_codes=codes or {0: ("0200",)},
    )


def test_302_koppelt_aan_onze_301_zonder_fouten(lopend):
    heen = uitgaand_301(lopend, termijn=timezone.localdate())
    bericht = verwerk_bestand("r.xml", _302(heen))
    assert bericht.status == "verwerkt", bericht.fouten
    assert bericht.heenbericht == heen
    heen.refresh_from_db()
    assert heen.status == "retour_ok"
    assert heen.history.latest().history_change_reason == "Retour ontvangen: goedgekeurd"
    product = Retourcode.objects.get(bericht=bericht, niveau="product")
    assert (product.code, product.toewijzingnummer, product.toewijzing) == (
        "0200",
        lopend.pk,
        lopend,
    )


def test_302_met_fouten_en_tweede_302_afgekeurd(lopend):
    heen = uitgaand_301(lopend, termijn=timezone.localdate())
    bericht = verwerk_bestand("r.xml", _302(heen, {0: ("9332",)}))
    heen.refresh_from_db()
    assert heen.status == "retour_fouten"
    assert "9332" in heen.history.latest().history_change_reason
    assert Retourcode.objects.get(toewijzing=lopend, code="9332").bericht == bericht
    nog_een = verwerk_bestand("r2.xml", _302(heen, identificatie="R2"))
    assert nog_een.status == "afgekeurd"
    assert "al een retour" in nog_een.fouten[0]["tekst"]


def test_302_van_een_andere_aanbieder_koppelt_niet(lopend, aanbieder_b):
    heen = uitgaand_301(lopend, termijn=timezone.localdate())
    xml = _302(heen).replace(lopend.aanbieder.agb_code.encode(), aanbieder_b.agb_code.encode())
    bericht = verwerk_bestand("r.xml", xml)
    assert bericht.status == "afgekeurd"
    heen.refresh_from_db()
    assert heen.status == "klaargezet"
    assert not Bericht.objects.filter(heenbericht=heen).exists()


def test_stylesheetfout_keurt_af_met_codes_op_het_genoemde_niveau(
    lopend, mappen, django_capture_on_commit_callbacks, settings
):
    """TR134 (official stylesheet): a Begindatum after the message's Dagtekening. The finding
    names the header and the product: the message is refused, 0001 at both levels."""
    if not settings.IWMO_REGELS_XSL:
        pytest.skip(
            "IWMO_REGELS_XSL is niet ingesteld: TR134 hoort bij de officiële inhoudscontrole."
        )
    vandaag = timezone.localdate()
    xml = bericht_305(lopend, begindatum=vandaag, dagtekening=vandaag - timedelta(days=1))
    bericht = _verwerk("a.xml", xml, django_capture_on_commit_callbacks)
    assert bericht.status == "afgekeurd"
    assert [f["code"] for f in bericht.fouten] == ["TR134"]
    assert "Dagtekening" in bericht.fouten[0]["tekst"]
    retour = _retour_in_export(mappen, bericht)
    assert retour.header_codes == ("0001",)
    assert list(retour.product_codes.values()) == [("0001",)]
    assert not Zorgmelding.objects.exists()
