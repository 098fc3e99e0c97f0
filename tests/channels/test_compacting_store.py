"""The compacting SQL tracker store (channels/compacting_store.py) on a real SQLite file with the bot's domain.

Runs in .venv/bot (it imports Rasa). A long form conversation is stored the way Rasa
stores it; what `retrieve` returns must be short and in exactly the same state, and the
full history must stay as it was.
"""
from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event

pytest.importorskip("rasa")

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels import replies
from channels.compacting_store import CompactingSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "domain"))
QUESTIONS = ["sector", "medewerkers", "jaaromzet", "regio", "tech_automatisering", "tech_robotisering",
             "tech_digitalisering", "tech_implementatie", "org_bewustzijn", "org_cultuur"]


def form_turns(turns: int) -> list:
    """A conversation as Rasa stores it: session start, the form asking and validating, turn after turn."""
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
              UserUttered("Hallo", {"name": "begroeting", "confidence": 0.9}, message_id="m0"),
              ActionExecuted("action_welkom"), BotUttered("Welkom!"), ActionExecuted("scan_form"),
              ActiveLoop("scan_form"), SlotSet("requested_slot", QUESTIONS[0]),
              BotUttered("Sector?", data={"custom": {"type": "question", "question_id": QUESTIONS[0]}}),
              ActionExecuted("action_listen")]
    for turn in range(1, turns + 1):
        asked = QUESTIONS[min(turn - 1, len(QUESTIONS) - 1)]
        following = QUESTIONS[min(turn, len(QUESTIONS) - 1)]
        events += [UserUttered(f"antwoord {turn}", {"name": "antwoord", "confidence": 0.9}, message_id=f"m{turn}"),
                   ActionExecuted("scan_form"), SlotSet(asked, f"waarde {turn}"),
                   SlotSet("requested_slot", following), BotUttered(f"Genoteerd {turn}"),
                   BotUttered(f"Vraag {following}?", data={"custom": {"type": "question", "question_id": following}}),
                   ActionExecuted("action_listen")]
    return events


@pytest.fixture
def store(tmp_path):
    return CompactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"),
                                     max_events=60)


def save(store, events, sender="long"):
    tracker = DialogueStateTracker.from_events(sender, events, DOMAIN.slots)
    asyncio.run(store.save(tracker))
    return tracker


def test_a_long_session_comes_back_short_and_in_the_same_state(store):
    full = save(store, form_turns(30))
    assert len(full.events) > 200
    compact = asyncio.run(store.retrieve("long"))
    assert len(compact.events) < 40
    assert compact.current_slot_values() == full.current_slot_values()
    assert compact.active_loop_name == "scan_form" and not compact.is_active_loop_rejected
    assert compact.latest_action_name == "action_listen"
    # the next retrieve reads only the restatement, not the history again
    assert len(asyncio.run(store.retrieve("long")).events) == len(compact.events)


def test_new_events_after_compaction_are_kept_and_nothing_is_lost(store):
    save(store, form_turns(30))
    compact = asyncio.run(store.retrieve("long"))
    compact.update(UserUttered("nog een", {"name": "antwoord", "confidence": 0.9}, message_id="extra"))
    compact.update(ActionExecuted("scan_form"))
    compact.update(SlotSet("org_cultuur", "laatste"))
    compact.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(compact))
    again = asyncio.run(store.retrieve("long"))
    assert again.get_slot("org_cultuur") == "laatste"
    assert again.latest_message.text == "nog een"
    whole = asyncio.run(store.retrieve_full_tracker("long"))
    assert whole.get_slot("org_cultuur") == "laatste" and whole.get_slot("sector") == "waarde 1"
    users = [e for e in whole.events if isinstance(e, UserUttered)]
    assert [u.message_id for u in users] == [f"m{i}" for i in range(31)] + ["extra"]  # none twice, none lost


def test_earlier_replies_are_still_found_after_compaction(store):
    save(store, form_turns(30))
    asyncio.run(store.retrieve("long"))
    recent = store.recent_events("long")
    assert replies.replies_to(recent, "m30", "long")[0]["text"] == "Genoteerd 30"
    assert replies.open_question(recent, "long")[-1]["custom"]["question_id"] == QUESTIONS[-1]
    turn = store.recent_events("long", message_id="m30")
    assert replies.replies_to(turn, "m30", "long") == replies.replies_to(recent, "m30", "long")
    assert turn[0]["message_id"] == "m30" and not [e for e in turn[1:] if e["event"] == "user"]
    assert store.recent_events("long", message_id="nooit") == []


