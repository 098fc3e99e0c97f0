"""Database engine, sessions, the declarative base (SQLAlchemy 2) and the schema's migration at start-up."""
from __future__ import annotations

import importlib
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, CursorResult, DateTime, Delete, Engine, Update, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

MIGRATIONS = Path(__file__).with_name("migrations")
FIRST_RELEASE = "0001"  # the revision of a database made before migrations


class Base(DeclarativeBase):
    pass


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def rows_changed(session: Session, statement: Update | Delete) -> int:
    """Runs an UPDATE or DELETE (without RETURNING) and returns how many rows it changed.

    Session.execute is typed as returning a Result; for these statements it is a CursorResult,
    which has the row count (https://github.com/sqlalchemy/sqlalchemy/issues/12913)."""
    result = session.execute(statement)
    assert isinstance(result, CursorResult), type(result)
    return result.rowcount


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


def load_models() -> None:
    """Registers every area's tables on Base.metadata: each `api/<area>/models.py`."""
    for path in sorted(Path(__file__).parent.glob("*/models.py")):
        importlib.import_module(f"api.{path.parent.name}.models")


def migrate(engine: Engine) -> None:
    """Start-up: brings the database to the newest schema (`alembic upgrade head`, api/migrations).

    A database made by create_all before there were migrations (tables, no alembic_version) is stamped
    with the first release's revision first, then upgraded. An empty one gets the models' tables and the
    newest revision at once (tests/api/test_api_migrations.py checks that both ways give one schema).
    """
    load_models()
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # one process migrates at a time; the others wait
            connection.execute(text("SELECT pg_advisory_xact_lock(4216003)"))
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if not tables:
            Base.metadata.create_all(connection)
            command.stamp(config, "head")
            return
        if "alembic_version" not in tables:
            command.stamp(config, FIRST_RELEASE)
        command.upgrade(config, "head")


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for api/migrations; with a connection, the migrations run on it."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def connect(settings) -> sessionmaker:
    """A sessionmaker on the settings' database, brought up to date: for commands outside the web service."""
    engine = make_engine(settings.database_url)
    migrate(engine)
    return make_sessionmaker(engine)
