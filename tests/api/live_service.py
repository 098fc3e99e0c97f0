"""The web service as a real server: `uvicorn api.main:app` in a subprocess on a free port, configured only
by the environment the test gives it (for tests of start-up, sockets, access logs and concurrency)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Settings the test decides on; whatever the developer's shell has set is left out.
OWN = ("ENVIRONMENT", "SECRET_KEY", "BOT_TOKEN", "DATABASE_URL", "PUBLIC_BASE_URL", "RASA_URL", "SMTP_",
       "DELIVERY_", "RETENTION_", "LOGIN_", "RASA_TRACKER_DB_URL", "INTERMEDIARIES_FILE", "WEBHOOK_")


@dataclass(frozen=True)
class Live:
    url: str
    log: Path
    process: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def environment(**given: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(OWN)}
    return {**env, "PYTHONPATH": str(ROOT), **given}


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def running(state: Path, host: str = "127.0.0.1", **env: str) -> Iterator[Live]:
    """Starts the service and waits until its port answers; fails with its log when it does not."""
    port = free_port(host)
    log = state / f"web-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:app", "--host", host,
                                    "--port", str(port)], cwd=ROOT, env=environment(**env),
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _answers(host, port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the web service did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        yield Live(f"http://{host}:{port}", log, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def start_outcome(state: Path, wait: float = 30, **env: str) -> tuple[bool, str]:
    """(started, log): whether the service came up and answered, or exited first."""
    port = free_port()
    log = state / f"start-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1",
                                    "--port", str(port)], cwd=ROOT, env=environment(**env),
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + wait
        while process.poll() is None and time.monotonic() < deadline:
            if _answers("127.0.0.1", port):
                return True, log.read_text(errors="replace")
            time.sleep(0.1)
        return False, log.read_text(errors="replace")
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
