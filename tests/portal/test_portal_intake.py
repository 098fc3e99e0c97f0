"""A complete intake, alike on the lead page, in the PDF, the JSON, the e-mail and the webhook: the
place as named, the owner's own words beside the interpreted answers, remarks that were not an
answer, the report link, the peer position, the company as the title, the campaign only when
known, and no jargon."""
from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import api_testkit
import pytest
from api_html import parse
from api_testkit import ELIGIBLE, full_answers, put_assessment, scored_answers
from portal_receivers import SmtpSink, WebhookReceiver
from portal_testkit import EXAMPLE_REGISTRY, PUBLIC_BASE_URL, db_rows, free_port, login, marked, page_csrf
from pypdf import PdfReader

from api.db import utcnow
from api.delivery import worker
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN

OOST = "metaal-innovatie-oost"
COMPANY = "Draaierij Ten Brinke B.V."
WORDS = {"regio": "Deventer", "tech_robotisering": "we hebben sinds vorig jaar één lasrobot",
         "knelpunten": "vooral tijd, iedereen staat aan de machine"}
REMARKS = ["06 12345678, liefst na 4 uur bellen", "we zitten midden in een verhuizing"]
SECRET = "webhook-geheim-voor-de-intake-0123456789"


@pytest.fixture
def hook_port() -> int:
    return free_port()


@pytest.fixture
def settings(state_dir: Path, hook_port: int) -> Settings:
    entries = json.loads(EXAMPLE_REGISTRY.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["id"] == OOST:
            entry.update(webhook_url=f"http://127.0.0.1:{hook_port}/leads", webhook_secret=SECRET)
    registry_file = state_dir / "intermediaries.json"
    registry_file.write_text(json.dumps(entries), encoding="utf-8")
    return Settings(database_url=f"sqlite:///{state_dir / 'app.db'}", public_base_url=PUBLIC_BASE_URL,
                    intermediaries_file=registry_file, delivery_worker=False,
                    rasa_tracker_db_url=f"sqlite:///{state_dir / 'rasa_tracker.db'}",
                    smtp_host="127.0.0.1", smtp_port=free_port(), smtp_timeout_seconds=2, webhook_timeout_seconds=2,
                    environment="development", bot_token=TEST_BOT_TOKEN)


def hand_over(client, campaign: dict | None = None, peers: int = 0) -> tuple[str, str]:
    """Peers first (all answering 1: total 0), then this owner's scan and lead through the bot's API."""
    for _ in range(peers):
        put_assessment(client, full_answers(**scored_answers("1"), sector="metaal", regio="overijssel"))
    answers = full_answers(**ELIGIBLE, sector="metaal", regio="overijssel")
    if campaign is None:  # the default campaign of assessment_body
        assessment_id, _ = put_assessment(client, answers)
    else:
        assessment_id, _ = put_assessment(client, answers, campaign=campaign)
    response = api_testkit.hand_over(client, "lead-intake", assessment_id, bedrijfsnaam=COMPANY,
                                     body={"answer_texts": WORDS, "remarks": REMARKS, "place": "Deventer"})
    assert response.status_code == 200 and response.json()["intermediary_id"] == OOST, response.text
    return "lead-intake", assessment_id


def test_the_lead_page_holds_what_the_owner_said(client, creds):
    lead_id, _ = hand_over(client, campaign={"site": "metaal-oost"}, peers=10)
    login(client, creds[OOST])
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    assert page.find("h1").text() == COMPANY
    assert marked(page, "data-place").text() == "Deventer (Overijssel)"
    robot = page.find("div", data_question="tech_robotisering")
    assert "in eigen woorden: " + WORDS["tech_robotisering"] in robot.text()
    assert WORDS["knelpunten"] in marked(page, "data-knelpunten").text()
    assert [node.text() for node in page.iter() if "data-remark" in node.attrs] == REMARKS
    summary = marked(page, "data-summary").text()
    assert "in Deventer (Overijssel)" in summary and "liefst na 4 uur bellen" in summary
    # The peer position the owner's report shows, in the same words.
    peers = marked(page, "data-peers").text()
    assert peers.startswith("Het bedrijf scoort duidelijk boven vergelijkbare bedrijven (gemiddeld 0 van de 100)")
    # The campaign only where it is known, without utm jargon.
    assert [node.attrs["data-campaign"] for node in page.iter() if "data-campaign" in node.attrs] == ["site"]
    html = page.text()
    assert "utm_" not in html and "Campagnebron" not in html and "Melding" not in html


def test_the_report_link_opens_the_owners_report_for_the_adviser_only(client, creds, other_client):
    lead_id, assessment_id = hand_over(client, peers=10)
    login(client, creds[OOST])
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    link = page.find("a", id="owner-report").attrs["href"]
    assert link == f"{PUBLIC_BASE_URL}/portaal/leads/{lead_id}/rapport"
    report = parse(client.get(link.removeprefix(PUBLIC_BASE_URL)).text)
    assert report.find(data_level="achterblijver") and report.find("section", cls="peers")
    assert not report.find_all(id="erase-my-data") and not report.find_all(id="report-pdf")
    owner_token = client.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]
    assert owner_token not in client.get(f"/portaal/leads/{lead_id}").text
    assert owner_token not in client.get(f"/portaal/leads/{lead_id}/intake.json").text
    # Not for anyone without a log-in, nor for another intermediary.
    anonymous = other_client.get(link.removeprefix(PUBLIC_BASE_URL), follow_redirects=False)
    assert anonymous.status_code == 303 and "/portaal/inloggen" in anonymous.headers["location"]
    login(other_client, creds["brabant-maakt-slimmer"])
    assert other_client.get(link.removeprefix(PUBLIC_BASE_URL)).status_code == 404


