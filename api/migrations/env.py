"""Alembic's environment for the web service's database: the models' metadata (every api/<area>/models.py)
and the connection api.db.migrate() hands over, or from the command line the settings' DATABASE_URL."""
from __future__ import annotations

from alembic import context

from api.db import Base, load_models, make_engine
from api.settings import get_settings

load_models()


def run(connection) -> None:
    # Batch mode: SQLite alters a table by copying it, so ALTER works there as on PostgreSQL.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    with make_engine(get_settings().database_url).begin() as connection:
        run(connection)
