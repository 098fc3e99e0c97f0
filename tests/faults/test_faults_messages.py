"""The same message twice, and two messages of one conversation at the same moment.

Two Rasa processes serve one conversation. Stock Rasa answers a repeated message again
(so an answer also fills the next question) and, with its default in-memory lock, lets
two processes work on one conversation at once. Here the client's `message_id` makes a
repeat return the first answer, and the Redis lock store puts simultaneous messages in
a row, whichever processes receive them.
"""
from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

pytestmark = pytest.mark.slow
VALUES = kit.persona()["values"]


def _at_once(calls):
    """Run the calls at the same moment in threads; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def _user_events(stack, sender):
    return [e for e in kit.tracker(stack.url(), sender)["events"] if e["event"] == "user"]


def test_same_message_twice_is_answered_once(stack):
    sender = kit.new_sender("fault-dup")
    kit.drive(stack.url(), sender, VALUES, until="medewerkers")
    message_id = uuid.uuid4().hex
    one, other = (stack.url(name) for name in stack.rasa_names)
    _, first_headers, first = kit.say(one, sender, "45", message_id=message_id)
    _, again_headers, again = kit.say(other, sender, "45", message_id=message_id)
    assert first_headers["X-Chat-Instance"] != again_headers["X-Chat-Instance"]
    assert again == first and again_headers.get("X-Chat-Status") == "duplicate"
    assert sum(e.get("message_id") == message_id for e in _user_events(stack, sender)) == 1
    slots = kit.tracker(stack.url(), sender)["slots"]
    assert slots["medewerkers"] == 45 and slots["jaaromzet"] is None, "the repeat answered the next question"


def test_same_message_twice_at_the_same_moment_is_processed_once(stack):
    sender = kit.new_sender("fault-dup-now")
    kit.drive(stack.url(), sender, VALUES, until="medewerkers")
    message_id = uuid.uuid4().hex
    results = _at_once([lambda name=name: kit.say(stack.url(name), sender, "45", message_id=message_id)
                        for name in stack.rasa_names])
    assert all(status == 200 for status, _, _ in results), results
    assert sorted(str(h.get("X-Chat-Status")) for _, h, _ in results) == ["None", "duplicate"]
    assert results[0][2] == results[1][2]
    assert sum(e.get("message_id") == message_id for e in _user_events(stack, sender)) == 1


def test_two_messages_at_the_same_moment_are_handled_one_after_the_other(stack):
    sender = kit.new_sender("fault-two")
    kit.drive(stack.url(), sender, VALUES, until="medewerkers")
    before = len(_user_events(stack, sender))
    messages = ["45", "Waarom wil je dat weten?"]  # an answer and a side question: any order works
    results = _at_once([lambda name=name, text=text: kit.say(stack.url(name), sender, text)
                        for name, text in zip(stack.rasa_names, messages)])
    for status, headers, replies in results:
        assert status == 200 and headers.get("X-Chat-Status") is None and replies, (headers, replies)
    events = kit.tracker(stack.url(), sender)["events"]
    users = [e for e in events if e["event"] == "user"]
    assert len(users) == before + 2 and sorted(e["text"] for e in users[-2:]) == sorted(messages)
    # Not interleaved: each message's turn ends (action_listen) before the next message comes in.
    last_user = [i for i, e in enumerate(events) if e["event"] == "user"][-2:]
    between = events[last_user[0] + 1:last_user[1]]
    assert any(e["event"] == "bot" for e in between) and between[-1].get("name") == "action_listen", between
    assert kit.tracker(stack.url(), sender)["slots"]["medewerkers"] == 45
