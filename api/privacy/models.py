"""Which leads lost their personal data, when and why (the owner's request or the retention period)."""
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
