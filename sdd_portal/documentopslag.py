"""Files in the documents storage that no row references are removed after a grace period.

An upload writes its PDF before the transaction commits; if the transaction then rolls back
(a database failure, a constraint), the file stays behind with no row pointing at it:
special-category data that nobody can reach or destroy. The daily job
``sdd_portal.tasks.documenten_opruimen`` removes such files once they are older than
``DOCUMENTEN_OPRUIM_NA_UUR`` (younger files may belong to a transaction still running).

"Referenced" means: named by a ``FileField`` on that storage of any installed model,
history models (django-simple-history) included, so a file that only an old history row
still names is kept. The core iterates over the app registry and imports no domain app.
Paths are generated from UUIDs (``plan_pad``, ``brief_pad`` ...), so logging them reveals
no client data.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone

logger = logging.getLogger(__name__)

OPSLAG = "documenten"


def _zelfde_opslag(a: Storage, b: Storage) -> bool:
    if a is b:
        return True
    return type(a) is type(b) and getattr(a, "location", None) == getattr(b, "location", None)


def bestandsvelden(opslag: Storage) -> list[tuple[type[models.Model], models.Field]]:
    """Every file field, of every installed model (history models included), on ``opslag``."""
    velden = []
    for model in apps.get_models(include_auto_created=True):
        # django-simple-history turns a history model's FileField into a TextField holding
        # the same name; ``instance_type`` is the model it records.
        bron = getattr(model, "instance_type", None) or model
        namen = {
            veld.attname
            for veld in bron._meta.get_fields()
            if isinstance(veld, models.FileField) and _zelfde_opslag(veld.storage, opslag)
        }
        velden += [
            (model, veld)
            for veld in model._meta.concrete_fields
            if veld.attname in namen and (bron is not model or isinstance(veld, models.FileField))
        ]
    return velden


def verwezen_bestanden(opslag: Storage) -> set[str]:
    namen: set[str] = set()
    for model, veld in bestandsvelden(opslag):
        namen.update(
            model._base_manager.exclude(**{veld.attname: ""})
            .exclude(**{f"{veld.attname}__isnull": True})
            .values_list(veld.attname, flat=True)
            .distinct()
            .iterator()
        )
    return namen


def _alle_bestanden(opslag: Storage, map: str = ""):
    mappen, bestanden = opslag.listdir(map)
    for naam in bestanden:
        yield f"{map}/{naam}" if map else naam
    for sub in mappen:
        yield from _alle_bestanden(opslag, f"{map}/{sub}" if map else sub)


def wezen_opruimen(*, na_uur: int | None = None, nu=None) -> list[str]:
    """Remove unreferenced files older than the grace period; returns their paths."""
    opslag = storages[OPSLAG]
    na_uur = settings.DOCUMENTEN_OPRUIM_NA_UUR if na_uur is None else na_uur
    grens = (nu or timezone.now()) - timedelta(hours=na_uur)
    # The references are read after listing the files: a file written and committed in
    # between is then seen as referenced, never as an orphan.
    if not opslag.exists(""):
        return []
    kandidaten = [pad for pad in _alle_bestanden(opslag) if opslag.get_modified_time(pad) < grens]
    if not kandidaten:
        return []
    verwezen = verwezen_bestanden(opslag)
    verwijderd = []
    for pad in kandidaten:
        if pad not in verwezen:
            opslag.delete(pad)
            verwijderd.append(pad)
    if verwijderd:
        logger.warning(
            "Documentopslag: %s niet-verwezen bestand(en) ouder dan %s uur verwijderd: %s",
            len(verwijderd),
            na_uur,
            ", ".join(verwijderd),
        )
    else:
        logger.info("Documentopslag: geen niet-verwezen bestanden.")
    return verwijderd
