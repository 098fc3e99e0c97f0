"""Delivery of leads by e-mail and signed webhook, from the outbox, with retries: never lost, never twice."""
from __future__ import annotations

import hashlib
import hmac
import json
import re
import subprocess
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from api_html import parse
from api_testkit import hand_over
from portal_receivers import HeldReceiver, SmtpSink, WebhookReceiver
from portal_testkit import BRABANT, EXAMPLE_REGISTRY, PUBLIC_BASE_URL, TECHNOORD, db_rows, free_port, login, make_lead
from sqlalchemy import text

from api.db import utcnow
from api.delivery import signing, worker
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN, local_client

SECRET = "webhook-geheim-voor-de-test-0123456789"


@pytest.fixture
def hook_port() -> int:
    return free_port()


@pytest.fixture
def settings(state_dir: Path, hook_port: int) -> Settings:
    """The example registry, with a webhook for Brabant Maakt Slimmer."""
    entries = json.loads(EXAMPLE_REGISTRY.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["id"] == BRABANT:
            entry.update(webhook_url=f"http://127.0.0.1:{hook_port}/leads", webhook_secret=SECRET)
    registry_file = state_dir / "intermediaries.json"
    registry_file.write_text(json.dumps(entries), encoding="utf-8")
    return Settings(database_url=f"sqlite:///{state_dir / 'app.db'}", public_base_url=PUBLIC_BASE_URL,
                    intermediaries_file=registry_file, delivery_worker=False,
                    rasa_tracker_db_url=f"sqlite:///{state_dir / 'rasa_tracker.db'}",
                    smtp_host="127.0.0.1", smtp_port=free_port(), smtp_timeout_seconds=2, webhook_timeout_seconds=2,
                    environment="development", bot_token=TEST_BOT_TOKEN)


@pytest.fixture
def smtp(settings):
    sink = SmtpSink(settings.smtp_port)
    yield sink
    sink.stop()


@pytest.fixture
def hook(hook_port):
    receiver = WebhookReceiver(hook_port, SECRET)
    yield receiver
    receiver.stop()


def run(app, settings, at):
    return worker.run_once(app.state.sessionmaker, settings, now=at)


def test_backoff_doubles_up_to_the_maximum():
    settings = Settings(environment="development", delivery_retry_base_seconds=30, delivery_retry_max_seconds=600)
    assert [worker.backoff_seconds(n, settings) for n in range(1, 7)] == [30, 60, 120, 240, 480, 600]


def test_down_at_first_then_up_delivers_every_lead_exactly_once(client, app, settings, smtp, hook, creds):
    brabant, _ = make_lead(client, BRABANT)
    technoord, _ = make_lead(client, TECHNOORD)
    start = utcnow()

    failed = run(app, settings, start)
    assert sorted((o.lead_id, o.channel, o.ok) for o in failed) == sorted(
        [(brabant, "email", False), (brabant, "webhook", False), (technoord, "email", False)])

    # The portal shows "niet bezorgd" to the intermediary, and the office's overview lists it.
    login(client, creds[BRABANT])
    page = parse(client.get(f"/portaal/leads/{brabant}").text)
    rows = page.find("table", id="deliveries").find_all("tr")
    assert {r.attrs["data-state"] for r in rows if "data-state" in r.attrs} == {"niet_bezorgd"}
    listed = parse(client.get("/portaal/leads").text)
    assert listed.find("span", **{"data-delivery": "niet_bezorgd"})

    smtp.start()
    hook.start()
    assert run(app, settings, start + timedelta(seconds=5)) == []  # still backing off
    delivered = run(app, settings, start + timedelta(seconds=settings.delivery_retry_base_seconds + 1))
    assert len(delivered) == 3 and all(o.ok for o in delivered)
    # Later passes and a repeated PUT of the same lead send nothing more.
    assert run(app, settings, start + timedelta(days=1)) == []
    [(assessment_id,)] = db_rows(settings, "SELECT assessment_id FROM leads WHERE id = ?", brabant)
    assert hand_over(client, brabant, assessment_id).status_code == 200
    assert run(app, settings, start + timedelta(days=2)) == []

    assert sorted(m["X-Idempotency-Key"] for m in smtp.messages) == sorted([brabant, technoord])
    assert len(hook.received) == 1 and hook.received[0]["valid"] and hook.received[0]["key"] == brabant
    payload = hook.processed[brabant]
    assert payload["event"] == "lead.nieuw" and payload["lead"]["contact"]["email"] == "henk@devonk.example"
    assert payload["portal_url"] == f"{PUBLIC_BASE_URL}/portaal/leads/{brabant}"

    log = db_rows(settings, "SELECT lead_id, attempt, ok FROM delivery_log ORDER BY id")
    assert sorted(log) == sorted([(brabant, 1, 0), (brabant, 1, 0), (technoord, 1, 0),
                                  (brabant, 2, 1), (brabant, 2, 1), (technoord, 2, 1)])
    page = parse(client.get(f"/portaal/leads/{brabant}").text)
    assert page.find("span", **{"data-delivery": "bezorgd"})


def test_the_signature_is_hmac_sha256_over_the_raw_body(client, app, settings, smtp, hook):
    smtp.start()
    hook.start()
    make_lead(client, BRABANT)
    run(app, settings, utcnow())
    [request] = hook.received
    expected = "sha256=" + hmac.new(SECRET.encode(), request["raw"], hashlib.sha256).hexdigest()
    assert signing.sign(SECRET, request["raw"]) == expected and request["valid"]
    assert not signing.verify("ander-geheim", request["raw"], expected)


def test_a_failing_receiver_is_retried_and_marked_done_only_after_success(client, app, settings, smtp, hook_port):
    receiver = WebhookReceiver(hook_port, SECRET, fail_first=2).start()
    try:
        smtp.start()
        lead_id, _ = make_lead(client, BRABANT)
        start = utcnow()
        outcomes = run(app, settings, start)
        assert {(o.channel, o.ok) for o in outcomes} == {("email", True), ("webhook", False)}
        webhook = db_rows(settings,
                          "SELECT status, attempts, last_error FROM delivery_outbox WHERE channel = 'webhook'")
        assert webhook == [("wachtend", 1, "WebhookError: HTTP 500")]
        run(app, settings, start + timedelta(seconds=31))   # second failure: wait 60 s now
        assert run(app, settings, start + timedelta(seconds=61)) == []
        [last] = run(app, settings, start + timedelta(seconds=31 + 61))
        assert last.ok and len(receiver.received) == 3 and list(receiver.processed) == [lead_id]
        assert db_rows(settings, "SELECT status, attempts FROM delivery_outbox WHERE channel = 'webhook'") == [
            ("bezorgd", 3)]
    finally:
        receiver.stop()


def test_an_item_is_claimed_by_one_worker_only(client, app, settings):
    make_lead(client, TECHNOORD)
    now = utcnow()
    with app.state.sessionmaker() as one, app.state.sessionmaker() as two:
        [[item_id]] = worker.due_lanes(one, now).values()
        assert worker.claim(one, item_id, now, settings) is not None
        assert worker.claim(two, item_id, now, settings) is None


def test_e_mail_is_escaped_and_its_headers_cannot_be_injected(client, app, settings, smtp):
    smtp.start()
    make_lead(client, TECHNOORD, bedrijfsnaam="<script>x</script>\nBcc: spion@example.org")
    run(app, settings, utcnow())
    [message] = smtp.messages
    assert message["Bcc"] is None and "\n" not in message["Subject"]
    assert message["To"] == "TechNoord Advies <intake@technoord.example>"
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert "<script>x</script>" in text
    assert "henk@devonk.example" not in html + text  # contact data stays in the portal
    assert f"{PUBLIC_BASE_URL}/portaal/leads/" in text


def test_the_background_worker_delivers_right_after_the_lead_is_stored(settings, smtp):
    from api.main import create_app

    smtp.start()
    live = settings.model_copy(update={"delivery_worker": True, "delivery_poll_seconds": 30})
    with local_client(create_app(live)) as client:
        make_lead(client, TECHNOORD)
        deadline = time.monotonic() + 15
        while not smtp.messages and time.monotonic() < deadline:
            time.sleep(0.1)
    assert len(smtp.messages) == 1
    assert db_rows(live, "SELECT status FROM delivery_outbox") == [("bezorgd",)]


def test_a_lead_stored_without_its_notice_is_queued_by_the_next_pass(client, app, settings, smtp):
    smtp.start()
    lead_id, _ = make_lead(client, TECHNOORD)
    with app.state.sessionmaker() as session:  # as if the process died between storing and queueing
        session.execute(text("DELETE FROM delivery_outbox"))
        session.commit()
    [outcome] = run(app, settings, utcnow())
    assert outcome.lead_id == lead_id and outcome.ok


@pytest.fixture
def held(hook_port):
    receiver = HeldReceiver(hook_port)
    yield receiver
    receiver.stop()


def in_thread(target, *args, **kwargs) -> tuple[threading.Thread, list]:
    result: list = []
    thread = threading.Thread(target=lambda: result.append(target(*args, **kwargs)), daemon=True)
    thread.start()
    return thread, result


def test_a_receiver_that_trickles_its_answer_is_cut_off_at_the_attempt_deadline(client, app, settings, smtp, held):
    """The per-read timeout never fires on a byte every 0.2 s; the total deadline of an attempt does."""
    smtp.start()
    held.start()
    settings = settings.model_copy(update={"delivery_attempt_seconds": 1})
    make_lead(client, BRABANT)
    thread, result = in_thread(run, app, settings, utcnow())
    thread.join(timeout=20)
    stuck = thread.is_alive()
    held.release.set()
    thread.join(timeout=20)
    assert not stuck, "the delivery pass still waits for the trickling receiver"
    [hook] = [o for o in result[0] if o.channel == "webhook"]
    assert not hook.ok and "1 s" in hook.detail, hook.detail
    webhook = db_rows(settings, "SELECT status, attempts FROM delivery_outbox WHERE channel = 'webhook'")
    assert webhook == [("wachtend", 1)]


def test_one_slow_receiver_delays_only_its_own_leads(settings, smtp, held):
    """The real background worker: Brabant's webhook hangs, TechNoord's lead is delivered meanwhile."""
    from api.main import create_app

    smtp.start()
    held.start()
    live = settings.model_copy(update={"delivery_worker": True, "delivery_poll_seconds": 0.5,
                                       "delivery_attempt_seconds": 120})
    with local_client(create_app(live)) as client:
        make_lead(client, BRABANT)
        assert held.arrived.wait(20)
        technoord, _ = make_lead(client, TECHNOORD)
        deadline = time.monotonic() + 20
        while technoord not in [m["X-Idempotency-Key"] for m in smtp.messages] and time.monotonic() < deadline:
            time.sleep(0.1)
        delivered = [m["X-Idempotency-Key"] for m in smtp.messages]
        held.release.set()
    assert technoord in delivered


def test_an_item_in_flight_is_never_sent_by_a_second_worker_however_late_its_clock(client, app, settings, smtp,
                                                                                      held):
    """The claim holds for as long as the attempt may run, measured on the real clock: a second
    worker (another process) that runs while the first is still sending does not send it again."""
    smtp.start()
    held.start()
    settings = settings.model_copy(update={"delivery_attempt_seconds": 60})
    lead_id, _ = make_lead(client, BRABANT)
    first, _ = in_thread(run, app, settings, utcnow())
    assert held.arrived.wait(20)
    second, _ = in_thread(run, app, settings, utcnow() + timedelta(minutes=5))
    second.join(timeout=10)
    held.release.set()
    first.join(timeout=30)
    second.join(timeout=30)
    assert held.keys == [lead_id]
    assert db_rows(settings, "SELECT status FROM delivery_outbox WHERE channel = 'webhook'") == [("bezorgd",)]


def test_an_erasure_while_the_notice_is_being_sent_still_reaches_the_intermediary(client, app, settings, smtp,
                                                                                   hook_port):
    """The worker is sending when the owner erases: it may not write "bezorgd" over the withdrawal; the
    intermediary, who did get the lead, gets the withdrawal notice on every channel."""
    receiver = HeldReceiver(hook_port, trickle=False).start()
    try:
        smtp.start()
        lead_id, assessment_id = make_lead(client, BRABANT)
        sending, _ = in_thread(run, app, settings, utcnow())
        assert receiver.arrived.wait(20)
        token = client.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]
        page = client.get(f"/rapport/{token}/verwijderen")
        code = re.search(r'name="code" value="([^"]+)"', page.text).group(1)
        assert client.post(f"/rapport/{token}/verwijderen", data={"code": code}).status_code == 200
        receiver.release.set()
        sending.join(timeout=30)
        run(app, settings, utcnow())  # the withdrawal notices
        assert receiver.keys == [lead_id, f"{lead_id}/ingetrokken"]
    finally:
        receiver.stop()
    assert [m["X-Idempotency-Key"] for m in smtp.messages] == [lead_id, f"{lead_id}/ingetrokken"]
    assert db_rows(settings, "SELECT event, channel, status FROM delivery_outbox ORDER BY event, channel") == [
        ("ingetrokken", "email", "bezorgd"), ("ingetrokken", "webhook", "bezorgd"),
        ("nieuwe_lead", "email", "bezorgd"), ("nieuwe_lead", "webhook", "bezorgd")]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 (made by openssl), as (certificate, key)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return str(cert), str(key)


