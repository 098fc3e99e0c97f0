"""Erasing one conversation from Rasa's SQL tracker store (RASA_TRACKER_DB_URL).

Rasa Open Source has no API for this. Its SQLTrackerStore (Rasa 3.6) keeps every event of a
conversation as a row of the table `events`, keyed by `sender_id`; deleting those rows erases
the conversation. On SQLite, secure_delete overwrites the freed pages, so the text is gone
from the file too. A missing database file or table means there is nothing to erase.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import bindparam, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

TABLE = "events"


class TrackerStoreError(RuntimeError):
    """The tracker store could not be reached or changed; nothing was claimed as erased."""


def delete_conversation(database_url: str, sender_id: str) -> int:
    """Deletes the conversation's events; returns how many rows were removed."""
    url = make_url(database_url)
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite and (not url.database or not Path(url.database).exists()):
        return 0
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            if sqlite:
                connection.exec_driver_sql("PRAGMA secure_delete=ON")
                connection.exec_driver_sql("PRAGMA busy_timeout=5000")
            if not inspect(connection).has_table(TABLE):
                return 0
            removed = connection.execute(text(f"DELETE FROM {TABLE} WHERE sender_id = :sender_id"),
                                         {"sender_id": sender_id}).rowcount
        if sqlite:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed
    except SQLAlchemyError as error:
        raise TrackerStoreError(f"the Rasa tracker store cannot be changed: {error}") from error
    finally:
        engine.dispose()


def delete_idle(database_url: str, before: float, keep: set[str]) -> list[str]:
    """Deletes every conversation whose last event is older than `before` (a Unix time), except those in
    `keep`; returns the conversation ids it deleted."""
    url = make_url(database_url)
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite and (not url.database or not Path(url.database).exists()):
        return []
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            if sqlite:
                connection.exec_driver_sql("PRAGMA secure_delete=ON")
                connection.exec_driver_sql("PRAGMA busy_timeout=5000")
            if not inspect(connection).has_table(TABLE):
                return []
            idle = [sender for (sender,) in connection.execute(text(
                f"SELECT sender_id FROM {TABLE} GROUP BY sender_id HAVING MAX(timestamp) < :before"),
                {"before": before}) if sender not in keep]
            for start in range(0, len(idle), 500):
                connection.execute(text(f"DELETE FROM {TABLE} WHERE sender_id IN :senders")
                                   .bindparams(bindparam("senders", expanding=True)),
                                   {"senders": idle[start:start + 500]})
        if sqlite and idle:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return idle
    except SQLAlchemyError as error:
        raise TrackerStoreError(f"the Rasa tracker store cannot be changed: {error}") from error
    finally:
        engine.dispose()


def count_conversation(database_url: str, sender_id: str) -> int:
    """How many events the tracker store holds for a conversation (0 without file or table)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and (not url.database or not Path(url.database).exists()):
        return 0
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table(TABLE):
                return 0
            return connection.execute(text(f"SELECT COUNT(*) FROM {TABLE} WHERE sender_id = :s"),
                                      {"s": sender_id}).scalar_one()
    finally:
        engine.dispose()
