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
    totals = queries.totals(session, filters, window)
    questions = queries.questions(session, filters, window)
    breakdowns = {dimension: queries.breakdown(session, dimension, filters, window) for dimension in dimensions}
    return figures.summary(totals, questions, breakdowns, filters, window.now, window.abandon_minutes)
