"""Writes on meetings: planning, agenda, minutes, attachments, details and attendance,
sharing, approval (after which the minutes are locked), annotations and publication."""

from __future__ import annotations

import string
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import heeft_sdd_rol
from sdd_portal.historie import met_historie, opslaan

from ..models import (
    Agendapunt,
    AgendapuntSoort,
    Annotatie,
    Bijlage,
    Deelname,
    Tafel,
    Tafellid,
    Vergadering,
)
from ..states import VERGADERING, VERSLAG_GEDEELD, VergaderingStatus

STANDAARDAGENDA = [
    ("Opening", AgendapuntSoort.OPENING),
    ("Mededelingen", AgendapuntSoort.MEDEDELINGEN),
    ("Vaststellen verslag vorige vergadering", AgendapuntSoort.VERSLAG),
    ("Openstaande afspraken en vervolgacties", AgendapuntSoort.THEMA),
    ("Samenvatting afspraken en vervolgacties", AgendapuntSoort.SAMENVATTING),
    ("Rondvraag", AgendapuntSoort.RONDVRAAG),
    ("Sluiting", AgendapuntSoort.SLUITING),
]


def vergadering_naar(
    *, actor, vergadering: Vergadering, status: str, reden: str, **velden
) -> Vergadering:
    """The one way a meeting changes status: the move is checked against
    ``VERGADERING_OVERGANGEN`` (a Dutch ValidationError otherwise, nothing saved), then the
    status and ``velden`` are saved in one history row. It checks no permission: call it from
    a service that has."""
    gedeeld = vergadering.status in VERSLAG_GEDEELD
    VERGADERING.naar(vergadering, status)
    for veld, waarde in velden.items():
        setattr(vergadering, veld, waarde)
    opslaan(vergadering, actor=actor, reden=reden)
    if not gedeeld and status in VERSLAG_GEDEELD:
        # The action items become visible to the members now: move their modified_at (with
        # a history row) so a modifiedSince sync and the daily overdue rule see them.
        for actie in vergadering.actiepunten.all():
            opslaan(
                actie,
                actor=actor,
                reden="Verslag gedeeld met de leden",
                valideren=False,
                update_fields=["modified_at"],
            )
    return vergadering


def _gewijzigd(vergadering: Vergadering, *, actor, reden: str) -> None:
    """A meeting's API representation includes its annotations and action items: move its
    modified_at (with a history row) so a modifiedSince sync sees the change."""
    opslaan(vergadering, actor=actor, reden=reden, valideren=False, update_fields=["modified_at"])


def _alleen_cm(actor) -> None:
    if not heeft_sdd_rol(actor, Rol.CONTRACTMANAGER):
        raise PermissionDenied("Alleen contractmanagement bereidt overlegtafels voor.")


def _niet_vergrendeld(vergadering: Vergadering) -> None:
    if vergadering.is_vergrendeld:
        raise ValidationError(
            f"Het verslag is vastgesteld op {vergadering.vastgesteld_op:%d-%m-%Y} en ligt vast. "
            "Voeg een annotatie toe om iets aan te vullen of te corrigeren."
        )


def vorige_vergadering(vergadering: Vergadering) -> Vergadering | None:
    return (
        Vergadering.objects.filter(tafel=vergadering.tafel, datum__lt=vergadering.datum)
        .order_by("-datum", "-id")
        .first()
    )


def ledenwisselingen(tafel: Tafel, van: date | None, tot: date) -> str:
    """Members who joined or left since the previous meeting (003 item 2a)."""
    regels = []
    leden = Tafellid.objects.filter(tafel=tafel).select_related("organisatie")
    for lid in leden:
        if (van is None or lid.lid_vanaf > van) and lid.lid_vanaf <= tot:
            regels.append(f"Nieuw lid: {lid.organisatie.naam} (per {lid.lid_vanaf:%d-%m-%Y}).")
        if lid.lid_tot and (van is None or lid.lid_tot >= van) and lid.lid_tot < tot:
            regels.append(f"Vertrokken: {lid.organisatie.naam} (tot {lid.lid_tot:%d-%m-%Y}).")
    return "\n".join(sorted(regels))


