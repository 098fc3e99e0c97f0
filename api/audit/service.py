"""The audit log: every view and change in the portal and the API. Ids and codes only, never personal data."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit.models import AuditEntry


def record(session: Session, actor: str, action: str, *, intermediary_id: str | None = None,
           lead_id: str | None = None, commit: bool = True, **detail: Any) -> AuditEntry:
    entry = AuditEntry(actor=actor, action=action, intermediary_id=intermediary_id, lead_id=lead_id,
                       detail=detail)
    session.add(entry)
    if commit:
        session.commit()
    return entry


def recent(session: Session, limit: int = 200, lead_id: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if lead_id is not None:
        query = query.where(AuditEntry.lead_id == lead_id)
    return list(session.scalars(query))
