"""Quarterly re-scans: the adviser invites from the lead page, the owner gets an e-mail with a link, the
bot learns who invited, and with the owner's consent the new scan joins the lead as T1, T2 ...

Everything through the real routes: portal forms, the delivery worker with a real SMTP server, the
bot's API with the token from the e-mail, and the owner's erasure.
"""
from __future__ import annotations

import io
import re
import time
import uuid
from datetime import timedelta

import pytest
from api_html import parse
from api_testkit import full_answers, put_assessment, scored_answers
from portal_receivers import SmtpSink
from portal_testkit import BRABANT, OFFICE, TECHNOORD, db_rows, login, make_lead, page_csrf
from pypdf import PdfReader
from sqlalchemy import text

from api.db import utcnow
from api.delivery import worker
from api.main import create_app
from bot import questionnaire
from tests.support import local_client

CONSENT = {"given": True, "text_version": "delen-v1", "at": "2026-03-01T10:00:00+01:00"}


@pytest.fixture
def smtp(settings):
    sink = SmtpSink(settings.smtp_port).start()
    yield sink
    sink.stop()


def confirm_status(client, lead_id: str, status: str) -> None:
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    response = client.post(f"/portaal/leads/{lead_id}/status", data={"status": status, "csrf_token": token,
                                                                     "bevestigd": "ja"}, follow_redirects=False)
    assert response.status_code == 303, response.text


def invite(client, app, settings, smtp, lead_id: str) -> str:
    """The adviser's invitation through the lead page; returns the token from the owner's e-mail."""
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    response = client.post(f"/portaal/leads/{lead_id}/herscan", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("?bericht=uitgenodigd")
    before = len(smtp.messages)
    outcomes = worker.run_once(app.state.sessionmaker, settings, now=utcnow())
    assert [o.ok for o in outcomes if o.event == "herscan_uitnodiging"] == [True]
    [message] = [m for m in smtp.messages[before:] if m["X-Idempotency-Key"].startswith(f"{lead_id}/herscan")]
    body = message.get_body(("plain",)).get_content()
    found = re.search(r"/\?herscan=([A-Za-z0-9_-]{20,})", body)
    assert found, body
    return found.group(1)


def rescan(client, token: str, value: str, **overrides) -> tuple[str, dict]:
    """The bot's part: preview, store the new scan linked to the latest earlier one, share it."""
    preview = client.post("/api/v1/rescans/preview", json={"invitation": token})
    assert preview.status_code == 200, preview.text
    assessment_id, _ = put_assessment(client, full_answers(**{**scored_answers(value), **overrides}),
                                      previous_report_token=preview.json()["previous_report_token"])
    rescan_id = uuid.uuid4().hex
    shared = client.put(f"/api/v1/rescans/{rescan_id}", json={"invitation": token, "assessment_id": assessment_id,
                                                               "consent": CONSENT})
    assert shared.status_code == 200, shared.text
    return assessment_id, shared.json()


def test_invitation_e_mail_link_shared_result_and_t0_t1_on_the_page_pdf_and_json(client, app, settings, smtp, creds):
    lead_id, first = make_lead(client, BRABANT, bedrijfsnaam="Vonk Metaal BV")
    login(client, creds[BRABANT])
    confirm_status(client, lead_id, "in_behandeling")
    token = invite(client, app, settings, smtp, lead_id)

    [message] = [m for m in smtp.messages if "herscan" in m["X-Idempotency-Key"]]
    assert message["To"] == "Henk de Vries <henk@devonk.example>"
    assert "Brabant Maakt Slimmer nodigt je uit" in message["Subject"]
    assert "Zonder jouw ja delen we niets" in message.get_body(("plain",)).get_content()

    preview = client.post("/api/v1/rescans/preview", json={"invitation": token}).json()
    first_token = client.get(f"/api/v1/assessments/{first}").json()["report_token"]
    assert preview == {"intermediary_id": BRABANT, "intermediary_name": "Brabant Maakt Slimmer",
                       "previous_report_token": first_token}

    _, shared = rescan(client, token, "3")
    assert shared["intermediary_name"] == "Brabant Maakt Slimmer"

    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    trajectory = page.find("section", cls="trajectory")
    assert trajectory.attrs["data-trajectory"] == "T0 T1"
    rows = {r.attrs["data-dimension"]: r
            for r in trajectory.find("tbody").find_all("tr") if "data-dimension" in r.attrs}
    for dimension in ("technologie", "organisatie", "businessmodel", "totaal"):
        assert [td.text() for td in rows[dimension].find_all("td")] == ["33", "67", "+34"]
    svg = trajectory.find("svg")
    assert len(svg.find_all("polyline")) == 3 and "Technologie: T0 33, T1 67" in svg.attrs["aria-label"]
    assert "verschijnt die hier als T2" in page.find(id="rescan-card").text()
    assert page.find("li", data_invitation="bezorgd") and "gedeeld" in page.find(id="invitations").text()

    data = client.get(f"/portaal/leads/{lead_id}/intake.json").json()
    assert [(p["label"], p["scores"]["totaal"], p["changes"].get("totaal")) for p in data["trajectory"]] == [
        ("T0", 33, None), ("T1", 67, 34)]
    assert "totaalscore 33 → 67 (+34)" in data["summary"]
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        client.get(f"/portaal/leads/{lead_id}/intake.pdf").content)).pages)
    assert "Voortgang: T0 → T1" in pdf and "+34" in pdf

    # The adviser may open T1's report as the owner sees it: it shows the change since T0.
    report = parse(client.get(f"/portaal/leads/{lead_id}/rapport?scan=1").text)
    assert report.find("section", cls="change")
    assert not report.find_all(id="erase-my-data") and not report.find_all(id="report-redo")
    assert client.get(f"/portaal/leads/{lead_id}/rapport?scan=2").status_code == 404


