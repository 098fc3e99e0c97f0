"""The stored records: an anonymous Assessment and, only with consent, a Lead with contact data."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.db import Base, UTCDateTime, utcnow

LEAD_STATUS_NEW = "nieuw"


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

    lead: Mapped[Lead | None] = relationship(back_populates="assessment")


class Lead(Base):
    """A warm hand-off to one intermediary; the only place contact data is stored."""

    __tablename__ = "leads"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), unique=True)
    intermediary_id: Mapped[str] = mapped_column(String(100), index=True)
    intermediary_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default=LEAD_STATUS_NEW)
    consent: Mapped[dict[str, Any]] = mapped_column(JSON)
    contact: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    assessment: Mapped[Assessment] = relationship(back_populates="lead")


class AssessmentLink(Base):
    """A redone scan: the new assessment and the earlier one it was started from ("Doe de scan opnieuw").

    A table of its own rather than a column, so databases made before it need no migration.
    """

    __tablename__ = "assessment_links"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), primary_key=True)
    previous_id: Mapped[str] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

class LeadDetails(Base):
    """What the owner said beyond the option labels, passed on with consent: the place as named,
    their own words per answer and remarks that were not an answer. Personal data: erased with
    the contact data. A table of its own, so databases made before it need no migration."""

    __tablename__ = "lead_details"

    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), primary_key=True)
    place: Mapped[str | None] = mapped_column(String(120), nullable=True)
    answer_texts: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    remarks: Mapped[list[str]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class RescanInvitation(Base):
    """An adviser's invitation to redo the scan; its token starts a chat linked to the lead.

    The token is the owner's key to share a new result with this lead, so it is erased with the lead.
    The row is also the e-mail's outbox entry: the delivery worker sends it and retries failures.
    """

    __tablename__ = "rescan_invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), index=True)
    intermediary_id: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="wachtend", index=True)  # as delivery_outbox
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LeadRescan(Base):
    """A redone scan the owner agreed to share with the lead's intermediary (T1, T2, ...).

    The id is generated by the bot, so attaching is an idempotent PUT.
    """

    __tablename__ = "lead_rescans"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id"), index=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), unique=True)
    invitation_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the invitation may be erased later
    consent: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
class RoutingPreview(Base):
    """The routing preview's decision for an assessment: the organisation named when the owner is asked
    for consent. The lead is bound to it (api/handover.py), never re-routed to another intermediary."""

    __tablename__ = "routing_previews"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), primary_key=True)
    intermediary_id: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


# The portal's, delivery's and privacy's tables, registered here so create_tables() makes them too.
from api.delivery import models as _delivery_models  # noqa: E402,F401
from api.identity import models as _identity_models  # noqa: E402,F401
from api.portal import models as _portal_models  # noqa: E402,F401
from api.privacy import models as _privacy_models  # noqa: E402,F401
