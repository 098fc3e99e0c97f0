"""The dashboard's raw counts, aggregated in SQL over the summary tables (one row per conversation).

Totals and every break-down use the same conditional sums, so a group's row and the total
can never be defined differently. "Accepted" reads only the status of leads, joined via
Assessment.conversation_id; no personal data is read.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from api.analytics.events import LEVELS, ROUTABLE_STATUSES, TARGET_LEVELS
from api.analytics.filters import DIMENSIONS, Filters
from api.analytics.fold import TIMEZONE
from api.analytics.tables import AnalyticsConversation as C
from api.analytics.tables import AnalyticsQuestion as Q
from api.models import Assessment, Lead

# The portal's workflow statuses in which the intermediary has taken the lead on.
ACCEPTED_STATUSES = ("in_behandeling", "contact_gelegd", "plan_van_aanpak", "afgerond")


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
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _accepted_conversations():
    return (select(Assessment.conversation_id).join(Lead, Lead.assessment_id == Assessment.id)
            .where(Lead.status.in_(ACCEPTED_STATUSES)))


def _abandoned(window: Window) -> ColumnElement[bool]:
    return and_(C.ended_at.is_(None), C.last_at < window.cutoff)


def _columns(window: Window) -> list[Any]:
    year_start, year_end = window.year_bounds()
    with_result = C.has_result.is_(True)
    return [
        func.count().label("visitors"),
        func.coalesce(func.sum(C.starts), 0).label("started_events"),
        _count(C.starts > 0).label("started"),
        _count(C.profile_done.is_(True)).label("profile"),
        _count(with_result).label("completed"),
        _count(C.wil_contact == "ja").label("wil_contact"),
        _count(C.eligibility.in_(ROUTABLE_STATUSES)).label("eligible"),
        _count(C.consent == "ja").label("consent"),
        _count(C.handover_at.is_not(None)).label("handoffs"),
        _count(C.conversation_id.in_(_accepted_conversations())).label("accepted"),
        _count(and_(C.handover_at >= year_start, C.handover_at < year_end)).label("handoffs_this_year"),
        _count(C.ended_at.is_not(None)).label("ended"),
        _count(_abandoned(window)).label("abandoned"),
        _count(and_(C.ended_at.is_(None), C.last_at >= window.cutoff)).label("in_progress"),
        *[_count(and_(with_result, C.level == level)).label(f"level_{level}") for level in LEVELS],
        _count(and_(with_result, C.level.is_not(None))).label("with_level"),
        _count(and_(with_result, C.level.in_(TARGET_LEVELS))).label("target_group"),
        _count(C.nieuwe_inzichten.is_not(None)).label("aware_answered"),
        *[_count(C.nieuwe_inzichten == value).label(f"aware_{value}") for value in ("ja", "een_beetje", "nee")],
    ]


def totals(session: Session, filters: Filters, window: Window) -> dict[str, int]:
    row = session.execute(select(*_columns(window)).where(*filters.conditions(C))).mappings().one()
    return {key: int(value or 0) for key, value in row.items()}


def breakdown(session: Session, dimension: str, filters: Filters, window: Window) -> list[dict[str, Any]]:
    """One row of counts per value of the dimension (None: conversations without it)."""
    column = getattr(C, DIMENSIONS[dimension])
    query = (select(column.label("value"), *_columns(window)).where(*filters.conditions(C))
             .group_by(column))
    return [{key: (value if key == "value" else int(value or 0)) for key, value in row.items()}
            for row in session.execute(query).mappings()]


def questions(session: Session, filters: Filters, window: Window) -> list[dict[str, Any]]:
    """Per question: conversations that were asked it, answered it, got it the first time, stopped at it."""
    per_question = (select(Q.question_id, func.max(Q.dimension).label("dimension"),
                           _count(Q.asked > 0).label("asked"),
                           _count(Q.answered.is_(True)).label("answered"),
                           _count(and_(Q.answered.is_(True), Q.first_try.is_(True))).label("first_try"))
                    .where(*filters.conditions(Q)).group_by(Q.question_id))
    dropped = dict(session.execute(
        select(C.last_question_id, func.count()).where(*filters.conditions(C), _abandoned(window),
                                                       C.last_question_id.is_not(None))
        .group_by(C.last_question_id)).all())
    found = []
    for row in session.execute(per_question).mappings():
        found.append({**row, "dropped": int(dropped.pop(row["question_id"], 0))})
    return found


def options(session: Session) -> dict[str, list[str | None]]:
    """Every value each dimension has in the data (unfiltered), for the filter menus."""
    found = {}
    for name, column_name in DIMENSIONS.items():
        column = getattr(C, column_name)
        found[name] = list(session.scalars(select(column).distinct().order_by(column)))
    return found
