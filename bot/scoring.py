"""Scores the answers per dimension and gives the maturity level (questionnaire.md)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from bot import contract
from bot.questionnaire import SCORED_DIMENSIONS, Questionnaire, load

LEVELS = contract.LEVELS


@dataclass(frozen=True)
class Result:
    scores: dict[str, int | None]
    level: str | None
    weakest: str | None
    uncertain: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def item_score(value: object) -> float | None:
    """Answer value 1-4 gives (v - 1) / 3 * 100; anything else (weet_niet, empty) None."""
    if str(value) not in {"1", "2", "3", "4"}:
        return None
    return (int(str(value)) - 1) / 3 * 100


def level_for(total: int, questionnaire: Questionnaire | None = None) -> str:
    bounds = (questionnaire or load()).level_bounds
    if total >= bounds["koploper"]:
        return "koploper"
    if total >= bounds["ontwikkelaar"]:
        return "ontwikkelaar"
    if total >= bounds["volger"]:
        return "volger"
    return "achterblijver"


def score(answers: Mapping[str, object], questionnaire: Questionnaire | None = None) -> Result:
    q = questionnaire or load()
    scores: dict[str, int | None] = {}
    uncertain = []
    for dimension, ids in q.dimensions.items():
        items = [s for s in (item_score(answers.get(i)) for i in ids) if s is not None]
        scores[dimension] = round(sum(items) / len(items)) if items else None
        if len(items) < q.uncertain_below_share * len(ids):
            uncertain.append(dimension)
    known = {d: s for d in SCORED_DIMENSIONS if (s := scores[d]) is not None}
    total = round(sum(known.values()) / len(known)) if known else None
    scores["totaal"] = total
    weakest = min(known, key=known.__getitem__, default=None)
    return Result(scores=scores, level=level_for(total, q) if total is not None else None,
                  weakest=weakest, uncertain=uncertain)
