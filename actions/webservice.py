"""Client for the web service (the system of record), with an outbox so nothing is lost.

Every write is idempotent, keyed by an id the bot generated. A write that fails waits in
a local outbox file (a newer write with the same key replaces it) and is sent again by a
flusher every few seconds (OUTBOX_FLUSH_S), and before any later write, so no write overtakes an older one
and nothing is stored twice. While the outbox is empty (the normal case) writes go out at
once over one shared keep-alive connection pool, without waiting for each other.

A write the service refuses for good (a 4xx other than 401/403/408/429: the request itself is
wrong, or the data is gone, e.g. 410 for a lead whose owner erased it) is never sent again: a
409 or 410 is dropped at once, any other is kept for inspection for OUTBOX_REFUSED_DAYS (7) and
then dropped, since it may hold the owner's contact data. 401/403 (a token that does not match),
408, 429, 502, 503, 504 and no answer mean "not now": the write and all after it wait like during
an outage. Any other 5xx is this write's own failure: it waits, and so does every later write of
the same conversation (its strand), but other conversations' writes go on, so one write that keeps
failing never holds the whole outbox.
"""
from __future__ import annotations

import asyncio
import json
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import aiohttp

from actions.settings import get_settings

log = logging.getLogger(__name__)
FAILURES = (aiohttp.ClientError, asyncio.TimeoutError)
NOT_NOW = frozenset({401, 403, 408, 429})  # the request may succeed later as it is
DOWN = frozenset({502, 503, 504})  # the service (or the proxy before it) is not there
SETTLED = frozenset({409, 410})  # the service keeps its own truth (e.g. the owner erased the lead)


class Unavailable(Exception):
    """The web service could not be reached or cannot take the request now."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def service_down(self) -> bool:
        """No answer, a gateway's 502/503/504 or a "not now" status: every write would fail alike."""
        return self.status is None or self.status in DOWN or self.status in NOT_NOW


class Refused(ValueError):
    """The web service refused the request for good (a 4xx): sending it again changes nothing."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def base_url() -> str:
    return get_settings().web_base


def public_base_url() -> str:
    return get_settings().public_base


def outbox_path() -> Path:
    return get_settings().outbox_file


class _PerLoop:
    """The session, outbox lock and flusher of one event loop (the action server has one)."""

    def __init__(self) -> None:
        timeout = aiohttp.ClientTimeout(total=get_settings().web_timeout_s)
        self.session = aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=32))
        self.lock = asyncio.Lock()
        self.flusher: asyncio.Task | None = None


_state: dict[int, _PerLoop] = {}


def _here() -> _PerLoop:
    """This loop's state, with its flusher running."""
    loop = asyncio.get_running_loop()
    for key in [k for k in _state if k != id(loop)]:
        _state.pop(key)  # a loop that is gone (tests run one per call)
    here = _state.setdefault(id(loop), _PerLoop())
    if here.flusher is None or here.flusher.done():
        here.flusher = loop.create_task(_flush_periodically(here))
    return here


def start_flusher() -> None:
    """Sends what waits in the outbox every OUTBOX_FLUSH_S seconds (5), from now on; idempotent."""
    _here()


async def _flush_periodically(here: _PerLoop) -> None:
    try:
        while True:
            await asyncio.sleep(get_settings().outbox_flush_s)
            if outbox_path().exists():
                try:
                    async with here.lock:
                        await _flush(here.session)
                except Exception:  # the flusher must outlive any single bad round
                    log.exception("outbox flush failed")
    finally:  # the loop is shutting down
        await here.session.close()


def _headers() -> dict[str, str]:
    token = get_settings().bot_token
    return {"Authorization": f"Bearer {token}"} if token else {}


async def _send(session: aiohttp.ClientSession, method: str, path: str, body: dict) -> dict:
    async with session.request(method, base_url() + path, json=body, headers=_headers()) as response:
        if response.status >= 500 or response.status in NOT_NOW:
            raise Unavailable(f"{method} {path}: HTTP {response.status}", response.status)
        data = await response.json(content_type=None)
        if response.status >= 400:
            raise Refused(response.status, f"{method} {path}: HTTP {response.status}: {data}")
        return data


def refused_days() -> float:
    return get_settings().outbox_refused_days


def _expired(item: dict, now: datetime) -> bool:
    try:
        refused_at = datetime.fromisoformat(item["refused_at"])
    except (KeyError, TypeError, ValueError):
        return False  # written before refusals were dated: dated now, dropped after the period
    return refused_at < now - timedelta(days=refused_days())


