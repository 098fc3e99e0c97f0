"""The repaired socket.io channel (channels/socketio_channel.py): rooms are joined, custom payloads arrive.

Runs in .venv/bot (it imports Rasa). The handlers are called directly, with the server's
emit and enter_room recording what they are asked to do.
"""
from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("rasa")

from channels.socketio_channel import SocketIOInput, SocketIOOutput


class Recorder:
    def __init__(self):
        self.calls = []

    async def emit(self, event, data=None, to=None, room=None, skip_sid=None, namespace=None, callback=None):
        self.calls.append(("emit", event, data, room))

    async def enter_room(self, sid, room, namespace=None):  # a coroutine, as in python-socketio 5
        self.calls.append(("enter_room", sid, room))


def channel_with_recorder(received: list):
    channel = SocketIOInput.from_credentials({"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered",
                                              "session_persistence": True})

    async def on_new_message(message):
        received.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "Hoi"})
        await message.output_channel.send_response(message.sender_id, {"custom": {"type": "end"}})

    channel.blueprint(on_new_message)
    recorder = Recorder()
    channel.sio.emit = recorder.emit
    channel.sio.enter_room = recorder.enter_room
    return channel, recorder


def test_session_request_joins_the_room_and_messages_reach_it():
    received = []
    channel, recorder = channel_with_recorder(received)
    handlers = channel.sio.handlers["/"]

    async def conversation():
        await handlers["session_request"]("sid-1", {"session_id": "abc"})
        await handlers["user_uttered"]("sid-1", {"session_id": "abc", "message": "Hallo",
                                                 "metadata": {"site": "brabant-maakt-slimmer"}})

    asyncio.run(conversation())
    assert recorder.calls[0] == ("enter_room", "sid-1", "abc")
    assert recorder.calls[1] == ("emit", "session_confirm", "abc", "sid-1")
    assert recorder.calls[2:] == [("emit", "bot_uttered", {"text": "Hoi"}, "abc"),
                                  ("emit", "bot_uttered", {"custom": {"type": "end"}}, "abc")]
    assert received[0].sender_id == "abc" and received[0].metadata == {"site": "brabant-maakt-slimmer"}


def test_message_without_session_id_is_ignored():
    received = []
    channel, _ = channel_with_recorder(received)
    asyncio.run(channel.sio.handlers["/"]["user_uttered"]("sid-1", {"message": "Hallo"}))
    assert received == []


def test_output_channel_sends_custom_payloads_as_data():
    recorder = Recorder()
    output = SocketIOOutput(type("Sio", (), {"emit": recorder.emit})(), "bot_uttered")
    payload = {"type": "question", "question_id": "sector", "options": [], "multiple": False}
    asyncio.run(output.send_custom_json("abc", payload))
    assert recorder.calls == [("emit", "bot_uttered", {"custom": payload}, "abc")]
