"""The registry's table: one intermediary as the programme office keeps it."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow


class RegistryEntry(Base):
    """One intermediary of the registry as the programme office keeps it (seeded from the file)."""

    __tablename__ = "registry_entries"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    qualified_until: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean)
    provinces: Mapped[list[str]] = mapped_column(JSON)
    sectors: Mapped[list[str]] = mapped_column(JSON)
    expertise: Mapped[list[str]] = mapped_column(JSON)
    monthly_capacity: Mapped[int] = mapped_column(Integer)
    contact_email: Mapped[str] = mapped_column(String(200))
    webhook_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    webhook_secret: Mapped[str | None] = mapped_column(String(200), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
