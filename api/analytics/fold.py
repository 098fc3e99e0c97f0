"""Folds one conversation's events into what it reached: plain data in, plain rows out.

The events are sorted by time first, so the outcome does not depend on the order they
arrived in (the sender retries from an outbox). Rules:
- attribution (utm_*, site) comes from the earliest `started` event; `starts` counts them all;
- the week is the ISO week (Europe/Amsterdam) of the conversation's first event;
- a question counts as asked when it was asked or answered; `asked_mask`/`answered_mask` hold
  one bit per question id (the caller's fixed mapping);
- the profile is done when every profile question that is always asked was answered;
- result, follow-up answers and eligibility: the latest event wins; the hand-off time is the first;
- a question's first try comes from its first `question_answered` event; those answered only
  after being asked again become retry rows;
- `last_question_id` is the question asked last: where an abandoned conversation stopped.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from bot import contract, questionnaire

TIMEZONE = ZoneInfo("Europe/Amsterdam")
ATTRIBUTION = contract.CAMPAIGN_KEYS
SCORE_KEYS = ("totaal",) + contract.SCORED_DIMENSIONS


@dataclass(frozen=True)
class Event:
    seq: int
    type: str
    at: datetime
    data: dict[str, Any]


@cache
def profile_questions() -> tuple[str, ...]:
    """Profile questions every owner gets (balanstotaal is asked only above €50M turnover)."""
    return tuple(q.id for q in questionnaire.load().questions.values()
                 if q.dimension == "profiel" and not q.only_when)


def week_of(moment: datetime) -> str:
    year, week, _ = moment.astimezone(TIMEZONE).isocalendar()
    return f"{year}-W{week:02d}"


def fold(conversation_id: str, events: Iterable[Event],
         bits: Mapping[str, int]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The conversation's summary row and its retry rows (column name -> value)."""
    ordered = sorted(events, key=lambda e: (e.at, e.seq))
    if not ordered:
        raise ValueError("a conversation has at least one event")
    row: dict[str, Any] = {
        "conversation_id": conversation_id, "first_at": ordered[0].at, "last_at": ordered[-1].at,
        "week": week_of(ordered[0].at), "starts": 0, **dict.fromkeys(ATTRIBUTION),
        "profile_done": False, "has_result": False, "level": None,
        **{f"score_{key}": None for key in SCORE_KEYS},
        "sector": None, "size_class": None, "province": None, "nieuwe_inzichten": None,
        "wil_contact": None, "eligibility": None, "consent": None, "handover_at": None,
        "intermediary_id": None, "ended_at": None, "last_question_id": None,
    }
    asked: set[str] = set()
    first_try: dict[str, bool] = {}  # question id -> understood at its first answer
    for event in ordered:
        data = event.data
        if event.type == "started":
            if row["starts"] == 0:
                row.update({key: data.get(key) for key in ATTRIBUTION})
            row["starts"] += 1
        elif event.type == "question_asked":
            asked.add(data["question_id"])
            row["last_question_id"] = data["question_id"]
        elif event.type == "question_answered":
            first_try.setdefault(data["question_id"], bool(data["first_try"]))
        elif event.type == "result":
            scores = data.get("scores") or {}
            row.update({"has_result": True, "level": data.get("level"), "sector": data.get("sector"),
                        "size_class": data.get("size_class"), "province": data.get("province"),
                        **{f"score_{key}": scores.get(key) for key in SCORE_KEYS}})
        elif event.type in ("nieuwe_inzichten", "wil_contact", "consent"):
            row[event.type] = data["value"]
        elif event.type == "eligibility":
            row["eligibility"] = data["status"]
        elif event.type == "handover":
            row["handover_at"] = row["handover_at"] or event.at
            row["intermediary_id"] = data["intermediary_id"]
        elif event.type == "end":
            row["ended_at"] = event.at
    answered = set(first_try)
    row["profile_done"] = set(profile_questions()) <= answered
    row["asked_mask"] = mask(asked | answered, bits)
    row["answered_mask"] = mask(answered, bits)
    copied = {key: row[key] for key in ("first_at", "week", "utm_source", "utm_campaign", "site",
                                        "province", "sector")}
    retries = [{"question_id": qid, "conversation_id": conversation_id, **copied}
               for qid, understood in first_try.items() if not understood]
    return row, retries


def mask(question_ids: set[str], bits: Mapping[str, int]) -> int:
    return sum(1 << bits[qid] for qid in question_ids)
