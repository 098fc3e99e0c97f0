"""One scaled stack for the whole test session, shared by tests/scale, tests/faults, tests/badinput.

The real thing (scripts/scaled.py): PostgreSQL, Redis, nginx, two Rasa processes, the
action server and the web service on free loopback ports, state in a temporary folder.
Each folder's conftest loads this file under one module name (`scan_scale_stack`), so
all of them get the same stack; it is stopped when the session ends. Tests that break a
part repair it before they end. Also: small HTTP helpers and a conversation driver.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.support import load_script

ROOT = Path(__file__).resolve().parents[2]
PERSONAS = ROOT.parent / "shared" / "eval" / "personas"
MODULE_NAME = "scan_scale_stack"


def _load_scaled():
    return load_script("scripts/scaled.py", "scan_scaled")


scaled = sys.modules.get("scan_scaled") or _load_scaled()
_stack = None
_state_dir: Path | None = None


def acquire():
    """The session's running stack, started on first use."""
    global _stack, _state_dir
    if _stack is not None:
        return _stack
    missing = [str(p.relative_to(ROOT)) for p in (ROOT / ".venv/bot/bin/rasa", ROOT / ".venv/api/bin/uvicorn",
                                                  ROOT / "models/scan.tar.gz") if not p.exists()]
    if missing:
        pytest.fail(f"the scaled-profile tests need {', '.join(missing)}: run them through `make test`")
    _state_dir = Path(tempfile.mkdtemp(prefix="scan-scaled-test-"))
    port = next(p for p in scaled.services.free_ports(4) if p not in {5005, 5055, 8000})
    stack = scaled.Stack.load(_state_dir, processes=2, port=port)
    stack.chat_rate = "50r/s"
    log = io.StringIO()
    try:
        stack.start(out=log)
    except (scaled.StackError, scaled.services.ServiceError) as error:
        stack.stop_all(out=io.StringIO())
        pytest.fail(f"the scaled profile did not start:\n{log.getvalue()}\n{error}", pytrace=False)
    _stack = stack
    return stack


def release() -> None:
    """Stop the stack (idempotent: every folder's session fixture calls it at the end)."""
    global _stack
    if _stack is not None:
        _stack.stop_all(out=io.StringIO())
        _stack = None
    if _state_dir is not None and _state_dir.exists():
        shutil.rmtree(_state_dir, ignore_errors=True)


@contextmanager
def part_down(stack, name: str, crash: bool = False):
    """One part stopped (crash: SIGKILL) for the block; started again and answering afterwards."""
    (stack.kill if crash else stack.stop)(name)
    try:
        yield
    finally:
        if not stack.pid(name):
            stack.start_part(name, out=io.StringIO())


# --- HTTP helpers ---------------------------------------------------------------------------

def request(url: str, body: object = None, raw: bytes | None = None, method: str | None = None,
            headers: dict | None = None, timeout: float = 60) -> tuple[int, dict, bytes]:
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def say(base: str, sender: str, message: str, **extra) -> tuple[int, dict, Any]:
    """One REST-channel turn: (status, headers, replies: the JSON list, or the body as text when it is not JSON)."""
    status, headers, body = request(f"{base}/webhooks/rest/webhook", {"sender": sender, "message": message, **extra})
    try:
        return status, headers, json.loads(body)
    except ValueError:
        return status, headers, body.decode(errors="replace")


def tracker(base: str, sender: str) -> dict:
    status, _, body = request(f"{base}/conversations/{sender}/tracker?include_events=AFTER_RESTART")
    assert status == 200, body[:300]
    return json.loads(body)


def user_events(base: str, sender: str) -> list[dict]:
    return [e for e in tracker(base, sender)["events"] if e["event"] == "user"]


def customs(replies: list, kind: str) -> list[dict]:
    return [r["custom"] for r in replies if isinstance(r, dict) and isinstance(r.get("custom"), dict)
            and r["custom"].get("type") == kind]


def question_id(replies: list) -> str | None:
    asked = customs(replies, "question")
    return asked[-1]["question_id"] if asked else None


def texts(replies: list) -> str:
    return " ".join(r.get("text", "") for r in replies if isinstance(r, dict))


def persona(name: str = "p01-lasbedrijf-brabant") -> dict:
    return json.loads((PERSONAS / f"{name}.json").read_text(encoding="utf-8"))


def answer_for(values: dict, qid: str) -> str:
    value = values[qid]
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def drive(base: str, sender: str, values: dict, until: str | None = None, opening: str = "Hallo",
          metadata: dict | None = None, max_turns: int = 60) -> list:
    """Answer every question with its intended value until question `until` is asked (or the end).

    Returns the last replies; fails the test when a turn goes wrong."""
    status, _, replies = say(base, sender, opening, **({"metadata": metadata} if metadata else {}))
    for _ in range(max_turns):
        assert status == 200, replies
        qid = question_id(replies)
        if qid is None or qid == until:
            return replies
        status, _, replies = say(base, sender, answer_for(values, qid))
    pytest.fail(f"no end after {max_turns} turns: {replies}")


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def run_personas(base: str, folder: Path, report: Path) -> subprocess.CompletedProcess:
    runner = ROOT.parent / "shared" / "eval" / "run_personas.py"
    command = [sys.executable, str(runner), "--tracker", "--rasa", base, "--json", str(report), str(folder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=1200)

