"""Erasure of personal data: at the owner's request (the report page) or after the retention period.

What goes: the lead's contact data, the advisers' notes and rejection reasons, the owner's
report link and conversation id, campaign values that look like an e-mail address or phone
number, and the whole conversation in Rasa's tracker store. What stays: the anonymous
assessment figures (for the analytics) and, for the intermediary, the lead id with its status
(`ingetrokken` after the owner's request). An erased assessment or lead is recorded
(AssessmentErasure, LeadErasure), so no later write can bring the data back. The tracker
store is erased first: if that fails, nothing is claimed and the owner can try again.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from api.assessments import service as assessments
from api.assessments.models import Assessment
from api.audit import service as audit
from api.db import utcnow
from api.delivery import outbox
from api.errors import NotFound
from api.leads import details as lead_details
from api.leads import workflow
from api.leads.models import Lead, LeadNote, LeadStatusChange
from api.personal import without_personal
from api.privacy import tracker_store
from api.privacy.models import BY_OWNER, AssessmentErasure, LeadErasure, erased
from api.rescans import service as rescans
from api.settings import Settings

OWNER = "eigenaar"
ERASED = "verwijderd"


@dataclass(frozen=True)
class Erased:
    assessment_ids: list[str]
    lead_ids: list[str]
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
    outbox.scrub(session, lead.id)
    if session.get(LeadErasure, lead.id) is None:
        session.add(LeadErasure(lead_id=lead.id, reason=reason, at=now))


def unlink_assessment(session: Session, assessment: Assessment, reason: str, now: datetime) -> None:
    """The assessment keeps its figures but loses its conversation id, report link and personal-looking
    campaign values, and is marked erased (the caller commits)."""
    assessment.conversation_id = ERASED
    assessment.report_token = f"{ERASED}-{secrets.token_urlsafe(32)}"
    assessment.campaign = without_personal(assessment.campaign or {})
    if session.get(AssessmentErasure, assessment.id) is None:
        session.add(AssessmentErasure(assessment_id=assessment.id, reason=reason, at=now))


def forget_conversation(session: Session, assessment: Assessment, settings: Settings, reason: str,
                        now: datetime) -> int:
    """Erases the tracker store's conversation of this assessment and unlinks the assessment from it."""
    removed = tracker_store.delete_conversation(settings.rasa_tracker_db_url, assessment.conversation_id)
    unlink_assessment(session, assessment, reason, now)
    return removed


def withdraw(session: Session, lead: Lead, now: datetime) -> None:
    """The owner withdrew: the lead becomes `ingetrokken` and its intermediary is told (the caller commits)."""
    if lead.status != workflow.WITHDRAWN:
        session.add(LeadStatusChange(lead_id=lead.id, from_status=lead.status, to_status=workflow.WITHDRAWN,
                                     reason=None, by=OWNER, at=now))
        lead.status = workflow.WITHDRAWN
    outbox.withdraw(session, lead)


def scans_of(session: Session, conversation_id: str, lock: bool = False) -> list[Assessment]:
    """Every scan of a conversation (also one begun again with "opnieuw beginnen")."""
    query = select(Assessment).where(Assessment.conversation_id == conversation_id)
    return list(session.scalars(query.with_for_update() if lock else query))


def leads_of(session: Session, scans: list[Assessment]) -> list[Lead]:
    return list(session.scalars(select(Lead).where(Lead.assessment_id.in_([scan.id for scan in scans]))))


def erase_by_report_token(session: Session, report_token: str, settings: Settings) -> Erased:
    """The owner's "verwijder mijn gegevens": every scan of the conversation (also one begun again with
    "opnieuw beginnen") and each of their leads. Raises NotFound for an unknown token."""
    assessment = assessments.by_token(session, report_token)
    if assessment is None or erased(session, assessment_id=assessment.id):
        raise NotFound("report not found")
    now = utcnow()
    secure_delete_on(session)
    conversation_id = assessment.conversation_id
    removed = tracker_store.delete_conversation(settings.rasa_tracker_db_url, conversation_id)
    scans = scans_of(session, conversation_id, lock=True)
    for scan in scans:
        unlink_assessment(session, scan, BY_OWNER, now)
    session.flush()  # holds the write lock (SQLite) before the leads are read: no lead can slip in between
    leads = leads_of(session, scans)
    # A re-scan shared with an adviser belongs to the same owner and lead as the first scan.
    shared = rescans.lead_of_rescan(session, assessment.id)
    if shared is not None and shared.id not in {lead.id for lead in leads}:
        leads.append(shared)
    for lead in leads:
        for other in rescans.scans_of(session, lead):  # the owner's other conversations with this lead
            if other.id not in {scan.id for scan in scans} and not erased(session, assessment_id=other.id):
                removed += forget_conversation(session, other, settings, BY_OWNER, now)
        erase_lead_data(session, lead, BY_OWNER, now)
        rescans.forget_shared(session, lead.id)
        withdraw(session, lead, now)
    for scan in scans:
        own = [lead for lead in leads if lead.assessment_id == scan.id]
        audit.record(session, OWNER, "gegevens_verwijderd", intermediary_id=own[0].intermediary_id if own else None,
                     lead_id=own[0].id if own else None, assessment_id=scan.id, tracker_events=removed, commit=False)
    session.commit()
    return Erased([scan.id for scan in scans], [lead.id for lead in leads], removed)
