"""The analytics tables: raw events, one summary row per conversation, and what the dashboard needs per question.

The summary rows are rebuilt from the raw events whenever a conversation gets new events (see
ingest.py), so the dashboard aggregates one small row per conversation in SQL. Which questions a
conversation was asked and answered are bit masks on that row (each question id has a fixed bit);
the rare "understood only when asked again" get a row of their own, with the filter columns
copied on, so no figure needs a join over millions of rows.
Nothing here is personal data.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow


class AnalyticsEvent(Base):
    """One event as the action server sent it; event_id makes a resend harmless."""

    __tablename__ = "analytics_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(32), unique=True)
    conversation_id: Mapped[str] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FilterColumns:
    """The columns the dashboard filters on, on both the conversation and the question rows."""

    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    week: Mapped[str] = mapped_column(String(8))
    utm_source: Mapped[str | None] = mapped_column(String(200))
    utm_campaign: Mapped[str | None] = mapped_column(String(200))
    site: Mapped[str | None] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(40))
    sector: Mapped[str | None] = mapped_column(String(40))


FILTER_COLUMNS = ("first_at", "week", "utm_source", "utm_campaign", "site", "province", "sector")


class AnalyticsConversation(FilterColumns, Base):
    """What one conversation reached, folded from its events (fold.py)."""

    __tablename__ = "analytics_conversations"
    __table_args__ = tuple(Index(f"ix_analytics_conversations_{name}", name) for name in FILTER_COLUMNS)

    conversation_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)
    starts: Mapped[int] = mapped_column(Integer, default=0)
    utm_medium: Mapped[str | None] = mapped_column(String(200))
    profile_done: Mapped[bool] = mapped_column(Boolean, default=False)
    has_result: Mapped[bool] = mapped_column(Boolean, default=False)
    level: Mapped[str | None] = mapped_column(String(20))
    score_totaal: Mapped[int | None] = mapped_column(Integer)
    score_technologie: Mapped[int | None] = mapped_column(Integer)
    score_organisatie: Mapped[int | None] = mapped_column(Integer)
    score_businessmodel: Mapped[int | None] = mapped_column(Integer)
    size_class: Mapped[str | None] = mapped_column(String(10))
    nieuwe_inzichten: Mapped[str | None] = mapped_column(String(20))
    wil_contact: Mapped[str | None] = mapped_column(String(10))
    eligibility: Mapped[str | None] = mapped_column(String(20))
    consent: Mapped[str | None] = mapped_column(String(10))
    handover_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    intermediary_id: Mapped[str | None] = mapped_column(String(100))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_question_id: Mapped[str | None] = mapped_column(String(64))
    asked_mask: Mapped[int] = mapped_column(BigInteger, default=0)     # bits of AnalyticsQuestionBit
    answered_mask: Mapped[int] = mapped_column(BigInteger, default=0)


class AnalyticsQuestionBit(Base):
    """The fixed bit of a question id in the masks, given on first sight and never changed."""

    __tablename__ = "analytics_question_bits"

    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    bit: Mapped[int] = mapped_column(Integer, unique=True)
    dimension: Mapped[str] = mapped_column(String(40))


class AnalyticsRetry(FilterColumns, Base):
    """A question a conversation answered only after it was asked again (not understood the first time)."""

    __tablename__ = "analytics_retries"
    # Without rowid: a filtered count reads the rows in key order, without a lookup per row.
    __table_args__ = (Index("ix_analytics_retries_conversation", "conversation_id"), {"sqlite_with_rowid": False})

    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(200), primary_key=True)
