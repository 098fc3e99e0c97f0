"""Rasa's socket.io channel, repaired for python-socketio 5.x (what the web widget talks to).

Rasa 3.6's built-in `socketio` channel has two faults with the python-socketio it installs:
- `AsyncServer.enter_room` became a coroutine and Rasa does not await it, so with
  `session_persistence` no socket ever joins its session's room and every bot message
  is emitted to nobody;
- custom payloads are emitted as keyword arguments (`emit(event, **payload)`), which
  raises TypeError for `{"type": "question", ...}` and aborts the turn before the tracker
  is saved.

This subclass replaces the two handlers and the output channel; the wire format is the
built-in one (`text`, `quick_replies`, `attachment`), plus `{"custom": {...}}` for custom
payloads, as on the REST channel. Name it in credentials.yml instead of `socketio`:

    channels.socketio_channel.SocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true
"""
from __future__ import annotations

import inspect
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels import socketio as rasa_socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

logger = logging.getLogger(__name__)


class SocketIOOutput(rasa_socketio.SocketIOOutput):
    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class SocketIOInput(rasa_socketio.SocketIOInput):
    """The built-in channel with awaited room joins and custom payloads as data."""

    def get_output_channel(self) -> SocketIOOutput | None:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio

        # Registering a handler again for the same event replaces Rasa's.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                if not data.get("session_id"):
                    logger.warning("socket.io message without session_id ignored")
                    return
                sender_id = str(data["session_id"])
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            message = UserMessage(str(data.get("message", "")), SocketIOOutput(sio, self.bot_message_evt),
                                  sender_id, input_channel=self.name(),
                                  metadata=metadata if isinstance(metadata, dict) else {})
            await on_new_message(message)

        return socketio_webhook
