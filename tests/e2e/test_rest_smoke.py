"""Smoke tests of the running services through their public HTTP interfaces."""
from __future__ import annotations

import json
import re
import urllib.request
import uuid

import pytest

pytestmark = pytest.mark.e2e

SECTORS = {"metaal", "machinebouw", "kunststof_rubber", "elektrotechniek", "voedingsmiddelen",
           "hout_meubel", "overige_maakindustrie", "geen_maakindustrie"}


def get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read().decode()


def say(rasa: str, sender: str, message: str) -> list[dict]:
    request = urllib.request.Request(
        f"{rasa}/webhooks/rest/webhook", data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def questions(replies: list[dict]) -> list[dict]:
    return [r["custom"] for r in replies
            if isinstance(r.get("custom"), dict) and r["custom"].get("type") == "question"]


def test_first_message_gets_welcome_and_sector_question(live_services):
    replies = say(live_services.rasa, f"e2e-smoke-{uuid.uuid4().hex[:8]}", "Hallo")
    text = " ".join(r.get("text", "") for r in replies).lower()
    assert re.search(r"automat|chatbot|digitale assistent|\bbot\b", text), \
        f"welcome does not say it is automated: {text}"
    asked = questions(replies)
    assert asked and asked[-1]["question_id"] == "sector", replies
    assert {o["value"] for o in asked[-1]["options"]} == SECTORS
    assert asked[-1].get("free_text") is True


def test_button_answer_fills_the_slot_and_moves_on(live_services):
    sender = f"e2e-smoke-{uuid.uuid4().hex[:8]}"
    say(live_services.rasa, sender, "Hallo")
    asked = questions(say(live_services.rasa, sender, "metaal"))
    assert asked and asked[-1]["question_id"] != "sector", asked
    _, _, body = get(f"{live_services.rasa}/conversations/{sender}/tracker?include_events=NONE")
    assert json.loads(body)["slots"]["sector"] == "metaal"


def test_web_service_is_healthy_and_serves_the_chat_page(live_services):
    status, _, body = get(f"{live_services.web}/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, content_type, page = get(f"{live_services.web}/")
    assert status == 200 and content_type.startswith("text/html") and "<html" in page.lower()


def test_socketio_channel_answers(live_services):
    status, _, body = get(f"{live_services.rasa}/socket.io/?EIO=4&transport=polling")
    assert status == 200 and body.startswith("0{"), body[:200]
