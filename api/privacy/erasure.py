"""Erasure of personal data: at the owner's request (the report page) or after the retention period.

What goes: the lead's contact data, the advisers' notes and rejection reasons, the owner's
report link and conversation id, and the whole conversation in Rasa's tracker store. What
stays: the anonymous assessment figures (for the analytics) and, for the intermediary, the
lead id with the status `ingetrokken`. The tracker store is erased first: if that fails,
nothing is claimed and the owner can try again.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from api import assessments, lead_details, rescans
from api.db import utcnow
from api.delivery import outbox
from api.errors import NotFound
from api.models import Assessment, Lead
from api.portal import audit, workflow
from api.portal.models import LeadNote, LeadStatusChange
from api.privacy import tracker_store
from api.privacy.models import BY_OWNER, LeadErasure
from api.settings import Settings

OWNER = "eigenaar"


@dataclass(frozen=True)
class Erased:
    assessment_id: str
    lead_id: str | None
    tracker_events: int


def secure_delete_on(session: Session) -> None:
    """SQLite: overwrite freed space, so erased text does not linger in the file."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete=ON")


def erase_lead_data(session: Session, lead: Lead, reason: str, now: datetime) -> None:
    """Removes the lead's personal data in the web service's database (the caller commits)."""
    lead.contact = {}
    lead_details.erase(session, lead.id)
    rescans.forget_invitations(session, lead.id)
    session.execute(delete(LeadNote).where(LeadNote.lead_id == lead.id))
    session.execute(update(LeadStatusChange).where(LeadStatusChange.lead_id == lead.id).values(reason=None))
    if session.get(LeadErasure, lead.id) is None:
        session.add(LeadErasure(lead_id=lead.id, reason=reason, at=now))


def forget_conversation(session: Session, assessment: Assessment, settings: Settings) -> int:
    """Erases the tracker store's conversation and unlinks the assessment from it and its report link."""
    removed = tracker_store.delete_conversation(settings.rasa_tracker_db_url, assessment.conversation_id)
    assessment.conversation_id = "verwijderd"
    assessment.report_token = "verwijderd-" + secrets.token_urlsafe(32)
    return removed


def erase_by_report_token(session: Session, report_token: str, settings: Settings) -> Erased:
    """The owner's "verwijder mijn gegevens". Raises NotFound for an unknown token."""
    assessment = assessments.by_token(session, report_token)
    if assessment is None:
        raise NotFound("report not found")
    now = utcnow()
    secure_delete_on(session)
    removed = forget_conversation(session, assessment, settings)
    # A re-scan shared with an adviser belongs to the same owner and lead as the first scan.
    lead = assessment.lead or rescans.lead_of_rescan(session, assessment.id)
    if lead is not None:
        for other in rescans.scans_of(session, lead):  # the owner's other conversations with this lead
            if other.id != assessment.id:
                removed += forget_conversation(session, other, settings)
        erase_lead_data(session, lead, BY_OWNER, now)
        rescans.forget_shared(session, lead.id)
        if lead.status != workflow.WITHDRAWN:
            session.add(LeadStatusChange(lead_id=lead.id, from_status=lead.status, to_status=workflow.WITHDRAWN,
                                         reason=None, by=OWNER, at=now))
            lead.status = workflow.WITHDRAWN
        outbox.withdraw(session, lead)
    audit.record(session, OWNER, "gegevens_verwijderd", intermediary_id=lead.intermediary_id if lead else None,
                 lead_id=lead.id if lead else None, assessment_id=assessment.id, tracker_events=removed,
                 commit=False)
    session.commit()
    return Erased(assessment.id, lead.id if lead else None, removed)
