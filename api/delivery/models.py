"""The outbox (one row per lead, event and channel) and the log of every delivery attempt."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow
from bot import contract

PENDING = "wachtend"      # not yet delivered: new, or retried after a failure
DELIVERED = "bezorgd"     # done; never sent again
CANCELLED = "vervallen"   # the lead was withdrawn before it was delivered

EVENT_NEW = "nieuwe_lead"
EVENT_WITHDRAWN = contract.LEAD_WITHDRAWN
EMAIL = "email"
WEBHOOK = "webhook"


class OutboxItem(Base):
    __tablename__ = "delivery_outbox"
    __table_args__ = (UniqueConstraint("lead_id", "intermediary_id", "event", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"))  # the unique constraint indexes it
    intermediary_id: Mapped[str] = mapped_column(String(100))
    event: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    @property
    def idempotency_key(self) -> str:
        """What the receiver deduplicates on: the lead id (plus the event for a withdrawal)."""
        return self.lead_id if self.event == EVENT_NEW else f"{self.lead_id}/{self.event}"

    @property
    def failing(self) -> bool:
        return self.status == PENDING and self.attempts > 0


class DeliveryAttempt(Base):
    """One try: where it went and how it ended. No personal data (the target is the intermediary's)."""

    __tablename__ = "delivery_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("delivery_outbox.id"))
    lead_id: Mapped[str] = mapped_column(String(128), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempt: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(500))
    ok: Mapped[bool]
    detail: Mapped[str] = mapped_column(Text, default="")
