"""Markup an owner types into the chat is shown as text everywhere: portal, intake PDF, report, API.

A whole conversation on the scaled profile with HTML and script tags as company and
contact name; then the lead is looked at the way an adviser does.
"""
from __future__ import annotations

import http.cookiejar
import io
import json
import os
import re
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
COMPANY = "<script>alert('x')</script> Lasbedrijf & Zn"
PERSON = "<b>Ruud</b> <img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def lead(stack) -> dict:
    persona = kit.persona("p01-lasbedrijf-brabant")
    values = {**persona["values"], "bedrijfsnaam": COMPANY, "contact_naam": PERSON}
    sender = kit.new_sender("bad-markup")
    replies = kit.drive(stack.url(), sender, values, metadata=persona["metadata"])
    assert kit.customs(replies, "end"), replies
    slots = kit.tracker(stack.url(), sender)["slots"]
    assert slots["bedrijfsnaam"] == COMPANY and slots["contact_naam"] == PERSON, slots
    row = stack.psql(f"SELECT l.id || '|' || l.intermediary_id || '|' || a.report_token FROM leads l "
                     f"JOIN assessments a ON a.id = l.assessment_id WHERE a.conversation_id = '{sender}'",
                     database="scan")
    assert row, "no lead stored"
    lead_id, intermediary, token = row.split("|")
    done = subprocess.run([str(ROOT / ".venv/api/bin/python"), "scripts/demo_credentials.py"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ENVIRONMENT": "development"})  # as the stack runs
    assert done.returncode == 0, done.stderr
    credentials = json.loads(done.stdout)[intermediary]
    return {"id": lead_id, "report": token, **credentials}


def _portal(stack, lead: dict) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{stack.url()}/portaal/inloggen", timeout=30).read().decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert csrf, "the log-in page has no CSRF field"
    form = urllib.parse.urlencode({"username": lead["username"], "password": lead["password"],
                                   "csrf_token": csrf.group(1), "volgende": ""}).encode()
    opener.open(f"{stack.url()}/portaal/inloggen", data=form, timeout=30).read()
    return opener


def _escaped_not_raw(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Ruud</b>" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;b&gt;Ruud&lt;/b&gt;" in html, html[:3000]


def test_portal_lead_page_shows_markup_as_text(stack, lead):
    html = _portal(stack, lead).open(f"{stack.url()}/portaal/leads/{lead['id']}", timeout=30).read().decode()
    _escaped_not_raw(html)


def test_intake_pdf_shows_markup_as_text(stack, lead):
    from pypdf import PdfReader

    data = _portal(stack, lead).open(f"{stack.url()}/portaal/leads/{lead['id']}/intake.pdf", timeout=60).read()
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "<script>alert('x')</script>" in text and "<b>Ruud</b>" in text, text[:2000]


def test_report_page_and_api_keep_it_inert(stack, lead):
    status, _, body = kit.request(f"{stack.url()}/rapport/{lead['report']}", method="GET")
    assert status == 200 and b"<script>alert" not in body
    status, _, body = kit.request(f"{stack.url()}/api/v1/leads/{lead['id']}", method="GET",
                                  headers={"Authorization": f"Bearer {lead['token']}"})
    assert status == 200, body[:300]
    intake = json.loads(body)
    assert intake["company"]["bedrijfsnaam"] == COMPANY and intake["contact"]["naam"] == PERSON
