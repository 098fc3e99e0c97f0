"""Folds one conversation's events into what it reached: plain data in, plain rows out.

The events are sorted by time first, so the outcome does not depend on the order they
arrived in (the sender retries from an outbox). Rules:
- attribution (utm_*, site) comes from the earliest `started` event; `starts` counts them all;
- the week is the ISO week (Europe/Amsterdam) of the conversation's first event;
- the profile is done when every profile question that is always asked was answered;
- result, follow-up answers and eligibility: the latest event wins; the hand-off time is the first;
- a question's `first_try` comes from its first `question_answered` event;
- `last_question_id` is the question asked last: where an abandoned conversation stopped.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from datetime import datetime
from typing import Any, Iterable
from zoneinfo import ZoneInfo

from bot import questionnaire

TIMEZONE = ZoneInfo("Europe/Amsterdam")
ATTRIBUTION = ("utm_source", "utm_medium", "utm_campaign", "site")
SCORE_KEYS = ("totaal", "technologie", "organisatie", "businessmodel")


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


def fold(conversation_id: str, events: Iterable[Event]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The conversation's summary row and its question rows (column name -> value)."""
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
    questions: dict[str, dict[str, Any]] = {}
    for event in ordered:
        data = event.data
        if event.type == "started":
            if row["starts"] == 0:
                row.update({key: data.get(key) for key in ATTRIBUTION})
            row["starts"] += 1
        elif event.type in ("question_asked", "question_answered"):
            question = questions.setdefault(data["question_id"], {
                "question_id": data["question_id"], "dimension": data["dimension"],
                "asked": 0, "answered": False, "first_try": False})
            if event.type == "question_asked":
                question["asked"] += 1
                row["last_question_id"] = data["question_id"]
            elif not question["answered"]:
                question["answered"] = True
                question["first_try"] = bool(data["first_try"])
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
    answered = {qid for qid, q in questions.items() if q["answered"]}
    row["profile_done"] = set(profile_questions()) <= answered
    row["questions_asked"] = sum(1 for q in questions.values() if q["asked"])
    row["questions_answered"] = len(answered)
    copied = {key: row[key] for key in ("first_at", "week", "utm_source", "utm_campaign", "site",
                                        "province", "sector")}
    return row, [{"conversation_id": conversation_id, **q, **copied} for q in questions.values()]
