"""A part of the scaled profile fails mid-conversation: the owner is told kindly, nothing is lost.

Stock Rasa 3.6 (measured): action server down -> an empty answer and the action's events
dropped; Redis lock store down -> the message dropped silently; PostgreSQL down -> a new,
empty conversation kept in memory, whose events are lost. Here: a friendly Dutch notice
with the open question again, the conversation exactly as it was, and it goes on once
the part is back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

pytestmark = pytest.mark.slow
VALUES = kit.persona()["values"]


def _state(stack, sender: str) -> tuple[int, dict]:
    found = kit.tracker(stack.url(), sender)
    return sum(e["event"] == "user" for e in found["events"]), found["slots"]


def _notice_and_question_again(status: int, headers: dict, replies: list, question: str) -> None:
    assert status == 200, replies
    assert headers.get("X-Chat-Status") == "unavailable", (headers, replies)
    said = kit.texts(replies)
    assert "storing" in said and "bewaard" in said, said
    assert "Welkom" not in said, "a new conversation was started"
    assert kit.question_id(replies) == question, replies


def _goes_on(stack, sender: str, question: str, slots_before: dict) -> None:
    status, headers, replies = kit.say(stack.url(), sender, kit.answer_for(VALUES, question))
    assert status == 200 and headers.get("X-Chat-Status") is None, (headers, replies)
    assert kit.question_id(replies) not in (None, question), replies
    _, slots = _state(stack, sender)
    assert slots[question] == VALUES[question]
    turn_state = {"requested_slot", "laatst", "eigen_woorden", "voorstellen", "opmerkingen", "herhaald"}
    kept = {k: v for k, v in slots_before.items() if v is not None and k not in turn_state}
    assert {k: slots[k] for k in kept} == kept

@pytest.mark.parametrize("part, crash", [("actions", True), ("redis", False), ("postgres", False)])
def test_part_down_mid_conversation(stack, part, crash):
    sender = kit.new_sender(f"fault-{part}")
    kit.drive(stack.url(), sender, VALUES, until="regio")
    users_before, slots_before = _state(stack, sender)
    assert slots_before["sector"] == VALUES["sector"]
    with kit.part_down(stack, part, crash=crash):
        for _ in stack.rasa_names:  # each process (round robin) behaves the same
            status, headers, replies = kit.say(stack.url(), sender, kit.answer_for(VALUES, "regio"))
            question = "regio" if part != "postgres" else None  # without the tracker store no question is known
            _notice_and_question_again(status, headers, replies, question)
        assert all(stack.pid(name) for name in stack.rasa_names), "a Rasa process died"
    users_after, slots_after = _state(stack, sender)
    assert users_after == users_before, "the refused message was half processed"
    assert slots_after == slots_before
    _goes_on(stack, sender, "regio", slots_before)
