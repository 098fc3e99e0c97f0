"""Rasa's REST and socket.io input channels with limits, checks and no silent failures.

Named in credentials.yml instead of `rest` and `socketio` (same URLs, same wire format):

    channels.limited.LimitedRestInput:
    channels.limited.LimitedSocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

- A body that is not a JSON object with a string `sender` and `message` is refused with
  400 and a JSON error; bodies over CHAT_MAX_BODY_BYTES (256 KB) with 413.
- Control characters are removed; a message over CHAT_MAX_CHARS (2,000) characters never
  reaches NLU: the owner is asked kindly to say it shorter and gets the open question again.
- Failures (action server, lock store, tracker store down) are answered with a friendly
  Dutch message instead of [] (see channels/turns.py); the REST answer then carries the
  header `X-Chat-Status` with the reason. `X-Chat-Instance` names the Rasa process.
- `message_id` (top level or in metadata): the same message sent twice is answered once.
- The same text limit guards Rasa's HTTP API routes that reach the model.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import text
from channels.settings import get_settings
from channels.socketio_channel import SocketIOInput, SocketIOOutput
from channels.turns import OK, TurnRunner

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = get_settings().chat_max_body_bytes
# Which Rasa process answered (X-Chat-Instance), without telling clients the host name.
INSTANCE = hashlib.sha256(f"{socket.gethostname()}:{os.getpid()}".encode()).hexdigest()[:12]
# Rasa HTTP API routes whose JSON `text` goes to the model.
_MODEL_ROUTES = re.compile(r"^/(model/parse|conversations/[^/]+/messages)/?$")


def protect_app(app: Any) -> None:
    """Cap request bodies for the whole Rasa server and size-check the API routes to the model."""
    if getattr(app.ctx, "chat_limits_installed", False):
        return
    app.ctx.chat_limits_installed = True
    if app.config.REQUEST_MAX_SIZE > MAX_BODY_BYTES * 4:
        app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES * 4  # the HTTP API's bodies are small too

    async def model_text_limit(request: Request) -> HTTPResponse | None:
        if request.method != "POST" or not _MODEL_ROUTES.match(request.path):
            return None
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return response.json({"error": "the body is not valid JSON"}, status=400)
        value = body.get("text") if isinstance(body, dict) else None
        if isinstance(value, str) and len(value) > text.MAX_CHARS:
            return response.json({"error": f"'text' is longer than {text.MAX_CHARS} characters"}, status=413)
        return None

    app.register_middleware(model_text_limit, "request")


class ProtectingBlueprint(Blueprint):
    """A blueprint that, when Rasa registers it, protects the whole app (see protect_app)."""

    def register(self, app: Any, options: dict) -> Any:
        protect_app(app)
        return super().register(app, options)


class LimitedRestInput(RestInput):
    """POST /webhooks/rest/webhook: {"sender", "message", "metadata"?, "message_id"?} -> [bot messages]."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self) -> None:
        self.runner = TurnRunner()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = ProtectingBlueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            headers = {"X-Chat-Instance": INSTANCE}
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.json({"error": f"the body is larger than {MAX_BODY_BYTES} bytes"},
                                     status=413, headers=headers)
            try:
                incoming = text.parse(text.decode(request.body))
            except text.BadMessage as error:
                return response.json({"error": str(error)}, status=400, headers=headers)
            turn = await self.runner.run(getattr(request.app.ctx, "agent", None), incoming, self.name())
            logger.info("chat turn sender=%s status=%s", incoming.sender, turn.status)
            if turn.status != OK:
                headers["X-Chat-Status"] = turn.status
            return response.json(turn.messages, headers=headers)

        return webhook


class LimitedSocketIOInput(SocketIOInput):
    """The project's socket.io channel with the same checks; failures are emitted as bot messages."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.runner = TurnRunner()
        self.app = None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        sio.eio.max_http_buffer_size = MAX_BODY_BYTES

        # Registering a handler again for the same event replaces the one before.
        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            if isinstance(data, dict) and self.session_persistence:
                body = {**data, "sender": data.get("session_id")}
            else:
                body = {**data, "sender": sid} if isinstance(data, dict) else data
            output = SocketIOOutput(sio, self.bot_message_evt)
            try:
                incoming = text.parse(body)
            except text.BadMessage as error:
                logger.warning("socket.io message refused: %s", error)
                await sio.emit("chat_error", {"error": str(error)}, room=sid, namespace=self.namespace)
                return
            turn = await self.runner.run(getattr(self.app.ctx, "agent", None) if self.app else None,
                                         incoming, self.name())
            logger.info("chat turn sender=%s status=%s", incoming.sender, turn.status)
            for message in turn.messages:
                await output.send_response(incoming.sender,
                                           {k: v for k, v in message.items() if k != "recipient_id"})

        @socketio_webhook.listener("before_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            self.app = app
            protect_app(app)

        return socketio_webhook

