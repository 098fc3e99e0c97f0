"""Turns a stored assessment into what the report page and PDF show, with texts from bot.questionnaire.

Optionally with the earlier scan it redoes (change per dimension) and a peer group (api/reports/peers.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.assessments.models import Assessment
from api.dutch import MONTHS
from api.reports.peers import PeerGroup
from api.reports.peers import relation as peer_relation
from api.reports.peers import story as peer_story
from bot.questionnaire import SCORED_DIMENSIONS, WEET_NIET, Question, Questionnaire

# The answer sections of the report, in conversation order; eligibility and contact stay out.
REPORT_DIMENSIONS = ("profiel",) + SCORED_DIMENSIONS + ("knelpunten", "interesse")
WEET_NIET_TEXT = "weet ik niet"
MINUS = "\u2212"


def signed(change: int | None) -> str:
    if change is None:
        return ""
    if change == 0:
        return "0"
    return f"+{change}" if change > 0 else f"{MINUS}{-change}"


@dataclass(frozen=True)
class ScoreBar:
    dimension: str
    label: str
    score: int | None
    uncertain: bool = False
    weakest: bool = False
    previous: int | None = None  # the earlier scan's score, when this scan redoes one
    peer: int | None = None  # the peer group's average

    @property
    def change(self) -> int | None:
        return None if self.score is None or self.previous is None else self.score - self.previous

    @property
    def change_text(self) -> str:
        return signed(self.change)

    @property
    def peer_relation(self) -> str:
        """'iets boven', 'ongeveer gelijk met', ...: the words of the report's peer story (api.peers)."""
        if self.score is None or self.peer is None:
            return ""
        return peer_relation(self.score, self.peer)

    @property
    def peer_text(self) -> str:
        """How the score relates to the peer average, in words: 'iets hoger dan gemiddeld'."""
        word = self.peer_word
        return "" if not word else ("ongeveer gemiddeld" if word == "ongeveer gelijk" else f"{word} dan gemiddeld")

    @property
    def peer_word(self) -> str:
        """peer_text in two words, for narrow tables: 'iets hoger', 'duidelijk lager', 'ongeveer gelijk'."""
        relation = self.peer_relation
        if not relation:
            return ""
        if relation == "ongeveer gelijk met":
            return "ongeveer gelijk"
        size, direction = relation.split()
        return f"{size} {'hoger' if direction == 'boven' else 'lager'}"

    @property
    def description(self) -> str:
        """The bar in words: the chart's text alternative."""
        parts = [f"{self.label}: {self.score if self.score is not None else 'geen score'} van 100"]
        if self.weakest:
            parts.append("zwakste onderdeel")
        if self.previous is not None:
            difference = f", verschil {self.change_text}" if self.change is not None else ""
            parts.append(f"vorige scan {self.previous}{difference}")
        if self.peer is not None:
            parts.append(f"gemiddelde van vergelijkbare bedrijven {self.peer}")
        return "; ".join(parts)


@dataclass(frozen=True)
class LevelStep:
    level: str
    label: str
    low: int
    high: int
    current: bool


@dataclass(frozen=True)
class Previous:
    date: str
    level_label: str | None
    total: int | None
    summary: str


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
    levels: list[LevelStep] = field(default_factory=list)
    previous: Previous | None = None
    peers: PeerGroup | None = None
    peer_story: str = ""  # the level and the peer comparison told together (api.peers.story)

    @property
    def total_change(self) -> int | None:
        if self.previous is None or self.previous.total is None or self.total is None:
            return None
        return self.total - self.previous.total

    @property
    def total_change_text(self) -> str:
        return signed(self.total_change)

    @property
    def total_peer_word(self) -> str:
        average = self.peers.averages.get("totaal") if self.peers is not None else None
        return ScoreBar("totaal", "Totaal", self.total, peer=average).peer_word


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


def level_steps(questionnaire: Questionnaire, current: str | None) -> list[LevelStep]:
    """The four levels, lowest first, with the total scores each one covers."""
    names = list(questionnaire.levels)
    bounds = [0] + [questionnaire.level_bounds[name] for name in names[1:]] + [101]
    return [LevelStep(name, questionnaire.levels[name]["label"], bounds[i], bounds[i + 1] - 1, name == current)
            for i, name in enumerate(names)]


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def change_summary(bars: list[ScoreBar], since: str) -> str:
    """One or two plain Dutch sentences on what changed per dimension since the earlier scan."""
    up = [f"{b.label.lower()} ({b.change_text})" for b in bars if b.change is not None and b.change > 0]
    down = [f"{b.label.lower()} ({b.change_text})" for b in bars if b.change is not None and b.change < 0]
    same = [b.label.lower() for b in bars if b.change == 0]
    sentences = []
    if up:
        sentences.append(f"Sinds je vorige scan van {since} ben je vooruitgegaan op {_joined(up)}.")
    if down:
        sentences.append(f"Op {_joined(down)} ben je achteruitgegaan." if up else
                         f"Sinds je vorige scan van {since} ben je achteruitgegaan op {_joined(down)}.")
    if same:
        verb = "is" if len(same) == 1 else "zijn"
        sentences.append(f"{_joined(same).capitalize()} {verb} gelijk gebleven." if sentences else
                         f"Sinds je vorige scan van {since} {verb} {_joined(same)} gelijk gebleven.")
    if not sentences:
        sentences.append(f"Je vorige scan van {since} is niet op elk onderdeel te vergelijken.")
    return " ".join(sentences)


def build(assessment: Assessment, questionnaire: Questionnaire, previous: Assessment | None = None,
          peers: PeerGroup | None = None) -> Report:
    labels = questionnaire.dimension_labels
    level_info = questionnaire.levels.get(assessment.level or "", {})
    uncertain = set(assessment.uncertain or ())
    before = previous.scores if previous is not None else {}
    averages = peers.averages if peers is not None else {}
    bars = [ScoreBar(d, labels[d], assessment.scores.get(d), d in uncertain, d == assessment.weakest,
                     before.get(d), averages.get(d))
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
    earlier = None
    if previous is not None:
        since = dutch_date(previous)
        earlier_level = questionnaire.levels.get(previous.level or "", {})
        earlier = Previous(since, earlier_level.get("label"), previous.scores.get("totaal"),
                           change_summary(bars, since))
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
        levels=level_steps(questionnaire, assessment.level),
        previous=earlier,
        peers=peers,
        peer_story=peer_story(assessment.level, assessment.scores.get("totaal"), peers, questionnaire),
    )
