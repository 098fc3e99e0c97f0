"""Database engine, sessions and the declarative base (SQLAlchemy 2)."""
from __future__ import annotations

import importlib
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import DateTime, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    pass


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Stores datetimes as UTC and always hands back timezone-aware values (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return value.replace(tzinfo=timezone.utc) if value is not None else None


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    load_models()  # every relationship can find the class it names
    return sessionmaker(bind=engine, expire_on_commit=False)


def connect(settings) -> sessionmaker:
    """A sessionmaker on the settings' database, its tables made: for commands outside the web service."""
    engine = make_engine(settings.database_url)
    create_tables(engine)
    return make_sessionmaker(engine)


def load_models() -> None:
    """Registers every area's tables on Base.metadata: each `api/<area>/models.py`."""
    for path in sorted(Path(__file__).parent.glob("*/models.py")):
        importlib.import_module(f"api.{path.parent.name}.models")


def create_tables(engine: Engine) -> None:
    """Start-up: makes the SQLite file's folder if needed and creates missing tables."""
    load_models()
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    Base.metadata.create_all(engine)