def test_the_running_service_sends_the_invitation_without_a_manual_pass(settings, smtp, creds):
    """The web service's own delivery worker (not a test's run_once) sends the owner's invitation."""
    running = settings.model_copy(update={"delivery_worker": True, "delivery_poll_seconds": 0.2})
    with local_client(create_app(running)) as client:
        lead_id, _ = make_lead(client, BRABANT)
        login(client, creds[BRABANT])
        confirm_status(client, lead_id, "in_behandeling")
        token = page_csrf(client, f"/portaal/leads/{lead_id}")
        assert client.post(f"/portaal/leads/{lead_id}/herscan", data={"csrf_token": token},
                           follow_redirects=False).status_code == 303
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(
                m["X-Idempotency-Key"].startswith(f"{lead_id}/herscan") for m in smtp.messages):
            time.sleep(0.1)
    assert [m["Subject"] for m in smtp.messages if "herscan" in m["X-Idempotency-Key"]] == [
        "Brabant Maakt Slimmer nodigt je uit: doe de scan opnieuw"]
    assert db_rows(running, "SELECT status, attempts FROM rescan_invitations") == [("bezorgd", 1)]


def test_a_second_quarter_makes_t2_and_a_repeated_share_changes_nothing(client, app, settings, smtp, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    confirm_status(client, lead_id, "plan_van_aanpak")
    first_token = invite(client, app, settings, smtp, lead_id)
    t1, _ = rescan(client, first_token, "3")
    second_token = invite(client, app, settings, smtp, lead_id)
    preview = client.post("/api/v1/rescans/preview", json={"invitation": second_token}).json()
    assert preview["previous_report_token"] == client.get(f"/api/v1/assessments/{t1}").json()["report_token"]
    t2, _ = rescan(client, second_token, "4")
    [(rescan_id,)] = db_rows(settings, "SELECT id FROM lead_rescans WHERE assessment_id = ?", t2)
    again = client.put(f"/api/v1/rescans/{rescan_id}", json={"invitation": second_token, "assessment_id": t2,
                                                              "consent": CONSENT})
    assert again.status_code == 200
    data = client.get(f"/portaal/leads/{lead_id}/intake.json").json()
    assert [p["label"] for p in data["trajectory"]] == ["T0", "T1", "T2"]
    assert data["trajectory"][-1]["changes"]["totaal"] == 67


def test_starting_over_in_the_same_invitation_replaces_the_shared_scan(client, app, settings, smtp, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    confirm_status(client, lead_id, "contact_gelegd")
    token = invite(client, app, settings, smtp, lead_id)
    rescan(client, token, "3")
    latest, _ = rescan(client, token, "4")
    assert db_rows(settings, "SELECT assessment_id FROM lead_rescans") == [(latest,)]


def test_what_the_bot_may_not_share(client, app, settings, smtp, creds):
    lead_id, first = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    confirm_status(client, lead_id, "in_behandeling")
    token = invite(client, app, settings, smtp, lead_id)
    unknown = client.post("/api/v1/rescans/preview", json={"invitation": "x" * 32})
    assert unknown.status_code == 404
    assert client.post("/api/v1/rescans/preview", json={"invitation": "kort"}).status_code == 422
    unfinished, _ = put_assessment(client, {"sector": "metaal"})
    body = {"invitation": token, "consent": CONSENT}
    assert client.put("/api/v1/rescans/r1", json={**body, "assessment_id": unfinished}).status_code == 422
    assert client.put("/api/v1/rescans/r1", json={**body, "assessment_id": first}).status_code == 409
    assert client.put("/api/v1/rescans/r1", json={**body, "assessment_id": "bestaat-niet"}).status_code == 404
    no_consent = {**body, "assessment_id": first, "consent": {**CONSENT, "given": False}}
    assert client.put("/api/v1/rescans/r1", json=no_consent).status_code == 422
    rescan(client, token, "3")
    [(rescan_id,)] = db_rows(settings, "SELECT id FROM lead_rescans")
    other, _ = put_assessment(client, full_answers(**scored_answers("4")))
    moved = client.put(f"/api/v1/rescans/{rescan_id}", json={**body, "assessment_id": other})
    assert moved.status_code == 409
    # An expired invitation is unknown to the bot.
    with app.state.sessionmaker() as session:
        session.execute(text("UPDATE rescan_invitations SET expires_at = :past"),
                        {"past": (utcnow() - timedelta(days=1)).replace(tzinfo=None)})
        session.commit()
    assert client.post("/api/v1/rescans/preview", json={"invitation": token}).status_code == 404


def test_no_invitation_before_the_trajectory_runs_or_without_an_e_mail_address(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    [blocked] = [node for node in page.iter() if "data-invite-blocked" in node.attrs]
    assert "vanaf 'In behandeling'" in blocked.text() and not page.find_all("form", id="rescan-form")
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    refused = client.post(f"/portaal/leads/{lead_id}/herscan", data={"csrf_token": token})
    assert refused.status_code == 409 and "In behandeling" in refused.text
    assert db_rows(settings, "SELECT COUNT(*) FROM rescan_invitations") == [(0,)]


def test_the_programme_office_sees_per_intermediary_how_many_trajectories_improved(client, app, settings, smtp,
                                                                                    creds, other_client):
    up, _ = make_lead(client, BRABANT)
    down, _ = make_lead(client, BRABANT, answers=scored_answers("3"))
    make_lead(client, TECHNOORD)
    login(client, creds[BRABANT])
    for lead_id, value in ((up, "3"), (down, "2")):
        confirm_status(client, lead_id, "in_behandeling")
        rescan(client, invite(client, app, settings, smtp, lead_id), value)
    assert client.get("/portaal/trajecten").status_code == 404  # the office's page only

    login(other_client, creds[OFFICE])
    page = parse(other_client.get("/portaal/trajecten").text)
    rows = {r.attrs["data-intermediary"]: r for r in page.find("table", id="trajectories").find_all("tr")
            if "data-intermediary" in r.attrs}
    figures = {key: {td.attrs["data-figure"]: td.text().split()[0] for td in row.find_all("td")}
               for key, row in rows.items()}
    assert figures[BRABANT] == {"leads": "2", "with_rescan": "2", "improved": "1", "same": "0", "declined": "1"}
    assert figures[TECHNOORD] == {"leads": "1", "with_rescan": "0", "improved": "0", "same": "0", "declined": "0"}
    assert "henk" not in page.text().lower()


def test_erasure_from_the_rescan_report_withdraws_the_lead_and_forgets_the_invitations(client, app, settings, smtp,
                                                                                      creds):
    lead_id, first = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    confirm_status(client, lead_id, "in_behandeling")
    token = invite(client, app, settings, smtp, lead_id)
    second, _ = rescan(client, token, "3")
    second_token = client.get(f"/api/v1/assessments/{second}").json()["report_token"]
    report = parse(client.get(f"/rapport/{second_token}").text)
    assert report.find("section", cls="handoff").attrs["data-handoff"] == "rescan"

    confirm = client.get(f"/rapport/{second_token}/verwijderen")
    assert "aanmelding ook in" not in confirm.text and "intake die we aan de adviseur" in confirm.text
    code = re.search(r'name="code" value="([^"]+)"', confirm.text).group(1)
    assert client.post(f"/rapport/{second_token}/verwijderen", data={"code": code}).status_code == 200

    assert db_rows(settings, "SELECT status, contact FROM leads WHERE id = ?", lead_id) == [("ingetrokken", "{}")]
    for table in ("rescan_invitations", "lead_rescans", "lead_details"):
        assert db_rows(settings, f"SELECT COUNT(*) FROM {table}") == [(0,)], table
    # Both of the owner's report links stop working.
    first_token = client.get(f"/api/v1/assessments/{first}").json()["report_token"]
    assert first_token.startswith("verwijderd-")
    assert client.post("/api/v1/rescans/preview", json={"invitation": token}).status_code == 404


def test_the_consent_text_names_the_owners_own_words():
    text = questionnaire.load().consent_text
    assert "in eigen woorden" in text and "opmerkte" in text
