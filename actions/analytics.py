"""Anonymous analytics events for the campaign dashboard: never personal data.

Each action collects its events and sends them in one request; the web service ignores an
event id it already has, so a batch that waited in the outbox is never counted twice. The
action does not wait for that request (`send_after`): the owner's answer does not wait for
the dashboard (measured: 10 ms of a turn's median, 30-40 ms of its 95th percentile, the web
service's database commits one batch after the other). A conversation's batches still
arrive in order; one still on its way when the action server stops goes to the outbox.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

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


def result(conversation_id: str, level: str | None, scores: Mapping[str, Any], answers: Mapping[str, Any]) -> dict:
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


_on_the_way: dict[tuple[int, str], asyncio.Task] = {}  # (event loop, conversation) -> its latest batch


def send_after(events: list[dict]) -> None:
    """Sends the batch once the caller has answered, after the conversation's earlier batches."""
    if not events:
        return
    loop = asyncio.get_running_loop()
    key = (id(loop), events[0]["conversation_id"])
    earlier = _on_the_way.get(key)

    async def deliver() -> None:
        try:
            if earlier is not None:
                await asyncio.wait([earlier])
            await send(events)
        except asyncio.CancelledError:  # the action server stops: the outbox sends it when it is back
            webservice.queue("POST", "/api/v1/events", {"events": events}, key=f"events:{events[0]['event_id']}")
            raise

    task = loop.create_task(deliver())
    _on_the_way[key] = task
    task.add_done_callback(lambda done: _on_the_way.pop(key, None) if _on_the_way.get(key) is done else None)


async def drain() -> None:
    """Until every batch of this event loop is sent (or queued)."""
    loop = asyncio.get_running_loop()
    while pending := [task for (owner, _), task in _on_the_way.items() if owner == id(loop)]:
        await asyncio.wait(pending)
