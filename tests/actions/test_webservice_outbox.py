"""The action server's outbox (actions/webservice.py) against a real HTTP server that counts requests."""
from __future__ import annotations

import asyncio
import json

from aiohttp import web

from actions import webservice
from actions.settings import get_settings


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
            get_settings.cache_clear()  # the action server reads its settings once: again, as after a restart
            assert await webservice.put("/api/v1/assessments/a", {"version": 2}) == {"ok": True}
            return seen
        finally:
            await runner.cleanup()

    seen = asyncio.run(scenario())
    assert [item["key"] for item in queued(outbox)] == ["events:1"]  # version 1 is not sent after version 2
    assert [body.get("version") for path, body in seen if path == "/api/v1/assessments/a"] == [2]


def test_a_write_the_service_refuses_for_good_is_dropped_and_never_sent_again(monkeypatch, tmp_path):
    """409/410 (a withdrawn lead): dropped at once; another 4xx: kept for inspection, then dropped too."""
    outbox = tmp_path / "outbox.jsonl"
    monkeypatch.setenv("OUTBOX_FILE", str(outbox))
    answers = {"/api/v1/leads/weg": 410, "/api/v1/leads/conflict": 409, "/api/v1/leads/fout": 422,
               "/api/v1/leads/goed": 200}

    async def scenario():
        runner, url, seen = await serve(lambda path, body: answers[path])
        try:
            monkeypatch.setenv("WEB_URL", url.replace("127.0.0.1", "127.0.0.2"))  # down: all four queued
            for path in answers:
                assert await webservice.put(path, {"contact": {"contact_email": "henk@devonk.example"}}) is None
            monkeypatch.setenv("WEB_URL", url)
            get_settings.cache_clear()
            async with webservice._here().lock:
                await webservice._flush(webservice._here().session)
                await webservice._flush(webservice._here().session)  # a second round sends nothing again
            return seen
        finally:
            await runner.cleanup()

    seen = asyncio.run(scenario())
    assert [path for path, _ in seen] == list(answers)
    [kept] = queued(outbox)
    assert kept["key"] == "/api/v1/leads/fout" and "422" in kept["refused"] and kept["refused_at"]

    # Kept no longer than OUTBOX_REFUSED_DAYS.
    kept["refused_at"] = "2000-01-01T00:00:00+00:00"
    outbox.write_text(json.dumps(kept) + "\n")

    async def later():
        async with webservice._here().lock:
            await webservice._flush(webservice._here().session)

    asyncio.run(later())
    assert not outbox.exists()


def test_a_write_that_keeps_failing_holds_only_its_own_conversation(monkeypatch, tmp_path):
    """A 500 on one write (a bug the service hits on that data): the writes of other conversations
    go on; later writes of the same conversation wait behind it, in order; a 503 still holds all."""
    outbox = tmp_path / "outbox.jsonl"
    monkeypatch.setenv("OUTBOX_FILE", str(outbox))
    broken = {"/api/v1/assessments/a-stuck"}
    down = {"on": True}

    def status_for(path, body):
        if down["on"]:
            return 503
        return 500 if path in broken else 200

    async def scenario():
        runner, url, seen = await serve(status_for)
        monkeypatch.setenv("WEB_URL", url)
        try:
            assert await webservice.put("/api/v1/assessments/a-stuck", {"conversation_id": "c1"}) is None
            assert await webservice.put("/api/v1/assessments/a-ok", {"conversation_id": "c2"}) is None
            assert await webservice.put("/api/v1/leads/l1", {"assessment_id": "a-stuck"}) is None
            assert len(seen) == 1 + 2 + 2  # each later write tries the queue's head (503: all wait), then itself
            down["on"] = False
            seen.clear()
            async with webservice._here().lock:
                await webservice._flush(webservice._here().session)
            after_flush = [path for path, _ in seen]
            # a new write of the held conversation queues behind it; another conversation's goes out
            held = await webservice.write("POST", "/api/v1/events", {"events": [{"conversation_id": "c1"}]},
                                          key="events:x")
            other = await webservice.put("/api/v1/assessments/a-new", {"conversation_id": "c3"})
            return after_flush, held, other
        finally:
            await runner.cleanup()

    after_flush, held, other = asyncio.run(scenario())
    assert after_flush == ["/api/v1/assessments/a-stuck", "/api/v1/assessments/a-ok"]  # the lead waits, c2 went
    assert held is None and other == {"ok": True}
    left = queued(outbox)
    assert [item["key"] for item in left] == ["/api/v1/assessments/a-stuck", "/api/v1/leads/l1", "events:x"]
    assert left[0]["failing_since"]


