"""Validators that several models of the HO process share."""

from __future__ import annotations

from django.core.validators import MaxValueValidator

from bandbreedte.models import MINUTEN_PER_WEEK_MAX

MINUTEN = [MaxValueValidator(MINUTEN_PER_WEEK_MAX)]
