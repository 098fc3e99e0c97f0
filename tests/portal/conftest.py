"""Fixtures for the portal tests: a fresh app on a real SQLite file per test, with dev log-ins seeded."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
for path in (REPO_ROOT, REPO_ROOT / "tests" / "api"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

warnings.filterwarnings("ignore", message=".*httpx.*")
from portal_testkit import EXAMPLE_REGISTRY, PUBLIC_BASE_URL, free_port  # noqa: E402

from api.identity.service import dev_credentials  # noqa: E402
from api.main import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from tests.support import TEST_BOT_TOKEN, local_client  # noqa: E402


@pytest.fixture
def state_dir(tmp_path: Path):
    """Where the test's SQLite files live: memory-backed /dev/shm when there is one (same SQLite, no disk syncs)."""
    if not os.access("/dev/shm", os.W_OK):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="portal-test-", dir="/dev/shm"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def settings(state_dir: Path) -> Settings:
    # No background worker: the delivery tests run passes themselves, with their own clock.
    return Settings(database_url=f"sqlite:///{state_dir / 'app.db'}", public_base_url=PUBLIC_BASE_URL,
                    intermediaries_file=EXAMPLE_REGISTRY, delivery_worker=False,
                    rasa_tracker_db_url=f"sqlite:///{state_dir / 'rasa_tracker.db'}",
                    smtp_host="127.0.0.1", smtp_port=free_port(), smtp_timeout_seconds=2,
                    environment="development", bot_token=TEST_BOT_TOKEN)


@pytest.fixture
def app(settings: Settings):
    return create_app(settings)


@pytest.fixture
def client(app):
    with local_client(app) as test_client:
        yield test_client


@pytest.fixture
def creds(settings: Settings) -> dict[str, dict[str, str]]:
    return dev_credentials(settings)


@pytest.fixture
def other_client(app):
    """A second browser on the same app (another intermediary)."""
    with local_client(app) as test_client:
        yield test_client
