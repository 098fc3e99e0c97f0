"""The portal in a real browser: Debian's headless chromium driven by Playwright, against the web service
started for real (uvicorn in a subprocess, a temporary database, development log-ins)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from api_testkit import ELIGIBLE, full_answers, hand_over
from portal_testkit import BRABANT, EXAMPLE_REGISTRY, ROUTES, TECHNOORD, free_port
from pypdf import PdfReader

from api.identity.service import dev_credentials
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN, bot_headers

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO_ROOT = Path(__file__).resolve().parents[2]
SECRET = "browser-test-secret"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    state = tmp_path_factory.mktemp("web")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{state / 'app.db'}", "PUBLIC_BASE_URL": base,
           "INTERMEDIARIES_FILE": str(EXAMPLE_REGISTRY), "ENVIRONMENT": "development", "SECRET_KEY": SECRET,
           "RASA_TRACKER_DB_URL": f"sqlite:///{state / 'rasa.db'}", "SMTP_PORT": str(free_port()),
           "SMTP_HOST": "127.0.0.1", "DELIVERY_POLL_SECONDS": "3600", "BOT_TOKEN": TEST_BOT_TOKEN}
    with open(state / "web.log", "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1",
                                    "--port", str(port)], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert process.poll() is None, (state / "web.log").read_text()
                assert time.monotonic() < deadline, "the web service did not start"
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=15)


def store_lead(base: str, lead_id: str, to: str, company: str) -> None:
    with httpx.Client(base_url=base, headers=bot_headers()) as api:
        body = {"conversation_id": f"conv-{lead_id}", "report_token": f"token-{lead_id}-0123456789abcdef",
                "questionnaire_version": "1.0", "answers": full_answers(**{**ELIGIBLE, **ROUTES[to]}), "campaign": {}}
        assert api.put(f"/api/v1/assessments/a-{lead_id}", json=body).status_code == 200
        response = hand_over(api, lead_id, f"a-{lead_id}", bedrijfsnaam=company)
        assert response.json()["intermediary_id"] == to


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_log_in_open_a_lead_change_status_download_pdf_and_no_foreign_lead(server, browser, tmp_path):
    store_lead(server, "lead-browser-1", BRABANT, "Browserstaal BV")
    store_lead(server, "lead-browser-2", TECHNOORD, "Noordelijke Browser BV")
    settings = Settings(environment="development", secret_key=SECRET, intermediaries_file=EXAMPLE_REGISTRY)
    login_data = dev_credentials(settings)[BRABANT]
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()

    page.goto(f"{server}/portaal/leads")
    assert page.url.startswith(f"{server}/portaal/inloggen")
    page.fill("#username", login_data["username"])
    page.fill("#password", login_data["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/portaal/leads")
    rows = page.locator("#leads tbody tr")
    assert rows.count() == 1 and "Browserstaal BV" in rows.first.inner_text()
    assert "Noordelijke" not in page.content()

    page.click("text=Browserstaal BV")
    page.wait_for_url(f"{server}/portaal/leads/lead-browser-1")
    assert page.locator("[data-field=contact_email]").inner_text() == "henk@devonk.example"

    page.select_option("#new-status", "in_behandeling")
    page.click("#status-form button[type=submit]")
    assert "Van Nieuw naar In behandeling" in page.locator("#confirm").inner_text()  # nothing changed yet
    page.click("#confirm-yes")
    page.wait_for_url("**/portaal/leads/lead-browser-1?bericht=status")
    assert page.locator("#lead-status").get_attribute("data-status") == "in_behandeling"
    assert page.locator("[role=status]").inner_text() == "De status is bijgewerkt."

    with page.expect_download() as download_info:
        page.click("#download-pdf")
    target = tmp_path / "intake.pdf"
    download_info.value.save_as(target)
    assert download_info.value.suggested_filename == "intake-lead-browser-1.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Browserstaal BV" in text and "In behandeling" in text

    response = page.goto(f"{server}/portaal/leads/lead-browser-2")
    assert response.status == 404
    assert "Deze pagina bestaat niet" in page.content() and "Noordelijke" not in page.content()
    response = page.goto(f"{server}/portaal/leads/lead-browser-2/intake.pdf")
    assert response.status == 404
    context.close()
