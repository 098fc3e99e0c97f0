"""Checks and normalises an assessment's answers against bot.questionnaire (the one source).

Plain functions over plain data; the routes turn an AnswerError into a 422.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from bot.questionnaire import Question, Questionnaire

# Question kinds whose answers are personal data: only a lead may hold them.
PERSONAL_KINDS = frozenset({"text", "kvk", "email", "phone"})
MAX_EMPLOYEES = 10_000_000
MAX_AMOUNT = 10**13


class AnswerError(ValueError):
    """One or more answers do not fit the questionnaire; the message lists them all."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def normalise(answers: Mapping[str, Any], questionnaire: Questionnaire) -> dict[str, Any]:
    """Returns the answers in canonical form (option values as strings, numbers as numbers).

    A None value means "not answered" and is dropped.
    """
    problems: list[str] = []
    clean: dict[str, Any] = {}
    for question_id, value in answers.items():
        question = questionnaire.questions.get(question_id)
        if question is None:
            problems.append(f"unknown question id '{question_id}'")
            continue
        if question.kind in PERSONAL_KINDS:
            problems.append(f"'{question_id}' is contact data: it belongs in a lead, not in an assessment")
            continue
        if value is None:
            continue
        try:
            clean[question_id] = _normalise_one(question, value)
        except ValueError as error:
            problems.append(f"'{question_id}': {error}")
    if problems:
        raise AnswerError(problems)
    # Keep the questionnaire's order so stored answers read like the conversation.
    return {qid: clean[qid] for qid in questionnaire.questions if qid in clean}


def _normalise_one(question: Question, value: Any) -> Any:
    if question.kind == "multi":
        return _multi(question, value)
    if question.kind == "integer":
        return _number(question, value, integer=True, maximum=MAX_EMPLOYEES)
    if question.kind == "amount":
        return _number(question, value, integer=False, maximum=MAX_AMOUNT)
    return _option(question, value)


def _allowed(question: Question) -> str:
    return ", ".join(question.values)


def _option(question: Question, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected one of {_allowed(question)}, got {type(value).__name__}")
    text = str(value).strip()
    if text not in question.values:
        raise ValueError(f"'{text}' is not an option (expected one of {_allowed(question)})")
    return text


def _multi(question: Question, value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f"expected a list of options from {_allowed(question)}")
    chosen: list[str] = []
    for item in items:
        option = _option(question, item)
        if option not in chosen:
            chosen.append(option)
    if not chosen:
        raise ValueError("expected at least one option")
    return chosen


def _number(question: Question, value: Any, *, integer: bool, maximum: int) -> int | float | str:
    if isinstance(value, str) and value.strip() in question.values:
        return value.strip()
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ValueError(_number_hint(question)) from None
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(_number_hint(question))
    if value < 0 or value > maximum:
        raise ValueError(f"{value} is out of range (0 to {maximum})")
    if integer and value != int(value):
        raise ValueError(f"expected a whole number, got {value}")
    return int(value) if value == int(value) else float(value)


def _number_hint(question: Question) -> str:
    extra = f" or one of {_allowed(question)}" if question.values else ""
    return f"expected a number{extra}"
