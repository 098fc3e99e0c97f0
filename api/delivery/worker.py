"""The delivery worker: sends what the outbox holds, retries with exponential back-off, logs every try.

`run_once()` is one pass (tests call it with their own clock); `Worker` runs passes in the web
service's event loop: at start-up, when woken by a new lead or invitation, and every
DELIVERY_POLL_SECONDS. The owners' re-scan invitations go out in a lane of their own.
It also runs the retention job every RETENTION_CHECK_SECONDS, beside the deliveries.

Lanes: the notices of one intermediary on one channel are sent one after the other, in their own
lane; lanes run side by side (at most DELIVERY_LANES), so a slow receiver delays only its own
intermediary's notices. Every attempt ends within DELIVERY_ATTEMPT_SECONDS, however slowly the
receiver answers.

Exactly once: an item is claimed with a lease on the real clock that outlasts the attempt's
deadline, so no second worker (another process) can send it while the first may still be
sending. The lease's value is the claim: the outcome is written only where the item still
carries it and is still waiting (compare-and-set). If the lead was withdrawn while its notice
was being sent, the notice is recorded as delivered and a withdrawal notice is queued. A crash
between sending and recording may repeat a send, which the receiver drops by its idempotency key.
"""
from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import smtplib
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from api.db import rows_changed, utcnow
from api.delivery import addresses, invitations, mail, outbox, webhook
from api.delivery.deadline import Deadline
from api.delivery.models import CANCELLED, DELIVERED, EMAIL, EVENT_NEW, PENDING, DeliveryAttempt, OutboxItem
from api.leads import workflow
from api.leads.models import Lead
from api.leads.service import intake_of
from api.privacy import retention
from api.registry import service as registry
from api.settings import Settings

log = logging.getLogger(__name__)
LEASE_MARGIN = timedelta(seconds=60)  # beyond the attempt's deadline: writing the outcome, a slow database
BATCH = 50  # items a lane takes per pass
Lane = tuple[str, str]  # (intermediary id, channel)


@dataclass(frozen=True)
class Outcome:
    item_id: int
    lead_id: str
    channel: str
    event: str
    ok: bool
    detail: str
    sent: bool = True  # False: lapsed without a try


def backoff_seconds(attempts: int, settings: Settings) -> float:
    """The wait after the n-th failed try: base, 2x base, 4x base, ... up to the maximum."""
    return min(settings.delivery_retry_base_seconds * 2 ** max(attempts - 1, 0), settings.delivery_retry_max_seconds)


def _free(now: datetime):
    return or_(OutboxItem.locked_until.is_(None), OutboxItem.locked_until < now)


def due_lanes(session: Session, now: datetime, busy: Iterable[Lane] = ()) -> dict[Lane, list[int]]:
    """The items due at `now` (the scheduling clock), by lane; lanes in `busy` are left out."""
    due = (OutboxItem.status == PENDING, OutboxItem.next_attempt_at <= now, _free(utcnow()))
    skip = set(busy)
    found = {(intermediary_id, channel) for intermediary_id, channel in session.execute(
        select(OutboxItem.intermediary_id, OutboxItem.channel).where(*due).distinct())}
    lanes: dict[Lane, list[int]] = {}
    for lane in sorted(found - skip):
        lanes[lane] = list(session.scalars(
            select(OutboxItem.id).where(*due, OutboxItem.intermediary_id == lane[0], OutboxItem.channel == lane[1])
            .order_by(OutboxItem.next_attempt_at, OutboxItem.id).limit(BATCH)))
    return lanes


def claim(session: Session, item_id: int, now: datetime, settings: Settings) -> datetime | None:
    """The lease when this worker got the item, None when another has it or it is no longer due."""
    real_now = utcnow()
    lease = real_now + timedelta(seconds=settings.delivery_attempt_seconds) + LEASE_MARGIN
    claim = (update(OutboxItem)
             .where(OutboxItem.id == item_id, OutboxItem.status == PENDING, OutboxItem.next_attempt_at <= now,
                    _free(real_now))
             .values(locked_until=lease))
    claimed = rows_changed(session, claim)
    session.commit()
    return lease if claimed == 1 else None


def run_once(make_session: sessionmaker, settings: Settings, now: datetime | None = None) -> list[Outcome]:
    """One pass over everything due, the lanes side by side; returns what was tried."""
    now = now or utcnow()
    with make_session() as session:
        outbox.reconcile(session, settings.intermediaries_file, now)
        lanes = due_lanes(session, now)
    outcomes: list[Outcome] = []
    if lanes:
        with ThreadPoolExecutor(max_workers=min(len(lanes), settings.delivery_lanes)) as pool:
            done = pool.map(lambda ids: run_lane(make_session, settings, ids, now), lanes.values())
            outcomes = [outcome for lane in done for outcome in lane]
    # Re-scan invitations to owners: e-mail only, sent after the intermediaries' notices.
    for invitation_id, lead_id, ok, detail in invitations.send_due(make_session, settings, now, backoff_seconds):
        outcomes.append(Outcome(invitation_id, lead_id, EMAIL, invitations.EVENT, ok, detail))
    return outcomes