def test_the_pdf_is_titled_by_the_company_and_has_the_owners_words(client, creds):
    lead_id, _ = hand_over(client, peers=10)
    login(client, creds[OOST])
    pdf = client.get(f"/portaal/leads/{lead_id}/intake.pdf").content
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert reader.metadata.title == f"Intake {COMPANY}"
    assert text.startswith(f"Intake: {COMPANY}")
    for expected in ("Deventer (Overijssel)", f"In eigen woorden: „{WORDS['tech_robotisering']}”",
                     f"„{REMARKS[1]}”", f"{PUBLIC_BASE_URL}/portaal/leads/{lead_id}/rapport",
                     "Het bedrijf scoort duidelijk boven"):
        assert expected in text, expected
    links = [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots") or []]
    assert f"{PUBLIC_BASE_URL}/portaal/leads/{lead_id}/rapport" in links
    assert "Campagnebron" not in text and "buiten_kerndoelgroep" not in text


def test_the_json_has_every_part(client, creds):
    lead_id, _ = hand_over(client, peers=10)
    login(client, creds[OOST])
    data = client.get(f"/portaal/leads/{lead_id}/intake.json").json()
    assert data["title"] == COMPANY and data["place"] == "Deventer" and data["location"] == "Deventer (Overijssel)"
    assert data["answer_texts"] == WORDS and data["remarks"] == REMARKS
    assert data["report_url"] == f"{PUBLIC_BASE_URL}/portaal/leads/{lead_id}/rapport"
    [regio] = [row for row in data["profile"] if row["question_id"] == "regio"]
    assert (regio["answer"], regio["own_words"]) == ("Overijssel", "Deventer")
    assert data["peers"]["count"] == 10 and data["peers"]["averages"]["totaal"] == 0
    assert data["peers"]["relation"] == "duidelijk boven"
    assert data["campaign"] == {"utm_source": "linkedin", "utm_medium": "social", "utm_campaign": "najaar",
                                "site": "brabant-maakt-slimmer"}


def test_a_lead_without_peers_or_campaign_shows_neither(client, creds):
    lead_id, _ = hand_over(client, campaign={})
    login(client, creds[OOST])
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    assert not [node for node in page.iter() if "data-peers" in node.attrs]
    assert not [node for node in page.iter() if "data-campaign" in node.attrs]
    assert client.get(f"/portaal/leads/{lead_id}/intake.json").json()["peers"] is None


def test_e_mail_and_webhook_carry_the_same_intake_without_contact_data_in_the_mail(client, app, settings, hook_port):
    smtp = SmtpSink(settings.smtp_port).start()
    hook = WebhookReceiver(hook_port, SECRET).start()
    try:
        lead_id, _ = hand_over(client, peers=10)
        worker.run_once(app.state.sessionmaker, settings, now=utcnow())
    finally:
        smtp.stop()
        hook.stop()
    [message] = smtp.messages
    assert message["Subject"] == f"Nieuwe lead via de scan: {COMPANY}"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (plain, " ".join(html.split())):
        assert "Deventer (Overijssel)" in part and WORDS["tech_robotisering"] in part
        assert "liefst na 4 uur bellen" in part and "verhuizing" in part
        assert "06 12345678" not in part and "henk@devonk.example" not in part  # contact data stays in the portal
        assert f"/portaal/leads/{lead_id}/rapport" in part and "duidelijk boven" in part
    lead = hook.processed[lead_id]["lead"]
    assert lead["title"] == COMPANY and lead["remarks"] == REMARKS and lead["answer_texts"] == WORDS
    assert lead["contact"]["email"] == "henk@devonk.example"


def test_the_history_and_reasons_speak_plain_dutch(client, creds):
    assessment_id, _ = put_assessment(client, full_answers(**{**ELIGIBLE, "ontvangen_steun": "onbekend"},
                                                           sector="metaal", regio="overijssel"))
    api_testkit.hand_over(client, "lead-plain", assessment_id)
    login(client, creds[OOST])
    token = page_csrf(client, "/portaal/leads/lead-plain")
    client.post("/portaal/leads/lead-plain/status", data={"status": "in_behandeling", "csrf_token": token,
                                                          "bevestigd": "ja"})
    page = parse(client.get("/portaal/leads/lead-plain").text)
    history = page.find("table", id="history").text()
    assert "gebruiker:" not in history and OOST in history
    reasons = page.find("ul", cls="reasons").text()
    assert "steun_onbekend" not in reasons and "weet niet hoeveel steun" in reasons
    assert "steun_onbekend" not in marked(page, "data-summary").text()


def test_erasure_and_retention_remove_the_owners_words(client, app, settings, creds):
    from api.privacy import retention

    lead_id, _ = hand_over(client)
    login(client, creds[OOST])
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    client.post(f"/portaal/leads/{lead_id}/status", data={"status": "afgerond", "csrf_token": token, "bevestigd": "ja"})
    retention.run(app.state.sessionmaker, settings, now=utcnow() + timedelta(days=settings.retention_days + 1))
    assert db_rows(settings, "SELECT COUNT(*) FROM lead_details") == [(0,)]
    data = client.get(f"/portaal/leads/{lead_id}/intake.json").json()
    assert data["answer_texts"] == {} and data["remarks"] == [] and data["place"] is None
    assert data["title"] == "Lead zonder bedrijfsnaam" and data["location"] == "Overijssel"
