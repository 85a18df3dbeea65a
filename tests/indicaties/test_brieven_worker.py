"""Letters through the real chain: the service commits, Celery (a real worker process on
the pdf queue, a real Redis broker) renders with WeasyPrint, the PDF lands in storage."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from indicaties.brieven import services as brieven
from indicaties.models import Brief, BriefSoort, BriefStatus, Verzendrun
from tests.conftest import wacht_tot

pytestmark = pytest.mark.django_db(transaction=True)


def test_worker_maakt_besluitbrief_en_printbestand_van_de_verzendrun(
    celery_worker, kortdurend, consulent
):
    brief = Brief.objects.get(beschikking=kortdurend, soort=BriefSoort.KORTDUREND)
    wacht_tot(
        lambda: Brief.objects.get(pk=brief.pk).status == BriefStatus.KLAAR,
        bericht="de worker maakte de brief niet",
    )
    brief.refresh_from_db()
    with brief.bestand.open("rb") as fh:
        assert "121 minuten per week" in " ".join(PdfReader(fh).pages[0].extract_text().split())

    run = brieven.verzendrun_maken(actor=consulent, datum=kortdurend.verzenddatum)
    wacht_tot(
        lambda: Verzendrun.objects.get(pk=run.pk).status == Verzendrun.Status.KLAAR,
        bericht="de worker maakte het printbestand niet",
    )
    run.refresh_from_db()
    assert run.gereed == run.aantal == 1 and run.procent == 100
    with run.bestand.open("rb") as fh:
        assert len(PdfReader(io.BytesIO(fh.read())).pages) == run.paginas
