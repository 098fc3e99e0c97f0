"""Checking and cleaning what a chat client sends, before any of it reaches Rasa.

Plain functions over plain data (no Rasa import), shared by the REST and socket.io
channels. A message body is refused (`BadMessage`, a 4xx for the client) when its
fields have the wrong type; a text that is too long is not refused but marked, so the
channel can answer kindly without passing it on to NLU.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from channels.settings import get_settings

MAX_CHARS = get_settings().chat_max_chars
MAX_SENDER_CHARS = 128
MAX_MESSAGE_ID_CHARS = 128
MAX_METADATA_BYTES = 4096

# C0/C1 controls except tab and newline, lone surrogates (unencodable), byte-order marks
# and the bidirectional overrides that can make a text display differently from what it is.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\u202a-\u202e\u2066-\u2069]")


class BadMessage(ValueError):
    """The request cannot be a chat message; str(error) says why, in plain English for developers."""


@dataclass
class Incoming:
    sender: str
    text: str  # cleaned; empty when too_long
    metadata: dict = field(default_factory=dict)
    message_id: str | None = None
    too_long: bool = False
    length: int = 0  # characters after cleaning


def clean(text: str) -> str:
    """Control characters removed, line ends unified, Unicode composed, outer blanks trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _UNWANTED.sub("", text)).strip()


def _identifier(value, name: str, limit: int) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise BadMessage(f"'{name}' must be a string")
    value = clean(str(value))
    if not value:
        raise BadMessage(f"'{name}' must not be empty")
    if len(value) > limit:
        raise BadMessage(f"'{name}' is longer than {limit} characters")
    return value


def _metadata(value) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):  # some clients send it JSON-encoded
        try:
            value = json.loads(value)
        except ValueError:
            raise BadMessage("'metadata' must be a JSON object") from None
    if not isinstance(value, dict):
        raise BadMessage("'metadata' must be a JSON object")
    if len(json.dumps(value, ensure_ascii=False).encode()) > MAX_METADATA_BYTES:
        raise BadMessage(f"'metadata' is larger than {MAX_METADATA_BYTES} bytes")
    return {clean(str(k)): clean(v) if isinstance(v, str) else v for k, v in value.items()}


def parse(body: object, sender_key: str = "sender", max_chars: int = MAX_CHARS) -> Incoming:
    """A checked message from a decoded JSON body: {sender, message, metadata?, message_id?}.

    `message_id` (top level or inside metadata) is the client's id of this message: the
    same id sent twice is answered once.
    """
    if not isinstance(body, dict):
        raise BadMessage("the body must be a JSON object with 'sender' and 'message'")
    if body.get(sender_key) is None:
        raise BadMessage(f"'{sender_key}' is missing")
    sender = _identifier(body[sender_key], sender_key, MAX_SENDER_CHARS)
    message = body.get("message")
    if message is None:
        raise BadMessage("'message' is missing")
    if not isinstance(message, str):
        raise BadMessage("'message' must be a string")
    metadata = _metadata(body.get("metadata"))
    raw_id = body.get("message_id", metadata.get("message_id"))
    message_id = _identifier(raw_id, "message_id", MAX_MESSAGE_ID_CHARS) if raw_id is not None else None
    text = clean(message)
    if len(text) > max_chars:
        return Incoming(sender, "", metadata, message_id, too_long=True, length=len(text))
    return Incoming(sender, text, metadata, message_id, length=len(text))


def decode(raw: bytes) -> object:
    """The JSON value of a request body; BadMessage when it is not JSON."""
    if not raw:
        raise BadMessage("the body is empty; send a JSON object with 'sender' and 'message'")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadMessage("the body is not UTF-8 encoded JSON") from None
    except ValueError as error:
        raise BadMessage(f"the body is not valid JSON ({error})") from None
