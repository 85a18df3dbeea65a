"""Creating and sending letters and their texts. Rendering runs in Celery on the ``pdf``
queue (``tasks``, doing the work of ``maken``), started after commit."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from sdd_portal import wachtrij
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import heeft_sdd_rol
from sdd_portal.historie import opslaan

from ..states import brief_naar, verzendrun_naar
from ..termijnen import bezwaartermijn_einde
from .inhoud import datum_nl
from .models import Brief, Briefsjabloon, BriefSoort, BriefStatus, Verzendrun
from .sjablonen import controleer_tekst, gebruikte_elementen
from .standaard import STANDAARD, TOELICHTING
from .tasks import brieven_renderen, verzendrun_renderen


def huidig_sjabloon(soort: str) -> Briefsjabloon:
    """The newest text version of this kind; version 1 is the portal's standard text."""
    sjabloon = Briefsjabloon.objects.filter(soort=soort).order_by("-versie").first()
    if sjabloon is None:
        onderwerp, tekst = STANDAARD[soort]
        controleer_tekst(soort, tekst)
        sjabloon, _ = Briefsjabloon.objects.get_or_create(
            soort=soort,
            versie=1,
            defaults={"onderwerp": onderwerp, "tekst": tekst, "toelichting": TOELICHTING},
        )
    return sjabloon


@transaction.atomic
def nieuwe_versie(*, actor, soort: str, onderwerp: str, tekst: str, toelichting: str):
    """A functioneel beheerder's new text: checked for every required element first."""
    if not heeft_sdd_rol(actor, Rol.FUNCTIONEEL_BEHEERDER):
        raise PermissionDenied("Alleen functioneel beheerders beheren briefteksten.")
    controleer_tekst(soort, tekst)
    controleer_tekst_onderwerp(onderwerp)
    hoogste = (
        Briefsjabloon.objects.select_for_update()
        .filter(soort=soort)
        .aggregate(m=Max("versie"))["m"]
    )
    sjabloon = Briefsjabloon(
        soort=soort,
        versie=(hoogste or 0) + 1,
        onderwerp=onderwerp,
        tekst=tekst,
        toelichting=toelichting,
        gemaakt_door=actor,
    )
    opslaan(sjabloon, actor=actor, reden=f"Brieftekst versie {sjabloon.versie}")
    return sjabloon


def controleer_tekst_onderwerp(onderwerp: str) -> None:
    try:
        gebruikte_elementen(onderwerp)
    except ValidationError as exc:
        raise ValidationError({"onderwerp": exc.message_dict["tekst"]}) from None


def nieuwe_brief(
    *,
    soort: str,
    sleutel: str,
    client,
    verzenddatum: date,
    actor=None,
    beschikking=None,
    verlenging=None,
    melding=None,
    motivering: str = "",
    bezwaar: bool = True,
    sjabloon: Briefsjabloon | None = None,
) -> Brief:
    """An unsaved letter with the current text version of its kind."""
    return Brief(
        sleutel=sleutel,
        soort=soort,
        client=client,
        beschikking=beschikking,
        verlenging=verlenging,
        melding=melding,
        sjabloon=sjabloon or huidig_sjabloon(soort),
        verzenddatum=verzenddatum,
        bezwaartermijn_tot=bezwaartermijn_einde(verzenddatum) if bezwaar else None,
        motivering=motivering,
        aangemaakt_door=actor,
    )


def _renderen_na_commit(ids: list[int]) -> None:
    for i in range(0, len(ids), RENDER_PER_TAAK):
        wachtrij.plaats(brieven_renderen, ids[i : i + RENDER_PER_TAAK])


RENDER_PER_TAAK = 25


