"""The one visibility mechanism: who may see which rows of a model, declared per model.

Every model that holds data of a provider or a client declares a ``Zichtbaarheid``:

- ``sdd_rollen``: the SDD roles that see every row (a role only counts at SDD);
- ``aanbieder``: the lookup from the row to the provider it belongs to (for example
  ``"aanbieder_id"`` or ``"toewijzing__aanbieder_id"``): a provider's employee sees the
  rows of their own organisation; ``None``: providers see none;
- ``aanbieder_regel``: for rows whose tie to a provider is more than one lookup (a client
  is visible while a toewijzing with the provider exists), a function of the provider's
  id that returns the filter.

Everyone else (another provider, a role that reads no client files, an anonymous or
inactive user) sees nothing. ``ZichtbaarQuerySet.visible_to(actor)`` applies the rule;
views, exports, API endpoints, event deliveries and tombstones all go through it. An
actor is anything with ``is_authenticated``, ``organisatie`` and ``rollen`` (a user or
the technical account of an API key).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol


@dataclass(frozen=True)
class Zichtbaarheid:
    sdd_rollen: tuple[str, ...] = ("consulent",)
    aanbieder: str | None = "aanbieder_id"
    aanbieder_regel: Callable[[int], Q] | None = None

    def ziet_alles(self, actor) -> bool:
        return bool(self.sdd_rollen) and heeft_sdd_rol(actor, *self.sdd_rollen)

    def filter_voor_aanbieder(self, provider_id: int) -> Q | None:
        """The filter for a provider's rows, or None when providers see none."""
        if self.aanbieder_regel is not None:
            return self.aanbieder_regel(provider_id)
        if self.aanbieder is not None:
            return Q(**{self.aanbieder: provider_id})
        return None

    def toepassen(self, qs: models.QuerySet, actor) -> models.QuerySet:
        if self.ziet_alles(actor):
            return qs
        provider_id = aanbieder_id(actor)
        if provider_id is not None:
            voorwaarde = self.filter_voor_aanbieder(provider_id)
            if voorwaarde is not None:
                return qs.filter(voorwaarde)
        return qs.none()


def zichtbaarheid_van(model) -> Zichtbaarheid:
    try:
        return model.zichtbaarheid
    except AttributeError:
        raise TypeError(f"{model.__name__} declares no zichtbaarheid") from None


class ZichtbaarQuerySet(models.QuerySet):
    """``visible_to(actor)``: the rows ``actor`` may see, by the model's ``zichtbaarheid``."""

    def visible_to(self, actor):
        return zichtbaarheid_van(self.model).toepassen(self, actor)
