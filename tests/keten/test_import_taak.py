"""The pick-up task: every file in the import folder becomes exactly one stored message with
one retour, moved to verwerkt/ (or mislukt/ when unreadable), also when a worker dies in the
middle (killed with SIGKILL) or between storing a file and moving it."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from django.utils import timezone

from indicaties.models import Zorgmelding
from keten.inkomend import verwerk_bestand
from keten.models import Bericht
from keten.tasks import berichten_ophalen
from keten.transport import transport
from tests.conftest import subproces_omgeving
from tests.keten.conftest import bericht_305

ROOT = Path(__file__).resolve().parents[2]


def _leg_klaar(mappen, lopend, aantal: int) -> set[str]:
    """``aantal`` distinct 305s for one assignment: the first starts care, the others are
    refused per product (TR326/TR074) but are still messages with a retour."""
    import_map = mappen / "import"
    import_map.mkdir(parents=True, exist_ok=True)
    vandaag = timezone.localdate()
    ids = set()
    for i in range(aantal):
        identificatie = f"K{i:05d}"
        xml = bericht_305(lopend, begindatum=vandaag, identificatie=identificatie)
        (import_map / f"WMO305_{identificatie}.xml").write_bytes(xml)
        ids.add(identificatie)
    return ids


def _bestanden(map_: Path) -> list[str]:
    return sorted(p.name for p in map_.iterdir() if p.is_file()) if map_.exists() else []


def _precies_eenmaal(mappen, ids: set[str]) -> None:
    inkomend = list(Bericht.objects.filter(richting="in").values_list("identificatie", flat=True))
    assert sorted(inkomend) == sorted(ids)  # none lost, none twice
    assert Bericht.objects.filter(richting="uit", berichtcode="306").count() == len(ids)
    assert Zorgmelding.objects.count() == 1
    assert _bestanden(mappen / "import") == []
    assert _bestanden(mappen / "import" / "bezig") == []
    assert len(_bestanden(mappen / "import" / "verwerkt")) == len(ids)
    # Every retour placed once (a half-written temporary dot-file of a killed worker is no
    # message: the exchange software ignores it).
    retours = [n for n in _bestanden(mappen / "export") if not n.startswith(".")]
    assert len(retours) == len(ids)


def test_ophalen_verwerkt_en_verplaatst(lopend, mappen, django_capture_on_commit_callbacks):
    ids = _leg_klaar(mappen, lopend, 3)
    (mappen / "import" / "kapot.xml").write_bytes(b"<geen iwmo")
    with django_capture_on_commit_callbacks(execute=True):
        tellers = berichten_ophalen(maximaal=500)
    assert tellers == {"verwerkt": 3, "mislukt": 1}
    assert _bestanden(mappen / "import" / "mislukt") == ["kapot.xml"]
    assert Bericht.objects.get(bestandsnaam="kapot.xml").status == "fout"
    (mappen / "import" / "mislukt" / "kapot.xml").unlink()
    Bericht.objects.filter(status="fout").delete()
    _precies_eenmaal(mappen, ids)
    # A second run finds nothing.
    assert berichten_ophalen(maximaal=500) == {}


def test_dood_tussen_opslaan_en_verplaatsen_dupliceert_niets(
    lopend, mappen, settings, django_capture_on_commit_callbacks
):
    ids = _leg_klaar(mappen, lopend, 2)
    # A worker claims both files, stores the first and dies before moving it.
    claim = next(iter(transport().claimen(maximaal=1)))
    with django_capture_on_commit_callbacks(execute=True):
        verwerk_bestand(claim.naam, claim.inhoud())
    assert _bestanden(mappen / "import" / "bezig") == [claim.naam]
    # Its claim is taken back as dead; the next run reads the file again: a no-op, moved.
    settings.IWMO_CLAIM_SECONDEN = 0
    time.sleep(0.01)
    with django_capture_on_commit_callbacks(execute=True):
        berichten_ophalen(maximaal=500)
    _precies_eenmaal(mappen, ids)


def test_worker_met_kill_9_halverwege_verliest_en_verdubbelt_niets(
    transactional_db, lopend, mappen, settings
):
    aantal = 60  # enough work that the kill lands mid-run even on a loaded machine
    ids = _leg_klaar(mappen, lopend, aantal)
    omgeving = {
        **subproces_omgeving(settings),
        "IWMO_EXPORT_MAP": str(mappen / "export"),
        "IWMO_IMPORT_MAP": str(mappen / "import"),
        # Small batches (one transaction each), so the kill falls between and inside them.
        "IWMO_IMPORT_PARTIJ": "3",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from keten.tasks import berichten_ophalen; berichten_ophalen(maximaal=500)",
        ],
        cwd=ROOT,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    verwerkt = mappen / "import" / "verwerkt"
    grens = time.monotonic() + 120
    while len(_bestanden(verwerkt)) < 4 and worker.poll() is None:
        assert time.monotonic() < grens, "the worker processed nothing"
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert worker.returncode == -signal.SIGKILL, "the worker finished before it was killed"
    gedaan = len(_bestanden(verwerkt))
    assert 4 <= gedaan < aantal
    # After the claim time the next worker takes the dead worker's claim back.
    settings.IWMO_CLAIM_SECONDEN = 0
    time.sleep(0.01)
    berichten_ophalen(maximaal=500)
    _precies_eenmaal(mappen, ids)


def test_dezelfde_bytes_twee_keer_in_een_partij_is_een_bericht(
    lopend, mappen, django_capture_on_commit_callbacks
):
    """Two files with the same bytes in one batch (one transaction): the batch's look-up
    finds neither stored, yet the second is the first message again, not a second one."""
    ids = _leg_klaar(mappen, lopend, 2)
    eerste = mappen / "import" / "WMO305_K00000.xml"
    (mappen / "import" / "WMO305_K00000_kopie.xml").write_bytes(eerste.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        tellers = berichten_ophalen(maximaal=500)
    assert tellers == {"verwerkt": 3}
    assert Bericht.objects.filter(richting="in").count() == 2
    assert len(_bestanden(mappen / "import" / "verwerkt")) == 3
    retours = [n for n in _bestanden(mappen / "export") if not n.startswith(".")]
    assert len(retours) == len(ids) == 2


def test_queries_per_bericht_groeien_niet_met_de_partij(
    lopend, mappen, django_capture_on_commit_callbacks
):
    """The import's cost per message stays flat: lookups are per batch, not per file."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _leg_klaar(mappen, lopend, 4)
    with CaptureQueriesContext(connection) as klein:
        berichten_ophalen(maximaal=500)
    _leg_klaar_vanaf(mappen, lopend, 4, 12)
    with CaptureQueriesContext(connection) as groot:
        berichten_ophalen(maximaal=500)
    per_bericht_klein = len(klein.captured_queries) / 4
    per_bericht_groot = len(groot.captured_queries) / 12
    assert per_bericht_groot <= per_bericht_klein
    assert per_bericht_groot <= 22  # a refused 305: its findings and retour are written too


def _leg_klaar_vanaf(mappen, lopend, begin: int, aantal: int) -> None:
    vandaag = timezone.localdate()
    for i in range(begin, begin + aantal):
        identificatie = f"K{i:05d}"
        xml = bericht_305(lopend, begindatum=vandaag, identificatie=identificatie)
        (mappen / "import" / f"WMO305_{identificatie}.xml").write_bytes(xml)