def run_lane(make_session: sessionmaker, settings: Settings, item_ids: list[int], now: datetime) -> list[Outcome]:
    """One intermediary's notices on one channel, in order; a failed try ends the lane's pass (its receiver
    is in trouble: the others wait for the next pass instead of each spending the deadline)."""
    outcomes = []
    for item_id in item_ids:
        with make_session() as session:
            lease = claim(session, item_id, now, settings)
            if lease is not None:  # claimed, so the item exists (outbox items are never deleted)
                outcomes.append(_deliver(session, session.get_one(OutboxItem, item_id), lease, settings, now))
                if outcomes[-1].sent and not outcomes[-1].ok:
                    break
    return outcomes


def _cancel_reason(item: OutboxItem, lead: Lead) -> str | None:
    if item.event == EVENT_NEW and lead.status == workflow.WITHDRAWN:
        return "lead ingetrokken voor bezorging"
    if item.event == EVENT_NEW and lead.intermediary_id != item.intermediary_id:
        return "lead is aan een andere intermediair toegewezen"
    return None


def _cancel(session: Session, item: OutboxItem, lease: datetime, reason: str) -> Outcome:
    session.execute(update(OutboxItem).where(OutboxItem.id == item.id, OutboxItem.locked_until == lease)
                    .values(status=CANCELLED, last_error=reason, locked_until=None))
    session.commit()
    return Outcome(item.id, item.lead_id, item.channel, item.event, False, reason, sent=False)


def _deliver(session: Session, item: OutboxItem, lease: datetime, settings: Settings, now: datetime) -> Outcome:
    lead = session.get(Lead, item.lead_id)
    if lead is None:
        return _cancel(session, item, lease, "lead bestaat niet meer")
    reason = _cancel_reason(item, lead)
    if reason is not None:
        return _cancel(session, item, lease, reason)
    entry = registry.get(session, item.intermediary_id)
    name = registry.display_name(session, item.intermediary_id)
    intake = intake_of(session, lead, settings.public_base_url)
    portal_url = f"{settings.public_base_url.rstrip('/')}/portaal/leads/{item.lead_id}"
    session.commit()  # nothing held while sending
    target, ok, detail, kind = "", False, "", ""
    with Deadline(settings.delivery_attempt_seconds) as deadline:
        try:
            if item.channel == EMAIL:
                target = settings.programmabureau_email if item.intermediary_id == registry.PROGRAMMABUREAU else (
                    entry.contact_email if entry else "")
                if not target:
                    raise ValueError("geen e-mailadres in het register")
                mail.send(mail.compose(item, intake, target, name, settings), settings, deadline)
                detail = "aangenomen door de mailserver"
            else:
                if entry is None or not entry.webhook_url:
                    raise ValueError("geen webhook-URL meer in het register")
                url = entry.webhook_url
                target = addresses.shown(url)
                if not entry.webhook_secret:
                    raise ValueError("geen webhook-geheim in het register")
                raw = webhook.body(item, intake, portal_url, now)
                detail = webhook.post(url, entry.webhook_secret, raw, item, settings.webhook_timeout_seconds,
                                      deadline, settings.environment == "development")
            ok = True
        except (OSError, smtplib.SMTPException, webhook.WebhookError, ValueError) as error:
            detail = f"{type(error).__name__}: {error}"[:500]
            # The service's log gets the kind of failure only: a receiver's answer may quote the message.
            kind = type(error).__name__ + (f" {error.smtp_code}" if isinstance(error, smtplib.SMTPResponseException)
                                           else "")
    return _record(session, item, lease, ok, target, detail, kind, settings, now)


