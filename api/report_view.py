"""Turns a stored assessment into what the report page shows, with texts from bot.questionnaire."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.models import Assessment
from bot.questionnaire import SCORED_DIMENSIONS, WEET_NIET, Question, Questionnaire

# The answer sections of the report, in conversation order; eligibility and contact stay out.
REPORT_DIMENSIONS = ("profiel",) + SCORED_DIMENSIONS + ("knelpunten", "interesse")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEET_NIET_TEXT = "weet ik niet"


@dataclass(frozen=True)
class ScoreBar:
    dimension: str
    label: str
    score: int | None
    uncertain: bool = False
    weakest: bool = False


@dataclass(frozen=True)
class AnswerRow:
    question_id: str
    question: str
    answer: str
    weet_niet: bool = False
    items: tuple[str, ...] = ()  # the chosen labels of a multiple-choice question


@dataclass(frozen=True)
class Section:
    dimension: str
    label: str
    rows: list[AnswerRow] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    level: str | None
    level_label: str | None
    level_meaning: str | None
    total: int | None
    bars: list[ScoreBar]
    weakest: str | None
    weakest_label: str | None
    next_steps: list[str]
    sections: list[Section]
    date: str


def dutch_number(value: float) -> str:
    whole = round(value)
    return f"{whole:,}".replace(",", ".")


def dutch_date(assessment: Assessment) -> str:
    moment = assessment.updated_at or assessment.created_at
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def short_question(text: str) -> str:
    """The question itself, without the conversational hint after it."""
    head, mark, _ = text.partition("?")
    return head + mark if mark else text


def answer_text(question: Question, value: Any) -> tuple[str, bool]:
    """The Dutch text of an answer and whether it is a 'weet ik niet'."""
    if value == WEET_NIET:
        return WEET_NIET_TEXT, True
    if question.kind in ("integer", "amount") and isinstance(value, (int, float)):
        number = dutch_number(value)
        return (f"€ {number}" if question.kind == "amount" else number), False
    if value == question.unknown_value:
        return WEET_NIET_TEXT, True
    return question.label_for(value), False


def build(assessment: Assessment, questionnaire: Questionnaire) -> Report:
    labels = questionnaire.dimension_labels
    level_info = questionnaire.levels.get(assessment.level or "", {})
    uncertain = set(assessment.uncertain or ())
    bars = [ScoreBar(d, labels[d], assessment.scores.get(d), d in uncertain, d == assessment.weakest)
            for d in SCORED_DIMENSIONS]
    sections = []
    for dimension in REPORT_DIMENSIONS:
        rows = []
        for question in questionnaire.questions.values():
            if question.dimension == dimension and question.id in assessment.answers:
                value = assessment.answers[question.id]
                text, unknown = answer_text(question, value)
                items = tuple(question.label_for(v) for v in value) if isinstance(value, list) else ()
                rows.append(AnswerRow(question.id, short_question(question.text), text, unknown, items))
        if rows:
            sections.append(Section(dimension, labels[dimension], rows))
    return Report(
        level=assessment.level,
        level_label=level_info.get("label"),
        level_meaning=level_info.get("meaning"),
        total=assessment.scores.get("totaal"),
        bars=bars,
        weakest=assessment.weakest,
        weakest_label=labels.get(assessment.weakest) if assessment.weakest else None,
        next_steps=list(assessment.next_steps),
        sections=sections,
        date=dutch_date(assessment),
    )
