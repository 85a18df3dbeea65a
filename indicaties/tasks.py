"""Celery tasks of the app. Celery's autodiscovery imports ``<app>.tasks`` only; the tasks
live with their topic and are registered by importing them here: the mail about support
plans with the HO process (``indicaties.ho.tasks``), the rendering of letters on the pdf
queue with the letters (``indicaties.brieven.tasks``). Task names are explicit, so they
stay the same wherever the code is.
"""

from .brieven import tasks as brieven_tasks
from .ho import tasks as ho_tasks

__all__ = ["brieven_tasks", "ho_tasks"]
