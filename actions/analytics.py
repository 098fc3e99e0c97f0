"""Anonymous analytics events for the campaign dashboard: never personal data.

Each action collects its events and sends them in one request; the web service ignores an
event id it already has, so a batch that waited in the outbox is never counted twice.
"""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone
from typing import Any, Mapping

from actions import webservice
from bot import contract
from bot.questionnaire import load

log = logging.getLogger(__name__)
size_class = contract.size_class


def event(conversation_id: str, kind: str, **data: Any) -> dict:
    return {"event_id": uuid.uuid4().hex, "conversation_id": conversation_id, "type": kind,
            "at": datetime.now(timezone.utc).isoformat(), "data": data}


def asked(conversation_id: str, question_id: str) -> dict:
    return event(conversation_id, "question_asked", question_id=question_id,
                 dimension=load()[question_id].dimension)


def answered(conversation_id: str, question_id: str, first_try: bool) -> dict:
    return event(conversation_id, "question_answered", question_id=question_id,
                 dimension=load()[question_id].dimension, first_try=first_try)


def result(conversation_id: str, level: str, scores: Mapping[str, Any], answers: Mapping[str, Any]) -> dict:
    return event(conversation_id, "result", level=level, scores=dict(scores), sector=answers.get("sector"),
                 size_class=size_class(answers.get("medewerkers")), province=answers.get("regio"))


FOLLOW_UPS = {"nieuwe_inzichten": "nieuwe_inzichten", "wil_contact": "wil_contact", "toestemming": "consent"}


async def send(events: list[dict]) -> None:
    if not events:
        return
    try:
        await webservice.write("POST", "/api/v1/events", {"events": events}, key=f"events:{events[0]['event_id']}")
    except ValueError as error:
        log.error("analytics events refused: %s", error)
