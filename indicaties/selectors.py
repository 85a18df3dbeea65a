"""Reads of client data that write the access log on the way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access, zichtbaar_of_404
from sdd_portal.dossier import tijdlijnitems
from sdd_portal.periods import open_of_vanaf

from .models import (
    Beschikking,
    Brief,
    Client,
    Melding,
    Ondersteuningsplan,
    Procesinstellingen,
    Toewijzing,
    Verlenging,
    Zorgmelding,
)
from .states import MeldingStatus, PlanStatus
from .termijnen import ONDERZOEK_DAGEN


def client_of_404(*, request, uuid, omschrijving: str, actie: Actie = Actie.BEKIJKEN) -> Client:
    """The client with ``uuid`` if the user may see it; otherwise log the attempt and 404.

    A client of another provider answers exactly like a client that does not exist,
    so the answer reveals nothing; the access log records which client was tried.
    """
    client = zichtbaar_of_404(
        Client.objects.visible_to(request.user).select_related("gemeente", "consulent"),
        request=request,
        uuid=uuid,
        omschrijving=omschrijving,
        client_pad="pk",
        actie=actie,
        melding="Deze cliënt bestaat niet of u heeft er geen toegang toe.",
    )
    log_access(request=request, actie=actie, omschrijving=omschrijving, client_ids=[client.pk])
    return client


# ------------------------------------------------------------------------ worklists


def werklijst_consulent(actor, *, alleen_eigen: bool = False, datum=None) -> dict:
    """What waits on consulenten: plans to review, short decisions ending soon without an
    accepted plan, onderzoeken nearing the six-week term. A fixed number of queries."""
    datum = datum or timezone.localdate()
    instellingen = Procesinstellingen.huidig()
    plannen = (
        Ondersteuningsplan.objects.visible_to(actor)
        .filter(status=PlanStatus.INGEDIEND)
        .select_related("toewijzing__client", "toewijzing__aanbieder", "toewijzing__bandbreedte")
        .order_by("created_at", "id")
    )
    kort = (
        Beschikking.objects.visible_to(actor)
        .geldig()
        .filter(
            soort=Beschikking.Soort.KORTDUREND,
            einddatum__gte=datum,
            einddatum__lte=datum + timedelta(days=instellingen.kortdurend_signaal_dagen),
        )
        .zonder_opvolger()
        .select_related("client", "aanbieder")
        .order_by("einddatum", "id")
    )
    onderzoek = (
        Melding.objects.visible_to(actor)
        .filter(
            status=MeldingStatus.OPEN,
            meldingsdatum__lte=datum
            - timedelta(days=ONDERZOEK_DAGEN - instellingen.onderzoek_signaal_dagen),
        )
        .select_related("client", "product")
        .order_by("meldingsdatum", "id")
    )
    if alleen_eigen:
        plannen = plannen.filter(toewijzing__client__consulent=actor)
        kort = kort.filter(client__consulent=actor)
        onderzoek = onderzoek.filter(consulent=actor)
    return {
        "plannen": plannen,
        "kortdurend": kort,
        "onderzoek": onderzoek,
        "kortdurend_dagen": instellingen.kortdurend_signaal_dagen,
    }


def werklijst_aanbieder(actor, *, datum=None) -> dict:
    """What waits on a provider: new assignments, rejected plans, plans due."""
    datum = datum or timezone.localdate()
    instellingen = Procesinstellingen.huidig()
    toewijzingen = Toewijzing.objects.visible_to(actor).select_related(
        "client", "product", "bandbreedte", "beschikking"
    )
    nieuw = toewijzingen.filter(gezien_op__isnull=True).order_by("-created_at", "-id")
    # The markers plan_indienen keeps (vervangen, heeft_plan) stand for "no newer version"
    # and "no plan ever"; each list is a range scan of its partial index.
    afgewezen = (
        Ondersteuningsplan.objects.visible_to(actor)
        .filter(status=PlanStatus.AFGEWEZEN, vervangen=False)
        .select_related("toewijzing__client", "beoordeeld_door")
        .order_by("-beoordeeld_op", "-id")
    )
    verwacht = (
        toewijzingen.filter(bandbreedte__isnull=False, heeft_plan=False)
        .filter(open_of_vanaf("einddatum", datum))
        .order_by("created_at", "id")
    )
    termijn = timedelta(days=instellingen.plan_termijn_dagen)
    return {"nieuw": nieuw, "afgewezen": afgewezen, "verwacht": verwacht, "termijn": termijn}


# ------------------------------------------------------------------------- timeline


@dataclass
class Gebeurtenis:
    moment: datetime
    soort: str
    titel: str
    details: str = ""
    door: str = ""
    url: str = ""


def _naam(user) -> str:
    if user is None:
        return "systeem"
    return user.get_full_name() or user.username


def tijdlijn(actor, client) -> list[Gebeurtenis]:
    """Every melding, onderzoek, decision, extension, assignment, plan version, signal,
    letter and start/stop of care of a client that ``actor`` may see, plus what other apps
    register (``sdd_portal.dossier``: the iWmo messages), newest first. One query per kind
    of record."""
    from contractbeheer.models import Aanbiedersignaal

    items: list[Gebeurtenis] = []
    for m in (
        Melding.objects.visible_to(actor)
        .filter(client=client)
        .select_related("product", "aanbieder", "consulent", "onderzoek__afgerond_door")
        .select_related("onderzoek__bandbreedte")
    ):
        items.append(
            Gebeurtenis(
                m.created_at,
                "melding",
                f"Melding {m.product.code} ({m.get_bron_display()})",
                f"Meldingsdatum {m.meldingsdatum:%d-%m-%Y}; status: {m.get_status_display()}",
                m.aanbieder.naam if m.aanbieder_id else _naam(m.consulent),
                reverse("indicaties:melding-detail", args=[m.uuid]),
            )
        )
        onderzoek = getattr(m, "onderzoek", None)
        if onderzoek is not None and onderzoek.afgerond_op:
            items.append(
                Gebeurtenis(
                    onderzoek.afgerond_op,
                    "onderzoek",
                    "Onderzoek afgerond",
                    f"Gesprek {onderzoek.gespreksdatum:%d-%m-%Y}, verslag "
                    f"{onderzoek.verslagdatum:%d-%m-%Y}, bandbreedte {onderzoek.bandbreedte.code}",
                    _naam(onderzoek.afgerond_door),
                    reverse("indicaties:melding-detail", args=[m.uuid]),
                )
            )
    for b in (
        Beschikking.objects.visible_to(actor)
        .filter(client=client)
        .select_related("product", "aanbieder", "ondertekend_door", "bandbreedte")
    ):
        omvang = (
            f"{b.minuten_per_week} minuten per week"
            if not b.is_kortdurend
            else f"ondergrens {b.bandbreedte.ondergrens}"
        )
        items.append(
            Gebeurtenis(
                b.created_at,
                "beschikking",
                f"{b.get_soort_display().capitalize()} {b.product.code}",
                f"{b.ingangsdatum:%d-%m-%Y} t/m {b.einddatum:%d-%m-%Y}, {omvang}, "
                f"{b.aanbieder.naam}; {b.get_status_display()}",
                _naam(b.ondertekend_door),
                reverse("indicaties:beschikking-detail", args=[b.uuid]),
            )
        )
    for v in Verlenging.objects.filter(
        beschikking__in=Beschikking.objects.visible_to(actor).filter(client=client)
    ).select_related("verlengd_door", "beschikking"):
        items.append(
            Gebeurtenis(
                v.created_at,
                "verlenging",
                "Beschikking verlengd",
                f"Einddatum van {v.oude_einddatum:%d-%m-%Y} naar {v.nieuwe_einddatum:%d-%m-%Y}",
                _naam(v.verlengd_door),
                reverse("indicaties:beschikking-detail", args=[v.beschikking.uuid]),
            )
        )
    aangemaakt_door = Toewijzing.history.filter(id=OuterRef("pk"), history_type="+").values(
        "history_user__username"
    )[:1]
    for t in (
        Toewijzing.objects.visible_to(actor)
        .filter(client=client)
        .select_related("product", "aanbieder")
        .annotate(door=Subquery(aangemaakt_door))
    ):
        items.append(
            Gebeurtenis(
                t.created_at,
                "toewijzing",
                f"Toewijzing {t.product.code} aan {t.aanbieder.naam}",
                (
                    f"{t.ingangsdatum:%d-%m-%Y} t/m {t.einddatum:%d-%m-%Y}"
                    if t.einddatum
                    else f"vanaf {t.ingangsdatum:%d-%m-%Y}"
                )
                + (f", {t.omvang}" if t.volume else ""),
                t.door or "",
                reverse("indicaties:toewijzing-detail", args=[t.uuid]),
            )
        )
    for p in (
        Ondersteuningsplan.objects.visible_to(actor)
        .filter(toewijzing__client=client)
        .select_related("ingediend_door", "beoordeeld_door", "toewijzing__aanbieder")
    ):
        items.append(
            Gebeurtenis(
                p.created_at,
                "plan",
                f"Ondersteuningsplan versie {p.versie} ingediend",
                f"{p.minuten_per_week} minuten per week, {p.ingangsdatum:%d-%m-%Y} t/m "
                f"{p.einddatum:%d-%m-%Y}",
                f"{_naam(p.ingediend_door)} ({p.toewijzing.aanbieder.naam})",
                reverse("indicaties:plan-detail", args=[p.uuid]),
            )
        )
        if p.beoordeeld_op:
            items.append(
                Gebeurtenis(
                    p.beoordeeld_op,
                    "beoordeling",
                    f"Ondersteuningsplan versie {p.versie} {p.get_status_display()}",
                    p.afwijsreden,
                    _naam(p.beoordeeld_door),
                    reverse("indicaties:plan-detail", args=[p.uuid]),
                )
            )
    for s in (
        Aanbiedersignaal.objects.visible_to(actor)
        .filter(client=client)
        .select_related("gemeld_door", "aanbieder")
    ):
        items.append(
            Gebeurtenis(
                s.created_at,
                "signaal",
                f"Signaal: {s.onderwerp}",
                s.get_status_display(),
                f"{_naam(s.gemeld_door)} ({s.aanbieder.naam})",
                reverse("contractbeheer:signaal-detail", args=[s.uuid]),
            )
        )
    for b in (
        Brief.objects.visible_to(actor).filter(client=client).select_related("aangemaakt_door")
    ):
        verzonden = f", verzonden op {b.verzonden_op:%d-%m-%Y}" if b.verzonden_op else ""
        items.append(
            Gebeurtenis(
                b.created_at,
                "brief",
                f"Brief: {b.get_soort_display().lower()}",
                f"{b.get_status_display()}, verzenddatum {b.verzenddatum:%d-%m-%Y}{verzonden}",
                _naam(b.aangemaakt_door),
                reverse("indicaties:brief-voorbeeld", args=[b.uuid])
                if not b.verzonden_op
                else reverse("indicaties:brief-pdf", args=[b.uuid]),
            )
        )
    for z in Zorgmelding.zichtbaarheid.toepassen(
        Zorgmelding.objects.filter(toewijzing__client=client), actor
    ).select_related("toewijzing__product", "toewijzing__aanbieder", "gemeld_door"):
        titel = str(z) + f" {z.toewijzing.product.code}"
        if z.verwijderd_op:
            titel += " (ingetrokken)"
        items.append(
            Gebeurtenis(
                z.created_at,
                z.soort,
                titel,
                f"Gemeld via {z.get_bron_display().lower()} door {z.toewijzing.aanbieder.naam}",
                _naam(z.gemeld_door) if z.gemeld_door_id else "",
                reverse("indicaties:toewijzing-detail", args=[z.toewijzing.uuid]),
            )
        )
    # What apps above the domain add (the iWmo messages and their retour codes).
    for i in tijdlijnitems(actor, client):
        items.append(Gebeurtenis(i.moment, i.soort, i.titel, i.details, i.door, i.url))
    items.sort(key=lambda g: g.moment, reverse=True)
    return items


def record_of_404(
    *, request, model, uuid, client_veld: str, omschrijving: str, actie=Actie.BEKIJKEN, related=()
):
    """A record of the client file (melding, decision, assignment, plan) if the user may see
    it, with the access logged; otherwise the attempt is logged and the answer is 404."""
    obj = zichtbaar_of_404(
        model.objects.visible_to(request.user).select_related(*related),
        request=request,
        uuid=uuid,
        omschrijving=omschrijving,
        client_pad=client_veld,
        actie=actie,
        melding="Dit dossierstuk bestaat niet of u heeft er geen toegang toe.",
    )
    client_id = obj
    for deel in client_veld.split("__"):
        client_id = getattr(client_id, deel)
    log_access(request=request, actie=actie, omschrijving=omschrijving, client_ids=[client_id])
    return obj
