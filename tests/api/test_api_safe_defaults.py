"""Safe by default: production unless development is asked for, development answers on loopback only,
production needs every secret and the bot's token is always needed; security headers on every
response; no report token in the access log."""
from __future__ import annotations

import socket
import uuid

import httpx
import pytest
from api_testkit import EXAMPLE_REGISTRY, assessment_body, full_answers, put_assessment
from live_service import running, start_outcome

from api.main import create_app
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN, bot_headers, local_client

SECRET = "een-echt-geheim-van-minstens-32-tekens-lang"


def production(tmp_path, **extra) -> Settings:
    return Settings(environment="production", secret_key=SECRET, bot_token=TEST_BOT_TOKEN,
                    database_url=f"sqlite:///{tmp_path / 'prod.db'}", intermediaries_file=EXAMPLE_REGISTRY,
                    public_base_url="https://scan.example.nl", delivery_worker=False, **extra)


def test_without_any_setting_the_service_refuses_to_start_instead_of_using_development_secrets(tmp_path):
    started, log = start_outcome(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}")
    assert not started, "the service started without ENVIRONMENT, SECRET_KEY and BOT_TOKEN"
    assert "ENVIRONMENT=production" in log and "SECRET_KEY" in log and "BOT_TOKEN" in log


def test_development_without_the_bots_token_refuses_to_start(tmp_path):
    started, log = start_outcome(tmp_path, ENVIRONMENT="development", DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}")
    assert not started, "the bot's write endpoints would be open"
    assert "BOT_TOKEN" in log


@pytest.mark.parametrize("left_out", ["secret_key", "bot_token"])
def test_production_needs_every_secret(tmp_path, left_out):
    given = {"secret_key": SECRET, "bot_token": TEST_BOT_TOKEN}
    del given[left_out]
    with pytest.raises(ValueError, match=left_out.upper()):
        Settings(environment="production", **given)


def test_production_keeps_starttls_on(tmp_path):
    assert production(tmp_path).smtp_tls is True
    assert Settings(environment="development").smtp_tls is False
    with pytest.raises(ValueError, match="SMTP_STARTTLS"):
        production(tmp_path, smtp_starttls=False)


def test_production_starts_with_its_secrets_and_serves_no_api_description(tmp_path):
    with running(tmp_path, ENVIRONMENT="production", SECRET_KEY=SECRET, BOT_TOKEN=TEST_BOT_TOKEN,
                 DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", INTERMEDIARIES_FILE=str(EXAMPLE_REGISTRY),
                 DELIVERY_WORKER="false") as live:
        assert httpx.get(f"{live.url}/healthz").status_code == 200
        assert httpx.get(f"{live.url}/openapi.json").status_code == 404
        assert httpx.get(f"{live.url}/docs").status_code == 404


def test_the_api_description_is_served_in_development(client):
    assert client.get("/openapi.json").status_code == 200


def test_development_answers_only_what_reaches_it_on_loopback(app):
    with local_client(app) as local:
        assert local.get("/portaal/inloggen").status_code == 200
    for base, headers in [("http://scan.example.nl", {}), ("http://127.0.0.1", {"X-Forwarded-For": "203.0.113.7"}),
                          ("http://127.0.0.1", {"Forwarded": "for=198.51.100.4"}), ("http://10.1.2.3", {})]:
        with local_client(app, base_url=base, headers=headers) as remote:
            response = remote.get("/portaal/inloggen")
            assert response.status_code == 403, (base, headers)
            assert "ENVIRONMENT=development" in response.text


def _non_loopback_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: only picks the outgoing interface
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_development_bound_to_another_address_answers_nobody(tmp_path):
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    with running(tmp_path, host=address, ENVIRONMENT="development", BOT_TOKEN=TEST_BOT_TOKEN,
                 DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", INTERMEDIARIES_FILE=str(EXAMPLE_REGISTRY),
                 DELIVERY_WORKER="false") as live:
        for path in ("/portaal/inloggen", "/dashboard/inloggen", "/healthz"):
            response = httpx.get(f"{live.url}{path}", headers={"Host": "127.0.0.1"})  # even when it claims loopback
            assert response.status_code == 403 and "loopback" in response.text, path


def test_reading_an_assessment_needs_the_bots_token(client):
    assessment_id, _ = put_assessment(client, full_answers())
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer fout"}):
        response = client.get(f"/api/v1/assessments/{assessment_id}", headers=headers)
        assert response.status_code == 401 and "report_token" not in response.text
    assert client.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]


def test_every_response_carries_the_security_headers(tmp_path, settings):
    for made, https in ((production(tmp_path), True), (settings, False)):
        base_url = "https://scan.example.nl" if https else "http://127.0.0.1"
        with local_client(create_app(made), base_url=base_url) as client:
            for path in ("/", "/rapport/onbekend-token-0123456789", "/portaal/inloggen", "/dashboard/inloggen",
                         "/api/v1/leads", "/healthz", "/static/site.css"):
                headers = client.get(path).headers
                policy = headers["content-security-policy"]
                assert "frame-ancestors 'none'" in policy and "script-src 'self';" in policy, path
                assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
                assert ("strict-transport-security" in headers) is https, path
            assert "no-store" in client.get("/rapport/onbekend-token-0123456789").headers["cache-control"]


def test_report_tokens_never_reach_the_access_log(tmp_path):
    token = uuid.uuid4().hex
    with running(tmp_path, ENVIRONMENT="development", BOT_TOKEN=TEST_BOT_TOKEN, PYTHONUNBUFFERED="1",
                 DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", INTERMEDIARIES_FILE=str(EXAMPLE_REGISTRY),
                 DELIVERY_WORKER="false", RASA_TRACKER_DB_URL=f"sqlite:///{tmp_path / 'rasa.db'}") as live, \
            httpx.Client(base_url=live.url, headers=bot_headers()) as api:
        stored = api.put("/api/v1/assessments/log-1", json=assessment_body(full_answers(), token=token))
        assert stored.status_code == 200
        for path in (f"/rapport/{token}", f"/rapport/{token}/pdf", f"/rapport/{token}/verwijderen",
                     f"/?vorige={token}"):
            assert api.get(path).status_code == 200, path
    log = live.log_text()
    assert '"GET /rapport/…/pdf HTTP/1.1" 200' in log and "/?vorige=…" in log
    assert token not in log
