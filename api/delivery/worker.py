"""The delivery worker: sends what the outbox holds, retries with exponential back-off, logs every try.

`run_once()` is one pass (tests call it with their own clock); `Worker` runs passes in the web
service's event loop: at start-up, when woken by a new lead, and every DELIVERY_POLL_SECONDS.
It also runs the retention job every RETENTION_CHECK_SECONDS.

An item is claimed with a lease before it is sent and marked delivered only after the
receiver accepted it; a delivered item is never sent again. A crash between sending and
marking may repeat a send, which the receiver drops by its idempotency key.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import smtplib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from api.db import utcnow
from api.delivery import invitations, mail, outbox, webhook
from api.delivery.models import CANCELLED, DELIVERED, EMAIL, EVENT_NEW, PENDING, DeliveryAttempt, OutboxItem
from api.models import Lead
from api.portal import registry, workflow
from api.portal.leads import intake_of
from api.privacy import retention
from api.settings import Settings

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)
BATCH = 50


@dataclass(frozen=True)
class Outcome:
    item_id: int
    lead_id: str
    channel: str
    event: str
    ok: bool
    detail: str


def backoff_seconds(attempts: int, settings: Settings) -> float:
    """The wait after the n-th failed try: base, 2x base, 4x base, ... up to the maximum."""
    return min(settings.delivery_retry_base_seconds * 2 ** max(attempts - 1, 0), settings.delivery_retry_max_seconds)


def _due(session: Session, now: datetime) -> list[int]:
    return list(session.scalars(
        select(OutboxItem.id).where(OutboxItem.status == PENDING, OutboxItem.next_attempt_at <= now,
                                    or_(OutboxItem.locked_until.is_(None), OutboxItem.locked_until < now))
        .order_by(OutboxItem.next_attempt_at, OutboxItem.id).limit(BATCH)))


def _claim(session: Session, item_id: int, now: datetime) -> bool:
    claimed = session.execute(
        update(OutboxItem).where(OutboxItem.id == item_id, OutboxItem.status == PENDING,
                                 or_(OutboxItem.locked_until.is_(None), OutboxItem.locked_until < now))
        .values(locked_until=now + LEASE))
    session.commit()
    return claimed.rowcount == 1


def run_once(make_session: sessionmaker, settings: Settings, now: datetime | None = None) -> list[Outcome]:
    now = now or utcnow()
    with make_session() as session:
        outbox.reconcile(session, settings.intermediaries_file, now)
        due = _due(session, now)
    outcomes = []
    for item_id in due:
        with make_session() as session:
            if _claim(session, item_id, now):
                outcomes.append(_deliver(session, session.get(OutboxItem, item_id), settings, now))
    for invitation_id, lead_id, ok, detail in invitations.send_due(make_session, settings, now, backoff_seconds):
        outcomes.append(Outcome(invitation_id, lead_id, EMAIL, invitations.EVENT, ok, detail))
    return outcomes


def _cancel_reason(item: OutboxItem, lead: Lead | None) -> str | None:
    if lead is None:
        return "lead bestaat niet meer"
    if item.event == EVENT_NEW and lead.status == workflow.WITHDRAWN:
        return "lead ingetrokken voor bezorging"
    if item.event == EVENT_NEW and lead.intermediary_id != item.intermediary_id:
        return "lead is aan een andere intermediair toegewezen"
    return None


def _deliver(session: Session, item: OutboxItem, settings: Settings, now: datetime) -> Outcome:
    lead = session.get(Lead, item.lead_id)
    reason = _cancel_reason(item, lead)
    if reason:
        item.status, item.last_error, item.locked_until = CANCELLED, reason, None
        session.commit()
        return Outcome(item.id, item.lead_id, item.channel, item.event, False, reason)
    entry = registry.get(session, item.intermediary_id)
    name = registry.display_name(session, item.intermediary_id)
    intake = intake_of(session, lead, settings.public_base_url)
    portal_url = f"{settings.public_base_url.rstrip('/')}/portaal/leads/{item.lead_id}"
    target, ok, detail = "", False, ""
    try:
        if item.channel == EMAIL:
            target = settings.programmabureau_email if item.intermediary_id == registry.PROGRAMMABUREAU else (
                entry.contact_email if entry else "")
            if not target:
                raise ValueError("geen e-mailadres in het register")
            mail.send(mail.compose(item, intake, target, name, settings), settings)
            detail = "aangenomen door de mailserver"
        else:
            target = (entry.webhook_url or "") if entry else ""
            if not target:
                raise ValueError("geen webhook-URL meer in het register")
            if not entry.webhook_secret:
                raise ValueError("geen webhook-geheim in het register")
            raw = webhook.body(item, intake, portal_url, now)
            detail = webhook.post(target, entry.webhook_secret, raw, item, settings.webhook_timeout_seconds)
        ok = True
    except (OSError, smtplib.SMTPException, webhook.WebhookError, ValueError) as error:
        detail = f"{type(error).__name__}: {error}"[:500]
    item.attempts += 1
    item.locked_until = None
    session.add(DeliveryAttempt(outbox_id=item.id, lead_id=item.lead_id, at=now, attempt=item.attempts,
                                target=target[:500], ok=ok, detail=detail))
    if ok:
        item.status, item.delivered_at, item.last_error = DELIVERED, now, None
    else:
        item.last_error = detail
        item.next_attempt_at = now + timedelta(seconds=backoff_seconds(item.attempts, settings))
        log.warning("delivery of lead %s by %s failed (try %d): %s", item.lead_id, item.channel, item.attempts, detail)
    session.commit()
    return Outcome(item.id, item.lead_id, item.channel, item.event, ok, detail)


def attempts_for(session: Session, lead_id: str) -> list[DeliveryAttempt]:
    return list(session.scalars(select(DeliveryAttempt).where(DeliveryAttempt.lead_id == lead_id)
                                .order_by(DeliveryAttempt.id)))


def wake(app) -> None:
    """Asks the app's worker (if it runs) for a pass now, e.g. right after a lead was stored."""
    worker = getattr(app.state, "delivery_worker", None)
    if worker is not None:
        worker.wake()


class Worker:
    """The background task of the web service (started and stopped by the app's lifespan)."""

    def __init__(self, make_session: sessionmaker, settings: Settings):
        self.make_session = make_session
        self.settings = settings
        self._wakeup = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        self._stopping = False
        self._task: asyncio.Task | None = None
        self._last_retention = float("-inf")

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="delivery-worker")

    def wake(self) -> None:
        """Thread-safe: called from the (threaded) request that stored a lead."""
        self._loop.call_soon_threadsafe(self._wakeup.set)

    async def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=self.settings.smtp_timeout_seconds + 5)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                pass

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                await asyncio.to_thread(run_once, self.make_session, self.settings)
                if time.monotonic() - self._last_retention >= self.settings.retention_check_seconds:
                    self._last_retention = time.monotonic()
                    await asyncio.to_thread(retention.run, self.make_session, self.settings)
            except Exception:  # the loop must survive a bad pass; the next one retries
                log.exception("delivery worker pass failed")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=self.settings.delivery_poll_seconds)
