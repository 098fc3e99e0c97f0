"""The outbox: what must still be delivered to whom.

Rows are written right after the change that causes them; `reconcile()` (run by the worker
before every pass) queues any new lead that still lacks its notification, so a crash between
storing a lead and queueing it loses nothing.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.db import utcnow
from api.delivery.models import (
    CANCELLED,
    DELIVERED,
    EMAIL,
    EVENT_NEW,
    EVENT_WITHDRAWN,
    PENDING,
    WEBHOOK,
    DeliveryAttempt,
    OutboxItem,
)
from api.leads import workflow
from api.leads.models import Lead
from api.registry import service as registry
from bot import routing


def _ensure(session: Session, lead: Lead, event: str, channel: str, now: datetime | None = None) -> OutboxItem:
    # no autoflush: the row queued just before (the e-mail) is written at the commit, where a row the worker
    # queued at the same moment is a lost race (_commit_once), not an error in the middle of the request
    with session.no_autoflush:
        found = session.scalar(select(OutboxItem).where(
            OutboxItem.lead_id == lead.id, OutboxItem.intermediary_id == lead.intermediary_id,
            OutboxItem.event == event, OutboxItem.channel == channel))
    if found is None:
        found = OutboxItem(lead_id=lead.id, intermediary_id=lead.intermediary_id, event=event, channel=channel,
                           status=PENDING, attempts=0, next_attempt_at=now or utcnow())
        session.add(found)
    return found


def enqueue_new_lead(session: Session, lead: Lead, intermediary: routing.Intermediary | None,
                     now: datetime | None = None) -> list[OutboxItem]:
    """E-mail always; a webhook too when the registry has one. Repeating it adds nothing."""
    channels = [EMAIL] + ([WEBHOOK] if intermediary is not None and intermediary.webhook_url else [])
    return [_ensure(session, lead, EVENT_NEW, channel, now) for channel in channels]


def enqueue_stored_lead(session: Session, lead: Lead) -> list[OutboxItem]:
    """After PUT /api/v1/leads (the registry was read to route it): queue the notifications for
    the lead's intermediary and commit."""
    entry = registry.get(session, lead.intermediary_id)
    items = enqueue_new_lead(session, lead, registry.to_intermediary(entry) if entry else None)
    _commit_once(session)
    return items


def _commit_once(session: Session) -> None:
    """The worker's reconcile() may queue the same row at the same moment: one of them wins, both are fine."""
    try:
        session.commit()
    except IntegrityError:
        session.rollback()


def reconcile(session: Session, registry_file: Path, now: datetime | None = None) -> list[str]:
    """Queues the notification of every `nieuw` lead that has none for its current intermediary."""
    missing = list(session.scalars(
        select(Lead).outerjoin(OutboxItem, and_(OutboxItem.lead_id == Lead.id,
                                                OutboxItem.intermediary_id == Lead.intermediary_id,
                                                OutboxItem.event == EVENT_NEW))
        .where(Lead.status == workflow.NEW, OutboxItem.id.is_(None))))
    if not missing:
        return []
    known = {i.id: i for i in registry.load(session, registry_file)}
    for lead in missing:
        enqueue_new_lead(session, lead, known.get(lead.intermediary_id), now)
    _commit_once(session)
    return [lead.id for lead in missing]


def withdraw(session: Session, lead: Lead) -> None:
    """The lead was withdrawn: undelivered notices lapse, delivered ones get a withdrawal notice.

    Compare-and-set against the worker: only a notice still waiting lapses; one the worker is sending
    right now lapses too, and the worker, seeing that when it records the delivery, queues the
    withdrawal itself (worker._record). The caller commits.
    """
    session.execute(update(OutboxItem).where(OutboxItem.lead_id == lead.id, OutboxItem.event == EVENT_NEW,
                                             OutboxItem.status == PENDING)
                    .values(status=CANCELLED, last_error="lead ingetrokken voor bezorging")
                    .execution_options(synchronize_session="fetch"))
    for item in for_lead(session, lead.id):
        if item.event == EVENT_NEW and item.status == DELIVERED:
            notice_withdrawal(session, item)


def notice_withdrawal(session: Session, delivered: OutboxItem) -> None:
    """Queues the withdrawal notice for the recipient and channel of a delivered notice (once)."""
    notice = session.scalar(select(OutboxItem).where(
        OutboxItem.lead_id == delivered.lead_id, OutboxItem.intermediary_id == delivered.intermediary_id,
        OutboxItem.event == EVENT_WITHDRAWN, OutboxItem.channel == delivered.channel))
    if notice is None:
        session.add(OutboxItem(lead_id=delivered.lead_id, intermediary_id=delivered.intermediary_id,
                               event=EVENT_WITHDRAWN, channel=delivered.channel, status=PENDING, attempts=0))


def scrub(session: Session, lead_id: str) -> None:
    """Erasure: the lead's delivery errors and log details go (a receiver's answer may quote the message);
    when and whether each try worked stays."""
    session.execute(update(OutboxItem).where(OutboxItem.lead_id == lead_id, OutboxItem.last_error.is_not(None))
                    .values(last_error="verwijderd"))
    session.execute(update(DeliveryAttempt).where(DeliveryAttempt.lead_id == lead_id).values(detail=""))


def for_lead(session: Session, lead_id: str) -> list[OutboxItem]:
    return list(session.scalars(select(OutboxItem).where(OutboxItem.lead_id == lead_id).order_by(OutboxItem.id)))


def undelivered(session: Session) -> list[OutboxItem]:
    """Everything still waiting, failing first (the programme office's overview)."""
    items = session.scalars(select(OutboxItem).where(OutboxItem.status == PENDING).order_by(OutboxItem.id))
    return sorted(items, key=lambda i: (not i.failing, i.id))


def lead_state(items: list[OutboxItem]) -> str:
    """bezorgd, niet_bezorgd (a try failed), wachtend (not tried yet) or geen (nothing to deliver)."""
    live = [i for i in items if i.status != CANCELLED and i.event == EVENT_NEW]
    if not live:
        return "geen"
    if any(i.failing for i in live):
        return "niet_bezorgd"
    if any(i.status == PENDING for i in live):
        return "wachtend"
    return "bezorgd"


def states(session: Session, leads: list[Lead]) -> dict[str, str]:
    """The delivery state of each lead, counting only the notices to its current intermediary."""
    if not leads:
        return {}
    owner = {lead.id: lead.intermediary_id for lead in leads}
    grouped: dict[str, list[OutboxItem]] = {lead_id: [] for lead_id in owner}
    for item in session.scalars(select(OutboxItem).where(OutboxItem.lead_id.in_(list(owner)))):
        if item.intermediary_id == owner[item.lead_id]:
            grouped[item.lead_id].append(item)
    return {lead_id: lead_state(items) for lead_id, items in grouped.items()}