def _read(file: Path) -> list[dict]:
    if not file.exists():
        return []
    return [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]


def strand(path: str, body: dict) -> frozenset[str]:
    """The ids that tie a write to one conversation: its own id, its conversation's, its assessment's
    (a lead's), the conversations of an events batch. Writes sharing one keep their order."""
    ids = {path.rstrip("/").rsplit("/", 1)[-1]}
    ids.update(str(body[k]) for k in ("conversation_id", "assessment_id") if body.get(k))
    ids.update(str(e["conversation_id"]) for e in body.get("events", []) if isinstance(e, dict)
               and e.get("conversation_id"))
    return frozenset(ids)


async def _flush(session: aiohttp.ClientSession) -> frozenset[str]:
    """Sends the outbox in order; what cannot be sent yet stays (the caller holds the lock). Returns
    the strands held back by a write that failed on its own (a 500), which later writes must not overtake."""
    file = outbox_path()
    items, left = _read(file), []
    held: set[str] = set()
    now = datetime.now(timezone.utc)
    for index, item in enumerate(items):
        if item.get("refused"):
            if not _expired(item, now):
                left.append({"refused_at": now.isoformat(), **item})
            continue
        ids = strand(item["path"], item["body"])
        if ids & held:
            left.append(item)  # an earlier write of this conversation still fails: keep the order
            continue
        try:
            await _send(session, item["method"], item["path"], item["body"])
        except Unavailable as error:
            if error.service_down:
                left += items[index:]  # still down: the rest waits for the next round, in order
                break
            if not item.get("failing_since"):
                log.error("outbox: %s fails in the web service (%s); its conversation waits, others go on",
                          item.get("key"), error)
            left.append({**item, "failing_since": item.get("failing_since") or now.isoformat()})
            held |= ids
        except FAILURES:
            left += items[index:]
            break
        except Refused as error:
            if error.status in SETTLED:
                log.warning("outbox: %s refused for good (HTTP %d), dropped", item.get("key"), error.status)
                continue
            log.error("outbox item refused, kept for inspection for %g days: %s", refused_days(), error)
            left.append({**item, "refused": str(error), "refused_at": now.isoformat()})
    if left != items:
        _write(file, left)
    return frozenset(held)


def _write(file: Path, items: list[dict]) -> None:
    if not items:
        file.unlink(missing_ok=True)
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    tmp.replace(file)


def _replace(key: str, new: dict | None = None) -> None:
    """Removes the queued write with this key and queues `new` (if given) at the end."""
    file = outbox_path()
    items = _read(file)
    kept = [i for i in items if i.get("key", i["path"]) != key] + ([new] if new else [])
    if kept != items:
        _write(file, kept)


async def put(path: str, body: dict) -> dict | None:
    """Idempotent write. Returns the answer, or None when it was queued in the outbox."""
    return await write("PUT", path, body, key=path)


async def write(method: str, path: str, body: dict, key: str) -> dict | None:
    """An idempotent write; on failure it waits in the outbox, where a newer one with the same key replaces it."""
    here = _here()
    try:
        if not outbox_path().exists():
            return await _send(here.session, method, path, body)
        async with here.lock:  # older writes first, so none is overtaken
            held = await _flush(here.session)
            if strand(path, body) & held:   # an older write of this conversation still fails: queue behind it
                _replace(key, {"method": method, "path": path, "body": body, "key": key})
                return None
            answer = await _send(here.session, method, path, body)
            _replace(key)  # an older write with this key that is still queued would undo this one
            return answer
    except (*FAILURES, Unavailable) as error:
        log.warning("web service unavailable, queued %s: %s", key, error)
        async with here.lock:
            _replace(key, {"method": method, "path": path, "body": body, "key": key})
        return None


def queue(method: str, path: str, body: dict, key: str) -> None:
    """Puts a write in the outbox at once, without trying it (the flusher sends it)."""
    _replace(key, {"method": method, "path": path, "body": body, "key": key})


async def post(path: str, body: dict) -> dict | None:
    """A read-like request (no side effects); None when the service is unavailable."""
    try:
        return await _send(_here().session, "POST", path, body)
    except (*FAILURES, Unavailable, ValueError) as error:
        log.warning("web service: %s failed: %s", path, error)
        return None
