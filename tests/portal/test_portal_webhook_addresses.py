"""Webhook URLs: https only outside development, never to an internal address (checked when the programme
office saves the URL and again when the worker connects), no user name or password in the URL or the log."""
from __future__ import annotations

import json
import socket
import threading
from datetime import timedelta
from pathlib import Path

from portal_receivers import SmtpSink, WebhookReceiver
from portal_testkit import BRABANT, EXAMPLE_REGISTRY, OFFICE, TECHNOORD, db_rows, free_port, login, make_lead, page_csrf

from api.db import utcnow
from api.delivery import worker
from api.identity import passwords
from api.identity.models import Account
from api.identity.roles import PROGRAMME_OFFICE
from api.main import create_app
from api.registry import service as registry
from api.settings import Settings
from tests.support import local_client

PASSWORD = "wachtwoord-van-het-programmabureau"
FORM = {"qualified_until": "2031-03-31", "monthly_capacity": "10", "active": "on", "expertise": ["digitalisering"],
        "contact_email": "intake@technoord.example"}


def production(settings: Settings, **extra) -> Settings:
    return Settings(**{**settings.model_dump(), "environment": "production", "secret_key": "p" * 40,
                       "public_base_url": "https://scan.example.nl", **extra})


def with_office(app) -> None:
    with app.state.sessionmaker() as session:
        session.add(Account(username=OFFICE, intermediary_id=OFFICE, role=PROGRAMME_OFFICE, active=True,
                            password_hash=passwords.hash_password(PASSWORD)))
        session.commit()


def save(client, url: str):
    token = page_csrf(client, f"/portaal/register/{TECHNOORD}")
    return client.post(f"/portaal/register/{TECHNOORD}", data={**FORM, "csrf_token": token, "webhook_url": url},
                       follow_redirects=False)


REFUSED = ["http://crm.technoord.example/hook", "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
           "https://[::1]:8443/hook", "https://10.0.0.5/hook", "https://192.168.1.20/hook", "https://100.64.0.1/hook",
           "https://[::ffff:127.0.0.1]/hook", "https://[fe80::1]/hook", "https://localhost/hook",
           "https://crm.localhost/hook", "https://user:geheim@crm.technoord.example/hook",
           "https://crm.technoord.example:99999/hook"]


def test_the_office_cannot_point_a_webhook_at_an_internal_address(settings):
    app = create_app(production(settings))
    with local_client(app, base_url="https://scan.example.nl") as client:
        with_office(app)
        login(client, {"username": OFFICE, "password": PASSWORD})
        for url in REFUSED:
            response = save(client, url)
            assert response.status_code == 422, url
            assert "webhook-URL" in response.text, url
        assert save(client, "https://crm.technoord.example/hook").status_code == 303
    with app.state.sessionmaker() as session:
        assert registry.get(session, TECHNOORD).webhook_url == "https://crm.technoord.example/hook"


def test_development_still_refuses_metadata_and_private_addresses(client, creds):
    login(client, creds[OFFICE])
    for url in ("http://169.254.169.254/latest/meta-data", "http://10.0.0.5/hook", "http://[fe80::1]/hook",
                "http://user:geheim@127.0.0.1:8080/hook"):
        assert save(client, url).status_code == 422, url
    assert save(client, "http://127.0.0.1:8080/hook").status_code == 303  # the developer's own receiver


class Listener:
    """A plain TCP port that counts the connections it gets."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self):
        self.sock.close()


def registry_with_hook(state_dir: Path, url: str) -> Path:
    """A registry file with a webhook the office's form would refuse (as an older database may hold one)."""
    entries = json.loads(EXAMPLE_REGISTRY.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["id"] == BRABANT:
            entry.update(webhook_url=url, webhook_secret="geheim-van-de-webhook-0123456789")
    path = state_dir / "intermediaries.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def test_the_worker_checks_the_address_again_and_never_connects_inside(settings, state_dir):
    listener = Listener()
    sink = SmtpSink(settings.smtp_port).start()
    try:
        live = production(settings, smtp_starttls=True,
                          intermediaries_file=registry_with_hook(state_dir, f"https://localhost:{listener.port}/hook"))
        app = create_app(live)
        with local_client(app, base_url="https://scan.example.nl"):
            with local_client(app, base_url="https://scan.example.nl") as bot:
                make_lead(bot, BRABANT)
            outcomes = worker.run_once(app.state.sessionmaker, live)
    finally:
        sink.stop()
        listener.close()
    [hook] = [o for o in outcomes if o.channel == "webhook"]
    assert not hook.ok and "intern adres" in hook.detail
    assert listener.connections == 0


def test_no_user_name_or_password_of_a_webhook_url_reaches_the_delivery_log(settings, state_dir, creds):
    port = free_port()
    receiver = WebhookReceiver(port, "geheim-van-de-webhook-0123456789").start()
    sink = SmtpSink(settings.smtp_port).start()
    try:
        live = settings.model_copy(update={"intermediaries_file": registry_with_hook(
            state_dir, f"http://crm:wachtwoord123@127.0.0.1:{port}/leads?key=sleutel456")})
        app = create_app(live)
        with local_client(app) as client:
            lead_id, _ = make_lead(client, BRABANT)
            worker.run_once(app.state.sessionmaker, live)
            worker.run_once(app.state.sessionmaker, live, now=utcnow() + timedelta(days=1))
            login(client, creds[BRABANT])
            page = client.get(f"/portaal/leads/{lead_id}").text
            login(client, creds[OFFICE])
            overview = client.get("/portaal/bezorging").text
    finally:
        sink.stop()
        receiver.stop()
    assert receiver.received == []  # refused: the receiver authenticates by the signature, not by the URL
    logged = db_rows(live, "SELECT target, detail FROM delivery_log WHERE target LIKE 'http%'")
    assert logged and all(target == f"http://127.0.0.1:{port}/leads" for target, _ in logged)
    errors = db_rows(live, "SELECT last_error FROM delivery_outbox")
    for text in (json.dumps(logged), page, overview, json.dumps(errors)):
        assert "wachtwoord123" not in text and "sleutel456" not in text
