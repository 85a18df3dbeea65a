"""Shared serializer pieces: references by UUID and the sync timestamps."""

from rest_framework import serializers


class SyncVelden(serializers.Serializer):
    """``uuid``, ``aangemaaktOp`` and ``gewijzigdOp`` on every synced resource."""

    uuid = serializers.UUIDField(read_only=True)
    aangemaakt_op = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigd_op = serializers.DateTimeField(source="modified_at", read_only=True)


def uuid_van(bron: str, **kwargs) -> serializers.UUIDField:
    """A read-only reference to another resource by its UUID (``bron`` like 'client.uuid',
    or an annotated ``client_uuid``)."""
    return serializers.UUIDField(source=bron, read_only=True, **kwargs)
