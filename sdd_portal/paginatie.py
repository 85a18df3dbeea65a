"""Pagination for lists that can hold hundreds of thousands of rows at national scale."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

GRENS = 1000  # rows counted at most; beyond it the page says "meer dan 1.000"


class BegrensdePaginator(Paginator):
    """A Paginator that counts at most ``grens`` rows.

    ``COUNT(*)`` over a provider's 300,000 signals or every "Jansen" in the country costs
    more than the page itself, and nobody pages through 40 pages of 25. The count is
    ``SELECT COUNT(*) FROM (... LIMIT grens + 1)``, so it stops early; the templates show
    "meer dan 1.000" and ask to narrow the search.
    """

    def __init__(self, object_list, per_page, grens: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.grens = GRENS if grens is None else grens

    @cached_property
    def count(self) -> int:
        return min(self._geteld, self.grens)

    @cached_property
    def _geteld(self) -> int:
        begrensd = self.object_list[: self.grens + 1]
        return begrensd.count() if hasattr(begrensd, "query") else len(begrensd)

    @property
    def afgekapt(self) -> bool:
        """True when there are more rows than were counted."""
        return self._geteld > self.grens