@transaction.atomic
def vergadering_plannen(*, actor, tafel: Tafel, datum: date, **velden) -> Vergadering:
    """A new meeting with the standard agenda; members who joined or left since the previous
    meeting are announced under Mededelingen; open action items carry over by themselves."""
    _alleen_cm(actor)
    vergadering = Vergadering(tafel=tafel, datum=datum, **velden)
    vorige = vorige_vergadering(vergadering)
    vergadering.mededelingen_leden = ledenwisselingen(
        tafel, vorige.datum if vorige else None, datum
    )
    opslaan(vergadering, actor=actor, reden="Vergadering gepland")
    for volgorde, (titel, soort) in enumerate(STANDAARDAGENDA, start=1):
        opslaan(
            Agendapunt(
                vergadering=vergadering,
                volgorde=volgorde * 10,
                nummer=str(volgorde),
                titel=titel,
                soort=soort,
            ),
            actor=actor,
            reden="Standaardagenda",
        )
    return vergadering


def _volgend_nummer(vergadering: Vergadering, bovenliggend: Agendapunt | None) -> str:
    if bovenliggend is None:
        nummers = [
            int(n)
            for n in vergadering.agenda.filter(bovenliggend__isnull=True).values_list(
                "nummer", flat=True
            )
            if n.isdigit()
        ]
        return str(max(nummers, default=0) + 1)
    aantal = bovenliggend.subpunten.count()
    return f"{bovenliggend.nummer}{string.ascii_lowercase[aantal % 26]}"


@transaction.atomic
def agendapunt_toevoegen(
    *, actor, vergadering: Vergadering, titel: str, bovenliggend: Agendapunt | None = None
) -> Agendapunt:
    """A theme or a lettered sub-item; a new theme goes before the summary and rondvraag."""
    _alleen_cm(actor)
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    _niet_vergrendeld(vergadering)
    if not titel.strip():
        raise ValidationError({"titel": "Geef het agendapunt een titel."})
    if bovenliggend is not None and bovenliggend.bovenliggend_id is not None:
        raise ValidationError(
            f"Punt {bovenliggend.nummer} is zelf een subpunt; voeg het subpunt toe onder een "
            "hoofdpunt."
        )
    if bovenliggend is not None:
        volgorde = (
            bovenliggend.subpunten.aggregate(m=Max("volgorde"))["m"] or bovenliggend.volgorde
        ) + 1
        nummer = _volgend_nummer(vergadering, bovenliggend)
    else:
        einde = (
            vergadering.agenda.filter(
                bovenliggend__isnull=True,
                soort__in=[
                    AgendapuntSoort.SAMENVATTING,
                    AgendapuntSoort.RONDVRAAG,
                    AgendapuntSoort.SLUITING,
                ],
            )
            .order_by("volgorde")
            .first()
        )
        volgorde = (
            (einde.volgorde - 5)
            if einde
            else ((vergadering.agenda.aggregate(m=Max("volgorde"))["m"] or 0) + 10)
        )
        nummer = _volgend_nummer(vergadering, None)
    punt = Agendapunt(
        vergadering=vergadering,
        bovenliggend=bovenliggend,
        volgorde=volgorde,
        nummer=nummer,
        titel=titel.strip(),
    )
    opslaan(punt, actor=actor, reden="Agendapunt toegevoegd")
    _hernummeren(vergadering, actor=actor)
    punt.refresh_from_db()  # its number and place after renumbering
    return punt


