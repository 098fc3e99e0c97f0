"""Privacy: the owner's erasure (web service database AND Rasa's tracker store) and the retention job."""
from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from api_html import parse
from api_testkit import ELIGIBLE, assessment_body, full_answers, hand_over, lead_body, put_assessment
from portal_receivers import SmtpSink
from portal_testkit import BRABANT, ROUTES, TECHNOORD, db_rows, login, make_lead, marked, page_csrf
from portal_tracker import file_contains, make_tracker_store, rasa_available, senders

from api.db import utcnow
from api.delivery import worker
from api.privacy import retention, tracker_store
from tests.support import TEST_BOT_TOKEN, bot_headers

EMAIL = "henk@devonk.example"
NAME = "Henk de Vries"


@pytest.fixture
def tracker_path(settings) -> Path:
    return Path(settings.rasa_tracker_db_url.removeprefix("sqlite:///"))


def report_token(client, assessment_id: str) -> str:
    return client.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]


def erase(client, token: str):
    page = client.get(f"/rapport/{token}/verwijderen")
    assert page.status_code == 200
    code = re.search(r'name="code" value="([^"]+)"', page.text)
    assert code, "the erasure page asks for no code"
    return client.post(f"/rapport/{token}/verwijderen", data={"code": code.group(1)})


def test_the_report_page_offers_the_erasure(client):
    _, assessment_id = make_lead(client)
    token = report_token(client, assessment_id)
    form = parse(client.get(f"/rapport/{token}").text).find("button", id="erase-my-data")
    assert form.text() == "Verwijder mijn gegevens"
    assert "Ja, verwijder mijn gegevens" in client.get(f"/rapport/{token}/verwijderen").text


def test_erasure_leaves_no_trace_of_the_person_in_either_database(client, app, settings, creds, tracker_path):
    lead_id, assessment_id = make_lead(client, BRABANT)
    make_tracker_store(tracker_path, {
        f"conv-{lead_id}": ["Hoi, wij maken hekwerken", f"mijn mail is {EMAIL}", f"ik ben {NAME}"],
        "conv-iemand-anders": ["wij zijn een bakkerij"]})
    login(client, creds[BRABANT])
    client.post(f"/portaal/leads/{lead_id}/notities",
                data={"tekst": f"Gebeld met {NAME}, mailt via {EMAIL}",
                      "csrf_token": page_csrf(client, f"/portaal/leads/{lead_id}")})
    assert file_contains(tracker_path, EMAIL) and file_contains(Path(settings.database_url[10:]), EMAIL)
    token = report_token(client, assessment_id)

    response = erase(client, token)
    assert response.status_code == 200 and "Je gegevens zijn verwijderd" in response.text

    database = Path(settings.database_url.removeprefix("sqlite:///"))
    for needle in (EMAIL, NAME, "Lasbedrijf De Vonk", "12345678", "0612345678"):
        assert not file_contains(database, needle), needle
    for needle in (EMAIL, NAME, "hekwerken"):
        assert not file_contains(tracker_path, needle), needle
    assert senders(tracker_path) == {"conv-iemand-anders": senders(tracker_path)["conv-iemand-anders"]}
    # The anonymous figures stay; the owner's link no longer opens anything.
    kept = db_rows(settings, "SELECT level, json_extract(scores, '$.totaal') FROM assessments")
    assert kept == [("achterblijver", 33)]
    assert client.get(f"/rapport/{token}").status_code == 404
    assert db_rows(settings, "SELECT reason FROM lead_erasures") == [("eigenaar",)]


@pytest.mark.skipif(not rasa_available(), reason="needs .venv/bot with Rasa")
def test_erasure_works_on_a_store_written_by_rasas_own_sql_tracker_store(tmp_path):
    path = tmp_path / "rasa.db"
    url = make_tracker_store(path, {"conv-a": [f"mail: {EMAIL}"], "conv-b": ["hallo"]}, real=True)
    before = senders(path)["conv-a"]
    assert before >= 3 and file_contains(path, EMAIL)
    assert tracker_store.delete_conversation(url, "conv-a") == before
    assert "conv-a" not in senders(path) and not file_contains(path, EMAIL)
    assert tracker_store.count_conversation(url, "conv-b") > 0


