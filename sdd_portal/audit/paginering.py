"""Paging through the access log without counting tens of millions of rows."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

MAX_REGELS = 10_000  # rows a search counts and pages through at most


class BegrensdePaginator(Paginator):
    """A paginator that counts at most ``maximum`` rows: ``COUNT(*)`` over a subquery with
    ``LIMIT maximum + 1`` instead of over every matching row. ``afgekapt`` tells whether
    there were more; the pages then cover the first ``maximum`` rows only. The subquery
    selects only ``tel_kolom``: a column that the indexes hold lets PostgreSQL count with an
    index-only scan (every btree index of the access log holds ``timestamp``)."""

    def __init__(
        self, object_list, per_page, *, maximum: int = MAX_REGELS, tel_kolom="pk", **kwargs
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.maximum = maximum
        self.tel_kolom = tel_kolom

    @cached_property
    def _geteld(self) -> int:
        subquery = self.object_list.order_by().values(self.tel_kolom)[: self.maximum + 1]
        return subquery.count()

    @cached_property
    def count(self) -> int:
        return min(self._geteld, self.maximum)

    @property
    def afgekapt(self) -> bool:
        return self._geteld > self.maximum
