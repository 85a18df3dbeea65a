from datetime import timedelta

from django import template

from sdd_portal.accounts.models import Rol

register = template.Library()


@register.filter
def duur(value) -> str:
    """A timedelta in Dutch words: '15 minuten', '1 uur'."""
    if not isinstance(value, timedelta):
        return ""
    minutes = int(value.total_seconds() // 60)
    if minutes % 60 == 0 and minutes >= 60:
        hours = minutes // 60
        return "1 uur" if hours == 1 else f"{hours} uur"
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"


@register.filter
def rol_labels(codes) -> str:
    return ", ".join(Rol(c).label if c in Rol.values else c for c in codes or [])


@register.simple_tag(takes_context=True)
def dossiersecties(context, plek: str, obj) -> str:
    """The sections other apps registered for the page ``plek`` (sdd_portal/dossier.py)."""
    from django.utils.safestring import mark_safe

    from sdd_portal.dossier import secties

    return mark_safe("".join(secties(plek, context["request"], obj)))  # noqa: S308
