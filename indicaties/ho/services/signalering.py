"""What the HO process tells the inboxes: signals when something happens, and closing the
signals whose work was just done (a late plan arrived, the start was reported, the decision
was extended). Called inside the services' transactions."""

from __future__ import annotations

from django.urls import reverse

from sdd_portal import opmaak
from signalen.models import Ontvanger, SignaalSoort
from signalen.services import afhandelen, gebeurtenis, voor_consulent_van


def plan_ingediend(plan, *, actor) -> None:
    toewijzing = plan.toewijzing
    client = toewijzing.client
    afhandelen(
        onderwerp=toewijzing,
        soorten=[SignaalSoort.PLAN_TE_LAAT],
        notitie=f"Plan versie {plan.versie} ingediend.",
        actor=actor,
    )
    gebeurtenis(
        soort=SignaalSoort.PLAN_INGEDIEND,
        onderwerp=plan,
        client=client,
        titel=f"Ondersteuningsplan van {client.naam} ingediend door {toewijzing.aanbieder.naam} "
        f"(versie {plan.versie})",
        tekst="Beoordeel het plan: accepteren maakt het de definitieve beschikking.",
        link=reverse("indicaties:plan-detail", args=[plan.uuid]),
        actor=actor,
        **voor_consulent_van(client),
    )


def plan_beoordeeld(plan, *, actor, geaccepteerd: bool, kort=None, vervangen=None) -> None:
    toewijzing = plan.toewijzing
    client = toewijzing.client
    afhandelen(
        onderwerp=plan,
        soorten=[SignaalSoort.PLAN_INGEDIEND],
        notitie="Geaccepteerd." if geaccepteerd else "Afgewezen.",
        actor=actor,
    )
    if geaccepteerd:
        for oud in (kort, vervangen):
            if oud is not None:
                afhandelen(
                    onderwerp=oud,
                    soorten=[SignaalSoort.KORTDUREND_ZONDER_PLAN, SignaalSoort.VERLOOP],
                    notitie="Plan geaccepteerd; nieuwe beschikking vanaf "
                    f"{opmaak.datum(plan.ingangsdatum)}.",
                    actor=actor,
                )
    gebeurtenis(
        soort=SignaalSoort.PLAN_BEOORDEELD,
        onderwerp=plan,
        ontvanger=Ontvanger.AANBIEDER,
        organisatie_id=toewijzing.aanbieder_id,
        client=client,
        titel=f"Ondersteuningsplan van {client.naam} (versie {plan.versie}) "
        + ("geaccepteerd" if geaccepteerd else "afgewezen"),
        tekst="Het plan is nu de definitieve beschikking."
        if geaccepteerd
        else f"Pas aan en dien opnieuw in: {plan.afwijsreden}",
        link=reverse("indicaties:plan-detail", args=[plan.uuid]),
        actor=actor,
    )


def start_gemeld(toewijzing, *, actor) -> None:
    afhandelen(
        onderwerp=toewijzing,
        soorten=[SignaalSoort.START_NIET_GEMELD],
        notitie=f"Start zorg gemeld per {opmaak.datum(toewijzing.start_zorg)}.",
        actor=actor,
    )


def verlengd(beschikking, verlenging, *, actor) -> None:
    client = beschikking.client
    afhandelen(
        onderwerp=beschikking,
        soorten=[SignaalSoort.VERLOOP],
        notitie=f"Verlengd tot en met {opmaak.datum(verlenging.nieuwe_einddatum)}.",
        actor=actor,
    )
    gebeurtenis(
        soort=SignaalSoort.VERLENGD,
        onderwerp=beschikking,
        ontvanger=Ontvanger.AANBIEDER,
        organisatie_id=beschikking.aanbieder_id,
        client=client,
        titel=f"Beschikking van {client.naam} verlengd tot en met "
        f"{opmaak.datum(verlenging.nieuwe_einddatum)}",
        tekst="Er is niets veranderd: de einddatum van de toewijzing schuift mee, er komt geen "
        "nieuwe beschikking en geen nieuw plan.",
        link=reverse("indicaties:beschikking-detail", args=[beschikking.uuid]),
        actor=actor,
    )


def ingetrokken(beschikking, *, actor) -> None:
    afhandelen(
        onderwerp=beschikking,
        soorten=[SignaalSoort.VERLOOP, SignaalSoort.KORTDUREND_ZONDER_PLAN],
        notitie="Beschikking ingetrokken.",
        actor=actor,
    )
    for toewijzing in beschikking.toewijzingen.all():
        afhandelen(
            onderwerp=toewijzing,
            soorten=[SignaalSoort.PLAN_TE_LAAT, SignaalSoort.START_NIET_GEMELD],
            notitie="Beschikking ingetrokken.",
            actor=actor,
        )
