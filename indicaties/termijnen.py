"""Legal terms in calendar days and working days.

- Bezwaartermijn (Awb 6:7, 6:8): six weeks, starting the day after the verzenddatum.
- Algemene termijnenwet art. 1 and 3: a term whose last day is a Saturday, Sunday or a
  generally recognised public holiday runs to the next working day. The holidays of art. 3
  are: Nieuwjaarsdag, tweede paas- en pinksterdag, Hemelvaartsdag, beide kerstdagen,
  Koningsdag and 5 mei (every year, unlike the lustrum rule in collective agreements).
  Goede Vrijdag is not one of them.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

BEZWAARTERMIJN_DAGEN = 42  # six weeks
HERINNERING_DAGEN = 42  # the expiry letter goes out six weeks before the end date
ONDERZOEK_DAGEN = 42  # the onderzoek is finished within six weeks of the melding


@lru_cache(maxsize=64)
def feestdagen(jaar: int) -> frozenset[date]:
    pasen = easter(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday it is celebrated on Saturday the 26th
        koningsdag = date(jaar, 4, 26)
    return frozenset(
        {
            date(jaar, 1, 1),
            pasen + timedelta(days=1),  # tweede paasdag
            koningsdag,
            date(jaar, 5, 5),
            pasen + timedelta(days=39),  # Hemelvaartsdag
            pasen + timedelta(days=50),  # tweede pinksterdag
            date(jaar, 12, 25),
            date(jaar, 12, 26),
        }
    )


def is_werkdag(datum: date) -> bool:
    return datum.weekday() < 5 and datum not in feestdagen(datum.year)


def volgende_werkdag(datum: date) -> date:
    """``datum`` itself when it is a working day, otherwise the first working day after."""
    while not is_werkdag(datum):
        datum += timedelta(days=1)
    return datum


def bezwaartermijn_einde(verzenddatum: date) -> date:
    """The last day on which an objection is on time."""
    return volgende_werkdag(verzenddatum + timedelta(days=BEZWAARTERMIJN_DAGEN))


def werkdagen_na(datum: date, aantal: int) -> date:
    """The date ``aantal`` working days after ``datum``."""
    while aantal > 0:
        datum += timedelta(days=1)
        if is_werkdag(datum):
            aantal -= 1
    return datum


def herinneringsdatum(einddatum: date) -> date:
    return einddatum - timedelta(days=HERINNERING_DAGEN)