def _hernummeren(vergadering: Vergadering, *, actor) -> None:
    """Top-level items are numbered 1, 2, 3 in agenda order, their sub-items 2a, 2b."""
    gewenst = []
    hoofd = vergadering.agenda.filter(bovenliggend__isnull=True).order_by("volgorde", "id")
    for index, punt in enumerate(hoofd, start=1):
        gewenst.append((punt, str(index), index * 10))
        for letter, sub in enumerate(punt.subpunten.order_by("volgorde", "id")):
            gewenst.append((sub, f"{index}{string.ascii_lowercase[letter % 26]}", sub.volgorde))
    anders = [(p, n, v) for p, n, v in gewenst if (p.nummer, p.volgorde) != (n, v)]
    # Through temporary numbers, so the unique rule never sees two items with one number.
    Agendapunt.objects.filter(pk__in=[p.pk for p, _, _ in anders]).update(
        nummer=models.functions.Concat(
            models.Value("~"), models.F("id"), output_field=models.CharField()
        )
    )
    for punt, nummer, volgorde in anders:
        punt.nummer, punt.volgorde = nummer, volgorde
        opslaan(punt, actor=actor, reden="Agenda hernummerd")


@transaction.atomic
def notulen_opslaan(*, actor, agendapunt: Agendapunt, notulen: str, titel: str | None = None):
    _alleen_cm(actor)
    agendapunt = (
        Agendapunt.objects.select_related("vergadering").select_for_update().get(pk=agendapunt.pk)
    )
    vergadering = agendapunt.vergadering
    _niet_vergrendeld(vergadering)
    agendapunt.notulen = notulen.strip()
    if titel is not None:
        if not titel.strip():
            raise ValidationError({"titel": "Geef het agendapunt een titel."})
        agendapunt.titel = titel.strip()
    opslaan(agendapunt, actor=actor, reden="Verslag bijgewerkt")
    if vergadering.status == VergaderingStatus.GEPLAND:
        vergadering_naar(
            actor=actor,
            vergadering=vergadering,
            status=VergaderingStatus.CONCEPT,
            reden="Verslag in concept",
        )
    return agendapunt


@transaction.atomic
def ter_vaststelling(*, actor, vergadering: Vergadering) -> Vergadering:
    """Share the draft minutes with the members before the next meeting."""
    _alleen_cm(actor)
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    _niet_vergrendeld(vergadering)
    if not vergadering.agenda.exclude(notulen="").exists():
        raise ValidationError("Er is nog geen verslag geschreven.")
    return vergadering_naar(
        actor=actor,
        vergadering=vergadering,
        status=VergaderingStatus.TER_VASTSTELLING,
        reden="Verslag ter vaststelling gedeeld",
    )


@transaction.atomic
def vaststellen(
    *, actor, vergadering: Vergadering, in_vergadering: Vergadering, wijzigingen: str = ""
) -> Vergadering:
    """The next meeting approves these minutes, with or without changes; from now on they
    are locked. Changes agreed at approval become the first annotation."""
    _alleen_cm(actor)
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    _niet_vergrendeld(vergadering)
    if in_vergadering.tafel_id != vergadering.tafel_id or in_vergadering.datum <= vergadering.datum:
        raise ValidationError(
            {
                "in_vergadering": "Een verslag wordt vastgesteld in een latere vergadering van "
                "dezelfde tafel."
            }
        )
    if not vergadering.agenda.exclude(notulen="").exists():
        raise ValidationError("Er is nog geen verslag geschreven; er valt niets vast te stellen.")
    vergadering_naar(
        actor=actor,
        vergadering=vergadering,
        status=VergaderingStatus.VASTGESTELD,
        reden="Verslag vastgesteld",
        vastgesteld_op=in_vergadering.datum,
        vastgesteld_in=in_vergadering,
        vastgesteld_met_wijzigingen=bool(wijzigingen.strip()),
    )
    if wijzigingen.strip():
        opslaan(
            Annotatie(
                vergadering=vergadering,
                datum=in_vergadering.datum,
                tekst=f"Vastgesteld met wijzigingen: {wijzigingen.strip()}",
                door=actor,
            ),
            actor=actor,
            reden="Wijzigingen bij vaststelling",
        )
    return vergadering