def test_the_intermediary_sees_withdrawn_and_no_personal_data(client, app, settings, creds):
    sink = SmtpSink(settings.smtp_port).start()
    try:
        lead_id, assessment_id = make_lead(client, BRABANT)
        worker.run_once(app.state.sessionmaker, settings)          # the new-lead e-mail goes out
        erase(client, report_token(client, assessment_id))
        worker.run_once(app.state.sessionmaker, settings)          # then the withdrawal notice
        worker.run_once(app.state.sessionmaker, settings, now=utcnow() + timedelta(days=1))
        assert [m["X-Idempotency-Key"] for m in sink.messages] == [lead_id, f"{lead_id}/ingetrokken"]
        notice = sink.messages[1]
        assert "ingetrokken" in notice["Subject"] and EMAIL not in notice.as_string()
    finally:
        sink.stop()
    login(client, creds[BRABANT])
    page = client.get(f"/portaal/leads/{lead_id}")
    assert "Deze lead is ingetrokken" in page.text and EMAIL not in page.text and "Vonk" not in page.text
    assert parse(page.text).find(id="lead-status").attrs["data-status"] == "ingetrokken"
    listed = client.get("/portaal/leads").text
    assert "Ingetrokken lead" in listed and "Vonk" not in listed
    data = client.get(f"/api/v1/leads/{lead_id}", headers={"Authorization": f"Bearer {creds[BRABANT]['token']}"}).json()
    assert data["status"] == "ingetrokken" and data["withdrawn"] is True
    assert set(data) == {"lead_id", "title", "status", "status_label", "intermediary_id", "intermediary_name",
                         "received_at", "withdrawn", "personal_data_removed", "personal_data_removed_at"}
    assert EMAIL not in client.get("/portaal/leads.csv").text
    token = page_csrf(client)
    moved = client.post(f"/portaal/leads/{lead_id}/status", data={"status": "in_behandeling", "csrf_token": token})
    assert moved.status_code == 422


def test_a_notice_not_yet_delivered_lapses_instead_of_sending_personal_data(client, app, settings):
    _, assessment_id = make_lead(client, BRABANT)
    erase(client, report_token(client, assessment_id))
    assert db_rows(settings, "SELECT event, status FROM delivery_outbox") == [("nieuwe_lead", "vervallen")]
    assert worker.run_once(app.state.sessionmaker, settings) == []


def test_erasure_without_a_lead_and_without_a_tracker_store(client, settings, tracker_path):
    assessment_id, _ = put_assessment(client, full_answers())
    token = report_token(client, assessment_id)
    response = erase(client, token)
    assert response.status_code == 200 and not tracker_path.exists()  # nothing made up
    assert client.get(f"/rapport/{token}").status_code == 404


def test_a_tracker_store_without_the_events_table_is_fine(tmp_path):
    path = tmp_path / "leeg.db"
    sqlite3.connect(path).execute("CREATE TABLE andere (x)").connection.close()
    assert tracker_store.delete_conversation(f"sqlite:///{path}", "conv-1") == 0


def test_an_unreachable_tracker_store_erases_nothing_and_says_so(client, app, settings, tmp_path):
    _, assessment_id = make_lead(client, BRABANT)
    token = report_token(client, assessment_id)
    settings.rasa_tracker_db_url = f"sqlite:///{tmp_path}"  # a directory: cannot be opened as a database
    page = client.get(f"/rapport/{token}/verwijderen")
    code = re.search(r'name="code" value="([^"]+)"', page.text).group(1)
    response = client.post(f"/rapport/{token}/verwijderen", data={"code": code})
    assert response.status_code == 503 and "Er is nog niets gewist" in response.text
    assert db_rows(settings, "SELECT status, json_extract(contact, '$.contact_email') FROM leads") == [("nieuw", EMAIL)]


def test_erasure_needs_the_confirmation_code(client, settings):
    _, assessment_id = make_lead(client)
    token = report_token(client, assessment_id)
    response = client.post(f"/rapport/{token}/verwijderen", data={"code": "geraden"})
    assert response.status_code == 403
    assert db_rows(settings, "SELECT status FROM leads") == [("nieuw",)]
    assert client.post("/rapport/onbekend-token-123456789/verwijderen", data={"code": "x"}).status_code == 404


