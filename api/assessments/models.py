"""The anonymous assessment (no personal data: answers exclude the contact questions) and the link of a redone scan."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow


class Assessment(Base):
    """One owner's scan. Holds no personal data: answers exclude the contact questions."""

    __tablename__ = "assessments"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(200), index=True)
    report_token: Mapped[str] = mapped_column(String(200), unique=True)
    questionnaire_version: Mapped[str] = mapped_column(String(40))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    campaign: Mapped[dict[str, Any]] = mapped_column(JSON)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON)
    uncertain: Mapped[list[str]] = mapped_column(JSON, default=list)
    level: Mapped[str | None] = mapped_column(String(20))
    weakest: Mapped[str | None] = mapped_column(String(40))
    next_steps: Mapped[list[str]] = mapped_column(JSON)
    eligibility: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AssessmentLink(Base):
    """A redone scan: the new assessment and the earlier one it was started from ("Doe de scan opnieuw").
    """

    __tablename__ = "assessment_links"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), primary_key=True)
    previous_id: Mapped[str] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
