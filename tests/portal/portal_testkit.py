"""Helpers for the portal tests: leads through the real API, log-in through the real form, form tokens."""
from __future__ import annotations

import re
import socket
import sqlite3
import uuid

from api_testkit import ELIGIBLE, EXAMPLE_REGISTRY, PUBLIC_BASE_URL, full_answers, hand_over, put_assessment

__all__ = ["marked", "EXAMPLE_REGISTRY", "PUBLIC_BASE_URL", "free_port", "make_lead", "login", "csrf_of", "page_csrf",
           "db_rows", "BRABANT", "TECHNOORD", "OFFICE"]

BRABANT = "brabant-maakt-slimmer"
TECHNOORD = "technoord-advies"
OFFICE = "programmabureau"
# Answers that route to each intermediary (see the example registry).
ROUTES = {
    BRABANT: {"regio": "noord-brabant", "sector": "metaal"},
    TECHNOORD: {"regio": "groningen", "sector": "metaal"},
    OFFICE: {"regio": "gelderland", "sector": "hout_meubel"},
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_lead(client, to: str = BRABANT, lead_id: str | None = None, answers: dict | None = None,
              **contact) -> tuple[str, str]:
    """Stores an assessment and its lead through the bot's API (preview, then the lead); returns (lead id,
    assessment id)."""
    lead_id = lead_id or f"lead-{uuid.uuid4().hex[:10]}"
    assessment_id, _ = put_assessment(client, full_answers(**{**ELIGIBLE, **ROUTES[to], **(answers or {})}),
                                      conversation_id=f"conv-{lead_id}")
    response = hand_over(client, lead_id, assessment_id, **contact)
    assert response.status_code == 200, response.text
    assert response.json()["intermediary_id"] == to
    return lead_id, assessment_id


def csrf_of(html: str, name: str = "csrf_token") -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, f"no {name} in the page"
    return found.group(1)


def login(client, creds: dict[str, str], expect: int | None = 303):
    """Logs in through the real form; expect=None returns whatever came back."""
    page = client.get("/portaal/inloggen")
    response = client.post("/portaal/inloggen", data={
        "username": creds["username"], "password": creds["password"], "csrf_token": csrf_of(page.text),
        "volgende": "/portaal/leads"}, follow_redirects=False)
    assert expect is None or response.status_code == expect, response.text
    return response


def page_csrf(client, path: str = "/portaal/leads") -> str:
    return csrf_of(client.get(path).text)


def db_rows(settings, query: str, *args) -> list[tuple]:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        return db.execute(query, args).fetchall()


def marked(page, attribute: str):
    """The first element carrying a (valueless) data- attribute, e.g. <dl data-contact>."""
    found = [node for node in page.iter() if attribute in node.attrs]
    assert found, f"no element with {attribute}"
    return found[0]
