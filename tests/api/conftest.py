"""Fixtures for the web service tests: a fresh app on a real SQLite file per test."""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# Starlette 1.x warns that its TestClient prefers httpx2; httpx works the same for these tests.
warnings.filterwarnings("ignore", message=".*httpx.*")
from api_testkit import EXAMPLE_REGISTRY, PUBLIC_BASE_URL, RASA_URL  # noqa: E402

from api.main import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from tests.support import TEST_BOT_TOKEN, local_client  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'app.db'}", public_base_url=PUBLIC_BASE_URL,
                    rasa_url=RASA_URL, intermediaries_file=EXAMPLE_REGISTRY, environment="development",
                    bot_token=TEST_BOT_TOKEN)


@pytest.fixture
def app(settings: Settings):
    return create_app(settings)


@pytest.fixture
def client(app):
    with local_client(app) as test_client:
        yield test_client