@transaction.atomic
def annotatie_toevoegen(
    *, actor, vergadering: Vergadering, tekst: str, agendapunt: Agendapunt | None = None
) -> Annotatie:
    _alleen_cm(actor)
    if not vergadering.is_vergrendeld:
        raise ValidationError("Het verslag is nog niet vastgesteld: pas de tekst zelf aan.")
    if not tekst.strip():
        raise ValidationError({"tekst": "Schrijf de aanvulling of correctie op."})
    annotatie = opslaan(
        Annotatie(
            vergadering=vergadering,
            agendapunt=agendapunt,
            datum=timezone.localdate(),
            tekst=tekst.strip(),
            door=actor,
        ),
        actor=actor,
        reden="Annotatie bij vastgesteld verslag",
    )
    _gewijzigd(vergadering, actor=actor, reden="Annotatie toegevoegd")
    return annotatie


@transaction.atomic
def publiceren(*, actor, vergadering: Vergadering) -> Vergadering:
    _alleen_cm(actor)
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    if not vergadering.is_vergrendeld:
        raise ValidationError("Alleen een vastgesteld verslag kan worden gepubliceerd.")
    vergadering.gepubliceerd_op = timezone.now()
    return opslaan(vergadering, actor=actor, reden="Verslag gepubliceerd")


GEGEVENS = (
    "datum",
    "begintijd",
    "eindtijd",
    "locatie",
    "online",
    "voorzitter",
    "notulist",
    "opname_toestemming",
)


@transaction.atomic
def vergadering_wijzigen(*, actor, vergadering: Vergadering, deelnames: list[dict], **velden):
    """Meeting details and the attendance list (organisation, name, role, present).
    The date of approved minutes no longer changes."""
    _alleen_cm(actor)
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    if vergadering.is_vergrendeld and velden.get("datum", vergadering.datum) != vergadering.datum:
        raise ValidationError({"datum": "Het verslag is vastgesteld; de datum ligt vast."})
    for veld in GEGEVENS:
        if veld in velden:
            setattr(vergadering, veld, velden[veld])
    opslaan(vergadering, actor=actor, reden="Gegevens vergadering gewijzigd")
    bestaand = {d.pk: d for d in vergadering.deelnames.all()}
    for rij in deelnames:
        pk = rij.pop("id", None)
        weg = rij.pop("verwijderen", False)
        deelname = bestaand.get(pk) if pk else None
        if weg:
            if deelname is not None:
                met_historie(deelname, actor=actor, reden="Deelnemers bijgewerkt").delete()
            continue
        deelname = deelname or Deelname(vergadering=vergadering)
        org = rij.get("organisatie")
        deelname.organisatie = org
        deelname.organisatie_naam = org.naam if org else rij.get("organisatie_naam", "")
        deelname.naam = rij.get("naam", "")
        deelname.rol = rij.get("rol", "")
        deelname.aanwezig = rij.get("aanwezig", True)
        opslaan(deelname, actor=actor, reden="Deelnemers bijgewerkt")
    return vergadering


@transaction.atomic
def bijlage_toevoegen(*, actor, agendapunt: Agendapunt, upload, omschrijving: str):
    """A document with an agenda item: a real PDF (content checked), stored privately."""
    from django.core.files.base import ContentFile

    from sdd_portal.documents import controleer_pdf

    _alleen_cm(actor)
    _niet_vergrendeld(agendapunt.vergadering)
    fouten: dict[str, list[str]] = {}
    if not omschrijving.strip():
        fouten["omschrijving"] = ["Beschrijf de bijlage (bijvoorbeeld: presentatie normenkader)."]
    try:
        inhoud, sha256 = controleer_pdf(upload)
    except ValidationError as exc:
        fouten["bestand"] = exc.messages
    if fouten:
        raise ValidationError(fouten)
    bijlage = Bijlage(
        agendapunt=agendapunt,
        omschrijving=omschrijving.strip(),
        bestandsnaam=(upload.name or "bijlage.pdf")[:255],
        sha256=sha256,
        grootte=len(inhoud),
    )
    bijlage.bestand.save(f"{bijlage.uuid}.pdf", ContentFile(inhoud), save=False)
    return opslaan(bijlage, actor=actor, reden="Bijlage toegevoegd")
