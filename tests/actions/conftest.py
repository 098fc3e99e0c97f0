"""Fixtures for action tests: real trackers, a real dispatcher, and the real web service."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from actions.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]
UVICORN = ROOT / ".venv" / "api" / "bin" / "uvicorn"
BOT_TOKEN = "bot-token-of-the-action-tests-0123456789"  # the action server's token, as services.py gives it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def fresh_settings():
    """The action server reads its settings once; each test reads them again from its environment."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def web_service(tmp_path_factory):
    """The FastAPI web service on a free port with its own SQLite database."""
    if not UVICORN.exists():
        pytest.fail(f"{UVICORN} is missing: run `make setup` first")
    port = free_port()
    db = tmp_path_factory.mktemp("web") / "app.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
           "ENVIRONMENT": "development", "BOT_TOKEN": BOT_TOKEN, "DELIVERY_WORKER": "false"}
    process = subprocess.Popen([str(UVICORN), "api.main:app", "--app-dir", str(ROOT), "--host", "127.0.0.1",
                                "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("web service did not start")
    yield url, db
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def service_up(web_service, monkeypatch, tmp_path):
    url, _ = web_service
    monkeypatch.setenv("WEB_URL", url)
    monkeypatch.setenv("PUBLIC_BASE_URL", url)
    monkeypatch.setenv("BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("OUTBOX_FILE", str(tmp_path / "outbox.jsonl"))
    return url


@pytest.fixture
def web_db(web_service):
    """The web service's SQLite file, to check what it stored."""
    return web_service[1]


@pytest.fixture
def service_down(monkeypatch, tmp_path):
    monkeypatch.setenv("WEB_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
    monkeypatch.setenv("BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("OUTBOX_FILE", str(tmp_path / "outbox.jsonl"))
    return tmp_path / "outbox.jsonl"


