"""Small assertions shared by the API tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def uuids(response) -> set[str]:
    """The UUIDs of a 200 list page."""
    assert response.status_code == 200, response.content
    return {r["uuid"] for r in response.json()["results"]}


def aantal_queries(client, url) -> int:
    """Queries of one GET, after a warm-up call (the key's 'last used', content types)."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries)
