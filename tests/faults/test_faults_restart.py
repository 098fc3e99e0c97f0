"""A Rasa process crashes mid-conversation and is started again.

nginx passes the conversation to the other process at once (the owner notices nothing),
and the restarted process goes on from the shared tracker store.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

pytestmark = pytest.mark.slow
VALUES = kit.persona()["values"]


def test_rasa_crash_and_restart_mid_conversation(stack):
    sender = kit.new_sender("fault-restart")
    replies = kit.drive(stack.url(), sender, VALUES, until="tech_automatisering")
    crashed, other = stack.rasa_names[0], stack.rasa_names[1]
    try:
        stack.kill(crashed)
        served = set()
        for _ in range(3):
            qid = kit.question_id(replies)
            status, headers, replies = kit.say(stack.url(), sender, kit.answer_for(VALUES, qid))
            assert status == 200 and headers.get("X-Chat-Status") is None, (
                headers, replies, (stack.state_dir / "nginx" / "error.log").read_text()[-3000:])
            assert kit.question_id(replies) not in (None, qid), replies
            served.add(headers["X-Chat-Upstream"].split(", ")[-1])  # nginx lists each process it tried
        assert served == {f"127.0.0.1:{stack.ports[other]}"}, served
    finally:
        stack.start_part(crashed, out=io.StringIO())
    qid = kit.question_id(replies)
    status, headers, replies = kit.say(stack.url(crashed), sender, kit.answer_for(VALUES, qid))
    assert status == 200 and headers.get("X-Chat-Status") is None, (headers, replies)
    assert kit.question_id(replies) not in (None, qid), replies
    slots = kit.tracker(stack.url(crashed), sender)["slots"]
    for key in ("sector", "medewerkers", "regio", "tech_automatisering", "tech_robotisering", qid):
        assert slots[key] == VALUES[key], key
