"""Client for the web service (the system of record), with an outbox so nothing is lost.

Every write is an idempotent PUT keyed by an id the bot generated, so a write that failed
is kept in a local outbox file and sent again later (before the next write) without any
risk of duplicates.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
from pathlib import Path

import aiohttp

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = aiohttp.ClientTimeout(total=float(os.environ.get("WEB_TIMEOUT_S", "5")))


class Unavailable(Exception):
    """The web service could not be reached or refused the request."""


def base_url() -> str:
    return os.environ.get("WEB_URL", "http://127.0.0.1:8000").rstrip("/")


def public_base_url() -> str:
    return os.environ.get("PUBLIC_BASE_URL", base_url()).rstrip("/")


def outbox_path() -> Path:
    return Path(os.environ.get("OUTBOX_FILE", ROOT / "var" / "outbox.jsonl"))


_lock = asyncio.Lock()


async def _send(session: aiohttp.ClientSession, method: str, path: str, body: dict) -> dict:
    async with session.request(method, base_url() + path, json=body) as response:
        if response.status >= 500:
            raise Unavailable(f"{method} {path}: HTTP {response.status}")
        data = await response.json(content_type=None)
        if response.status >= 400:
            raise ValueError(f"{method} {path}: HTTP {response.status}: {data}")
        return data


async def _flush(session: aiohttp.ClientSession) -> None:
    file = outbox_path()
    if not file.exists():
        return
    pending = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    left = []
    for item in pending:
        if item.get("refused"):
            left.append(item)
            continue
        try:
            await _send(session, item["method"], item["path"], item["body"])
        except (aiohttp.ClientError, asyncio.TimeoutError, Unavailable):
            left.append(item)
        except ValueError as error:
            log.error("outbox item refused, kept for inspection: %s", error)
            left.append({**item, "refused": str(error)})
    _write(file, left)


def _write(file: Path, items: list[dict]) -> None:
    if not items:
        file.unlink(missing_ok=True)
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    tmp.replace(file)


async def put(path: str, body: dict) -> dict | None:
    """Idempotent write. Returns the answer, or None when it was queued in the outbox."""
    return await write("PUT", path, body, key=path)


async def write(method: str, path: str, body: dict, key: str) -> dict | None:
    """An idempotent write; on failure it waits in the outbox, where a newer one with the same key replaces it."""
    async with _lock:
        try:
            async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
                await _flush(session)
                return await _send(session, method, path, body)
        except (aiohttp.ClientError, asyncio.TimeoutError, Unavailable) as error:
            log.warning("web service unavailable, queued %s: %s", key, error)
            file = outbox_path()
            items = [json.loads(l) for l in file.read_text(encoding="utf-8").splitlines() if l.strip()] if file.exists() else []
            items = [i for i in items if i.get("key", i["path"]) != key]
            _write(file, items + [{"method": method, "path": path, "body": body, "key": key}])
            return None


async def post(path: str, body: dict) -> dict | None:
    """A read-like request (no side effects); None when the service is unavailable."""
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            return await _send(session, "POST", path, body)
    except (aiohttp.ClientError, asyncio.TimeoutError, Unavailable, ValueError) as error:
        log.warning("web service: %s failed: %s", path, error)
        return None