def production_settings(settings: Settings) -> Settings:
    return Settings(**{**settings.model_dump(), "environment": "production", "secret_key": "p" * 40,
                       "public_base_url": "https://scan.example.nl"})


def test_production_sends_mail_only_over_starttls_with_a_certificate_it_trusts(client, app, settings, certificate,
                                                                               monkeypatch):
    live = production_settings(settings)
    lead_id, _ = make_lead(client, TECHNOORD)
    plain = SmtpSink(settings.smtp_port).start()  # a server without STARTTLS gets nothing
    try:
        [outcome] = run(app, live, utcnow())
    finally:
        plain.stop()
    assert not outcome.ok and "STARTTLS" in outcome.detail and plain.messages == []

    forged = SmtpSink(settings.smtp_port, tls=certificate).start()  # STARTTLS, but a certificate nobody vouches for
    try:
        [outcome] = run(app, live, utcnow() + timedelta(hours=1))
    finally:
        forged.stop()
    assert not outcome.ok and "CERTIFICATE_VERIFY_FAILED" in outcome.detail and forged.messages == []

    monkeypatch.setenv("SSL_CERT_FILE", certificate[0])  # now the certificate is trusted, as a real one is
    trusted = SmtpSink(settings.smtp_port, tls=certificate).start()
    try:
        [outcome] = run(app, live, utcnow() + timedelta(days=1))
    finally:
        trusted.stop()
    assert outcome.ok and [m["X-Idempotency-Key"] for m in trusted.messages] == [lead_id]
    assert trusted.encrypted == [True]