def test_retention_removes_personal_data_after_the_period_and_keeps_the_figures(client, app, settings, creds,
                                                                                tracker_path):
    closed, _ = make_lead(client, BRABANT)
    still_open, _ = make_lead(client, BRABANT, contact_email="open@bedrijf.example")
    make_tracker_store(tracker_path, {f"conv-{closed}": [f"mail {EMAIL}"],
                                      f"conv-{still_open}": ["open@bedrijf.example"]})
    login(client, creds[BRABANT])
    token = page_csrf(client, f"/portaal/leads/{closed}")
    client.post(f"/portaal/leads/{closed}/notities", data={"tekst": f"Notitie over {NAME}", "csrf_token": token})
    client.post(f"/portaal/leads/{closed}/status", data={"status": "afgerond", "csrf_token": token, "bevestigd": "ja"})

    days = settings.retention_days
    # the open lead is not idle long enough
    settings = settings.model_copy(update={"retention_open_lead_days": 10 * days})
    assert retention.run(app.state.sessionmaker, settings, now=utcnow() + timedelta(days=days - 1)) == []
    assert retention.run(app.state.sessionmaker, settings, now=utcnow() + timedelta(days=days + 1)) == [closed]
    assert retention.run(app.state.sessionmaker, settings, now=utcnow() + timedelta(days=days + 2)) == []

    assert db_rows(settings, "SELECT status, contact FROM leads WHERE id = ?", closed) == [("afgerond", "{}")]
    assert db_rows(settings, "SELECT status FROM leads WHERE id = ?", still_open) == [("nieuw",)]
    assert db_rows(settings, "SELECT COUNT(*) FROM lead_notes") == [(0,)]
    assert db_rows(settings, "SELECT COUNT(*) FROM assessments WHERE level IS NOT NULL") == [(2,)]
    assert f"conv-{closed}" not in senders(tracker_path) and f"conv-{still_open}" in senders(tracker_path)
    assert not file_contains(Path(settings.database_url[10:]), EMAIL)
    assert file_contains(Path(settings.database_url[10:]), "open@bedrijf.example")
    page = parse(client.get(f"/portaal/leads/{closed}").text)
    assert "bewaartermijn" in marked(page, "data-personal-data-removed").text()
    assert db_rows(settings, "SELECT actor, action FROM audit_log WHERE action = 'bewaartermijn_verstreken'") == [
        ("systeem", "bewaartermijn_verstreken")]


def test_a_replayed_write_after_the_erasure_is_gone_and_brings_nothing_back(client, settings):
    """The action server's outbox repeats a PUT after an outage: after "verwijder mijn gegevens" it gets 410."""
    lead_id, assessment_id = make_lead(client, BRABANT)
    [(conversation_id, token)] = db_rows(settings, "SELECT conversation_id, report_token FROM assessments")
    erase(client, report_token(client, assessment_id))

    replay = client.put(f"/api/v1/leads/{lead_id}", json=lead_body(assessment_id, BRABANT))
    assert replay.status_code == 410, replay.text
    assert "erased" in replay.json()["detail"]
    another = client.put("/api/v1/leads/een-nieuwe-lead", json=lead_body(assessment_id, BRABANT))
    assert another.status_code == 410, another.text
    again = client.put(f"/api/v1/assessments/{assessment_id}",
                       json=assessment_body(full_answers(**ELIGIBLE, **ROUTES[BRABANT]), token=token,
                                            conversation_id=conversation_id))
    assert again.status_code == 410, again.text
    preview = client.post("/api/v1/routing/preview", json={"assessment_id": assessment_id})
    assert preview.status_code == 410, preview.text

    assert db_rows(settings, "SELECT id, status, contact FROM leads") == [(lead_id, "ingetrokken", "{}")]
    assert not file_contains(Path(settings.database_url.removeprefix("sqlite:///")), EMAIL)
    assert client.get(f"/rapport/{token}").status_code == 404


def test_a_replayed_write_after_the_retention_period_is_gone_too(client, app, settings, creds):
    lead_id, assessment_id = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    closed = client.post(f"/portaal/leads/{lead_id}/status", follow_redirects=False,
                         data={"status": "afgerond", "bevestigd": "ja",
                               "csrf_token": page_csrf(client, f"/portaal/leads/{lead_id}")})
    assert closed.status_code == 303, closed.text
    assert retention.run(app.state.sessionmaker, settings,
                         now=utcnow() + timedelta(days=settings.retention_days + 1)) == [lead_id]
    replay = client.put(f"/api/v1/leads/{lead_id}", json=lead_body(assessment_id, BRABANT))
    assert replay.status_code == 410, replay.text
    assert db_rows(settings, "SELECT status, contact FROM leads") == [("afgerond", "{}")]


