"""Fixtures for the analytics tests.

`dataset`: one generated data set (2,500 conversations, several campaigns, 12 weeks across a
new year) posted through POST /api/v1/events into a real SQLite file, with leads whose statuses
the generator chose; shared read-only by the figure tests. `fresh_client`: a new app and
database for tests that write.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

warnings.filterwarnings("ignore", message=".*httpx.*")
from analytics_testkit import (  # noqa: E402
    ABANDON_MINUTES,
    CONVERSATIONS,
    END,
    NOW,
    SEED,
    Dataset,
    add_lead,
    generator,
    make_settings,
    post_events,
)

from api.analytics.deps import get_now  # noqa: E402
from api.main import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from tests.support import local_client  # noqa: E402


@pytest.fixture(scope="session")
def dataset(tmp_path_factory) -> Dataset:
    settings = make_settings(tmp_path_factory.mktemp("analytics") / "app.db", analytics_abandon_minutes=ABANDON_MINUTES)
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: NOW
    generated = list(generator.generate(CONVERSATIONS, SEED, END, 12))
    events = [event for conversation in generated for event in conversation.events]
    leads = {c.conversation_id: c.lead_status for c in generated if c.lead_status}
    with local_client(app) as client:
        assert post_events(client, events) == len(events)
        with app.state.sessionmaker() as session:
            for conversation_id, status in leads.items():
                add_lead(session, conversation_id, status)
            # Neither may change a figure: a lead of a conversation the analytics never saw, and a
            # second, new lead of a conversation whose first lead was accepted.
            add_lead(session, "onbekend-gesprek", "afgerond")
            accepted = next(c for c, s in leads.items() if s == "afgerond")
            add_lead(session, accepted, "nieuw")
            session.commit()
        yield Dataset(app, client, settings, events, leads, NOW, ABANDON_MINUTES)


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "app.db")


@pytest.fixture
def fresh_app(fresh_settings: Settings):
    return create_app(fresh_settings)


@pytest.fixture
def fresh_client(fresh_app):
    with local_client(fresh_app) as client:
        yield client
