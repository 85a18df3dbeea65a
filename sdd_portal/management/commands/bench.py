"""Measure the key pages on the current database: server time and query count.

Prints a table and JSON. Run on the demo data (`make bench`); the scale issue adds
synthetic region and national data. Each request goes through the full Django stack
(middleware, templates, access log) in this process, so the figures are server time
without network.
"""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext

from indicaties.models import Client
from sdd_portal.accounts.models import User
from sdd_portal.accounts.otp import inloggen_met_tweede_factor


def _http_for(username: str) -> HttpClient:
    http = HttpClient(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
    inloggen_met_tweede_factor(http, User.objects.get(username=username))
    return http


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


class Command(BaseCommand):
    help = "Meet servertijd (p50/p95), queries en geheugen van de belangrijkste pagina's."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=30)
        parser.add_argument("--json", dest="json_path", help="also write the results here")
        parser.add_argument(
            "--force", action="store_true", help="run outside DEBUG (writes access-log rows)"
        )

    def handle(self, *args, rounds, json_path, force, **options):
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
            ("consulent", "Aanbieder kiezen (HO)", f"/clienten/{sample.uuid}/toewijzing/"),
            ("contractmanager", "Startpagina contractmanager", "/"),
            ("contractmanager", "Dashboard contractbeheer", "/contractbeheer/"),
            ("contractmanager", "Cliëntenstops", "/clientenstops/?toon=alle"),
            ("contractmanager", "Capaciteit", "/capaciteit/"),
            ("contractmanager", "Signalen", "/signalen/?toon=alle"),
            ("contractmanager", "Aanbieders", "/aanbieders/"),
            ("beheerder", "Toegangslog", "/beheer/toegangslog/"),
        ]
        results = []
        for username, label, url in pages:
            http = _http_for(username)
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
                }
            )
        summary = {"clients": Client.objects.count(), "pages": results}
        self.stdout.write(
            f"{'pagina':<28} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'piek KiB':>9}"
        )
        for row in results:
            q = "/".join(str(n) for n in row["queries"])
            self.stdout.write(
                f"{row['page']:<28} {row['p50_ms']:>8} {row['p95_ms']:>8} {q:>8} "
                f"{row['peak_memory_kib']:>9}"
            )
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if json_path:
            with open(json_path, "w", encoding="utf-8") as fh:
                json.dump(summary, fh, ensure_ascii=False, indent=2)
