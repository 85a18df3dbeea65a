"""The REST API v1 (``/api/v1/``): credentials per organisation, conventions, sync, events."""
