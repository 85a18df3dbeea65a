"""Counting lists that can hold hundreds of thousands or tens of millions of rows.

``COUNT(*)`` over a provider's 300,000 signals, every "Jansen" in the country or 30 million
access-log rows costs more than the page itself, and nobody pages through 40 pages of 25.
Counts here stop early: ``SELECT COUNT(*) FROM (... LIMIT grens + 1)``; the templates then
say "meer dan 1.000" and ask to narrow the search.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

GRENS = 1000  # rows counted at most; beyond it the page says "meer dan 1.000"


def begrensd_aantal(qs, grens: int | None = None) -> tuple[int, bool]:
    """``(count, capped)``: counts at most ``grens`` rows of ``qs`` in its own order.
    ``capped`` is True when there are more than ``grens``."""
    grens = GRENS if grens is None else grens
    geteld = qs[: grens + 1].count()
    return min(geteld, grens), geteld > grens


class BegrensdePaginator(Paginator):
    """A Paginator that counts at most ``grens`` rows; ``afgekapt`` tells whether there
    were more (the pages then cover the first ``grens`` rows).

    ``tel_kolom`` counts over that one column without the ordering, so PostgreSQL can count
    with an index-only scan of an index holding it (the access log: ``timestamp``)."""

    def __init__(
        self, object_list, per_page, grens: int | None = None, tel_kolom: str = "", **kwargs
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.grens = GRENS if grens is None else grens
        self.tel_kolom = tel_kolom

    @cached_property
    def count(self) -> int:
        return min(self._geteld, self.grens)

    @cached_property
    def _geteld(self) -> int:
        lijst = self.object_list
        if self.tel_kolom:
            lijst = lijst.order_by().values(self.tel_kolom)
        begrensd = lijst[: self.grens + 1]
        return begrensd.count() if hasattr(begrensd, "query") else len(begrensd)

    @property
    def afgekapt(self) -> bool:
        """True when there are more rows than were counted."""
        return self._geteld > self.grens