def test_a_receiver_that_is_down_costs_one_try_a_pass_not_one_per_notice(client, app, settings, smtp):
    """Each try may take the whole attempt deadline: the lane stops at its first failure, the rest waits."""
    leads = [make_lead(client, TECHNOORD)[0] for _ in range(3)]
    start = utcnow()
    [first] = run(app, settings, start)  # the mail server is down
    assert not first.ok and first.lead_id == leads[0]
    smtp.start()
    delivered = run(app, settings, start + timedelta(seconds=1))
    assert sorted(o.lead_id for o in delivered if o.ok) == sorted(leads[1:])


def test_a_notice_the_worker_queues_at_the_same_moment_as_the_request_is_no_error(client, app, settings):
    """PUT /api/v1/leads queues the e-mail, then the webhook; the worker's reconcile() may queue both in
    between. The request must not fail on the duplicate: one of them wins, both rows exist once."""
    from api.delivery import outbox
    from api.delivery.models import EMAIL, EVENT_NEW
    from api.leads.models import Lead
    from api.registry import service as registry

    lead_id, _ = make_lead(client, BRABANT)
    with app.state.sessionmaker() as session:
        session.execute(text("DELETE FROM delivery_outbox"))
        session.commit()
    with app.state.sessionmaker() as request_side, app.state.sessionmaker() as worker_side:
        lead = request_side.get(Lead, lead_id)
        intermediary = registry.to_intermediary(registry.get(request_side, lead.intermediary_id))
        outbox._ensure(request_side, lead, EVENT_NEW, EMAIL)           # the request queues its e-mail ...
        outbox.reconcile(worker_side, settings.intermediaries_file)   # ... the worker queues e-mail and webhook
        outbox.enqueue_new_lead(request_side, lead, intermediary)     # ... and the request goes on
        outbox._commit_once(request_side)
    assert db_rows(settings, "SELECT channel FROM delivery_outbox ORDER BY channel") == [("email",), ("webhook",)]
