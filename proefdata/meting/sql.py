"""The raw SQL time of a page's main query, to compare with the page's server time.

:func:`opnemen` records every statement of a request with its parameters (through
``connection.execute_wrapper``, so nothing is re-parsed from interpolated text);
:func:`hoofdquery` picks the slowest read among them, leaving out what every page runs
(session, user, second-factor device, API credential, access-log row, transaction
control); :func:`sql_p50` runs that exact statement again with the same parameters and
returns its median time. ``server p50 / sql p50`` then says how far a page is from the
limit its main query sets: close to 1, only a faster query helps; far above it, the time
goes to the other queries, Python and templates.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction

# Tables of the statements every request runs whatever the page: not a page's main query.
BIJWERK_TABELLEN = {
    "django_session",
    "accounts_user",
    "audit_accesslogentry",
    "api_apisleutel",
    "axes_accessattempt",
    "axes_accessfailurelog",
    "axes_accesslog",
}
BIJWERK_VOORVOEGSELS = ("otp_", "two_factor_")
_EERSTE_TABEL = re.compile(r'\bFROM\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)


@dataclass
class Statement:
    sql: str
    params: Any
    many: bool
    ms: float
    volgnummer: int

    @property
    def is_lezen(self) -> bool:
        """A plain read that is safe to run again: SELECT, no row locks, one statement."""
        tekst = self.sql.lstrip().upper()
        return (
            not self.many
            and tekst.startswith("SELECT")
            and " FOR UPDATE" not in tekst
            and " FOR SHARE" not in tekst
            and " FOR NO KEY UPDATE" not in tekst
            and ";" not in self.sql.strip().rstrip(";")
        )

    @property
    def tabel(self) -> str:
        gevonden = _EERSTE_TABEL.search(self.sql)
        return gevonden.group(1).lower() if gevonden else ""

    @property
    def is_bijwerk(self) -> bool:
        tabel = self.tabel
        return tabel in BIJWERK_TABELLEN or tabel.startswith(BIJWERK_VOORVOEGSELS)

    @property
    def is_set(self) -> bool:
        """``SET LOCAL ...`` (a planner setting for this transaction, as the API lists use)."""
        return self.sql.lstrip().upper().startswith("SET ")


@dataclass
class Opname:
    statements: list[Statement] = field(default_factory=list)

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append(
                Statement(
                    sql=sql,
                    params=params,
                    many=many,
                    ms=(time.perf_counter() - start) * 1000,
                    volgnummer=len(self.statements),
                )
            )

    @property
    def totaal_ms(self) -> float:
        return sum(s.ms for s in self.statements)


@contextmanager
def opnemen() -> Iterator[Opname]:
    """Record the statements run on the default connection in this block."""
    opname = Opname()
    with connection.execute_wrapper(opname):
        yield opname


def hoofdquery(opname: Opname) -> Statement | None:
    """The slowest read of the page itself, or None (a page without one)."""
    kandidaten = [s for s in opname.statements if s.is_lezen and not s.is_bijwerk]
    return max(kandidaten, key=lambda s: s.ms, default=None)


def sql_p50(opname: Opname, query: Statement, herhalingen: int) -> float:
    """Median time in ms of ``query`` run again with its own parameters, rows fetched,
    after one warm-up run. The ``SET`` statements that preceded it in the request are
    replayed first, in a transaction that is rolled back, so the planner sees what it saw
    during the request."""
    voorbereiding = [s for s in opname.statements[: query.volgnummer] if s.is_set]
    tijden = []
    with transaction.atomic():
        with connection.cursor() as cur:
            for s in voorbereiding:
                cur.execute(s.sql, s.params)
            for ronde in range(herhalingen + 1):
                start = time.perf_counter()
                cur.execute(query.sql, query.params)
                cur.fetchall()
                if ronde:  # the first run warms the plan cache and the buffers
                    tijden.append((time.perf_counter() - start) * 1000)
        transaction.set_rollback(True)
    return statistics.median(tijden)
