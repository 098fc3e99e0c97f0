"""scripts/bench_load.py sends what an owner types: every persona phrasing it picks is a string."""
from __future__ import annotations

from typing import Any

from tests.support import load_script

bench = load_script("scripts/bench_load.py", "scan_bench_load")


def _asked(question_id: str) -> list[dict[str, Any]]:
    return [{"custom": {"type": "question", "question_id": question_id}}]


def test_every_message_of_every_persona_is_a_string():
    for persona in bench.load_personas():
        conversation = bench.Conversation(persona, stock=False)
        assert isinstance(conversation.next_message(), str)   # the opening
        for question_id in persona.get("answers", {}):
            conversation.replies = _asked(question_id)
            message = conversation.next_message()
            assert isinstance(message, str) and message, (persona["id"], question_id, message)


def test_a_phrasing_with_mentions_sends_its_text():
    persona = {"id": "x", "answers": {"sector": [{"text": "metaal, 25 man in Deventer", "mentions": ["regio"]}]}}
    conversation = bench.Conversation(persona, stock=False)
    conversation.replies = _asked("sector")
    conversation.turn = 1
    assert conversation.next_message() == "metaal, 25 man in Deventer"
