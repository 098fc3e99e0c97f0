"""The dashboard's filters and break-downs, shared by the page, the CSV and the JSON summary.

Every filter narrows the conversations by where they came from (campaign, source, site),
who they are (province, sector: known from the result on) or when they started (ISO week,
or a date range in Dutch local time). The value NONE ("_geen") selects conversations
without that attribute, e.g. visitors who came without a campaign.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy import ColumnElement

from api.analytics.fold import TIMEZONE
from api.errors import Invalid
from api.schemas import EARLIEST, LATEST

NONE = "_geen"
WEEK = re.compile(r"^\d{4}-W\d{2}$")

# Break-down name -> column on the analytics tables.
DIMENSIONS: dict[str, str] = {
    "campaign": "utm_campaign", "source": "utm_source", "site": "site",
    "province": "province", "sector": "sector", "week": "week",
}


@dataclass(frozen=True)
class Filters:
    campaign: str | None = None
    source: str | None = None
    site: str | None = None
    province: str | None = None
    sector: str | None = None
    week: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def conditions(self, table: Any) -> list[ColumnElement[bool]]:
        """SQL conditions on a table with the filter columns (conversations or questions)."""
        found: list[ColumnElement[bool]] = []
        for name, column_name in DIMENSIONS.items():
            value = getattr(self, name)
            if value is None:
                continue
            column = getattr(table, column_name)
            found.append(column.is_(None) if value == NONE else column == value)
        if self.date_from is not None:
            found.append(table.first_at >= local_midnight(self.date_from))
        if self.date_to is not None:
            found.append(table.first_at < local_midnight(self.date_to + timedelta(days=1)))
        return found

    def as_query(self) -> dict[str, str]:
        """The filters as query parameters, to keep them in links (CSV, break-down tabs)."""
        return {key: value.isoformat() if isinstance(value, date) else value
                for key, value in asdict(self).items() if value is not None}

    @property
    def active(self) -> bool:
        return bool(self.as_query())


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), TIMEZONE)


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value[:200] or None


def _day(name: str, value: str | None) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"{name}: '{value[:40]}' is not a date (YYYY-MM-DD)") from None
    if not EARLIEST.date() <= day < LATEST.date():
        raise Invalid(f"{name}: {day.isoformat()} is not between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}")
    return day


def from_query(
    campaign: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    site: Annotated[str | None, Query(max_length=200)] = None,
    province: Annotated[str | None, Query(max_length=200)] = None,
    sector: Annotated[str | None, Query(max_length=200)] = None,
    week: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(max_length=20)] = None,
    date_to: Annotated[str | None, Query(max_length=20)] = None,
) -> Filters:
    """A FastAPI dependency: empty form fields mean 'no filter'."""
    week = _text(week)
    if week is not None and week != NONE and not WEEK.fullmatch(week):
        raise Invalid(f"week: '{week}' is not an ISO week like 2025-W47")
    first, last = _day("date_from", date_from), _day("date_to", date_to)
    if first and last and first > last:
        raise Invalid("date_from is after date_to")
    return Filters(campaign=_text(campaign), source=_text(source), site=_text(site),
                   province=_text(province), sector=_text(sector), week=week, date_from=first, date_to=last)
