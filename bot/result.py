"""The result of a scan, decided in one place: the three scores and the total, the level, the
weakest dimension, the next steps and, once its three questions are answered, the eligibility.

The web service stores it (api/assessments.py) and answers the bot's write with it; the bot
shows what was stored, and its own evaluation only while the write waits in the outbox.
Pure: no Rasa, FastAPI or database import.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot import contract, eligibility, next_steps, scoring
from bot.questionnaire import Questionnaire, load


@dataclass(frozen=True)
class Evaluation:
    result: scoring.Result
    next_steps: list[str]
    eligibility: dict[str, Any] | None     # eligibility.Eligibility.to_dict(), or None before its questions

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.result.level, "scores": dict(self.result.scores), "weakest": self.result.weakest,
                "uncertain": list(self.result.uncertain), "next_steps": list(self.next_steps),
                "eligibility": self.eligibility}

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> Evaluation:
        """The evaluation as the web service stored it (its answer to the assessment PUT)."""
        result = scoring.Result(scores=dict(stored["scores"]), level=stored.get("level"),
                                weakest=stored.get("weakest"), uncertain=list(stored.get("uncertain") or []))
        return cls(result, list(stored.get("next_steps") or []), stored.get("eligibility"))


def evaluate(answers: Mapping[str, Any], questionnaire: Questionnaire | None = None,
             rules: eligibility.Rules = eligibility.DEFAULT_RULES) -> Evaluation:
    """Scores, level, weakest dimension, next steps and, when the three eligibility questions are
    answered, the eligibility outcome with its reasons."""
    q = questionnaire or load()
    result = scoring.score(answers, q)
    steps = next_steps.next_steps(answers, result, q) if result.level else []
    outcome = None
    if all(answers.get(i) is not None for i in contract.ELIGIBILITY_QUESTIONS):
        facts = {key: answers.get(key) for key in contract.ELIGIBILITY_FACTS}
        outcome = eligibility.check(facts, result.level, rules).to_dict()
    return Evaluation(result, steps, outcome)
