"""The retention job: personal data is not kept longer than needed. Each period is a setting:

- RETENTION_DAYS (365) after a lead was closed (afgerond or afgewezen);
- RETENTION_OPEN_LEAD_DAYS (365) after the last activity (received, status change, note) on a
  lead that nobody closed;
- RETENTION_CONVERSATION_DAYS (30) after the last message of a conversation in Rasa's tracker
  store that did not lead to a lead still kept.

An expired lead loses its contact data, notes and reasons, its conversation and its report link;
it keeps its status and the anonymous figures stay for the analytics. Runs in the web service's
background worker, or by hand: `python -m api.privacy.retention`.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from api.assessments.models import Assessment
from api.audit import service as audit
from api.db import connect, utcnow
from api.leads import workflow
from api.leads.models import Lead, LeadNote, LeadStatusChange
from api.privacy import erasure, tracker_store
from api.privacy.models import BY_RETENTION, LeadErasure
from api.settings import Settings, get_settings

log = logging.getLogger(__name__)
SYSTEM = "systeem"
EXPIRING = (workflow.DONE, workflow.REJECTED)
OPEN = tuple(status for status in workflow.FLOW if status not in workflow.CLOSED)


def _kept(query):
    return query.outerjoin(LeadErasure, LeadErasure.lead_id == Lead.id).where(LeadErasure.lead_id.is_(None))


def expired_leads(session: Session, cutoff: datetime) -> list[Lead]:
    """Closed leads whose closing is older than the cutoff."""
    closed_at = (select(LeadStatusChange.lead_id, func.max(LeadStatusChange.at).label("at"))
                 .where(LeadStatusChange.to_status.in_(EXPIRING)).group_by(LeadStatusChange.lead_id).subquery())
    query = _kept(select(Lead).join(closed_at, closed_at.c.lead_id == Lead.id)
                  .where(Lead.status.in_(EXPIRING), closed_at.c.at < cutoff))
    return list(session.scalars(query))


def idle_open_leads(session: Session, cutoff: datetime) -> list[Lead]:
    """Open leads without any activity since the cutoff."""
    candidates = list(session.scalars(_kept(select(Lead).where(Lead.status.in_(OPEN), Lead.created_at < cutoff))))
    if not candidates:
        return []
    ids = [lead.id for lead in candidates]
    latest: dict[str, datetime] = {}
    for table in (LeadStatusChange, LeadNote):
        for lead_id, at in session.execute(select(table.lead_id, func.max(table.at))
                                           .where(table.lead_id.in_(ids)).group_by(table.lead_id)):
            latest[lead_id] = max(at, latest.get(lead_id, at))
    return [lead for lead in candidates if latest.get(lead.id, lead.created_at) < cutoff]


def _erase(session: Session, lead: Lead, settings: Settings, now: datetime, why: str) -> None:
    erasure.secure_delete_on(session)
    removed = erasure.forget_conversation(session, lead.assessment, settings, BY_RETENTION, now)
    erasure.erase_lead_data(session, lead, BY_RETENTION, now)
    audit.record(session, SYSTEM, "bewaartermijn_verstreken", intermediary_id=lead.intermediary_id,
                 lead_id=lead.id, tracker_events=removed, termijn=why, commit=False)
    session.commit()


def forget_idle_conversations(session: Session, settings: Settings, now: datetime) -> list[str]:
    """Deletes tracker-store conversations idle since RETENTION_CONVERSATION_DAYS, except those of a lead
    whose personal data is still kept (the lead's own period decides for those)."""
    cutoff = now - timedelta(days=settings.retention_conversation_days)
    with_lead = set(session.scalars(_kept(select(Assessment.conversation_id)
                                          .join(Lead, Lead.assessment_id == Assessment.id))))
    return tracker_store.delete_idle(settings.rasa_tracker_db_url, cutoff.timestamp(), keep=with_lead)


def run(make_session: sessionmaker, settings: Settings, now: datetime | None = None) -> list[str]:
    """Erases what has expired; returns the lead ids it erased."""
    now = now or utcnow()
    done = []
    with make_session() as session:
        for lead in expired_leads(session, now - timedelta(days=settings.retention_days)):
            _erase(session, lead, settings, now, "afgesloten")
            done.append(lead.id)
        for lead in idle_open_leads(session, now - timedelta(days=settings.retention_open_lead_days)):
            _erase(session, lead, settings, now, "open_zonder_activiteit")
            done.append(lead.id)
        conversations = forget_idle_conversations(session, settings, now)
    if done:
        log.info("retention: personal data removed from %d lead(s)", len(done))
    if conversations:
        log.info("retention: %d conversation(s) without a lead removed from the tracker store", len(conversations))
    return done


def main() -> None:
    settings = get_settings()
    erased = run(connect(settings), settings)
    print(f"{len(erased)} lead(s) past their retention period erased (closed: {settings.retention_days} days, "
          f"open without activity: {settings.retention_open_lead_days} days); conversations without a lead are "
          f"kept {settings.retention_conversation_days} days")


if __name__ == "__main__":
    main()
