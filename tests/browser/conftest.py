"""Browser tests: headless Chromium (Debian's, driven by Playwright) against the real services.

The Rasa server, action server and web service start once per session on free loopback
ports with a temporary database, as in tests/e2e, and a development mail sink whose maildir the
tests read (`live.mail_dir`). To iterate faster against services that already run, set
BROWSER_TEST_SERVICES="<rasa url> <web url> [<maildir>]" (they must use this checkout).
Screenshots go to results/screenshots/.
"""
from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import load_script

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "results" / "screenshots"
RESERVED_PORTS = {5005, 5055, 8000}
FIXED_CHANNEL = "channels.socketio_channel.SocketIOInput"


def _load_services():
    """scripts/services.py (standard library only), imported under a name of its own."""
    return load_script("scripts/services.py", "browser_services")


@dataclass(frozen=True)
class Live:
    rasa: str
    web: str
    mail_dir: Path | None = None  # the mail sink's maildir (e-mails the web service sent)
    bot_token: str | None = None  # for the bot's endpoints, to store data the way the action server does


@pytest.fixture(scope="session")
def live(tmp_path_factory) -> Live:
    given = os.environ.get("BROWSER_TEST_SERVICES", "").split()
    if given:
        yield Live(given[0].rstrip("/"), given[1].rstrip("/"), Path(given[2]) if len(given) > 2 else None,
                   os.environ.get("BOT_TOKEN"))
        return
    missing = [str(p.relative_to(ROOT)) for p in (ROOT / ".venv/bot/bin/rasa", ROOT / ".venv/api/bin/uvicorn",
                                                  ROOT / "models/scan.tar.gz") if not p.exists()]
    if missing:
        pytest.fail(f"browser tests need {', '.join(missing)}: run them through `make test`")
    if re.search(r"^socketio\s*:", (ROOT / "credentials.yml").read_text(encoding="utf-8"), re.M):
        pytest.fail(f"credentials.yml must name {FIXED_CHANNEL} (or a subclass) instead of `socketio`: "
                    f"Rasa 3.6's own socket.io channel never delivers bot messages with python-socketio 5 "
                    f"(see channels/socketio_channel.py)", pytrace=False)
    services = _load_services()
    state = tmp_path_factory.mktemp("browser-services")
    while True:
        ports = dict(zip(["rasa", "actions", "web", "mail"], services.free_ports(4)))
        if not RESERVED_PORTS & set(ports.values()):
            break
    settings = services.Settings(
        root=ROOT, state_dir=state, ports=ports, model_dir=ROOT / "models",
        extra_env={"ENVIRONMENT": "development", "DATABASE_URL": f"sqlite:///{state / 'browser.db'}",
                   "OUTBOX_FILE": str(state / "outbox.jsonl"),
                   "RASA_TRACKER_DB": str(state / "rasa_tracker.db"),
                   "RASA_TRACKER_DB_URL": f"sqlite:///{state / 'rasa_tracker.db'}"})
    log = io.StringIO()
    try:
        urls = services.start(settings, out=log)
    except services.ServiceError as error:
        pytest.fail(f"the services did not start:\n{log.getvalue()}\n{error}", pytrace=False)
    try:
        yield Live(urls["rasa"], urls["web"], state / "mail", os.environ.get("BOT_TOKEN") or services.bot_token(state))
    finally:
        services.stop(settings, out=io.StringIO())


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (scripts/run_tests.py does it as root)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
