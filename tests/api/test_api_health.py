"""GET /healthz and the JSON error shape."""
from __future__ import annotations


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_unknown_api_route_is_json_404(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "detail" in response.json()


def test_tables_are_created_at_start_up(client, settings):
    import sqlite3

    path = settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"assessments", "leads"} <= tables
