"""Abstract base shared by every domain model."""

import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils.text import capfirst


def documenten_storage():
    """Private file storage outside the web root (settings.DOCUMENTS_ROOT)."""
    return storages["documenten"]


class DomainModel(models.Model):
    """UUID for URLs and the API, and timestamps that make incremental sync possible."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    modified_at = models.DateTimeField("gewijzigd op", auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Instellingen(models.Model):
    """Settings an administrator changes in Beheer: one row, every change in history.

    ``huidig()`` is the row in force, or an unsaved row with the (labelled illustrative)
    defaults when none was saved yet. Subclasses add their fields and ``HistoricalRecords``.
    """

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return capfirst(str(self._meta.verbose_name))

    @classmethod
    def huidig(cls):
        return cls.objects.order_by("pk").first() or cls()
