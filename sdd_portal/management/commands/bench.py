"""Measure the key pages on the current database: server time and query count.

Prints a table and JSON. Run on the demo data (`make bench`), or on region-scale HO data
(`manage.py synthetic_ho` after `demo_data`). Each request goes through the full Django
stack (middleware, templates, access log) in this process, so the figures are server time
without network. Every page is held to a p95 budget (150 ms unless ``--budget``).

The HO pages use the client with the most decisions for the timeline, and its latest
definitive decision (with assignment and accepted plan) for the detail pages.
"""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count, Q
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from indicaties.models import Beschikking, Client, Ondersteuningsplan, Toewijzing
from sdd_portal.accounts.models import Organisatie, User
from sdd_portal.accounts.otp import inloggen_met_tweede_factor


def _http_for(username: str, tokens: dict[str, str] | None = None) -> HttpClient:
    if username.startswith("api:"):  # an API credential instead of a session
        return HttpClient(
            HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0],
            headers={"Authorization": f"Bearer {(tokens or {})[username]}"},
        )
    http = HttpClient(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
    if username != "anoniem":  # public pages: no login
        inloggen_met_tweede_factor(http, User.objects.get(username=username))
    return http


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def _fot_pages() -> list[tuple[str, str, str]]:
    """The consultation tables: overview with the action counts, the richest meeting."""
    from fot.models import Vergadering

    pages = [("contractmanager", "FOT overzicht", "/fot/")]
    rijk = Vergadering.objects.annotate(n=Count("agenda")).order_by("-n", "id").first()
    if rijk is not None:
        pages += [
            ("contractmanager", "FOT vergadering", f"/fot/vergaderingen/{rijk.uuid}/"),
            ("contractmanager", "FOT zoeken", "/fot/zoeken/?q=afspraak"),
            ("anoniem", "FOT openbaar", "/openbaar/fot/"),
        ]
    return pages


def _ho_pages() -> list[tuple[str, str, str]]:
    """Worklists, timeline and detail pages of the HO process (those that have data)."""
    pages = [
        ("consulent", "Werklijst consulent", "/werklijst/"),
        ("consulent", "Werklijst consulent (mijn)", "/werklijst/?wie=mijn"),
        ("aanbieder.vlijtigliesje", "Werklijst aanbieder", "/werklijst/"),
    ]
    rijk = (
        Client.objects.annotate(n=Count("beschikkingen"))
        .filter(n__gt=0)
        .order_by("-n", "id")
        .first()
    )
    if rijk is not None:
        pages.append(("consulent", "Tijdlijn cliënt", f"/clienten/{rijk.uuid}/tijdlijn/"))
    vlijtig = User.objects.filter(username="aanbieder.vlijtigliesje").first()
    if vlijtig is not None and vlijtig.organisatie_id:
        eigen = (
            Client.objects.annotate(
                n=Count("beschikkingen", filter=Q(beschikkingen__aanbieder=vlijtig.organisatie))
            )
            .filter(n__gt=0)
            .order_by("-n", "id")
            .first()
        )
        if eigen is not None:
            pages.append(
                (
                    "aanbieder.vlijtigliesje",
                    "Tijdlijn cliënt (aanbieder)",
                    f"/clienten/{eigen.uuid}/tijdlijn/",
                )
            )
    definitief = (
        Beschikking.objects.filter(soort=Beschikking.Soort.DEFINITIEF)
        .filter(**({"client": rijk} if rijk is not None else {}))
        .select_related("ondersteuningsplan")
        .order_by("-ingangsdatum", "-id")
        .first()
    )
    if definitief is not None:
        toewijzing = Toewijzing.objects.filter(beschikking=definitief).first()
        if toewijzing is not None:
            pages.append(
                ("consulent", "Toewijzing (definitief)", f"/toewijzingen/{toewijzing.uuid}/")
            )
        pages.append(
            ("consulent", "Beschikking (definitief)", f"/beschikkingen/{definitief.uuid}/")
        )
        pages.append(
            ("consulent", "Ondersteuningsplan", f"/plannen/{definitief.ondersteuningsplan.uuid}/")
        )
    te_beoordelen = (
        Ondersteuningsplan.objects.filter(status="ingediend").order_by("created_at", "id").first()
    )
    if te_beoordelen is not None:
        pages.append(("consulent", "Plan te beoordelen", f"/plannen/{te_beoordelen.uuid}/"))
    if vlijtig is not None:
        # Opening an unseen assignment writes gezien_op: take one already seen.
        eigen_toewijzing = (
            Toewijzing.objects.filter(
                aanbieder_id=vlijtig.organisatie_id,
                gezien_op__isnull=False,
                beschikking__soort=Beschikking.Soort.DEFINITIEF,
            )
            .order_by("-ingangsdatum", "-id")
            .first()
        )
        if eigen_toewijzing is not None:
            pages.append(
                (
                    "aanbieder.vlijtigliesje",
                    "Toewijzing (aanbieder)",
                    f"/toewijzingen/{eigen_toewijzing.uuid}/",
                )
            )
    return pages


def _api_tokens() -> dict[str, str]:
    """Fresh credentials for the API rows of the table; those of an earlier run are
    revoked first."""
    from sdd_portal.api.models import ApiSleutel
    from sdd_portal.api.scopes import ALLE_SCOPES
    from sdd_portal.api.services import sleutel_intrekken, sleutel_uitgeven

    for oud in ApiSleutel.objects.filter(naam="bench", actief=True):
        sleutel_intrekken(actor=None, sleutel=oud)
    tokens = {}
    sdd = Organisatie.objects.sdd().first()
    vlijtig = User.objects.filter(username="aanbieder.vlijtigliesje").first()
    for naam, organisatie, rollen in (
        ("api:consulent", sdd, ["consulent"]),
        ("api:aanbieder", vlijtig.organisatie if vlijtig else None, None),
    ):
        if organisatie is not None:
            tokens[naam] = sleutel_uitgeven(
                actor=None,
                organisatie=organisatie,
                naam="bench",
                scopes=list(ALLE_SCOPES),
                rollen=rollen,
            )[1]
    return tokens


def _api_lijsten() -> list[tuple[str, str, str]]:
    """API list endpoints, a page of 100, for SDD and for a provider."""
    from sdd_portal.api.meting import LIJSTEN

    rijen = []
    for lijst in LIJSTEN:
        rijen.append(("api:consulent", f"API {lijst}", f"/api/v1/{lijst}?pageSize=100"))
    rijen.append(
        ("api:aanbieder", "API toewijzingen (aanbieder)", "/api/v1/toewijzingen?pageSize=100")
    )
    return rijen


class Command(BaseCommand):
    help = "Meet servertijd (p50/p95), queries en geheugen van de belangrijkste pagina's."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=30)
        parser.add_argument("--json", dest="json_path", help="also write the results here")
        parser.add_argument(
            "--force", action="store_true", help="run outside DEBUG (writes access-log rows)"
        )
        parser.add_argument(
            "--budget", type=float, default=150.0, help="p95 budget per page in ms (150)"
        )
        parser.add_argument("--alleen", default="", help="only pages whose name contains this text")
        parser.add_argument(
            "--pdf", type=int, default=60, help="letters rendered in the PDF bulk test (0: skip)"
        )
        parser.add_argument(
            "--dagelijks",
            type=int,
            nargs="*",
            default=[1, 7],
            help="measure the daily jobs over this many due days each (default 1 and 7; "
            "none: skip); rolled back afterwards",
        )
        parser.add_argument(
            "--sync",
            type=int,
            default=100_000,
            help="records in the full API sync over loopback HTTP against gunicorn (0: skip)",
        )

    def handle(
        self, *args, rounds, json_path, force, budget, alleen, pdf, dagelijks, sync, **options
    ):
        if not settings.DEBUG and not force:
            raise CommandError("bench writes access-log rows; use --force outside DEBUG.")
        sample = Client.objects.order_by("id").first()
        if sample is None:
            raise CommandError("No clients: run `manage.py demo_data` first.")
        pages = [
            ("consulent", "Startpagina consulent", "/"),
            ("consulent", "Cliënt zoeken op BSN", f"/clienten/?bsn={sample.bsn}"),
            ("consulent", "Cliënt zoeken op naam", f"/clienten/?naam={sample.achternaam}"),
            ("consulent", "Cliëntdossier", f"/clienten/{sample.uuid}/"),
            ("aanbieder.vlijtigliesje", "Eigen cliënten aanbieder", "/clienten/"),
            ("aanbieder.vlijtigliesje", "Startpagina aanbieder", "/"),
            (
                "consulent",
                "Aanbieder kiezen (IB)",
                f"/clienten/{sample.uuid}/toewijzing/?product=IB",
            ),
            ("contractmanager", "Startpagina contractmanager", "/"),
            ("contractmanager", "Dashboard contractbeheer", "/contractbeheer/"),
            ("contractmanager", "Cliëntenstops", "/clientenstops/?toon=alle"),
            ("contractmanager", "Capaciteit", "/capaciteit/"),
            ("contractmanager", "Signalen", "/signalen/?toon=alle"),
            ("contractmanager", "Aanbieders", "/aanbieders/"),
            ("beheerder", "Toegangslog", "/beheer/toegangslog/"),
            ("consulent", "Postvak consulent", "/postvak/?toon=alle"),
            ("aanbieder.vlijtigliesje", "Postvak aanbieder", "/postvak/?toon=alle"),
            *_ho_pages(),
            *_fot_pages(),
            *_api_lijsten(),
        ]
        tokens = _api_tokens()
        if alleen:
            pages = [p for p in pages if alleen.lower() in p[1].lower()]
        results = []
        for username, label, url in pages:
            http = _http_for(username, tokens)
            for _ in range(3):  # warm-up: templates, connections
                http.get(url, secure=True)
            timings, queries = [], set()
            for _ in range(rounds):
                with CaptureQueriesContext(connection) as ctx:
                    start = time.perf_counter()
                    response = http.get(url, secure=True)
                    timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} as {username}: HTTP {response.status_code}")
                queries.add(len(ctx.captured_queries))
            # Memory in a separate request: tracemalloc would distort the timings.
            tracemalloc.start()
            http.get(url, secure=True)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            results.append(
                {
                    "page": label,
                    "url": url,
                    "role": username,
                    "rounds": rounds,
                    "p50_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(_percentile(timings, 95), 1),
                    "queries": sorted(queries),
                    "peak_memory_kib": round(peak / 1024),
                    "meets_budget": _percentile(timings, 95) < budget,
                }
            )
        summary = {
            "clients": Client.objects.count(),
            "decisions": Beschikking.objects.count(),
            "budget_p95_ms": budget,
            "pages": results,
        }
        kop = f"p95<{budget:g}"
        self.stdout.write(
            f"{'pagina':<28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'piek KiB':>9} {kop:>8}"
        )
        for row in results:
            q = "/".join(str(n) for n in row["queries"])
            self.stdout.write(
                f"{row['page']:<28} {row['p50_ms']:>8} {row['p95_ms']:>8} {q:>8} "
                f"{row['peak_memory_kib']:>9} {'ja' if row['meets_budget'] else 'NEE':>8}"
            )
        missers = [row["page"] for row in results if not row["meets_budget"]]
        self.stdout.write(
            f"Budget p95 < {budget:g} ms: "
            + (
                f"niet gehaald door {', '.join(missers)}."
                if missers
                else "alle pagina's halen het."
            )
        )
        if sync:
            summary["api_sync"] = self._sync(sync)
        if dagelijks:
            summary["dagelijks"] = [self._dagelijks(dagen) for dagen in dagelijks]
        if pdf:
            summary["pdf"] = self._pdf(pdf)
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if json_path:
            with open(json_path, "w", encoding="utf-8") as fh:
                json.dump(summary, fh, ensure_ascii=False, indent=2)

    def _sync(self, maximum: int) -> dict:
        from sdd_portal.api.meting import bench_sleutel, gunicorn, volledige_sync

        sdd = Organisatie.objects.sdd().first()
        with bench_sleutel(sdd, rollen=["consulent"]) as token, gunicorn() as basis:
            volledige_sync(basis, token, maximum=2000)  # warm-up: both workers
            m = volledige_sync(basis, token, maximum=maximum)
        m["toewijzingen_in_tabel"] = Toewijzing.objects.count()
        self.stdout.write(
            f"API-sync over loopback (gunicorn, 2 workers): {m['records']} toewijzingen in "
            f"{m['paginas']} pagina's van {m['pagina_grootte']} in {m['seconden']} s = "
            f"{m['records_per_seconde']} per seconde (doel >= 5000: "
            f"{'ja' if m['records_per_seconde'] >= 5000 else 'NEE'}); {m['uniek']} uniek"
        )
        return m

    def _dagelijks(self, dagen: int) -> dict:
        """The daily jobs for today with ``dagen`` due days not yet handled (1: a normal
        day; more: catch-up after an outage), in a transaction that is rolled back."""
        from sdd_portal.signalen.models import Taakstand
        from sdd_portal.signalen.regels import REGELS, dagelijkse_taken

        vandaag = timezone.localdate()
        with transaction.atomic():
            for regel in REGELS:
                Taakstand.objects.update_or_create(
                    regel=regel.code,
                    defaults={
                        "verwerkt_tot": vandaag - timedelta(days=dagen),
                        # Nothing counts as changed since the last run: this measures the
                        # due-date window alone.
                        "laatste_start": timezone.now() + timedelta(hours=2),
                    },
                )
            start = time.perf_counter()
            resultaten = dagelijkse_taken(vandaag, door="bench")
            seconden = time.perf_counter() - start
            transaction.set_rollback(True)
        uitkomst = {
            "dagen": dagen,
            "beschikkingen_in_tabel": Beschikking.objects.count(),
            "toewijzingen_in_tabel": Toewijzing.objects.count(),
            "onderwerpen_verschuldigd": sum(r.kandidaten for r in resultaten),
            "signalen": sum(r.signalen for r in resultaten),
            "brieven": sum(r.brieven for r in resultaten),
            "seconden": round(seconden, 2),
            "per_regel": {r.regel: [r.kandidaten, round(r.seconden, 3)] for r in resultaten},
        }
        self.stdout.write(
            f"Dagelijkse taken, {dagen} dag(en) verschuldigd: "
            f"{uitkomst['onderwerpen_verschuldigd']} onderwerpen, {uitkomst['signalen']} "
            f"signalen, {uitkomst['brieven']} brieven in {uitkomst['seconden']} s, bij "
            f"{uitkomst['beschikkingen_in_tabel']} beschikkingen en "
            f"{uitkomst['toewijzingen_in_tabel']} toewijzingen in de tabellen "
            f"(doel < 60 s: {'ja' if seconden < 60 else 'NEE'})"
        )
        return uitkomst

    def _pdf(self, aantal: int) -> dict:
        from indicaties.brieven.meting import pdf_meting

        m = pdf_meting(aantal)
        if not m:
            self.stdout.write("PDF: geen beschikkingen om brieven van te maken.")
            return m
        self.stdout.write(
            f"PDF, één brief ({m['enkel_paginas']} pagina's): p50 {m['enkel_p50_s']} s, "
            f"p95 {m['enkel_p95_s']} s (doel < 0,3 s: "
            f"{'ja' if m['enkel_p95_s'] < 0.3 else 'NEE'})"
        )
        self.stdout.write(
            f"PDF, bulk: {m['bulk_aantal']} brieven ({m['bulk_definitief_met_plan']} met plan) "
            f"in {m['bulk_seconden']} s met {m['bulk_processen']} processen = "
            f"{m['bulk_per_seconde']} per seconde, {m['bulk_s_per_document']} s per document "
            f"(doel >= 5 per seconde: {'ja' if m['bulk_per_seconde'] >= 5 else 'NEE'})"
        )
        self.stdout.write(
            f"PDF, piekgeheugen: {m['piek_mib_hoofdproces']} MiB hoofdproces, "
            f"{m['piek_mib_werkproces']} MiB grootste werkproces"
        )
        return m
