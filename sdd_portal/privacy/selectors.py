"""Reads over the registry: which clients are past their retention term, and which rows
(current and historical) and files belong to one client."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import DateTimeField, Exists, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, TruncDate

from sdd_portal.audit.services import client_model

from . import registry
from .registry import Clientgegevens

VER_VERLEDEN = date(1900, 1, 1)


def _datumexpressie(model: type[models.Model], veld: str):
    if isinstance(model._meta.get_field(veld), DateTimeField):
        return TruncDate(veld)
    return models.F(veld)


def vernietigbaar(grens: date) -> models.QuerySet:
    """Clients whose every registered row ended (a provision's end date, otherwise its
    last change) before ``grens``, and who have no provision without an end date. One query:
    per kind a correlated MAX and an EXISTS on the open rows."""
    clienten = client_model()._default_manager.all()
    laatsten = [_datumexpressie(clienten.model, "modified_at")]
    for soort in registry.alle():
        if not soort.pad:
            continue
        veld = soort.einde or "modified_at"
        rijen = soort.model_class._default_manager.filter(**{soort.pad: OuterRef("pk")})
        laatste = Subquery(
            rijen.order_by()
            .values(soort.pad)
            .annotate(m=Max(_datumexpressie(soort.model_class, veld)))
            .values("m")[:1]
        )
        laatsten.append(Coalesce(laatste, Value(VER_VERLEDEN)))
        if soort.einde:
            clienten = clienten.exclude(Exists(rijen.filter(**{f"{soort.einde}__isnull": True})))
    return clienten.annotate(laatste_einde=Greatest(*laatsten)).filter(laatste_einde__lt=grens)


def _historie(model: type[models.Model]) -> type[models.Model] | None:
    history = getattr(model, "history", None)
    return getattr(history, "model", None)


class Dossier:
    """Every row the registry knows for one client: current pks and historical rows per
    kind, collected once (destruction and inzage use the same collection)."""

    def __init__(self, client_pk: int):
        self.client_pk = client_pk
        self._ids: dict[str, set[int]] = {}

    def huidige(self, soort: Clientgegevens) -> models.QuerySet:
        return soort.van_client(self.client_pk)

    def ids(self, soort: Clientgegevens) -> set[int]:
        """Ids of this kind that belong to the client now or in its history (a row that
        was deleted earlier lives on in the history table with its parent's id)."""
        if soort.model in self._ids:
            return self._ids[soort.model]
        ids = set(self.huidige(soort).values_list("pk", flat=True))
        hist = _historie(soort.model_class)
        if not soort.pad:
            ids.add(self.client_pk)
        elif hist is not None:
            eerste, _, rest = soort.pad.partition("__")
            fk = soort.model_class._meta.get_field(eerste)
            if rest:
                ouder = registry.REGISTER.get(fk.related_model._meta.label)
                ouder_ids = (
                    self.ids(ouder)
                    if ouder and ouder.pad == rest
                    else set(
                        fk.related_model._default_manager.filter(
                            **{f"{rest}__pk": self.client_pk}
                        ).values_list("pk", flat=True)
                    )
                )
            else:
                ouder_ids = {self.client_pk}
            ids |= set(
                hist.objects.filter(**{f"{fk.attname}__in": ouder_ids}).values_list("id", flat=True)
            )
        self._ids[soort.model] = ids
        return ids

    def historie(self, soort: Clientgegevens) -> models.QuerySet | None:
        hist = _historie(soort.model_class)
        if hist is None:
            return None
        return hist.objects.filter(id__in=self.ids(soort))

    def bestanden(self, soort: Clientgegevens) -> set[str]:
        namen: set[str] = set()
        for veld in soort.bestanden:
            namen |= set(self.huidige(soort).values_list(veld, flat=True))
            historie = self.historie(soort)
            if historie is not None:
                namen |= set(historie.values_list(veld, flat=True))
        return {n for n in namen if n}
