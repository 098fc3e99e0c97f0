"""Start the real Rasa server, action server and web service once per test session.

They run on free loopback ports (never 5005/5055/8000), with a temporary SQLite
database and outbox, and the trained model in models/. They are stopped again after
the session, also when a test fails.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import load_script

ROOT = Path(__file__).resolve().parents[2]


def _load_services():
    """scripts/services.py (standard library only), imported under a name of its own."""
    return load_script("scripts/services.py", "scan_services")


services = _load_services()

RESERVED_PORTS = {5005, 5055, 8000}


@dataclass(frozen=True)
class LiveServices:
    rasa: str
    actions: str
    web: str
    state_dir: Path


def pick_ports() -> dict[str, int]:
    while True:
        ports = services.free_ports(3)
        if not RESERVED_PORTS & set(ports):
            return dict(zip(["rasa", "actions", "web"], ports))


@pytest.fixture(scope="session")
def live_services(tmp_path_factory) -> LiveServices:
    missing = [str(p.relative_to(ROOT)) for p in (ROOT / ".venv/bot/bin/rasa", ROOT / ".venv/api/bin/uvicorn",
                                                  ROOT / "models/scan.tar.gz") if not p.exists()]
    if missing:
        pytest.fail(f"end-to-end tests need {', '.join(missing)}: run them through `make test`")
    state = tmp_path_factory.mktemp("services")
    settings = services.Settings(
        root=ROOT, state_dir=state, ports=pick_ports(), model_dir=ROOT / "models",
        extra_env={"ENVIRONMENT": "development", "DATABASE_URL": f"sqlite:///{state / 'e2e.db'}",
                   "OUTBOX_FILE": str(state / "outbox.jsonl")})
    log = io.StringIO()
    try:
        urls = services.start(settings, out=log)
    except services.ServiceError as error:
        pytest.fail(f"the services did not start:\n{log.getvalue()}\n{error}", pytrace=False)
    try:
        yield LiveServices(urls["rasa"], urls["actions"], urls["web"], state)
    finally:
        services.stop(settings, out=io.StringIO())
