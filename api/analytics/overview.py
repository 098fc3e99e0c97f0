"""The whole overview for one set of filters: SQL counts (queries.py) turned into public figures (figures.py)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from api.analytics import figures, queries
from api.analytics.filters import DIMENSIONS, Filters
from api.analytics.queries import Window


def build(session: Session, filters: Filters, window: Window,
          dimensions: Iterable[str] = tuple(DIMENSIONS)) -> dict[str, Any]:
    """The break-downs asked for (at least one), the total as the sum of the first, and the questions."""
    breakdowns = {dimension: queries.breakdown(session, dimension, filters, window) for dimension in dimensions}
    totals = queries.totals(next(iter(breakdowns.values())))
    questions = queries.questions(session, filters, window)
    return figures.summary(totals, questions, breakdowns, filters, window.now, window.abandon_minutes)