def brief_aanmaken(*, sleutel: str, **gegevens) -> Brief:
    """The letter about ``sleutel``, created once (a unique key in the database); it is
    rendered on the pdf queue after the transaction commits."""
    bestaand = Brief.objects.filter(sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    brief = nieuwe_brief(sleutel=sleutel, **gegevens)
    try:
        with transaction.atomic():
            opslaan(
                brief,
                actor=brief.aangemaakt_door,
                reden=f"{brief.get_soort_display()} aangemaakt",
                valideren=False,
            )
    except IntegrityError:  # created at the same moment by someone else: that one counts
        return Brief.objects.get(sleutel=sleutel)
    _renderen_na_commit([brief.pk])
    return brief


def brieven_opslaan(brieven: list[Brief], *, reden: str) -> list[Brief]:
    """Store many new letters in one insert, with their history rows, and render them
    after commit. The caller holds the lock that makes their keys new (the daily job's
    rule lock); should a key exist after all, the unique constraint refuses the whole
    batch and the transaction rolls back: never a duplicate."""
    if not brieven:
        return []
    Brief.objects.bulk_create(brieven)
    Brief.history.bulk_history_create(brieven, default_change_reason=reden[:100])
    _renderen_na_commit([b.pk for b in brieven])
    return brieven


# ------------------------------------------------------------------------ mailing runs


def _alleen_verzending(actor) -> None:
    if not heeft_sdd_rol(actor, Rol.CONSULENT):
        raise PermissionDenied("Alleen medewerkers van de SDD verzenden brieven.")


@transaction.atomic
def verzendrun_maken(*, actor, datum: date) -> Verzendrun:
    """All letters whose sending date has come and that are in no run yet."""
    _alleen_verzending(actor)
    brieven = list(
        Brief.objects.te_verzenden(datum)
        .select_for_update(skip_locked=True)
        .order_by("verzenddatum", "client__postcode", "id")
        .values_list("pk", flat=True)
    )
    if not brieven:
        raise ValidationError(
            {
                "datum": f"Er zijn geen brieven die op of voor {datum_nl(datum)} verzonden moeten "
                "worden en nog in geen verzendrun zitten."
            }
        )
    run = Verzendrun(datum=datum, aantal=len(brieven), gemaakt_door=actor)
    opslaan(run, actor=actor, reden=f"Verzendrun met {len(brieven)} brieven", valideren=False)
    Brief.objects.filter(pk__in=brieven).update(verzendrun=run, modified_at=timezone.now())
    wachtrij.plaats(verzendrun_renderen, run.pk)
    return run


@transaction.atomic
def verzendrun_verzonden(*, actor, run: Verzendrun, verzonden_op: date) -> Verzendrun:
    """Record the real sending date of every letter in the run: the proof of sending the
    objection term depends on. A letter sent later than the date it states gets the later
    objection term (never a shorter one)."""
    _alleen_verzending(actor)
    run = Verzendrun.objects.select_for_update().get(pk=run.pk)
    vandaag = timezone.localdate()
    if run.status != Verzendrun.Status.KLAAR:
        raise ValidationError(
            f"Deze verzendrun is {run.get_status_display()}; alleen een run die klaar is om "
            "te printen kan als verzonden worden gemarkeerd."
        )
    laatste = run.brieven.aggregate(m=Max("verzenddatum"))["m"]
    fouten = []
    if verzonden_op > vandaag:
        fouten.append(f"De verzenddatum ({datum_nl(verzonden_op)}) ligt in de toekomst.")
    if laatste and verzonden_op < laatste:
        fouten.append(
            f"Er zitten brieven in met verzenddatum {datum_nl(laatste)}; die mogen niet "
            "eerder verstuurd worden dan de datum die erin staat."
        )
    if fouten:
        raise ValidationError({"verzonden_op": fouten})
    for brief in run.brieven.select_for_update(of=("self",)).select_related("beschikking"):
        brief_naar(brief, BriefStatus.VERZONDEN)
        brief.verzonden_op = verzonden_op
        if brief.bezwaartermijn_tot and verzonden_op > brief.verzenddatum:
            later = bezwaartermijn_einde(verzonden_op)
            brief.bezwaartermijn_tot = max(brief.bezwaartermijn_tot, later)
            b = brief.beschikking
            if b is not None and brief.soort in (BriefSoort.KORTDUREND, BriefSoort.DEFINITIEF):
                b.bezwaartermijn_tot = max(b.bezwaartermijn_tot, later)
                opslaan(
                    b,
                    actor=actor,
                    reden="Later verzonden: bezwaartermijn loopt later af",
                    valideren=False,
                )
        opslaan(brief, actor=actor, reden=f"Verzonden op {verzonden_op:%d-%m-%Y}", valideren=False)
    verzendrun_naar(run, Verzendrun.Status.VERZONDEN)
    run.verzonden_op = verzonden_op
    run.verzonden_door = actor
    opslaan(run, actor=actor, reden="Verzonden", valideren=False)
    return run