def _record(session: Session, item: OutboxItem, lease: datetime, ok: bool, target: str, detail: str, kind: str,
            settings: Settings, now: datetime) -> Outcome:
    """Writes the outcome only where the item still carries this worker's lease and still waits."""
    attempt = item.attempts + 1
    changes = ({"status": DELIVERED, "delivered_at": now, "last_error": None} if ok else
               {"last_error": detail, "next_attempt_at": now + timedelta(seconds=backoff_seconds(attempt, settings))})
    outcome = (update(OutboxItem)
               .where(OutboxItem.id == item.id, OutboxItem.locked_until == lease, OutboxItem.status == PENDING)
               .values(attempts=attempt, locked_until=None, **changes))
    written = rows_changed(session, outcome) == 1
    item = session.get_one(OutboxItem, item.id, populate_existing=True)  # outbox items are never deleted
    if not written and item.status == CANCELLED and item.locked_until == lease:
        # The lead was withdrawn while this notice was on its way (the erasure marked it lapsed).
        item.attempts, item.locked_until = attempt, None
        if ok:
            item.status, item.delivered_at, item.last_error = DELIVERED, now, None
            outbox.notice_withdrawal(session, item)
        written = True
    if not written:
        log.warning("delivery of lead %s by %s: another worker took the item over; this outcome is not recorded",
                    item.lead_id, item.channel)
        session.rollback()
        return Outcome(item.id, item.lead_id, item.channel, item.event, ok, detail)
    if not ok:
        log.warning("delivery of lead %s by %s failed (try %d): %s (details in the delivery log)", item.lead_id,
                    item.channel, attempt, kind)
    session.add(DeliveryAttempt(outbox_id=item.id, lead_id=item.lead_id, at=now, attempt=attempt,
                                target=target[:500], ok=ok, detail=detail))
    session.commit()
    return Outcome(item.id, item.lead_id, item.channel, item.event, ok, detail)


def attempts_for(session: Session, lead_id: str) -> list[DeliveryAttempt]:
    return list(session.scalars(select(DeliveryAttempt).where(DeliveryAttempt.lead_id == lead_id)
                                .order_by(DeliveryAttempt.id)))


def start(app) -> None:
    """The app's lifespan: the worker starts (unless DELIVERY_WORKER is off)."""
    settings = app.state.settings
    if settings.delivery_worker:
        app.state.delivery_worker = Worker(app.state.sessionmaker, settings)
        app.state.delivery_worker.start()


async def stop(app) -> None:
    running = getattr(app.state, "delivery_worker", None)
    if running is not None:
        await running.stop()
        app.state.delivery_worker = None


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
        self._pool = ThreadPoolExecutor(max_workers=settings.delivery_lanes, thread_name_prefix="delivery")
        self._lanes: dict[Lane, Future] = {}
        self._retention: asyncio.Future | None = None
        self._invitations: asyncio.Future | None = None
        self._last_retention = float("-inf")

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="delivery-worker")

    def wake(self) -> None:
        """Thread-safe: called from the (threaded) request that stored a lead, or a lane that finished."""
        self._loop.call_soon_threadsafe(self._wakeup.set)

    async def stop(self) -> None:
        self._stopping = True
        self._wakeup.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=5)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                pass
        running = [asyncio.wrap_future(f) for f in self._lanes.values()]
        running += [job for job in (self._retention, self._invitations) if job is not None]
        if running:  # every attempt ends by its deadline
            await asyncio.wait(running, timeout=self.settings.delivery_attempt_seconds + 5)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _find_due(self, busy: list[Lane]) -> tuple[datetime, dict[Lane, list[int]]]:
        now = utcnow()
        with self.make_session() as session:
            outbox.reconcile(session, self.settings.intermediaries_file, now)
            return now, due_lanes(session, now, busy=busy)

    async def _start_lanes(self) -> None:
        now, lanes = await asyncio.to_thread(self._find_due, list(self._lanes))
        for lane, ids in lanes.items():
            if self._stopping:
                return
            future = self._pool.submit(run_lane, self.make_session, self.settings, ids, now)
            self._lanes[lane] = future
            future.add_done_callback(functools.partial(self._from_thread, self._lane_done, lane))

    def _from_thread(self, callback, *args) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: the service is gone
            self._loop.call_soon_threadsafe(callback, *args)

    def _lane_done(self, lane: Lane, done: Future) -> None:
        if self._lanes.get(lane) is done:
            del self._lanes[lane]
        if done.cancelled():
            return
        if done.exception() is not None:
            log.error("delivery lane %s failed", lane, exc_info=done.exception())
        elif len(done.result()) >= BATCH:
            self._wakeup.set()  # the lane may have more waiting than one batch

    async def _retain(self) -> None:
        try:
            await asyncio.to_thread(retention.run, self.make_session, self.settings)
        except Exception:
            log.exception("retention job failed")

    async def _invite(self) -> None:
        """The owners' re-scan invitations: one lane of their own, beside the intermediaries' lanes."""
        try:
            await asyncio.to_thread(invitations.send_due, self.make_session, self.settings, utcnow(),
                                    backoff_seconds)
        except Exception:
            log.exception("re-scan invitations pass failed")

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                await self._start_lanes()
                if self._invitations is None or self._invitations.done():
                    self._invitations = asyncio.ensure_future(self._invite())
                if (time.monotonic() - self._last_retention >= self.settings.retention_check_seconds
                        and (self._retention is None or self._retention.done())):
                    self._last_retention = time.monotonic()
                    self._retention = asyncio.ensure_future(self._retain())
            except Exception:  # the loop must survive a bad pass; the next one retries
                log.exception("delivery worker pass failed")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=self.settings.delivery_poll_seconds)