def test_erasure_reaches_every_scan_and_lead_of_the_conversation(client, settings, tracker_path):
    """After "opnieuw beginnen" one conversation holds two scans, each with its own lead: both go."""
    first, _ = put_assessment(client, full_answers(**ELIGIBLE, **ROUTES[BRABANT]), conversation_id="conv-twee-keer")
    second, _ = put_assessment(client, full_answers(**ELIGIBLE, **ROUTES[TECHNOORD]), conversation_id="conv-twee-keer")
    assert hand_over(client, "lead-eerste", first).json()["intermediary_id"] == BRABANT
    assert hand_over(client, "lead-tweede", second, contact_email="tweede@devonk.example").json()["intermediary_id"] \
        == TECHNOORD
    make_tracker_store(tracker_path, {"conv-twee-keer": [f"mijn mail is {EMAIL}"], "conv-ander": ["hallo"]})
    tokens = [report_token(client, first), report_token(client, second)]

    assert erase(client, tokens[1]).status_code == 200

    assert db_rows(settings, "SELECT id, status, contact FROM leads ORDER BY id") == [
        ("lead-eerste", "ingetrokken", "{}"), ("lead-tweede", "ingetrokken", "{}")]
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    for needle in (EMAIL, "tweede@devonk.example", NAME, "conv-twee-keer"):
        assert not file_contains(database, needle), needle
    assert [client.get(f"/rapport/{token}").status_code for token in tokens] == [404, 404]
    assert set(senders(tracker_path)) == {"conv-ander"}
    assert db_rows(settings, "SELECT event, status FROM delivery_outbox ORDER BY id") == [
        ("nieuwe_lead", "vervallen"), ("nieuwe_lead", "vervallen")]


def test_campaign_values_that_look_like_an_e_mail_or_phone_number_are_never_kept(client, settings):
    campaign = {"utm_source": "nieuwsbrief", "utm_medium": EMAIL, "utm_campaign": "bel 06 12345678", "site": BRABANT}
    assessment_id, _ = put_assessment(client, full_answers(**ELIGIBLE), campaign=campaign)
    assert db_rows(settings, "SELECT campaign FROM assessments") == [
        ('{"utm_source": "nieuwsbrief", "site": "brabant-maakt-slimmer"}',)]
    # A row stored before this rule existed loses such values at the erasure.
    db_rows(settings, "UPDATE assessments SET campaign = json_set(campaign, '$.utm_medium', ?)", EMAIL)
    erase(client, report_token(client, assessment_id))
    assert db_rows(settings, "SELECT campaign FROM assessments") == [
        ('{"utm_source": "nieuwsbrief", "site": "brabant-maakt-slimmer"}',)]


def days_ago(days: int) -> str:
    return (utcnow() - timedelta(days=days)).replace(tzinfo=None).isoformat(sep=" ")


def test_retention_erases_open_leads_without_activity_for_the_open_lead_period(client, app, settings, creds,
                                                                                tracker_path):
    """A lead nobody closes is not kept for ever: RETENTION_OPEN_LEAD_DAYS after its last activity."""
    forgotten, _ = make_lead(client, BRABANT, contact_email="vergeten@bedrijf.example")
    worked_on, _ = make_lead(client, BRABANT, contact_email="bezig@bedrijf.example")
    make_lead(client, BRABANT, contact_email="nieuw@bedrijf.example")  # fresh: kept
    make_tracker_store(tracker_path, {f"conv-{forgotten}": ["vergeten@bedrijf.example"]})
    login(client, creds[BRABANT])
    moved = client.post(f"/portaal/leads/{worked_on}/status", follow_redirects=False,
                        data={"status": "in_behandeling", "bevestigd": "ja",
                              "csrf_token": page_csrf(client, f"/portaal/leads/{worked_on}")})
    assert moved.status_code == 303, moved.text
    period = 400
    settings = settings.model_copy(update={"retention_open_lead_days": period})
    for lead_id in (forgotten, worked_on):
        db_rows(settings, "UPDATE leads SET created_at = ? WHERE id = ?", days_ago(period + 10), lead_id)

    assert retention.run(app.state.sessionmaker, settings) == [forgotten]

    erased = db_rows(settings, "SELECT id, status, contact FROM leads WHERE contact = '{}'")
    assert erased == [(forgotten, "nieuw", "{}")]
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    assert not file_contains(database, "vergeten@bedrijf.example")
    assert file_contains(database, "bezig@bedrijf.example") and file_contains(database, "nieuw@bedrijf.example")
    assert f"conv-{forgotten}" not in senders(tracker_path)
    assert db_rows(settings, "SELECT reason FROM lead_erasures") == [("bewaartermijn",)]