def test_a_refused_token_is_not_a_refusal_for_good(monkeypatch, tmp_path):
    """401 (BOT_TOKEN changed on one side only): the write waits until the tokens agree again."""
    outbox = tmp_path / "outbox.jsonl"
    monkeypatch.setenv("OUTBOX_FILE", str(outbox))
    status = {"now": 401}

    async def scenario():
        runner, url, seen = await serve(lambda path, body: status["now"])
        monkeypatch.setenv("WEB_URL", url)
        try:
            assert await webservice.put("/api/v1/assessments/a", {"n": 1}) is None
            status["now"] = 200
            assert await webservice.put("/api/v1/assessments/b", {"n": 2}) == {"ok": True}
            return seen
        finally:
            await runner.cleanup()

    seen = asyncio.run(scenario())
    assert [path for path, _ in seen] == ["/api/v1/assessments/a", "/api/v1/assessments/a", "/api/v1/assessments/b"]
    assert not outbox.exists()


def test_a_lead_replayed_after_the_owners_erasure_is_dropped_and_stays_erased(service_up, web_db):
    """The real web service: the lead was stored but its answer lost, the owner erased, then the outbox
    repeats the PUT. The service answers 410, the outbox drops it, the contact data stays gone."""
    import re
    import sqlite3
    import urllib.parse
    import urllib.request

    from action_trackers import SCAN_ANSWERS

    from bot.questionnaire import load

    token = "replay-na-verwijderen-0123456789"
    answers = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja",
               "eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja"}
    lead = {"assessment_id": "replay-a", "intermediary_id": "brabant-maakt-slimmer",
            "consent": {"given": True, "text_version": load().consent_version, "at": "2025-11-20T10:15:00+01:00"},
            "contact": {"bedrijfsnaam": "Lasbedrijf Replay B.V.", "kvk_nummer": "12345678", "contact_naam": "Henk",
                        "contact_email": "henk@replay.example", "contact_telefoon": "0612345678"}}

    async def store():
        assert await webservice.put("/api/v1/assessments/replay-a", {
            "conversation_id": "conv-replay", "report_token": token, "questionnaire_version": load().version,
            "answers": answers, "campaign": {}})
        assert (await webservice.post("/api/v1/routing/preview", {"assessment_id": "replay-a"}))["intermediary_id"] \
            == "brabant-maakt-slimmer"
        assert await webservice.put("/api/v1/leads/replay-l", lead)

    asyncio.run(store())
    page = urllib.request.urlopen(f"{service_up}/rapport/{token}/verwijderen").read().decode()
    code = re.search(r'name="code" value="([^"]+)"', page).group(1)
    urllib.request.urlopen(urllib.request.Request(f"{service_up}/rapport/{token}/verwijderen",
                                                  data=urllib.parse.urlencode({"code": code}).encode()))
    outbox = webservice.outbox_path()
    outbox.write_text(json.dumps({"method": "PUT", "path": "/api/v1/leads/replay-l", "body": lead,
                                  "key": "/api/v1/leads/replay-l"}) + "\n")

    async def flush():
        async with webservice._here().lock:
            await webservice._flush(webservice._here().session)

    asyncio.run(flush())
    assert not outbox.exists()
    with sqlite3.connect(web_db) as db:
        rows = db.execute("SELECT status, contact FROM leads WHERE id = 'replay-l'").fetchall()
        assert rows == [("ingetrokken", "{}")]
