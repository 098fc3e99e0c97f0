"""A lead (the only place contact data is stored, with consent), what the owner said beyond the option labels,
the routing preview it is bound to, and the advisers' work on it (status history, notes)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.assessments.models import Assessment
from api.db import Base, UTCDateTime, utcnow
from bot import contract


class Lead(Base):
    """A warm hand-off to one intermediary; the only place contact data is stored."""

    __tablename__ = "leads"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), unique=True)
    intermediary_id: Mapped[str] = mapped_column(String(100), index=True)
    intermediary_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default=contract.LEAD_NEW)
    consent: Mapped[dict[str, Any]] = mapped_column(JSON)
    contact: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    assessment: Mapped[Assessment] = relationship()


class LeadDetails(Base):
    """What the owner said beyond the option labels, passed on with consent: the place as named,
    their own words per answer and remarks that were not an answer. Personal data: erased with
    the contact data."""

    __tablename__ = "lead_details"

    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), primary_key=True)
    place: Mapped[str | None] = mapped_column(String(120), nullable=True)
    answer_texts: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    remarks: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class RoutingPreview(Base):
    """The routing preview's decision for an assessment: the organisation named when the owner is asked
    for consent. The lead is bound to it (api/leads/handover.py), never re-routed to another intermediary."""

    __tablename__ = "routing_previews"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), primary_key=True)
    intermediary_id: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LeadStatusChange(Base):
    __tablename__ = "lead_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LeadNote(Base):
    __tablename__ = "lead_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), index=True)
    author: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