def test_retention_removes_conversations_that_never_became_a_lead(client, app, settings, tracker_path):
    """The tracker store keeps what an owner typed; without a lead it goes RETENTION_CONVERSATION_DAYS after the
    conversation's last message. A conversation whose lead is still kept waits for the lead's period."""
    lead_id, _ = make_lead(client, BRABANT)
    make_tracker_store(tracker_path, {"conv-oud": ["wij zijn Bakkerij Oud, bel 0612345678"],
                                      "conv-recent": ["wij maken hekwerken"],
                                      f"conv-{lead_id}": ["ik wil graag contact"]})
    settings = settings.model_copy(update={"retention_conversation_days": 10})
    old = (utcnow() - timedelta(days=11)).timestamp()
    with sqlite3.connect(tracker_path) as db:
        db.execute("UPDATE events SET timestamp = ? WHERE sender_id != 'conv-recent'", (old,))

    retention.run(app.state.sessionmaker, settings)

    assert set(senders(tracker_path)) == {"conv-recent", f"conv-{lead_id}"}
    assert not file_contains(tracker_path, "Bakkerij Oud")


def test_replays_at_the_moment_of_the_erasure_never_bring_the_data_back(tmp_path):
    """The real server, rounds of an erasure and eight repeats of the lead's PUT at the same moment:
    whatever the order, the lead ends withdrawn and without contact data; every repeat gets 200 or 410."""
    from concurrent.futures import ThreadPoolExecutor

    from live_service import running
    from portal_testkit import EXAMPLE_REGISTRY

    with running(tmp_path, ENVIRONMENT="development", BOT_TOKEN=TEST_BOT_TOKEN, DELIVERY_WORKER="false",
                 DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", INTERMEDIARIES_FILE=str(EXAMPLE_REGISTRY),
                 RASA_TRACKER_DB_URL=f"sqlite:///{tmp_path / 'rasa.db'}") as live, \
            httpx.Client(base_url=live.url, headers=bot_headers(), timeout=60) as api, ThreadPoolExecutor(9) as pool:
        for round_ in range(10):
            assessment_id = f"a-wis-{round_}"
            assert api.put(f"/api/v1/assessments/{assessment_id}", json=assessment_body(
                full_answers(**ELIGIBLE), conversation_id=f"conv-wis-{round_}")).status_code == 200
            assert hand_over(api, f"lead-wis-{round_}", assessment_id).json()["intermediary_id"] == BRABANT
            body = lead_body(assessment_id, BRABANT)
            token = api.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]
            asked = re.search(r'name="code" value="([^"]+)"', api.get(f"/rapport/{token}/verwijderen").text)
            assert asked, "the erasure page asks for no code"
            code = asked.group(1)

            erased = pool.submit(erase_now, live.url, token, code)
            replays = [pool.submit(replay, live.url, f"lead-wis-{round_}", body) for _ in range(8)]
            statuses = [r.result() for r in replays]
            assert erased.result() == 200 and set(statuses) <= {200, 410}, statuses
    rows = db_rows_of(tmp_path / "app.db", "SELECT status, contact FROM leads")
    assert rows == [("ingetrokken", "{}")] * 10
    assert not file_contains(tmp_path / "app.db", EMAIL)


def replay(url: str, lead_id: str, body: dict) -> int:
    with httpx.Client(base_url=url, headers=bot_headers(), timeout=60) as one:
        return one.put(f"/api/v1/leads/{lead_id}", json=body).status_code


def erase_now(url: str, token: str, code: str) -> int:
    with httpx.Client(base_url=url, timeout=60) as one:
        return one.post(f"/rapport/{token}/verwijderen", data={"code": code}).status_code


def db_rows_of(path: Path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(query).fetchall()


class QuotingRefusal:
    """An SMTP server whose content filter refuses a message quoting its subject, as real ones do."""

    async def handle_DATA(self, server, session, envelope):
        subject = next((line for line in envelope.content.decode(errors="replace").splitlines()
                        if line.startswith("Subject:")), "")
        return f"554 5.7.1 Rejected by content filter: {subject}"


def test_erasure_reaches_the_delivery_log_and_the_service_log_never_held_it(client, app, settings, caplog):
    from aiosmtpd.controller import Controller

    _, assessment_id = make_lead(client, BRABANT)
    refusing = Controller(QuotingRefusal(), hostname="127.0.0.1", port=settings.smtp_port)
    refusing.start()
    try:
        with caplog.at_level("INFO"):
            worker.run_once(app.state.sessionmaker, settings)
    finally:
        refusing.stop()
    [(detail,)] = db_rows(settings, "SELECT detail FROM delivery_log")
    assert "Lasbedrijf De Vonk" in detail  # the office sees why, until the erasure
    ours = [record.getMessage() for record in caplog.records if record.name.startswith("api.")]
    assert ours and not any("De Vonk" in line for line in ours)  # the service's own log never gets it

    erase(client, report_token(client, assessment_id))
    assert not file_contains(Path(settings.database_url.removeprefix("sqlite:///")), "De Vonk")
    assert db_rows(settings, "SELECT ok FROM delivery_log") == [(0,)]  # that a try failed stays
