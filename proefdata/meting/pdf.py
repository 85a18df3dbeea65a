"""PDF rendering speed and memory, for `manage.py bench`: one letter at a time (seconds per
document) and in bulk over worker processes, as the Celery pdf queue runs them."""

from __future__ import annotations

import resource
import time
from multiprocessing import get_context

from django.db import connections

from indicaties.brieven.models import Brief, BriefSoort
from indicaties.brieven.render import render
from indicaties.brieven.services import huidig_sjabloon
from indicaties.models import Beschikking, Procesinstellingen
from sdd_portal.documents import aantal_paginas

_INSTELLINGEN = None


def _brieven(aantal: int) -> list[Brief]:
    """Unsaved letters for the latest valid decisions (nothing is written)."""
    beschikkingen = (
        Beschikking.objects.geldig()
        .select_related(
            "client__gemeente",
            "bandbreedte__normenkader",
            "aanbieder",
            "product",
            "vervangt",
            "ondertekend_door",
            "ondersteuningsplan",
        )
        .order_by("-id")[:aantal]
    )
    sjablonen = {s: huidig_sjabloon(s) for s in (BriefSoort.KORTDUREND, BriefSoort.DEFINITIEF)}
    return [
        Brief(
            soort=b.soort,
            sleutel=f"meting:{b.pk}",
            client=b.client,
            beschikking=b,
            sjabloon=sjablonen[b.soort],
            verzenddatum=b.verzenddatum,
            bezwaartermijn_tot=b.bezwaartermijn_tot,
        )
        for b in beschikkingen
    ]


def _maak(brief: Brief) -> int:
    pdf, _ = render(brief)
    return len(pdf)


def _start_werker(instellingen) -> None:
    global _INSTELLINGEN
    _INSTELLINGEN = instellingen


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


def pdf_meting(aantal: int = 60, processen: int = 2) -> dict:
    brieven = _brieven(aantal)
    if not brieven:
        return {}
    Procesinstellingen.huidig()
    # One letter at a time: a short decision renders as a two-page letter.
    kort = next((b for b in brieven if b.soort == BriefSoort.KORTDUREND), brieven[0])
    render(kort)  # warm-up: fonts and templates
    enkel = []
    for _ in range(10):
        t = time.perf_counter()
        pdf, _ = render(kort)
        enkel.append(time.perf_counter() - t)
    enkel.sort()
    # Bulk over processes, each with its own database connection.
    connections.close_all()
    t = time.perf_counter()
    with get_context("fork").Pool(processen) as pool:
        groottes = pool.map(_maak, brieven, chunksize=4)
    bulk = time.perf_counter() - t
    return {
        "enkel_paginas": aantal_paginas(pdf),
        "enkel_p50_s": round(enkel[len(enkel) // 2], 3),
        "enkel_p95_s": round(enkel[-1], 3),
        "bulk_aantal": len(groottes),
        "bulk_definitief_met_plan": sum(b.soort == BriefSoort.DEFINITIEF for b in brieven),
        "bulk_processen": processen,
        "bulk_seconden": round(bulk, 2),
        "bulk_per_seconde": round(len(groottes) / bulk, 1),
        "bulk_s_per_document": round(bulk / len(groottes), 3),
        "piek_mib_hoofdproces": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "piek_mib_werkproces": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }
