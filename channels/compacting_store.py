"""Rasa's SQL tracker store with a bounded tracker, so long conversations stay as fast as short ones.

Rasa rebuilds a conversation's tracker from all its events on every message and walks all
of them several times a turn (replay, rule states, the JSON sent to the action server):
measured on a stock bot, turn 200 is ~9x slower than turn 1. Rasa only reads events since
the latest `SessionStarted`, so when the current session holds more than
TRACKER_MAX_EVENTS events (120), `retrieve` writes a compact restatement of where the
conversation stands and continues from it:

    SessionStarted, SlotSet for every slot not at its initial value, ActiveLoop (when a
    form is active), the last action before listening, action_listen

It is only written when a tracker rebuilt from it has the same slots, active loop and
latest action as the full one; otherwise the full tracker is used, as stock Rasa would.
Nothing is deleted: the full history stays in the table (`retrieve_full_tracker`, the
HTTP API and erasure see every event, no user or bot message twice). The channel finds
earlier replies (duplicate messages, the open question) with `recent_events`, the
conversation's last rows as stored, whatever the session. Retrieval for a message happens under the
conversation's lock, so two processes never compact the same conversation at once.

Reading and writing, with the same rows and results as SQLTrackerStore (measured per turn
against it; the tests compare them):
- the latest session start is looked up before the session's events (`_event_query`), so
  PostgreSQL does not recompute it for every row of a long conversation;
- a retrieved tracker remembers how many of its events are stored, so `save` writes the new
  ones without counting them again; events are read as JSON and written in one statement,
  not as ORM objects;
- on SQLite: a write-ahead log without an fsync per commit, and kept connections;
- a pooled connection is tested before use, so a database restart fails no turn.

Configured in endpoints.yml as
`type: channels.compacting_store.CompactingSQLTrackerStore` with SQLTrackerStore's keys.
"""
from __future__ import annotations

import itertools
import json
import logging
import time
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from channels.settings import get_settings

logger = logging.getLogger(__name__)
RECENT_EVENTS = 200
SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000")


def restatement(tracker: DialogueStateTracker, now: float) -> list[Event] | None:
    """The events that restate `tracker`'s state, or None when it cannot be restated exactly."""
    last = tracker.events[-1] if tracker.events else None
    if not isinstance(last, ActionExecuted) or last.action_name != ACTION_LISTEN_NAME or tracker.followup_action:
        return None  # only between turns, when the assistant waits for the owner
    last_action = next((e for e in reversed(tracker.applied_events())
                        if isinstance(e, ActionExecuted) and e.action_name != ACTION_LISTEN_NAME), None)
    block: list[Event] = [SessionStarted(timestamp=now)]
    block += [SlotSet(name, slot.value, timestamp=now) for name, slot in tracker.slots.items()
              if slot.value != slot.initial_value]
    if tracker.active_loop_name:
        block.append(ActiveLoop(tracker.active_loop_name, timestamp=now))
    if last_action is not None:
        block.append(ActionExecuted(last_action.action_name, policy=last_action.policy,
                                    confidence=last_action.confidence, timestamp=now))
    block.append(ActionExecuted(ACTION_LISTEN_NAME, timestamp=now))
    return block


def _remember_stored(tracker: DialogueStateTracker, count: int) -> None:
    """Notes on the tracker that the first `count` of its events are stored; valid while its
    event deque is the same object (a copy has another one, so it counts again)."""
    tracker.__dict__["_stored_events"] = (tracker.events, count)


def _stored(tracker: DialogueStateTracker) -> int | None:
    noted = tracker.__dict__.get("_stored_events")
    if noted is None or noted[0] is not tracker.events or noted[1] > len(tracker.events):
        return None
    return noted[1]


def same_state(a: DialogueStateTracker, b: DialogueStateTracker) -> bool:
    def loop(t: DialogueStateTracker) -> tuple:
        return (t.active_loop_name, t.is_active_loop_interrupted, t.is_active_loop_rejected)

    return (a.current_slot_values() == b.current_slot_values() and loop(a) == loop(b)
            and a.latest_action_name == b.latest_action_name and a.followup_action == b.followup_action)


class CompactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose `retrieve` restates a long session in a few events."""

    engine: Any  # SQLAlchemy's, made by Rasa's constructor and again here

    def __init__(self, *args: Any, max_events: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_events = max_events or get_settings().tracker_max_events
        self._reconnecting_engine()
        self._index_session_starts()

    def _reconnecting_engine(self) -> None:
        """Rasa's engine, except that a pooled connection is tested before use (after a database
        restart the pooled ones are dead, and Rasa would fail a turn on each), and on SQLite a
        write-ahead log with kept connections.

        SQLite with a write-ahead log, as SQLite advises for a server: a turn's commit appends
        to the log instead of rewriting pages through a rollback journal, and waits for no
        fsync (synchronous=NORMAL). A commit survives the Rasa process crashing; a power cut or
        an OS crash can lose the last turns, never the file. Readers (the web service's erasure)
        and the writer no longer block each other.

        Rasa's engine opens and closes a connection per query (SQLAlchemy's NullPool for SQLite
        files); closing the last one ends the log with a checkpoint and an fsync, every time.
        So the store keeps its connections (a small pool; measured: a turn's save 20 ms with
        NullPool and the log, 5 ms as Rasa stores it, 1 ms here), and Rasa's event loop, which
        stands still while the store writes, is free again much sooner."""
        def pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

        url, sqlite = self.engine.url, self.engine.dialect.name == "sqlite"
        self.engine.dispose()
        if sqlite:
            self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=2, max_overflow=4,
                                           pool_pre_ping=True, connect_args={"check_same_thread": False})
            sa.event.listen(self.engine, "connect", pragmas)
        else:
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _index_session_starts(self) -> None:
        """Rasa finds a conversation's latest SessionStarted and the events after it, twice a
        turn, by scanning all the conversation's rows; with these indexes both are lookups,
        however long the history. Defined once on Rasa's table, so a later store in the same
        process (tests) does not define them twice."""
        event = self.SQLEvent
        known = {index.name: index for index in event.__table__.indexes}
        for index in (known.get("ix_events_sender_type_timestamp")
                      or sa.Index("ix_events_sender_type_timestamp", event.sender_id, event.type_name, event.timestamp),
                      known.get("ix_events_sender_timestamp")
                      or sa.Index("ix_events_sender_timestamp", event.sender_id, event.timestamp)):
            try:
                index.create(bind=self.engine, checkfirst=True)
            except sa.exc.SQLAlchemyError as error:  # another process created it at the same moment
                logger.debug("index not created: %s", error)

    def _event_query(self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        """Rasa's query for a conversation's events (its latest session, or all), with the same
        rows, but the start of the latest session looked up first.

        Rasa joins the aggregate that finds the session start into the events query. When
        PostgreSQL's statistics put about one row per conversation (a table that grew after it
        was last analysed), it plans a nested loop that computes that aggregate again for every
        row of the conversation: quadratic in the conversation's whole history, whatever the
        session's length (measured: 171 ms at 1,720 rows, twice a turn; turn 200 at 17x turn 1
        on the scaled profile). Asked on its own, it is one lookup in the index on (sender,
        type, timestamp), and the events are one range of the index on (sender, timestamp)."""
        query = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
        if not fetch_events_from_all_sessions:
            start = (session.query(sa.func.max(self.SQLEvent.timestamp))
                     .filter(self.SQLEvent.sender_id == sender_id,
                             self.SQLEvent.type_name == SessionStarted.type_name)
                     .scalar())
            if start is not None:  # no session start: all events, as Rasa's query returns
                query = query.filter(self.SQLEvent.timestamp >= start)
        return query.order_by(self.SQLEvent.id)

    async def _retrieve(self, sender_id: str,
                        fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """Rasa's `_retrieve`, reading only the events' JSON instead of whole ORM objects (which
        were a third of its time). The tracker remembers how many of its events are stored."""
        with self.session_scope() as session:
            rows = (self._event_query(session, sender_id, fetch_events_from_all_sessions)
                    .with_entities(self.SQLEvent.data).all())
        events = [json.loads(data) for (data,) in rows]
        if not self.domain or not events:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            _remember_stored(tracker, len(events))
        return tracker

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        tracker = await super().retrieve(sender_id)
        if tracker is None or len(tracker.events) <= self.max_events or self.domain is None:
            return tracker
        # later than every stored event, so the session query starts exactly at the block
        now = max(time.time(), max((e.timestamp for e in tracker.events), default=0.0) + 1e-3)
        block = restatement(tracker, now)
        if block is None:
            return tracker
        compact = DialogueStateTracker.from_events(sender_id, block, self.domain.slots)
        if not same_state(tracker, compact):
            logger.warning("tracker %s not compacted: the restatement differs", sender_id)
            return tracker
        await self._append(sender_id, block)
        _remember_stored(compact, len(block))
        return compact

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `save`: the events not stored yet, as the same rows. How many are stored is
        known when this tracker came from `retrieve` (under the conversation's lock, so nobody
        else wrote since); otherwise it is counted, as Rasa does, with a query per save."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = _stored(tracker)
            if stored is None:
                stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            self._insert(session, tracker.sender_id, list(itertools.islice(tracker.events, stored, None)))
            session.commit()
        _remember_stored(tracker, len(tracker.events))

    async def _append(self, sender_id: str, events: list[Event]) -> None:
        """Stores the block as rows like the ones SQLTrackerStore.save writes."""
        with self.session_scope() as session:
            self._insert(session, sender_id, events)
            session.commit()

    def _insert(self, session: Any, sender_id: str, events: list[Event]) -> None:
        """The rows SQLTrackerStore.save writes, in one statement instead of one ORM object each."""
        rows = []
        for event in events:
            data = event.as_dict()
            rows.append({"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                         "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                         "action_name": data.get("name"), "data": json.dumps(data)})
        if rows:
            session.execute(self.SQLEvent.__table__.insert(), rows)

    def recent_events(self, sender_id: str, limit: int = RECENT_EVENTS,
                      message_id: str | None = None) -> list[dict]:
        """The conversation's last `limit` events as stored, oldest first, across sessions.

        With `message_id`: only the turn of the user message with that id (from it up to the
        next user message), or [] when it is not among them; only those rows are parsed, as
        this runs for every message that carries an id."""
        with self.session_scope() as session:
            rows = (session.query(self.SQLEvent.type_name, self.SQLEvent.data)
                    .filter(self.SQLEvent.sender_id == sender_id)
                    .order_by(self.SQLEvent.id.desc()).limit(limit).all())
        rows.reverse()
        if message_id is not None:
            start = next((i for i, (kind, data) in enumerate(rows) if kind == "user" and message_id in data
                          and json.loads(data).get("message_id") == message_id), None)
            if start is None:
                return []
            end = next((i for i in range(start + 1, len(rows)) if rows[i][0] == "user"), len(rows))
            rows = rows[start:end]
        return [json.loads(data) for _, data in rows]
