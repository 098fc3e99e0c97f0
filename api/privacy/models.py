"""Which leads and assessments lost their personal data, when and why (the owner's request or the retention period)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow

BY_OWNER = "eigenaar"
BY_RETENTION = "bewaartermijn"


class LeadErasure(Base):
    __tablename__ = "lead_erasures"

    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AssessmentErasure(Base):
    """An assessment whose conversation and report link were erased: it can never be written again."""

    __tablename__ = "assessment_erasures"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def erased(session, *, assessment_id: str | None = None, lead_id: str | None = None) -> bool:
    """Whether the assessment or lead lost its personal data: a later write must not bring it back."""
    if assessment_id is not None and session.get(AssessmentErasure, assessment_id) is not None:
        return True
    return lead_id is not None and session.get(LeadErasure, lead_id) is not None
