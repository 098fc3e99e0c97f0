"""The retention job: removes personal data RETENTION_DAYS after a lead was closed (afgerond or afgewezen).

The anonymous assessment figures stay for the analytics; the lead keeps its status. Runs in the
web service's background worker, or by hand: `python -m api.privacy.retention`.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from api.db import utcnow
from api.models import Lead
from api.portal import audit, workflow
from api.portal.models import LeadStatusChange
from api.privacy import erasure
from api.privacy.models import BY_RETENTION, LeadErasure
from api.settings import Settings

log = logging.getLogger(__name__)
SYSTEM = "systeem"
EXPIRING = (workflow.DONE, workflow.REJECTED)


def expired_leads(session, cutoff: datetime) -> list[Lead]:
    closed_at = (select(LeadStatusChange.lead_id, func.max(LeadStatusChange.at).label("at"))
                 .where(LeadStatusChange.to_status.in_(EXPIRING)).group_by(LeadStatusChange.lead_id).subquery())
    query = (select(Lead).join(closed_at, closed_at.c.lead_id == Lead.id)
             .outerjoin(LeadErasure, LeadErasure.lead_id == Lead.id)
             .where(Lead.status.in_(EXPIRING), closed_at.c.at < cutoff, LeadErasure.lead_id.is_(None)))
    return list(session.scalars(query))


def run(make_session: sessionmaker, settings: Settings, now: datetime | None = None) -> list[str]:
    """Erases what has expired; returns the lead ids it erased."""
    now = now or utcnow()
    cutoff = now - timedelta(days=settings.retention_days)
    done = []
    with make_session() as session:
        for lead in expired_leads(session, cutoff):
            erasure.secure_delete_on(session)
            removed = erasure.forget_conversation(session, lead.assessment, settings, BY_RETENTION, now)
            erasure.erase_lead_data(session, lead, BY_RETENTION, now)
            audit.record(session, SYSTEM, "bewaartermijn_verstreken", intermediary_id=lead.intermediary_id,
                         lead_id=lead.id, tracker_events=removed, commit=False)
            session.commit()
            done.append(lead.id)
    if done:
        log.info("retention: personal data removed from %d closed lead(s)", len(done))
    return done


def main() -> None:
    from api.db import create_tables, make_engine, make_sessionmaker
    from api.settings import get_settings

    settings = get_settings()
    engine = make_engine(settings.database_url)
    create_tables(engine)
    erased = run(make_sessionmaker(engine), settings)
    print(f"{len(erased)} lead(s) past the retention period of {settings.retention_days} days erased")


if __name__ == "__main__":
    main()
