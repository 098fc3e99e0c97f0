"""The dashboard's raw counts, aggregated in SQL over one summary row per conversation.

A break-down is one grouped scan with a filtered count per figure; the total is the sum of the
groups (every conversation is in exactly one group), so a group's row and the total can never be
defined differently. "Accepted" is counted from the leads side (a few thousand rows), joined via
Assessment.conversation_id; only the lead's status is read, no personal data. Per question, the
asked/answered bit masks are grouped (a few hundred distinct masks) and expanded in Python.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from api.analytics.filters import DIMENSIONS, Filters
from api.analytics.fold import TIMEZONE
from api.analytics.models import AnalyticsConversation as C
from api.analytics.models import AnalyticsQuestionBit, AnalyticsRetry
from api.assessments.models import Assessment
from api.leads import workflow
from api.leads.models import Lead
from bot import contract

# The workflow statuses in which the intermediary has taken the lead on.
ACCEPTED_STATUSES = (workflow.IN_PROGRESS, workflow.CONTACTED, workflow.PLAN, workflow.DONE)


@dataclass(frozen=True)
class Window:
    """What the counts depend on besides the data: the moment, and when a silence means 'abandoned'."""

    now: datetime
    abandon_minutes: int

    @property
    def cutoff(self) -> datetime:
        return self.now - timedelta(minutes=self.abandon_minutes)

    @property
    def year(self) -> int:
        return self.now.astimezone(TIMEZONE).year

    def year_bounds(self) -> tuple[datetime, datetime]:
        return (datetime(self.year, 1, 1, tzinfo=TIMEZONE), datetime(self.year + 1, 1, 1, tzinfo=TIMEZONE))


def _count(condition: ColumnElement[bool]) -> Any:
    return func.count().filter(condition)


def _abandoned(window: Window) -> ColumnElement[bool]:
    return and_(C.ended_at.is_(None), C.last_at < window.cutoff)


def _columns(window: Window) -> list[Any]:
    year_start, year_end = window.year_bounds()
    with_result = C.has_result.is_(True)
    return [
        func.count().label("conversations"),
        func.coalesce(func.sum(C.starts), 0).label("started_events"),
        _count(C.starts > 0).label("started"),
        _count(C.profile_done.is_(True)).label("profile"),
        _count(with_result).label("completed"),
        _count(C.wil_contact == "ja").label("wil_contact"),
        _count(C.eligibility.in_(contract.ROUTABLE)).label("eligible"),
        _count(C.consent == "ja").label("consent"),
        _count(C.handover_at.is_not(None)).label("handoffs"),
        _count(and_(C.handover_at >= year_start, C.handover_at < year_end)).label("handoffs_this_year"),
        _count(C.ended_at.is_not(None)).label("ended"),
        _count(_abandoned(window)).label("abandoned"),
        _count(and_(C.ended_at.is_(None), C.last_at >= window.cutoff)).label("in_progress"),
        *[_count(and_(with_result, C.level == level)).label(f"level_{level}") for level in contract.LEVELS],
        _count(and_(with_result, C.level.is_not(None))).label("with_level"),
        _count(and_(with_result, C.level.in_(contract.TARGET_GROUP))).label("target_group"),
        _count(C.nieuwe_inzichten.is_not(None)).label("aware_answered"),
        *[_count(C.nieuwe_inzichten == value).label(f"aware_{value}") for value in ("ja", "een_beetje", "nee")],
    ]


def breakdown(session: Session, dimension: str, filters: Filters, window: Window) -> list[dict[str, Any]]:
    """One row of counts per value of the dimension (None: conversations without it)."""
    column = getattr(C, DIMENSIONS[dimension])
    conditions = filters.conditions(C)
    query = select(column.label("value"), *_columns(window)).where(*conditions).group_by(column)
    rows = [{key: (value if key == "value" else int(value or 0)) for key, value in row.items()}
            for row in session.execute(query).mappings()]
    accepted: dict[Any, int] = dict(session.execute(
        select(column, func.count(func.distinct(C.conversation_id)))
        .join(Assessment, Assessment.conversation_id == C.conversation_id)
        .join(Lead, Lead.assessment_id == Assessment.id)
        .where(Lead.status.in_(ACCEPTED_STATUSES), *conditions).group_by(column)).all())
    for row in rows:
        row["accepted"] = int(accepted.get(row["value"], 0))
    return rows


def trend(session: Session, filters: Filters) -> list[dict[str, Any]]:
    """Started and completed conversations per week: the dashboard's line chart, in one light scan."""
    query = (select(C.week.label("value"), _count(C.starts > 0).label("started"),
                    _count(C.has_result.is_(True)).label("completed"))
             .where(*filters.conditions(C)).group_by(C.week).order_by(C.week))
    return [dict(row) for row in session.execute(query).mappings()]


def totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The sum of a break-down's groups: the figures of all the filtered conversations."""
    found: dict[str, int] = defaultdict(int)
    for row in rows:
        for key, value in row.items():
            if key != "value":
                found[key] += value
    return found  # a figure of no conversations at all is 0


def questions(session: Session, filters: Filters, window: Window) -> list[dict[str, Any]]:
    """Per question: conversations that were asked it, answered it, got it the first time, stopped at it."""
    bits = {bit: (qid, dimension) for qid, bit, dimension in session.execute(
        select(AnalyticsQuestionBit.question_id, AnalyticsQuestionBit.bit, AnalyticsQuestionBit.dimension))}
    asked: dict[int, int] = defaultdict(int)
    answered: dict[int, int] = defaultdict(int)
    masks = (select(C.asked_mask, C.answered_mask, func.count()).where(*filters.conditions(C))
             .group_by(C.asked_mask, C.answered_mask))
    for asked_mask, answered_mask, conversations in session.execute(masks):
        for bit in bits:
            if asked_mask >> bit & 1:
                asked[bit] += conversations
            if answered_mask >> bit & 1:
                answered[bit] += conversations
    retried = dict(session.execute(select(AnalyticsRetry.question_id, func.count())
                                   .where(*filters.conditions(AnalyticsRetry))
                                   .group_by(AnalyticsRetry.question_id)).all())
    dropped = dict(session.execute(
        select(C.last_question_id, func.count()).where(*filters.conditions(C), _abandoned(window),
                                                       C.last_question_id.is_not(None))
        .group_by(C.last_question_id)).all())
    return [{"question_id": qid, "dimension": dimension, "asked": asked[bit], "answered": answered[bit],
             "first_try": answered[bit] - int(retried.get(qid, 0)), "dropped": int(dropped.get(qid, 0))}
            for bit, (qid, dimension) in bits.items() if asked[bit]]


def options(session: Session) -> dict[str, list[str | None]]:
    """Every value each dimension has in the data (unfiltered), for the filter menus."""
    found = {}
    for name, column_name in DIMENSIONS.items():
        column = getattr(C, column_name)
        found[name] = list(session.scalars(select(column).distinct().order_by(column)))
    return found
