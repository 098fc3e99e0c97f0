"""Analytics go out after the action has answered (actions/analytics.py `send_after`): the answer
does not wait for the dashboard, a conversation's batches arrive in order, and a batch still on
its way when the action server stops waits in the outbox. With the real web service."""
import asyncio
import json
import sqlite3
import uuid

from action_trackers import DOMAIN, make_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import analytics
from actions.scan_form import ValidateScanForm


def stored(db, conversation: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("select type, data from analytics_events where conversation_id = ? order by id",
                                  (conversation,)).fetchall()
    return [(kind, json.loads(data)["question_id"]) for kind, data in rows]


def turn(conversation: str, slots: dict, requested: str, text: str):
    tracker = make_tracker(slots, text, requested=requested)
    tracker.sender_id = conversation
    return tracker


def test_the_answer_does_not_wait_for_the_dashboard_and_batches_arrive_in_order(service_up, web_db):
    conversation = f"after-{uuid.uuid4().hex[:10]}"

    async def two_turns():
        await ValidateScanForm().run(CollectingDispatcher(), turn(conversation, {}, "sector", "metaal"), DOMAIN)
        right_after = stored(web_db, conversation)  # the action has answered; nothing awaited since
        await ValidateScanForm().run(CollectingDispatcher(),
                                     turn(conversation, {"sector": "metaal"}, "medewerkers", "45"), DOMAIN)
        await analytics.drain()
        return right_after

    assert asyncio.run(two_turns()) == []
    found = stored(web_db, conversation)
    assert found[:3] == [("question_answered", "sector"), ("question_asked", "medewerkers"),
                         ("question_answered", "medewerkers")]
    assert len(found) == 4 and found[3][0] == "question_asked"


def test_a_batch_on_its_way_when_the_server_stops_waits_in_the_outbox(service_up, web_db, tmp_path):
    conversation = f"stop-{uuid.uuid4().hex[:10]}"
    outbox = tmp_path / "outbox.jsonl"

    async def answer_then_stop():  # asyncio.run ends the loop, as a stopping server does
        await ValidateScanForm().run(CollectingDispatcher(), turn(conversation, {}, "sector", "metaal"), DOMAIN)

    asyncio.run(answer_then_stop())
    assert stored(web_db, conversation) == [] and conversation in outbox.read_text()

    async def next_turn():  # the next write sends the outbox first
        await ValidateScanForm().run(CollectingDispatcher(),
                                     turn(conversation, {"sector": "metaal"}, "medewerkers", "45"), DOMAIN)
        await analytics.drain()

    asyncio.run(next_turn())
    assert not outbox.exists()
    assert [kind for kind, _ in stored(web_db, conversation)] == ["question_answered", "question_asked"] * 2
