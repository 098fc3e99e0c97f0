"""The action server's outbox (actions/webservice.py) against a real HTTP server that counts requests."""
from __future__ import annotations

import asyncio
import json

from aiohttp import web

from actions import webservice


async def serve(status_for):
    """An HTTP server answering each request with status_for(path, body); returns (runner, url, seen)."""
    seen: list[tuple[str, dict]] = []

    async def handle(request: web.Request) -> web.Response:
        body = await request.json()
        seen.append((request.path, body))
        return web.json_response({"ok": True}, status=status_for(request.path, body))

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}", seen


def queued(outbox):
    return [json.loads(line) for line in outbox.read_text().splitlines()] if outbox.exists() else []


def test_while_the_service_fails_a_flush_tries_once_not_once_per_queued_write(monkeypatch, tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    monkeypatch.setenv("OUTBOX_FILE", str(outbox))

    async def scenario():
        runner, url, seen = await serve(lambda path, body: 503)
        monkeypatch.setenv("WEB_URL", url)
        try:
            for n in range(5):
                assert await webservice.put(f"/api/v1/assessments/a{n}", {"n": n}) is None
            return seen
        finally:
            await runner.cleanup()

    seen = asyncio.run(scenario())
    # the first write fails once; each later one: one try of the queue's head, then itself
    assert len(seen) == 1 + 2 * 4
    assert [item["key"] for item in queued(outbox)] == [f"/api/v1/assessments/a{n}" for n in range(5)]


def test_a_newer_write_is_never_undone_by_an_older_queued_one(monkeypatch, tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    monkeypatch.setenv("OUTBOX_FILE", str(outbox))
    stuck = "/api/v1/events"

    async def scenario():
        # events fail for now (a bad batch); assessments are taken
        runner, url, seen = await serve(lambda path, body: 503 if path == stuck else 200)
        monkeypatch.setenv("WEB_URL", url)
        try:
            monkeypatch.setenv("WEB_URL", url.replace("127.0.0.1", "127.0.0.2"))  # down: both queued
            await webservice.write("POST", stuck, {"events": []}, key="events:1")
            await webservice.put("/api/v1/assessments/a", {"version": 1})
            monkeypatch.setenv("WEB_URL", url)
            assert await webservice.put("/api/v1/assessments/a", {"version": 2}) == {"ok": True}
            return seen
        finally:
            await runner.cleanup()

    seen = asyncio.run(scenario())
    assert [item["key"] for item in queued(outbox)] == ["events:1"]  # version 1 is not sent after version 2
    assert [body.get("version") for path, body in seen if path == "/api/v1/assessments/a"] == [2]
