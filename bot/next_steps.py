"""Concrete next steps that follow from the owner's actual answers, not one text per level."""
from __future__ import annotations

from collections.abc import Mapping

from bot.questionnaire import Questionnaire, load
from bot.scoring import Result, item_score

MAX_STEPS = 3


def _low_answers(answers: Mapping[str, object], ids: list[str]) -> list[tuple[float, int, str]]:
    """(item score, position, id) for the answered questions of a dimension, lowest first."""
    scored = [(item_score(answers.get(i)), pos, i) for pos, i in enumerate(ids)]
    return sorted((s, pos, i) for s, pos, i in scored if s is not None and s < 100)


def next_steps(answers: Mapping[str, object], result: Result,
               questionnaire: Questionnaire | None = None) -> list[str]:
    """Two or three steps: the weakest dimension's lowest answers first, then the next weakest."""
    q = questionnaire or load()
    order = sorted((d for d in q.dimensions if result.scores.get(d) is not None),
                   key=lambda d: (d != result.weakest, result.scores[d]))
    steps: list[str] = []
    for dimension in order:
        for _, _, question_id in _low_answers(answers, q.dimensions[dimension]):
            advice = q[question_id].advice
            if advice and advice not in steps:
                steps.append(advice)
            if len(steps) == MAX_STEPS:
                return steps
            if dimension != result.weakest and len(steps) >= 2:
                return steps
    if not steps:
        steps.append("Jullie scoren op alle onderdelen hoog. Kijk naar regelingen voor koplopers, "
                     "zoals de WBSO, de MIT-regeling of deelname aan een fieldlab.")
    return steps
