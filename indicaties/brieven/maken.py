"""Rendering letters and the print files of mailing runs: the work of the Celery tasks on
the pdf queue (``indicaties.brieven.tasks``), which also works when called directly."""

from __future__ import annotations

import hashlib
import io
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from sdd_portal.documents import aantal_paginas, pdf_van_html
from sdd_portal.historie import opslaan

from ..states import brief_naar, verzendrun_naar
from .inhoud import inhoud
from .models import Brief, BriefStatus, Verzendrun
from .render import _css, render

logger = logging.getLogger(__name__)


def brief_maken(brief_id: int) -> bool:
    """Render a letter if its data changed since the last rendering (or it never was).
    Sent letters never change. Returns whether a new PDF was stored."""
    with transaction.atomic():
        brief = (
            Brief.objects.select_for_update(of=("self",))
            .select_related(
                "client__gemeente",
                "sjabloon",
                "beschikking__bandbreedte__normenkader",
                "beschikking__aanbieder",
                "beschikking__product",
                "beschikking__vervangt",
                "beschikking__ondertekend_door",
                "beschikking__ondersteuningsplan",
                "verlenging",
                "melding__product",
                "aangemaakt_door",
            )
            .filter(pk=brief_id)
            .first()
        )
        if brief is None or brief.status == BriefStatus.VERZONDEN:
            return False
        gegevens = inhoud(brief)
        sha = gegevens.sha256(brief.sjabloon_id)
        if brief.status == BriefStatus.KLAAR and sha == brief.gegevens_sha256:
            return False
        try:
            pdf, _ = render(brief)
        except ValidationError as exc:
            brief_naar(brief, BriefStatus.FOUT)
            brief.fout = " ".join(exc.messages)
            brief.gegevens_sha256 = sha
            opslaan(brief, actor=None, reden="Brief kon niet worden gemaakt", valideren=False)
            logger.warning("Brief %s kon niet worden gemaakt: %s", brief.uuid, brief.fout)
            return False
        oud = brief.bestand.name if brief.bestand else ""
        brief.bestand.save(f"{brief.uuid}.pdf", ContentFile(pdf), save=False)
        brief.sha256 = hashlib.sha256(pdf).hexdigest()
        brief.grootte = len(pdf)
        brief.paginas = aantal_paginas(pdf)
        brief.gegevens_sha256 = sha
        brief.gerenderd_op = timezone.now()
        brief_naar(brief, BriefStatus.KLAAR)
        brief.fout = ""
        opslaan(
            brief,
            actor=None,
            reden="Brief gemaakt" if not oud else "Brief opnieuw gemaakt",
            valideren=False,
        )
        if oud and oud != brief.bestand.name:
            transaction.on_commit(lambda: brief.bestand.storage.delete(oud))
        return True


def verzendrun_maken_pdf(run_id: int) -> Verzendrun:
    """Render every letter of the run that needs it (progress counted per letter), then one
    print file: the cover list and every letter, each starting on a front page."""
    run = Verzendrun.objects.get(pk=run_id)
    if run.status != Verzendrun.Status.RENDEREN:
        return run
    ids = list(
        run.brieven.order_by("verzenddatum", "client__postcode", "id").values_list("pk", flat=True)
    )
    Verzendrun.objects.filter(pk=run.pk).update(gereed=0, aantal=len(ids))
    for brief_id in ids:
        brief_maken(brief_id)
        Verzendrun.objects.filter(pk=run.pk).update(gereed=F("gereed") + 1)
    mislukt = list(run.brieven.exclude(status=BriefStatus.KLAAR).select_related("client"))
    with transaction.atomic():
        run = Verzendrun.objects.select_for_update().get(pk=run.pk)
        if mislukt:
            Brief.objects.filter(pk__in=[b.pk for b in mislukt]).update(verzendrun=None)
            run.fout = "Niet in deze run, want de brief kon niet worden gemaakt: " + "; ".join(
                f"{b.get_soort_display()} voor {b.client.naam} ({b.fout})" for b in mislukt
            )
        brieven = list(
            run.brieven.select_related("client").order_by("verzenddatum", "client__postcode", "id")
        )
        run.aantal = run.gereed = len(brieven)
        if not brieven:
            verzendrun_naar(run, Verzendrun.Status.FOUT)
            opslaan(run, actor=None, reden="Verzendrun zonder brieven", valideren=False)
            return run
        voorblad = pdf_van_html(
            render_to_string(
                "brieven/verzendlijst.html",
                {"run": run, "brieven": brieven, "css": _css()},
            )
        )
        writer = PdfWriter()
        writer.append(PdfReader(io.BytesIO(voorblad)))
        _naar_voorkant(writer)
        for brief in brieven:
            with brief.bestand.open("rb") as fh:
                writer.append(PdfReader(io.BytesIO(fh.read())))
            _naar_voorkant(writer)
        uit = io.BytesIO()
        writer.write(uit)
        pdf = uit.getvalue()
        run.bestand.save(f"{run.uuid}.pdf", ContentFile(pdf), save=False)
        run.sha256 = hashlib.sha256(pdf).hexdigest()
        run.paginas = len(writer.pages)
        verzendrun_naar(run, Verzendrun.Status.KLAAR)
        opslaan(run, actor=None, reden="Printbestand gemaakt", valideren=False)
    return run


def _naar_voorkant(writer: PdfWriter) -> None:
    """Duplex printing: the next letter starts on a front page."""
    if len(writer.pages) % 2:
        laatste = writer.pages[-1]
        writer.add_blank_page(width=laatste.mediabox.width, height=laatste.mediabox.height)
