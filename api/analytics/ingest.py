"""Stores events once (by event_id) and rebuilds the summary rows of the conversations they touch."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy import Table, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.analytics.fold import Event, fold
from api.analytics.models import AnalyticsConversation, AnalyticsEvent, AnalyticsQuestionBit, AnalyticsRetry
from api.analytics.schemas import EventIn
from api.db import Base, utcnow
from api.errors import Invalid

CHUNK = 500
MAX_BIT = 62  # the masks are signed 64-bit integers
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def store(session: Session, events: Sequence[EventIn]) -> int:
    """Stores the events not seen before and returns how many that were; all or nothing."""
    try:
        return _store(session, events)
    except IntegrityError:
        # A concurrent request stored some of the same event ids in between: decide again.
        session.rollback()
        return _store(session, events)


def _store(session: Session, events: Sequence[EventIn]) -> int:
    unique: dict[str, EventIn] = {}
    for event in events:
        unique.setdefault(event.event_id, event)
    known: set[str] = set()
    for ids in chunks(list(unique)):
        known.update(session.scalars(select(AnalyticsEvent.event_id).where(AnalyticsEvent.event_id.in_(ids))))
    new = [event for event_id, event in unique.items() if event_id not in known]
    if not new:
        return 0
    conversation_ids = sorted({e.conversation_id for e in new})
    seen: set[str] = set()
    for ids in chunks(conversation_ids):
        seen.update(session.scalars(select(AnalyticsConversation.conversation_id)
                                    .where(AnalyticsConversation.conversation_id.in_(ids))))
    bits = question_bits(session, {e.data["question_id"]: e.data["dimension"] for e in new
                                   if e.type in ("question_asked", "question_answered")})
    received = utcnow()
    insert_many(session, AnalyticsEvent, [
        {"event_id": e.event_id, "conversation_id": e.conversation_id, "type": e.type, "at": e.at,
         "data": e.data, "received_at": received} for e in new])
    # Conversations seen before are folded again from all their stored events; new ones need
    # only this batch (in insertion order, the same order their stored ids will have).
    rebuild(session, [c for c in conversation_ids if c in seen], bits)
    fresh: dict[str, list[Event]] = defaultdict(list)
    for seq, event in enumerate(new):
        if event.conversation_id not in seen:
            fresh[event.conversation_id].append(Event(seq, event.type, event.at, event.data))
    _replace(session, [], fresh, bits)
    session.commit()
    return len(new)


def question_bits(session: Session, wanted: dict[str, str]) -> dict[str, int]:
    """Every question id's bit; ids seen for the first time get the next free bits."""
    bits = dict(session.execute(select(AnalyticsQuestionBit.question_id, AnalyticsQuestionBit.bit)).all())
    missing = sorted(set(wanted) - set(bits))
    if missing:
        start = max(bits.values(), default=-1) + 1
        if start + len(missing) - 1 > MAX_BIT:
            raise Invalid(f"the analytics can tell at most {MAX_BIT + 1} question ids apart")
        added = {qid: start + n for n, qid in enumerate(missing)}
        session.add_all(AnalyticsQuestionBit(question_id=qid, bit=bit, dimension=wanted[qid])
                        for qid, bit in added.items())
        session.flush()
        bits.update(added)
    return bits


def rebuild(session: Session, conversation_ids: Sequence[str], bits: dict[str, int] | None = None) -> None:
    """Folds every stored event of these conversations again and replaces their summary rows."""
    bits = bits if bits is not None else question_bits(session, {})
    for ids in chunks(conversation_ids):
        grouped: dict[str, list[Event]] = defaultdict(list)
        rows = session.execute(
            select(AnalyticsEvent.id, AnalyticsEvent.conversation_id, AnalyticsEvent.type, AnalyticsEvent.at,
                   AnalyticsEvent.data).where(AnalyticsEvent.conversation_id.in_(ids)))
        for seq, conversation_id, kind, at, data in rows:
            grouped[conversation_id].append(Event(seq, kind, at, data or {}))
        _replace(session, ids, grouped, bits)


def _replace(session: Session, old: Sequence[str], grouped: dict[str, list[Event]], bits: dict[str, int]) -> None:
    summaries, retries = [], []
    for conversation_id, conversation_events in grouped.items():
        summary, retried = fold(conversation_id, conversation_events, bits)
        summaries.append(summary)
        retries.extend(retried)
    if old:
        session.execute(delete(AnalyticsRetry).where(AnalyticsRetry.conversation_id.in_(old)))
        session.execute(delete(AnalyticsConversation).where(AnalyticsConversation.conversation_id.in_(old)))
    insert_many(session, AnalyticsConversation, summaries)
    insert_many(session, AnalyticsRetry, retries)


PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_many(session: Session, model: type[Base], rows: list[dict]) -> None:
    """A plain executemany with the columns' own bind conversions: several times faster than a Core
    insert of many rows (which builds parameters row by row), and the same stored values."""
    if not rows:
        return
    table = model.__table__
    assert isinstance(table, Table), f"{model.__name__} is mapped to a plain table"
    connection = session.connection()
    dialect = connection.dialect
    placeholder = PLACEHOLDERS.get(dialect.paramstyle)
    if placeholder is None:
        session.execute(table.insert(), rows)
        return
    names = list(rows[0])
    convert = [(name, table.c[name].type._cached_bind_processor(dialect)) for name in names]
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join([placeholder] * len(names))})")
    connection.exec_driver_sql(sql, [tuple(process(row[name]) if process else row[name] for name, process in convert)
                                     for row in rows])
