"""Peer comparison for the report: the average scores of comparable companies, never of fewer than ten.

Comparable means: scored with the same questionnaire version and in the same sector, or
else of the same size class by employees (0-9, 10-49, 50-249, 250+). Sector comes first
because it says more about which technology fits. The company's own scans (itself and the
scans linked to it by "Doe de scan opnieuw") never count as its peers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from api.assessments.models import Assessment, AssessmentLink
from bot import contract
from bot.questionnaire import SCORED_DIMENSIONS, Questionnaire
from bot.scoring import level_for

MIN_PEERS = 10
# Size classes by employees, [low, high): 0-9, 10-49, 50-249, 250 and more.
SIZE_CLASSES: tuple[tuple[int, int | None], ...] = tuple((low, high) for low, high, _ in contract.SIZE_CLASSES)
SCORE_KEYS = SCORED_DIMENSIONS + ("totaal",)
MAX_OWN_SCANS = 50


@dataclass(frozen=True)
class PeerGroup:
    kind: str  # "sector" or "grootte"
    description: str  # Dutch, completes "Vergeleken met ... "
    count: int
    averages: dict[str, int | None]  # per dimension and "totaal"; None where fewer than `minimum` scores
    minimum: int = MIN_PEERS


def size_class(employees: object) -> tuple[int, int | None] | None:
    if isinstance(employees, bool) or not isinstance(employees, (int, float)) or employees < 0:
        return None
    for low, high in SIZE_CLASSES:
        if high is None or employees < high:
            return low, high
    return None


def size_text(size: tuple[int, int | None]) -> str:
    low, high = size
    return f"{low} of meer medewerkers" if high is None else f"{low} tot en met {high - 1} medewerkers"


def own_scans(session: Session, assessment_id: str) -> set[str]:
    """The assessment and every scan linked to it by redo links, in both directions."""
    found, todo = {assessment_id}, [assessment_id]
    while todo and len(found) < MAX_OWN_SCANS:
        current = todo.pop()
        rows = session.execute(select(AssessmentLink.assessment_id, AssessmentLink.previous_id).where(
            or_(AssessmentLink.assessment_id == current, AssessmentLink.previous_id == current))).all()
        for pair in rows:
            for other in pair:
                if other not in found:
                    found.add(other)
                    todo.append(other)
    return found


def _averages(session: Session, condition: ColumnElement[bool], excluded: set[str],
              version: str, minimum: int) -> tuple[int, dict[str, int | None]]:
    scores = {key: Assessment.scores[key].as_float() for key in SCORE_KEYS}
    columns: list[ColumnElement[Any]] = [func.count(Assessment.id)]
    for key in SCORE_KEYS:
        columns += [func.avg(scores[key]), func.count(scores[key])]
    row = session.execute(select(*columns).where(
        Assessment.level.is_not(None), Assessment.questionnaire_version == version,
        Assessment.id.not_in(excluded), condition)).one()
    averages = {}
    for n, key in enumerate(SCORE_KEYS):
        mean, counted = row[1 + 2 * n], row[2 + 2 * n]
        averages[key] = round(mean) if mean is not None and counted >= minimum else None
    return row[0], averages


def compare(session: Session, assessment: Assessment, questionnaire: Questionnaire,
            minimum: int = MIN_PEERS) -> PeerGroup | None:
    """The first comparable group with at least `minimum` scored assessments, or None."""
    if not assessment.level:
        return None
    answers = assessment.answers or {}
    groups: list[tuple[str, str, ColumnElement[bool]]] = []
    sector = answers.get("sector")
    if isinstance(sector, str) and sector:
        label = questionnaire["sector"].label_for(sector)
        groups.append(("sector", f"bedrijven uit dezelfde branche ({label.lower()})",
                       Assessment.answers["sector"].as_string() == sector))
    size = size_class(answers.get("medewerkers"))
    if size is not None:
        employees = Assessment.answers["medewerkers"].as_float()
        condition = employees >= size[0] if size[1] is None else (employees >= size[0]) & (employees < size[1])
        groups.append(("grootte", f"bedrijven van dezelfde grootte ({size_text(size)})", condition))
    if not groups:
        return None
    excluded = own_scans(session, assessment.id)
    for kind, description, condition in groups:
        count, averages = _averages(session, condition, excluded, assessment.questionnaire_version, minimum)
        if count >= minimum:
            return PeerGroup(kind, description, count, averages, minimum)
    return None


# --- the comparison told together with the level (pure functions) ---------------------------

PLURAL = dict(zip(contract.LEVELS, ("achterblijvers", "volgers", "ontwikkelaars", "koplopers")))
ABOUT_EQUAL = 2  # points either side of the average that count as "about the same"
CLEARLY = 10     # from this many points apart the difference is "clear"


def relation(score: int, average: int) -> str:
    """'ongeveer gelijk met', 'iets boven', 'duidelijk onder', ...: the score against the average."""
    difference = score - average
    if abs(difference) <= ABOUT_EQUAL:
        return "ongeveer gelijk met"
    size = "duidelijk" if abs(difference) >= CLEARLY else "iets"
    return f"{size} {'boven' if difference > 0 else 'onder'}"


def story(level: str | None, total: int | None, group: PeerGroup | None, questionnaire: Questionnaire,
          subject: str = "Jullie scoren", to_owner: bool = True, who: str = "jullie") -> str:
    """The level and the peer comparison told together, so they never seem to contradict each
    other: "Jullie scoren iets boven vergelijkbare bedrijven (gemiddeld 30 van de 100), die zelf
    ook nog vooral achterblijvers zijn." Empty without a comparison. `to_owner` adds what it means
    for the owner; the adviser's intake leaves that out."""
    average = group.averages.get("totaal") if group is not None else None
    if level is None or total is None or average is None:
        return ""
    theirs = level_for(average, questionnaire)
    start = f"{subject} {relation(total, average)} vergelijkbare bedrijven (gemiddeld {average} van de 100)"
    levels = list(PLURAL)
    if theirs == level:
        behind = level in contract.TARGET_GROUP
        sentence = f"{start}, die zelf {'ook nog vooral' if behind else 'ook vooral'} {PLURAL[theirs]} zijn."
        if behind and to_owner:
            sentence += " Er ligt dus voor jullie én voor de hele branche nog veel winst."
        return sentence
    own = questionnaire.levels[level]["label"].lower()
    if levels.index(level) > levels.index(theirs):
        return f"{start}: die zijn gemiddeld nog {PLURAL[theirs]}, {who} al {own}."
    return f"{start}: die zijn gemiddeld al {PLURAL[theirs]}, {who} nog {own}."
