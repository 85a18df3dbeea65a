"""Measure the portal on the current database: pages, API, sync, daily jobs, PDF, load.

Prints a table and JSON (``--json PATH`` also writes it). ``make bench SCALE=region`` loads
the data of a scale into a database of its own (``bench_data``) and runs this command.

Pages: each request goes through the full Django stack (middleware, templates, access log)
in this process, so the figures are server time without network: p50/p95 over
``--rounds`` requests after 3 warm-up requests, the query count of every request (one
number means it never varied), the peak Python memory of one extra request, and the SQL
time of the page's main query run on its own (``proefdata.meting.sql``) with the ratio of
server time to it. The issue's key pages are marked with ``*``.

Budgets (p95) follow ``--schaal``: 150 ms for demo and region, 300 ms for national; the
BSN search 20 ms at every scale. ``--budget`` sets one budget for every row instead.

Then: a full API sync over loopback against gunicorn (``--sync``), the daily jobs
(``--dagelijks``), decision letters as PDF (``--pdf``) and a load test against gunicorn
over loopback (``--last-seconden``, ``--last-gelijktijdig``).

The command fails (exit code 1) after printing everything and writing the JSON when a
row misses its budget, a page's query count varied between requests, a page did not
answer 200, or the load test had errors.

Sample rows: the timeline uses the client with the most decisions and the name search the
most common surname, both chosen from a fixed-size sample (the first 50,000 rows in
physical order, plus the planner's most common values; then exact counts for those
candidates), so picking them costs the same at 5 million decisions as at 50,000.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import time
import tracemalloc
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Q
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from indicaties.models import Beschikking, Client, Ondersteuningsplan, Toewijzing
from proefdata.meting import feiten
from sdd_portal.accounts.models import Organisatie, User
from sdd_portal.accounts.otp import inloggen_met_tweede_factor

SCHALEN = {"demo": 150.0, "region": 150.0, "national": 300.0}
BSN_BUDGET_MS = 20.0  # client lookup by BSN, at every scale
STEEKPROEF = 50_000  # rows read to choose the sample client and surname


@dataclass(frozen=True)
class Pagina:
    gebruiker: str  # a username, "anoniem", or "api:..." for an API credential
    label: str
    url: str
    kern: bool = False  # one of the key pages
    bsn: bool = False  # the BSN lookup (its own budget)
    # Sent as htmx does from the search box: only the results fragment is rendered.
    htmx: bool = False

    def get(self, http: HttpClient):
        headers = {"HX-Request": "true"} if self.htmx else {}
        return http.get(self.url, secure=True, headers=headers)


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


def _meeste_beschikkingen(aanbieder_id: int | None = None) -> Client | None:
    """The client with the most decisions (at ``aanbieder_id`` if given), without an
    aggregate over the whole table: candidates are the 20 most frequent clients in the
    first rows of the decisions table and the planner's most common values of its client
    column (``pg_stats``); their decisions are then counted exactly over the client index."""
    tabel = Beschikking._meta.db_table
    client_kolom = Beschikking._meta.get_field("client").column
    aanbieder_kolom = Beschikking._meta.get_field("aanbieder").column
    waar = f'WHERE "{aanbieder_kolom}" = %s' if aanbieder_id is not None else ""
    with connection.cursor() as cur:
        cur.execute(
            f"""
            SELECT "{client_kolom}" FROM (
                SELECT "{client_kolom}" FROM "{tabel}" {waar} LIMIT %s
            ) AS steekproef
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 20
            """,  # noqa: S608 - names from the model's metadata
            [*([aanbieder_id] if aanbieder_id is not None else []), STEEKPROEF],
        )
        kandidaten = {rij[0] for rij in cur.fetchall()}
        cur.execute(
            """
            SELECT most_common_vals::text::bigint[] FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = %s AND attname = %s
            """,
            [tabel, client_kolom],
        )
        rij = cur.fetchone()
        kandidaten.update((rij[0] or []) if rij else [])
    if not kandidaten:
        return None
    filter_ = Q(beschikkingen__aanbieder_id=aanbieder_id) if aanbieder_id is not None else None
    return (
        Client.objects.filter(id__in=kandidaten)
        .annotate(n=Count("beschikkingen", filter=filter_))
        .filter(n__gt=0)
        .order_by("-n", "id")
        .first()
    )


def _veelvoorkomende_achternaam(standaard: str) -> str:
    """The most common surname among the first rows of the clients table."""
    tabel = Client._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"""
            SELECT achternaam FROM (SELECT achternaam FROM "{tabel}" LIMIT %s) AS steekproef
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
            """,  # noqa: S608 - the model's table
            [STEEKPROEF],
        )
        rij = cur.fetchone()
    return rij[0] if rij else standaard


def _basis_paginas(sample: Client) -> list[Pagina]:
    naam = _veelvoorkomende_achternaam(sample.achternaam)
    return [
        Pagina("consulent", "Startpagina consulent", "/"),
        Pagina(
            "consulent",
            "Cliënt zoeken op BSN",
            f"/clienten/?bsn={sample.bsn}",
            kern=True,
            bsn=True,
            htmx=True,
        ),
        Pagina("consulent", "Cliënt zoeken op naam", f"/clienten/?naam={naam}", True),
        Pagina("consulent", "Cliëntdossier", f"/clienten/{sample.uuid}/"),
        Pagina("aanbieder.vlijtigliesje", "Eigen cliënten aanbieder", "/clienten/"),
        Pagina("aanbieder.vlijtigliesje", "Startpagina aanbieder", "/"),
        Pagina(
            "consulent", "Aanbieder kiezen (IB)", f"/clienten/{sample.uuid}/toewijzing/?product=IB"
        ),
        Pagina("contractmanager", "Startpagina contractmanager", "/"),
        Pagina("contractmanager", "Dashboard contractbeheer", "/contractbeheer/", True),
        Pagina("contractmanager", "Cliëntenstops", "/clientenstops/?toon=alle"),
        Pagina("contractmanager", "Capaciteit", "/capaciteit/"),
        Pagina("contractmanager", "Signalen", "/signalen/?toon=alle"),
        Pagina("contractmanager", "Aanbieders", "/aanbieders/"),
        Pagina("beheerder", "Toegangslog", "/beheer/toegangslog/"),
        Pagina("consulent", "Postvak consulent", "/postvak/?toon=alle"),
        Pagina("aanbieder.vlijtigliesje", "Postvak aanbieder", "/postvak/", True),
        Pagina("aanbieder.vlijtigliesje", "Postvak aanbieder (alle)", "/postvak/?toon=alle"),
    ]


def _fot_pages() -> list[Pagina]:
    """The action list (a key page, when it exists), the consultation tables' overview and
    the richest meeting."""
    from fot.models import Vergadering

    pages = []
    with contextlib.suppress(NoReverseMatch):  # the action list may not exist yet
        pages.append(Pagina("contractmanager", "FOT actiepunten", reverse("fot:actiepunten"), True))
    pages.append(Pagina("contractmanager", "FOT overzicht", "/fot/"))
    rijk = Vergadering.objects.annotate(n=Count("agenda")).order_by("-n", "id").first()
    if rijk is not None:
        pages += [
            Pagina("contractmanager", "FOT vergadering", f"/fot/vergaderingen/{rijk.uuid}/"),
            Pagina("contractmanager", "FOT zoeken", "/fot/zoeken/?q=afspraak"),
            Pagina("anoniem", "FOT openbaar", "/openbaar/fot/"),
        ]
    return pages


def _ho_pages() -> list[Pagina]:
    """Worklists, timeline and detail pages of the HO process (those that have data)."""
    pages = [
        Pagina("consulent", "Werklijst consulent", "/werklijst/", True),
        Pagina("consulent", "Werklijst consulent (mijn)", "/werklijst/?wie=mijn"),
        Pagina("aanbieder.vlijtigliesje", "Werklijst aanbieder", "/werklijst/", True),
    ]
    rijk = _meeste_beschikkingen()
    if rijk is not None:
        pages.append(
            Pagina("consulent", "Tijdlijn cliënt", f"/clienten/{rijk.uuid}/tijdlijn/", True)
        )
    vlijtig = User.objects.filter(username="aanbieder.vlijtigliesje").first()
    if vlijtig is not None and vlijtig.organisatie_id:
        eigen = _meeste_beschikkingen(vlijtig.organisatie_id)
        if eigen is not None:
            pages.append(
                Pagina(
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
                Pagina("consulent", "Toewijzing (definitief)", f"/toewijzingen/{toewijzing.uuid}/")
            )
        pages.append(
            Pagina("consulent", "Beschikking (definitief)", f"/beschikkingen/{definitief.uuid}/")
        )
        pages.append(
            Pagina(
                "consulent", "Ondersteuningsplan", f"/plannen/{definitief.ondersteuningsplan.uuid}/"
            )
        )
    te_beoordelen = (
        Ondersteuningsplan.objects.filter(status="ingediend").order_by("created_at", "id").first()
    )
    if te_beoordelen is not None:
        pages.append(Pagina("consulent", "Plan te beoordelen", f"/plannen/{te_beoordelen.uuid}/"))
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
                Pagina(
                    "aanbieder.vlijtigliesje",
                    "Toewijzing (aanbieder)",
                    f"/toewijzingen/{eigen_toewijzing.uuid}/",
                )
            )
    return pages


def _api_tokens() -> dict[str, str]:
    """Fresh credentials for the API rows of the table; those of an earlier run are
    revoked first."""
    from proefdata.meting.api import bench_verantwoordelijke
    from sdd_portal.api.models import ApiSleutel
    from sdd_portal.api.scopes import alle_scopes
    from sdd_portal.api.services import sleutel_activeren, sleutel_intrekken, sleutel_uitgeven

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
            sleutel, tokens[naam] = sleutel_uitgeven(
                actor=None,
                organisatie=organisatie,
                naam="bench",
                scopes=alle_scopes(),
                rollen=rollen,
                verantwoordelijke=bench_verantwoordelijke(organisatie),
                geldig_tot=timezone.localdate() + timedelta(days=1),
            )
            # Benchmark data has no second beheerder: activated directly.
            sleutel_activeren(actor=None, sleutel=sleutel)
    return tokens


def _api_lijsten() -> list[Pagina]:
    """API list endpoints, a page of 100, for SDD and for a provider."""
    from proefdata.meting.api import LIJSTEN

    rijen = [
        Pagina("api:consulent", f"API {lijst}", f"/api/v1/{lijst}?pageSize=100")
        for lijst in LIJSTEN
    ]
    rijen.append(
        Pagina("api:aanbieder", "API toewijzingen (aanbieder)", "/api/v1/toewijzingen?pageSize=100")
    )
    return rijen


def _ja(waar: bool) -> str:
    return "ja" if waar else "NEE"


def _getal(n: int) -> str:
    """Thousands with a dot, as Dutch readers expect: 10.300."""
    return f"{n:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Meet servertijd (p50/p95), queries, geheugen en SQL-tijd van de belangrijkste "
        "pagina's en API-lijsten, de API-sync, de dagelijkse taken, PDF's en een lasttest "
        "tegen gunicorn; faalt als een budget niet gehaald wordt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schaal",
            choices=sorted(SCHALEN),
            default="demo",
            help="the data's scale: sets the budgets (demo/region 150 ms, national 300 ms)",
        )
        parser.add_argument("--rounds", type=int, default=30)
        parser.add_argument("--json", dest="json_path", help="also write the results here")
        parser.add_argument(
            "--force", action="store_true", help="run outside DEBUG (writes access-log rows)"
        )
        parser.add_argument(
            "--budget",
            type=float,
            default=None,
            help="one p95 budget in ms for every row, instead of the scale's",
        )
        parser.add_argument("--alleen", default="", help="only pages whose name contains this text")
        parser.add_argument("--kern", action="store_true", help="only the key pages (marked *)")
        parser.add_argument(
            "--sql-rondes",
            type=int,
            default=20,
            help="runs of each page's main query on its own for the SQL time (0: skip)",
        )
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
        parser.add_argument(
            "--last-seconden",
            type=float,
            default=30,
            help="duration of the load test against gunicorn on loopback (0: skip)",
        )
        parser.add_argument(
            "--last-gelijktijdig", type=int, default=8, help="concurrent clients in the load test"
        )
        parser.add_argument(
            "--last-workers",
            type=int,
            default=3,
            help="gunicorn worker processes in the load test (3, as in the Dockerfile)",
        )

    def handle(self, *args, **opties):
        begin = time.perf_counter()
        if not settings.DEBUG and not opties["force"]:
            raise CommandError("bench writes access-log rows; use --force outside DEBUG.")
        schaal = opties["schaal"]
        summary = {"machine": feiten.machine(schaal)}
        rijen = summary["machine"]["rows"]
        summary["clients"] = rijen[Client._meta.db_table]
        summary["decisions"] = rijen[Beschikking._meta.db_table]
        sample = Client.objects.order_by("id").first()
        if sample is None:
            raise CommandError("No clients: run `manage.py bench_data` first.")

        start = time.perf_counter()
        pages = [*_basis_paginas(sample), *_ho_pages(), *_fot_pages(), *_api_lijsten()]
        summary["sample_selection_seconds"] = round(time.perf_counter() - start, 2)
        if opties["alleen"]:
            pages = [p for p in pages if opties["alleen"].lower() in p.label.lower()]
        if opties["kern"]:
            pages = [p for p in pages if p.kern]
        tokens = _api_tokens()

        standaard = opties["budget"] if opties["budget"] is not None else SCHALEN[schaal]
        summary["budgets_p95_ms"] = {
            "pages": standaard,
            "bsn_search": opties["budget"] if opties["budget"] is not None else BSN_BUDGET_MS,
        }
        self.stdout.write(
            f"Schaal {schaal}: ~{_getal(summary['clients'])} cliënten, "
            f"~{_getal(summary['decisions'])} "
            f"beschikkingen; {summary['machine']['cpu_count']} kernen, PostgreSQL "
            f"{summary['machine']['postgresql']}, DEBUG {_ja(settings.DEBUG).lower()}; "
            f"voorbeeldrijen gekozen in {summary['sample_selection_seconds']} s."
        )
        results = [
            self._meet(pagina, tokens, opties, budget=self._budget(pagina, standaard, opties))
            for pagina in pages
        ]
        summary["pages"] = results
        self._tabel(results)

        if opties["sync"]:
            summary["api_sync"] = self._sync(opties["sync"])
        if opties["dagelijks"]:
            summary["dagelijks"] = [self._dagelijks(dagen) for dagen in opties["dagelijks"]]
        if opties["pdf"]:
            summary["pdf"] = self._pdf(opties["pdf"])
        if opties["last_seconden"] > 0:
            summary["load_test"] = self._last([p for p in pages if p.kern], tokens, opties)

        fouten = self._fouten(summary)
        summary["failures"] = fouten
        summary["ok"] = not fouten
        summary["bench_seconds"] = round(time.perf_counter() - begin, 1)
        with contextlib.suppress(OSError):  # noise: what else ran on the machine
            summary["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        self.stdout.write(
            f"Bench klaar in {summary['bench_seconds']} s: "
            + ("alles gehaald." if not fouten else f"{len(fouten)} punt(en) niet gehaald:")
        )
        for fout in fouten:
            self.stdout.write(f"  - {fout}")
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if opties["json_path"]:
            with open(opties["json_path"], "w", encoding="utf-8") as fh:
                json.dump(summary, fh, ensure_ascii=False, indent=2)
        if fouten:
            raise CommandError(f"bench: {len(fouten)} punt(en) niet gehaald (zie boven).")

    @staticmethod
    def _budget(pagina: Pagina, standaard: float, opties) -> float:
        if opties["budget"] is None and pagina.bsn:
            return BSN_BUDGET_MS
        return standaard

    def _meet(self, pagina: Pagina, tokens: dict[str, str], opties, *, budget: float) -> dict:
        from proefdata.meting.sql import hoofdquery, opnemen, sql_p50

        rounds = opties["rounds"]
        http = _http_for(pagina.gebruiker, tokens)
        rij = {
            "page": pagina.label,
            "url": pagina.url,
            "role": pagina.gebruiker,
            "key_page": pagina.kern,
            "rounds": rounds,
            "budget_p95_ms": budget,
        }
        for _ in range(3):  # warm-up: templates, connections
            response = pagina.get(http)
        if response.status_code != 200:
            return {**rij, "status": response.status_code, "meets_budget": False}
        timings, queries = [], set()
        for _ in range(rounds):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = pagina.get(http)
                timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                return {**rij, "status": response.status_code, "meets_budget": False}
            queries.add(len(ctx.captured_queries))
        # Memory in a separate request: tracemalloc would distort the timings.
        tracemalloc.start()
        pagina.get(http)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        p50 = statistics.median(timings)
        p95 = _percentile(timings, 95)
        rij.update(
            status=200,
            p50_ms=round(p50, 1),
            p95_ms=round(p95, 1),
            queries=sorted(queries),
            queries_stable=len(queries) == 1,
            peak_memory_kib=round(peak / 1024),
            meets_budget=p95 < budget,
            sql_main_ms=None,
            sql_request_ms=None,
            server_sql_ratio=None,
            main_query=None,
        )
        if opties["sql_rondes"]:
            # Recorded in separate requests too; the slowest statement of the page is the
            # one with the highest median over three requests (one request is noisy).
            opnames = []
            for _ in range(3):
                with opnemen() as opname:
                    pagina.get(http)
                opnames.append(opname)
            laatste = opnames[-1]
            if len({len(o.statements) for o in opnames}) == 1:
                for i, statement in enumerate(laatste.statements):
                    statement.ms = statistics.median(o.statements[i].ms for o in opnames)
            query = hoofdquery(laatste)
            rij["sql_request_ms"] = round(statistics.median(o.totaal_ms for o in opnames), 1)
            if query is not None:
                rij["main_query"] = " ".join(query.sql.split())[:300]
                try:
                    sql_ms = sql_p50(laatste, query, opties["sql_rondes"])
                except DatabaseError as fout:  # measured, not required: note it, go on
                    rij["sql_error"] = str(fout)[:200]
                else:
                    rij.update(
                        sql_main_ms=round(sql_ms, 2),
                        server_sql_ratio=round(p50 / sql_ms, 1) if sql_ms > 0 else None,
                    )
        return rij

    def _tabel(self, results: list[dict]) -> None:
        self.stdout.write(
            f"{'pagina (* = kernpagina)':<32} {'p50 ms':>7} {'p95 ms':>7} {'budget':>6} "
            f"{'ok':>3} {'queries':>7} {'sql ms':>7} {'ratio':>6} {'piek KiB':>8}"
        )
        for row in results:
            naam = f"{'*' if row['key_page'] else ' '} {row['page']}"
            if row["status"] != 200:
                self.stdout.write(f"{naam:<32} HTTP {row['status']}  NEE")
                continue
            q = "/".join(str(n) for n in row["queries"])
            sql = "-" if row["sql_main_ms"] is None else f"{row['sql_main_ms']:.2f}"
            ratio = "-" if row["server_sql_ratio"] is None else f"{row['server_sql_ratio']:g}"
            self.stdout.write(
                f"{naam:<32} {row['p50_ms']:>7} {row['p95_ms']:>7} "
                f"{row['budget_p95_ms']:>6g} {_ja(row['meets_budget']):>3} "
                f"{q + ('' if row['queries_stable'] else '!'):>7} {sql:>7} {ratio:>6} "
                f"{row['peak_memory_kib']:>8}"
            )
        self.stdout.write(
            "budget: p95 in ms; queries: per verzoek ('!' = wisselend); sql ms: p50 van de "
            "traagste eigen leesquery los uitgevoerd; ratio: servertijd p50 / sql ms."
        )

    @staticmethod
    def _fouten(summary: dict) -> list[str]:
        fouten = []
        for row in summary["pages"]:
            if row["status"] != 200:
                fouten.append(f"{row['page']}: HTTP {row['status']}")
                continue
            if not row["meets_budget"]:
                fouten.append(
                    f"{row['page']}: p95 {row['p95_ms']} ms, budget {row['budget_p95_ms']:g} ms"
                )
            if not row["queries_stable"]:
                fouten.append(
                    f"{row['page']}: wisselend aantal queries "
                    + "/".join(str(n) for n in row["queries"])
                )
        last = summary.get("load_test")
        if last and last.get("errors"):
            fouten.append(
                f"lasttest: {last['errors']} fouten van {last['requests']} verzoeken "
                f"({', '.join(f'{k} x{n}' for k, n in list(last['errors_by_kind'].items())[:5])})"
            )
        if last is not None and not last.get("requests"):
            fouten.append("lasttest: geen enkel verzoek beantwoord")
        return fouten

    def _last(self, kernpaginas: list[Pagina], tokens: dict[str, str], opties) -> dict | None:
        from proefdata.meting.api import gunicorn
        from proefdata.meting.last import Doel, aanmeldingen, lasttest, sessies_opruimen

        doelen = [Doel(p.label, p.url, p.gebruiker) for p in kernpaginas]
        if "api:consulent" in tokens:
            doelen.append(
                Doel("API toewijzingen", "/api/v1/toewijzingen?pageSize=100", "api:consulent")
            )
        if not doelen:
            self.stdout.write("Lasttest: geen kernpagina's gekozen, overgeslagen.")
            return None
        gelijktijdig = max(1, opties["last_gelijktijdig"])
        workers = max(1, opties["last_workers"])
        headers, sleutels = aanmeldingen({d.gebruiker for d in doelen}, gelijktijdig, tokens)
        try:
            with gunicorn(workers=workers) as basis:
                m = lasttest(basis, doelen, headers, seconden=opties["last_seconden"])
        finally:
            sessies_opruimen(sleutels)
        m["gunicorn_workers"] = workers
        m["note"] = (
            "client threads and gunicorn share this machine's "
            f"{os.cpu_count()} cores; every client cycles through the key pages"
        )
        self.stdout.write(
            f"Lasttest over loopback (gunicorn, {workers} workers, {gelijktijdig} gelijktijdige "
            f"clients, {len(doelen)} pagina's om de beurt, {m['seconds']} s): "
            f"{m['requests']} verzoeken = {m['requests_per_second']} per seconde, "
            f"{m['errors']} fouten; latentie p50 {m['p50_ms']} ms, p95 {m['p95_ms']} ms, "
            f"p99 {m['p99_ms']} ms. Let op: client en server delen de {os.cpu_count()} kernen."
        )
        for label, p in m["pages"].items():
            self.stdout.write(
                f"  {label:<30} {p['requests']:>6} verzoeken, p50 {p['p50_ms']:>7} ms, "
                f"p95 {p['p95_ms']:>7} ms, {p['errors']} fouten"
            )
        for soort, aantal in m["errors_by_kind"].items():
            self.stdout.write(f"  fout: {soort} x{aantal}")
        return m

    def _sync(self, maximum: int) -> dict:
        from proefdata.meting.api import bench_sleutel, gunicorn, volledige_sync

        sdd = Organisatie.objects.sdd().first()
        with bench_sleutel(sdd, rollen=["consulent"]) as token, gunicorn() as basis:
            volledige_sync(basis, token, maximum=2000)  # warm-up: both workers
            m = volledige_sync(basis, token, maximum=maximum)
        m["toewijzingen_in_tabel"] = feiten.geschatte_rijen(Toewijzing._meta.db_table)
        self.stdout.write(
            f"API-sync over loopback (gunicorn, 2 workers): {m['records']} toewijzingen in "
            f"{m['paginas']} pagina's van {m['pagina_grootte']} in {m['seconden']} s = "
            f"{m['records_per_seconde']} per seconde (doel >= 5000: "
            f"{_ja(m['records_per_seconde'] >= 5000)}); {m['uniek']} uniek"
        )
        return m

    def _dagelijks(self, dagen: int) -> dict:
        """The daily jobs for today with ``dagen`` due days not yet handled (1: a normal
        day; more: catch-up after an outage), in a transaction that is rolled back."""
        from signalen.models import Taakstand
        from signalen.regels import REGELS, dagelijkse_taken

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
            "beschikkingen_in_tabel": feiten.geschatte_rijen(Beschikking._meta.db_table),
            "toewijzingen_in_tabel": feiten.geschatte_rijen(Toewijzing._meta.db_table),
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
            f"~{_getal(uitkomst['beschikkingen_in_tabel'])} beschikkingen en "
            f"~{_getal(uitkomst['toewijzingen_in_tabel'])} toewijzingen in de tabellen "
            f"(doel < 60 s: {_ja(seconden < 60)})"
        )
        return uitkomst

    def _pdf(self, aantal: int) -> dict:
        from proefdata.meting.pdf import pdf_meting

        m = pdf_meting(aantal)
        if not m:
            self.stdout.write("PDF: geen beschikkingen om brieven van te maken.")
            return m
        self.stdout.write(
            f"PDF, één brief ({m['enkel_paginas']} pagina's): p50 {m['enkel_p50_s']} s, "
            f"p95 {m['enkel_p95_s']} s (doel < 0,3 s: {_ja(m['enkel_p95_s'] < 0.3)})"
        )
        self.stdout.write(
            f"PDF, bulk: {m['bulk_aantal']} brieven ({m['bulk_definitief_met_plan']} met plan) "
            f"in {m['bulk_seconden']} s met {m['bulk_processen']} processen = "
            f"{m['bulk_per_seconde']} per seconde, {m['bulk_s_per_document']} s per document "
            f"(doel >= 5 per seconde: {_ja(m['bulk_per_seconde'] >= 5)})"
        )
        self.stdout.write(
            f"PDF, piekgeheugen: {m['piek_mib_hoofdproces']} MiB hoofdproces, "
            f"{m['piek_mib_werkproces']} MiB grootste werkproces"
        )
        return m
