"""The tracker store's session query reads a conversation's rows once, on PostgreSQL too.

Rasa 3.6 joins the aggregate that finds a conversation's latest session start into the query
for its events. With statistics that put about one row per conversation (the table grew after
PostgreSQL last analysed it, as in every fresh deployment), PostgreSQL plans a nested loop that
computes the aggregate again for every row: the rows read grow with the square of the whole
history, so on the scaled profile turn 200 took 17x turn 1 although the tracker was compacted.
channels/compacting_store.py looks the session start up first. Here, on the stack's PostgreSQL
(a database of its own): the same rows as Rasa's query, and the rows read counted by
PostgreSQL itself (`pg_stat_xact_user_tables`), ours against Rasa's.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = r'''
import asyncio, json, sys
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from channels.compacting_store import CompactingSQLTrackerStore

host, password, database = sys.argv[1:4]
domain = Domain.load("domain")
store = CompactingSQLTrackerStore(domain=domain, dialect="postgresql", host=host, db=database,
                                  username="scan", password=password, max_events=10 ** 6)
with store.engine.begin() as connection:  # no analysis behind the test's back
    connection.exec_driver_sql("ALTER TABLE events SET (autovacuum_enabled = false)")

def save(sender, events):
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events, domain.slots)))

clock = [1.7e9]
def at():
    clock[0] += 1.0
    return clock[0]

def turn(number):
    return [UserUttered(f"bericht {number}", {"name": "vraag_waarom", "confidence": 0.9}, timestamp=at()),
            ActionExecuted("scan_form", timestamp=at()), SlotSet("requested_slot", "sector", timestamp=at()),
            ActionExecuted("action_listen", timestamp=at())]

for index in range(60):  # short conversations, then statistics
    save(f"short-{index}", [ActionExecuted("action_session_start", timestamp=at()), SessionStarted(timestamp=at()),
                            ActionExecuted("action_listen", timestamp=at())])
with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
    connection.exec_driver_sql("ANALYZE events")

events = []
for session in range(10):  # one long conversation: ten sessions, as compaction leaves them
    events += [SessionStarted(timestamp=at()), ActionExecuted("action_listen", timestamp=at())]
    for number in range(30):
        events += turn(number)
save("long", events)

def rows_read(query_of):
    with store.session_scope() as session:
        def counted():
            return session.execute(sa.text(
                "SELECT coalesce(sum(seq_tup_read), 0) + coalesce(sum(idx_tup_fetch), 0) "
                "FROM pg_stat_xact_user_tables WHERE relname = 'events'")).scalar()
        before = counted()
        ids = [row.id for row in query_of(session).all()]
        return ids, int(counted() - before)

ours, ours_read = rows_read(lambda s: store._event_query(s, "long", fetch_events_from_all_sessions=False))
rasas, rasas_read = rows_read(
    lambda s: SQLTrackerStore._event_query(store, s, "long", fetch_events_from_all_sessions=False))
every, _ = rows_read(lambda s: store._event_query(s, "long", fetch_events_from_all_sessions=True))
every_rasa, _ = rows_read(lambda s: SQLTrackerStore._event_query(store, s, "long", fetch_events_from_all_sessions=True))
with store.session_scope() as session:
    ours_count = store._event_query(session, "long", False).count()
    short = [r.id for r in store._event_query(session, "short-3", False).all()]
    short_rasa = [r.id for r in SQLTrackerStore._event_query(store, session, "short-3", False).all()]
print(json.dumps({"conversation_rows": len(events), "session_rows": len(ours), "same": ours == rasas,
                  "same_all": every == every_rasa, "same_short": short == short_rasa, "short_rows": len(short),
                  "count": ours_count, "ours_read": ours_read, "rasas_read": rasas_read}))
'''


def test_the_session_query_reads_each_row_once_and_returns_what_rasa_returns(stack):
    database = "query_check"
    if not stack.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'"):
        stack.psql(f"CREATE DATABASE {database} OWNER scan")
    try:
        done = subprocess.run([str(ROOT / ".venv/bot/bin/python"), "-c", CHECK,
                               f"127.0.0.1:{stack.ports['postgres']}", stack.secrets["postgres_scan"], database],
                              cwd=ROOT, capture_output=True, text=True, timeout=300,
                              env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
                                   "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "RASA_TELEMETRY_ENABLED": "false"})
    finally:
        stack.psql(f"DROP DATABASE IF EXISTS {database}")
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    rows = found["conversation_rows"]
    assert found["same"] and found["same_all"] and found["same_short"] and found["short_rows"] == 2, found
    assert found["session_rows"] == 2 + 30 * 4 == found["count"], found
    # Rasa's query on these statistics: the aggregate again for every row of the conversation
    assert found["rasas_read"] > rows * rows / 2, found
    # ours: two queries (the session start, then the session's events), each at most one pass over
    # the conversation's rows: linear, and a few milliseconds at turn 200
    assert found["ours_read"] <= 2 * rows, found
