"""The web service is down when an owner gives consent: the lead is queued, delivered later, once.

The action server keeps every write to the web service (idempotent PUTs under ids the
bot chose) in its outbox while the service is down and its flusher sends it when the service
is back, also when nobody is chatting.
"""
from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

pytestmark = pytest.mark.slow
PERSONA = kit.persona("p01-lasbedrijf-brabant")  # eligible, consents, hand-off expected


def _finish(stack, sender: str, replies: list) -> list:
    seen = []
    for _ in range(20):
        seen += replies
        qid = kit.question_id(replies)
        if kit.customs(replies, "end") or qid is None:
            return seen
        status, _, replies = kit.say(stack.url(), sender, kit.answer_for(PERSONA["values"], qid))
        assert status == 200, replies
    pytest.fail(f"no end: {replies}")


def _queued(stack) -> list[dict]:
    outbox = stack.state_dir / "outbox.jsonl"
    return [json.loads(line) for line in outbox.read_text().splitlines() if line.strip()] if outbox.exists() else []


def _leads(stack, lead_id: str) -> int:
    return int(stack.psql(f"SELECT count(*) FROM leads WHERE id = '{lead_id}'", database="scan"))


def test_lead_queued_while_web_service_down_then_delivered_once(stack):
    sender = kit.new_sender("fault-handoff")
    replies = kit.drive(stack.url(), sender, PERSONA["values"], until="toestemming", metadata=PERSONA["metadata"])
    with kit.part_down(stack, "web"):
        seen = _finish(stack, sender, replies)
        assert kit.customs(seen, "end"), "the conversation did not end while the web service was down"
        leads = [item for item in _queued(stack) if item["path"].startswith("/api/v1/leads/")]
        assert len(leads) == 1, _queued(stack)
        lead_id = leads[0]["path"].rsplit("/", 1)[1]
        # checked in the database while the web service is still down: once it is back, the
        # flusher may deliver the lead before the web service's start-up has been waited for
        assert _leads(stack, lead_id) == 0

    # The action server's flusher sends the queue within seconds, with nobody chatting.
    deadline = time.monotonic() + 30
    while (_queued(stack) or _leads(stack, lead_id) == 0) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not [item for item in _queued(stack) if item["path"].startswith("/api/v1/leads/")], _queued(stack)
    assert _leads(stack, lead_id) == 1

    # Delivered again (a retry after a lost answer): still one lead.
    token = (stack.state_dir / "bot_token").read_text().strip()
    status, _, body = kit.request(f"{stack.url('web')}{leads[0]['path']}", leads[0]["body"], method="PUT",
                                  headers={"Authorization": f"Bearer {token}"})
    assert status < 300, body
    assert _leads(stack, lead_id) == 1
