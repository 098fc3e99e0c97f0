"""channels/rasa_speedups.py keeps one session (and connection) per endpoint: same requests, same
answers and errors as Rasa's `EndpointConfig.request`, one connection instead of one per call.

Against a real HTTP server on a free loopback port (aiohttp), in .venv/bot.
"""
from __future__ import annotations

import asyncio
import base64
import socket

import pytest

pytest.importorskip("rasa")

from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from channels import rasa_speedups


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def conversation(port: int) -> dict:
    """Three calls and a failing one against a server that notes each call's client port and headers."""
    seen: list[tuple[int, str, str]] = []

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        assert request.transport is not None
        seen.append((request.transport.get_extra_info("peername")[1], request.headers.get("Authorization", ""),
                     request.headers.get("X-Test", "")))
        if body.get("fail"):
            return web.json_response({"error": "nee"}, status=500)
        return web.json_response({"echo": body, "token": request.query.get("token")})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", headers={"X-Test": "ja"}, token="t0k",
                              basic_auth={"username": "rasa", "password": "geheim"})
    try:
        answers = [await endpoint.request(json={"turn": n}) for n in range(3)]
        try:
            await endpoint.request(json={"fail": True})
            error = None
        except ClientResponseError as failure:
            error = (failure.status, failure.text)
        await asyncio.sleep(rasa_speedups.KEEP_ALIVE_S + 0.5)  # idle longer than a connection is kept
        answers.append(await endpoint.request(json={"turn": "na een pauze"}))
    finally:
        await runner.cleanup()
    return {"answers": answers, "error": error, "ports": [p for p, _, _ in seen],
            "headers": {(auth, extra) for _, auth, extra in seen}}


def test_one_connection_for_many_calls_with_rasas_answers_headers_and_errors(monkeypatch):
    stock = asyncio.run(conversation(free_port()))
    monkeypatch.setattr(EndpointConfig, "session", rasa_speedups.session)
    kept = asyncio.run(conversation(free_port()))
    assert kept["answers"] == stock["answers"] and kept["error"] == stock["error"]
    assert kept["answers"][1] == {"echo": {"turn": 1}, "token": "t0k"} and stock["error"][0] == 500
    auth = "Basic " + base64.b64encode(b"rasa:geheim").decode()
    assert kept["headers"] == stock["headers"] == {(auth, "ja")}
    assert len(set(stock["ports"])) == 5  # Rasa: a new connection for every call
    assert len(set(kept["ports"][:4])) == 1  # kept: one for the calls in a row
    assert kept["ports"][4] != kept["ports"][3]  # after the pause a fresh one, and the call still works
