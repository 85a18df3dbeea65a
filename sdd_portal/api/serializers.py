"""Shared serializer pieces: references by UUID and the sync timestamps."""

from datetime import date

from django.utils import timezone
from djangorestframework_camel_case.util import camelize, camelize_re, underscore_to_camel
from rest_framework import serializers
from rest_framework.fields import SkipField


class SyncVelden(serializers.Serializer):
    """``uuid``, ``aangemaaktOp`` and ``gewijzigdOp`` on every synced resource."""

    uuid = serializers.UUIDField(read_only=True)
    aangemaakt_op = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigd_op = serializers.DateTimeField(source="modified_at", read_only=True)


def uuid_van(bron: str, **kwargs) -> serializers.UUIDField:
    """A read-only reference to another resource by its UUID (``bron`` like 'client.uuid',
    or an annotated ``client_uuid``)."""
    return serializers.UUIDField(source=bron, read_only=True, **kwargs)


class CamelLijst(list):
    """Rows that already have camelCase keys: the renderer need not walk them again."""


_SNEL = (
    serializers.UUIDField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.BooleanField,
    serializers.DateField,
    serializers.DateTimeField,
)


def _formatter(veld):
    if isinstance(veld, serializers.DateTimeField):
        zone = timezone.get_current_timezone()

        def datetime_iso(waarde):
            tekst = waarde.astimezone(zone).isoformat()
            return tekst[:-6] + "Z" if tekst.endswith("+00:00") else tekst

        return datetime_iso
    if isinstance(veld, serializers.DateField):
        return date.isoformat
    if isinstance(veld, serializers.ChoiceField | serializers.BooleanField):
        return None  # the value as stored
    if isinstance(veld, serializers.IntegerField):
        return int
    return str  # UUIDField, CharField


def _plan(serializer) -> list:
    plan = []
    for naam, veld in serializer.fields.items():
        if veld.write_only:
            continue
        snel = type(veld) in _SNEL and veld.source != "*" and "." not in veld.source
        plan.append((camel_sleutel(naam), veld, veld.source if snel else None, _formatter(veld)))
    return plan


def camel_sleutel(naam: str) -> str:
    return camelize_re.sub(underscore_to_camel, naam)


def kolommen(serializer_class, queryset, extra=()) -> list[str] | None:
    """The columns to fetch with ``values()`` when every field of the serializer is a
    plain column or annotation of ``queryset``; None when some field needs a model
    instance (nested, method, property)."""
    namen = {f.attname for f in queryset.model._meta.concrete_fields}
    namen |= set(queryset.query.annotations)
    bronnen = [bron for _, _, bron, _ in _plan(serializer_class())]
    if any(bron is None or bron not in namen for bron in bronnen):
        return None
    if any(naam not in namen for naam in extra):
        return None
    return sorted({*bronnen, *extra, "id", "modified_at"})


def snel_serialiseren(serializer_class, rijen, context) -> CamelLijst:
    """Serialize a page of rows like ``serializer_class(rijen, many=True).data`` with
    camelCase keys, but read plain attributes directly instead of through DRF's field
    machinery (about 4x faster on a page of 1,000; the sync benchmark depends on it).
    Fields that are not plain (nested, method, dotted source) take DRF's own path.
    ``rijen`` are model instances, or dicts from ``values(*kolommen(...))``."""
    serializer = serializer_class(context=context)
    plan = _plan(serializer)
    uit = CamelLijst()
    als_dict = bool(rijen) and isinstance(rijen[0], dict)
    for rij in rijen:
        item = {}
        for sleutel, veld, bron, fmt in plan:
            if bron is not None:
                waarde = rij[bron] if als_dict else getattr(rij, bron)
                if waarde is not None and fmt is not None:
                    waarde = fmt(waarde)
            else:
                try:
                    attribuut = veld.get_attribute(rij)
                except SkipField:
                    continue
                waarde = None if attribuut is None else camelize(veld.to_representation(attribuut))
            item[sleutel] = waarde
        uit.append(item)
    return uit