def test_a_short_session_is_left_as_it_is(store, tmp_path):
    full = save(store, form_turns(5))
    retrieved = asyncio.run(store.retrieve("long"))
    assert retrieved.current_slot_values() == full.current_slot_values()
    assert retrieved.latest_message.text == "antwoord 5"
    rows = sqlite3.connect(tmp_path / "tracker.db").execute("select count(*) from events").fetchone()[0]
    assert rows == len(full.events)  # nothing written


def test_a_session_in_the_middle_of_a_turn_is_not_compacted(store):
    events = form_turns(30) + [UserUttered("half", {"name": "antwoord", "confidence": 0.9})]
    save(store, events)
    retrieved = asyncio.run(store.retrieve("long"))
    assert len(retrieved.events) > 200 and retrieved.latest_message.text == "half"


def test_sqlite_writes_ahead_without_waiting_for_the_disk(store, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore

    save(store, form_turns(3))
    # the store keeps its connection, so the log is not checkpointed (with an fsync) after every query
    assert (tmp_path / "tracker.db-wal").exists()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with sqlite3.connect(tmp_path / "tracker.db") as other:  # the mode is the file's: other readers see it
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    stock = SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "stock.db"))
    with stock.engine.connect() as connection:  # Rasa's own: a rollback journal, a full sync per commit
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    assert len(asyncio.run(store.retrieve("long")).events) == len(form_turns(3)) - 1  # from SessionStarted on


def test_erasure_leaves_no_trace_in_the_log_while_rasa_keeps_its_connection(store, tmp_path):
    from api.privacy.tracker_store import delete_conversation

    events = form_turns(3)
    events.insert(4, UserUttered("Mijn naam is Geheime Gerda", {"name": "antwoord", "confidence": 0.9}))
    save(store, events, sender="gerda")
    save(store, form_turns(3), sender="ander")
    files = [tmp_path / "tracker.db", tmp_path / "tracker.db-wal"]
    assert any(b"Geheime Gerda" in f.read_bytes() for f in files if f.exists())
    assert delete_conversation(f"sqlite:///{tmp_path / 'tracker.db'}", "gerda") > 0
    assert not any(b"Geheime Gerda" in f.read_bytes() for f in files if f.exists())
    assert asyncio.run(store.retrieve("gerda")) is None and asyncio.run(store.retrieve("ander")) is not None
    save(store, form_turns(1), sender="na")  # the store goes on writing after the checkpoint
    assert asyncio.run(store.retrieve("na")) is not None


def test_rows_are_rasas_and_a_retrieved_tracker_is_saved_without_counting_its_events(store, tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore

    stock = SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "stock.db"))
    counts = []
    sa_event.listen(store.engine, "before_cursor_execute",
                    lambda *args: counts.append(args[2]) if "count(" in args[2].lower() else None)
    start = form_turns(2)  # events are made in the order of their timestamps, as in a conversation
    turns = [[UserUttered(f"antwoord {n}", {"name": "antwoord", "confidence": 0.9}, message_id=f"x{n}"),
              ActionExecuted("scan_form"), SlotSet(QUESTIONS[n], f"waarde {n}"), ActionExecuted("action_listen")]
             for n in range(5)]
    extra = SlotSet("org_cultuur", "in een kopie")
    for target in (store, stock):
        save(target, start, sender="c")
        for events in turns:
            tracker = asyncio.run(target.retrieve("c"))
            for event in events:
                tracker.update(event)
            asyncio.run(target.save(tracker))
            asyncio.run(target.save(tracker))  # again, nothing new: nothing stored twice
        copy = tracker.copy()  # another object: its stored events are counted, as Rasa does
        copy.update(extra)
        asyncio.run(target.save(copy))
    assert len(counts) == 2  # the first save of a new conversation and the copy's, no turn's

    def rows(path):
        with sqlite3.connect(path) as db:
            return db.execute("SELECT sender_id, type_name, timestamp, intent_name, action_name, data "
                              "FROM events ORDER BY id").fetchall()

    assert rows(tmp_path / "tracker.db") == rows(tmp_path / "stock.db")
    assert len(rows(tmp_path / "tracker.db")) == len(form_turns(2)) + 5 * 4 + 1
    mine, theirs = asyncio.run(store.retrieve("c")), asyncio.run(stock.retrieve("c"))
    assert [e.as_dict() for e in mine.events] == [e.as_dict() for e in theirs.events]
