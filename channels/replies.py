"""What the channel itself says to the owner when a message cannot go through the assistant.

Each reason has one Dutch text; `open_question` replays the question the owner was last
asked (text with its buttons, and its `question` payload) from the conversation's events,
so the owner can simply answer again.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from channels.text import MAX_CHARS

TOO_LONG = "too_long"
UNAVAILABLE = "unavailable"
FAILED = "failed"

TEXTS = {
    TOO_LONG: (f"Dat is een lang bericht! Ik kan berichten tot {f'{MAX_CHARS:,}'.replace(',', '.')} tekens "
               "lezen. Wil je het korter zeggen? Een paar woorden is genoeg."),
    UNAVAILABLE: ("Sorry, er is aan onze kant even een storing, waardoor ik je laatste bericht nu niet kan "
                  "verwerken. Je eerdere antwoorden zijn bewaard. Stuur je bericht over een minuutje nog "
                  "een keer, dan gaan we verder waar we waren."),
    FAILED: ("Sorry, er ging aan onze kant iets mis met je laatste bericht. Je eerdere antwoorden zijn "
             "bewaard. Wil je het nog een keer sturen?"),
}


def bot_messages(events: Iterable[dict], recipient_id: str) -> list[dict]:
    """Rasa `bot` events as the REST channel sends them ({recipient_id, text?, buttons?, custom?, ...})."""
    messages = []
    for event in events:
        message: dict[str, Any] = {"recipient_id": recipient_id}
        if event.get("text"):
            message["text"] = event["text"]
        message.update({key: value for key, value in (event.get("data") or {}).items() if value is not None})
        if len(message) > 1:
            messages.append(message)
    return messages


def _custom_type(event: dict) -> str | None:
    custom = (event.get("data") or {}).get("custom")
    return custom.get("type") if isinstance(custom, dict) else None


def open_question(events: list[dict], recipient_id: str) -> list[dict]:
    """The last question asked, when the conversation has not ended since; else []."""
    bots = [e for e in events if e.get("event") == "bot"]
    for index in range(len(bots) - 1, -1, -1):
        kind = _custom_type(bots[index])
        if kind == "question":
            asked = [bots[index]]
            if index > 0 and bots[index - 1].get("text") and _custom_type(bots[index - 1]) is None:
                asked.insert(0, bots[index - 1])
            return bot_messages(asked, recipient_id)
        if kind == "end":
            return []
    return []


def replies_to(events: list[dict], message_id: str, recipient_id: str) -> list[dict] | None:
    """What the assistant answered to the user message with this id; None when it never came in."""
    for index, event in enumerate(events):
        if event.get("event") == "user" and event.get("message_id") == message_id:
            answer = []
            for later in events[index + 1:]:
                if later.get("event") == "user":
                    break
                if later.get("event") == "bot":
                    answer.append(later)
            return bot_messages(answer, recipient_id)
    return None


def notice(reason: str, recipient_id: str) -> dict:
    return {"recipient_id": recipient_id, "text": TEXTS[reason]}
