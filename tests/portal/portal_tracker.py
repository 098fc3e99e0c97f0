"""A Rasa SQL tracker store on disk for the privacy tests.

Made by Rasa 3.6's own SQLTrackerStore in .venv/bot (a subprocess), so the tests erase from
the real schema; without that environment, the same table is created by hand.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BOT_PYTHON = REPO_ROOT / ".venv" / "bot" / "bin" / "python"

RASA_SCRIPT = """
import asyncio, json, sys
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

path, conversations = sys.argv[1], json.loads(sys.argv[2])
store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=path)
for sender, texts in conversations.items():
    tracker = DialogueStateTracker(sender, [])
    tracker.update(ActionExecuted("action_listen"))
    for text in texts:
        tracker.update(UserUttered(text, {"name": "inform", "confidence": 1.0}))
        tracker.update(SlotSet("laatste_antwoord", text))
        tracker.update(BotUttered("Dank je!"))
    asyncio.run(store.save(tracker))
"""

# Rasa 3.6 SQLTrackerStore's table, as it creates it.
SCHEMA = """
CREATE TABLE events (id INTEGER NOT NULL, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
  timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT, PRIMARY KEY (id));
CREATE INDEX ix_events_sender_id ON events (sender_id);
"""


def rasa_available() -> bool:
    return BOT_PYTHON.exists()


def make_tracker_store(path: Path, conversations: dict[str, list[str]], real: bool | None = None) -> str:
    """Writes the conversations; returns the SQLAlchemy URL. real=None: Rasa's store when available."""
    if real is None:
        real = rasa_available()
    if real:
        subprocess.run([str(BOT_PYTHON), "-c", RASA_SCRIPT, str(path), json.dumps(conversations)],
                       check=True, capture_output=True, timeout=120)
    else:
        with sqlite3.connect(path) as db:
            if not db.execute("SELECT name FROM sqlite_master WHERE name = 'events'").fetchone():
                db.executescript(SCHEMA)
            for sender, texts in conversations.items():
                for text in texts:
                    db.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) "
                               "VALUES (?, 'user', 0, 'inform', ?)",
                               (sender, json.dumps({"event": "user", "text": text})))
    return f"sqlite:///{path}"


def senders(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id").fetchall())


def file_contains(path: Path, needle: str) -> bool:
    """Searches the raw bytes of a database file and its journals (also freed pages)."""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-journal")):
        if candidate.exists() and needle.encode() in candidate.read_bytes():
            return True
    return False
