"""What each domain app holds about a client: the registry behind destruction and inzage.

The core names no domain model. Each app registers, from its ``privacy.py`` (imported in its
``AppConfig.ready``), the models that hold client data::

    registreer(Clientgegevens(model="indicaties.Toewijzing", pad="client", einde="einddatum"))

- ``pad``: the lookup from the model to the client model (``settings.CLIENT_MODEL``); the
  client model itself registers with ``pad=""``.
- ``einde``: the date field that ends the retention clock for a row: a provision's end date
  (a row with an empty end date still runs and keeps its client). Rows without a field of
  their own count from their last change (``modified_at``).
- ``velden``: the fields that go into an inzage export (default: every concrete field).
- ``bestanden``: the file fields destroyed with the row.
- ``bundels``: files of a shared row that bundle this client's documents with others'
  (``"verzendrun__bestand"``: a mailing run's print file); destroyed whole, the field
  emptied, the shared row itself kept.
- ``volgorde``: deletion runs in ascending order (children before their parents); all
  foreign keys are checked at the end of the client's transaction, so cycles are fine.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models

from sdd_portal.audit.services import client_model


@dataclass(frozen=True)
class Clientgegevens:
    model: str
    pad: str
    einde: str | None = None
    velden: tuple[str, ...] = ()
    bestanden: tuple[str, ...] = ()
    bundels: tuple[str, ...] = ()
    volgorde: int = 100
    label: str = ""

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def naam(self) -> str:
        return self.label or str(self.model_class._meta.verbose_name_plural)

    def van_client(self, client_pk: int) -> models.QuerySet:
        """The rows of this kind that belong to one client."""
        lookup = f"{self.pad}__pk" if self.pad else "pk"
        return self.model_class._default_manager.filter(**{lookup: client_pk})

    def exportvelden(self) -> list[models.Field]:
        concreet = list(self.model_class._meta.concrete_fields)
        if self.velden:
            return [f for f in concreet if f.name in self.velden]
        return concreet


REGISTER: dict[str, Clientgegevens] = {}


def registreer(*items: Clientgegevens) -> None:
    for item in items:
        REGISTER[item.model] = item


def alle() -> list[Clientgegevens]:
    """Every registered kind, the client model last (deletion order)."""
    return sorted(REGISTER.values(), key=lambda g: (g.volgorde, g.model))


def clientsoort() -> Clientgegevens:
    label = client_model()._meta.label
    if label not in REGISTER:
        raise LookupError(f"Het cliëntmodel {label} is niet geregistreerd voor privacy.")
    return REGISTER[label]
