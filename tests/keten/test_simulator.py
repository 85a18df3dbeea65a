"""The whole loop on one machine: 301 in the export folder -> simulator -> import task ->
302 linked, 305 applied (start visible on the assignment) -> 307 applied -> 306/308 in the
export folder; with injected errors the retours carry the codes."""

from __future__ import annotations

from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from indicaties.models import Zorgmelding
from keten.iwmo.bouwen import berichtsoort, lees_retour
from keten.models import Bericht, Retourcode
from keten.tasks import berichten_ophalen
from keten.transport import transport
from tests.keten.conftest import uitgaand_301


def _exporteer(heen: Bericht) -> None:
    transport().klaarzetten(heen.bestandsnaam, bytes(heen.xml))


def _ophalen(capture) -> dict:
    with capture(execute=True):
        return berichten_ophalen(maximaal=500)


def _export(mappen, soort: str) -> list[bytes]:
    return [
        p.read_bytes()
        for p in sorted((mappen / "export").glob("*.xml"))
        if berichtsoort(p.read_bytes()) == soort
    ]


def test_de_hele_keten_301_302_305_307(
    lopend, mappen, iwmo_aanbieder, django_capture_on_commit_callbacks, client, login, medewerker_a
):
    heen = uitgaand_301(lopend, termijn=timezone.localdate() + timedelta(days=3))
    _exporteer(heen)
    uitkomst = iwmo_aanbieder()
    assert (uitkomst.gelezen, uitkomst.retours, uitkomst.starts, uitkomst.stops) == (1, 1, 1, 0)
    assert _ophalen(django_capture_on_commit_callbacks) == {"verwerkt": 2}
    heen.refresh_from_db()
    assert heen.status == "retour_ok"
    assert heen.retour.berichtcode == "302"
    lopend.refresh_from_db()
    assert lopend.start_zorg == lopend.ingangsdatum
    assert Zorgmelding.objects.get(toewijzing=lopend).bron == "iwmo"
    # The provider sees the start on its assignment page, reported via iWmo.
    login(medewerker_a)
    pagina = client.get(reverse("indicaties:toewijzing-detail", args=[lopend.uuid])).content
    assert f"Start zorg per {lopend.ingangsdatum:%d-%m-%Y}".encode() in pagina
    assert b"iWmo-bericht" in pagina
    # Then the provider stops the care for a while (reason 20): a 307, answered by a 308.
    uitkomst = iwmo_aanbieder(tijdelijk=True)
    assert uitkomst.stops == 1
    assert _ophalen(django_capture_on_commit_callbacks) == {"verwerkt": 1}
    stop = Zorgmelding.objects.get(toewijzing=lopend, soort="stop")
    assert stop.reden_beeindiging == "20"
    [r306] = _export(mappen, "306")
    [r308] = _export(mappen, "308")
    assert set(lees_retour(r306).product_codes.values()) == {("0200",)}
    assert set(lees_retour(r308).product_codes.values()) == {("0200",)}
    # Nothing is left behind in the import folder.
    assert not list((mappen / "import").glob("*.xml"))


def test_fouten_injecteren_komt_terug_als_retourcodes(
    lopend, mappen, iwmo_aanbieder, django_capture_on_commit_callbacks
):
    heen = uitgaand_301(lopend, termijn=timezone.localdate() + timedelta(days=3))
    _exporteer(heen)
    iwmo_aanbieder(fouten=True)
    _ophalen(django_capture_on_commit_callbacks)
    heen.refresh_from_db()
    assert heen.status == "retour_fouten"
    assert Retourcode.objects.filter(toewijzing=lopend, code="9332").exists()
    # The 305 named an unknown assignment: refused with 9019, no start recorded.
    [r306] = _export(mappen, "306")
    assert list(lees_retour(r306).product_codes.values()) == [("9019",)]
    lopend.refresh_from_db()
    assert lopend.start_zorg is None


def test_commando_speelt_alleen_de_gekozen_aanbieder(lopend, mappen, aanbieder_b, capsys):
    _exporteer(uitgaand_301(lopend))
    call_command("iwmo_simulator", "--aanbieder", aanbieder_b.agb_code)
    assert "0 toewijzingsberichten gelezen" in capsys.readouterr().out
    assert len(list((mappen / "export").glob("*.xml"))) == 1  # left for its own provider
    call_command("iwmo_simulator", "--aanbieder", lopend.aanbieder.agb_code)
    assert "1 toewijzingsberichten gelezen, 1 retours (302), 1 starts (305)" in (
        capsys.readouterr().out
    )
    assert len(list((mappen / "import").glob("*.xml"))) == 2
