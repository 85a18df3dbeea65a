"""Abstract base shared by every domain model."""

import uuid

from django.core.files.storage import storages
from django.db import models


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
