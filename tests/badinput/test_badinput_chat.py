"""Odd and hostile messages on every way into the assistant, on the scaled profile.

No message over the limit (2,000 characters) reaches the model, on the REST channel, the
socket.io channel or Rasa's HTTP API; bodies of the wrong shape get a 4xx with a reason;
odd but valid text gets an ordinary answer and the open question again. Measured on
stock Rasa 3.6: one 100 KB message made the process run out of memory and die, a 10 KB
one took 2.4 s.
"""
from __future__ import annotations

import http.client
import json
import time
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

pytestmark = pytest.mark.slow
CONTROL = [chr(c) for c in range(32) if c not in (9, 10)] + ["\x7f", "\u202e"]


@pytest.fixture
def at_sector(stack):
    """A conversation whose open question is the first one (sector)."""
    sender = kit.new_sender("bad")
    status, _, replies = kit.say(stack.url(), sender, "Hallo")
    assert status == 200 and kit.question_id(replies) == "sector", replies
    return sender


def _users(stack, sender) -> list[dict]:
    return kit.user_events(stack.url(), sender)


@pytest.mark.parametrize("length", [10_000, 100_000])
def test_an_over_long_message_gets_a_kind_answer_and_never_reaches_the_model(stack, at_sector, length):
    before = _users(stack, at_sector)
    start = time.monotonic()
    status, headers, replies = kit.say(stack.url(), at_sector, "metaal " * (length // 7))
    assert time.monotonic() - start < 2
    assert status == 200 and headers.get("X-Chat-Status") == "too_long", (headers, replies)
    assert "lang bericht" in kit.texts(replies) and "2.000 tekens" in kit.texts(replies)
    assert kit.question_id(replies) == "sector", "the open question is not asked again"
    assert _users(stack, at_sector) == before, "the long message reached the model"
    assert all(stack.pid(name) and stack.answers(name) for name in stack.rasa_names)
    status, headers, replies = kit.say(stack.url(), at_sector, "metaal")
    assert status == 200 and kit.question_id(replies) == "medewerkers", replies


def test_a_body_over_256_kb_is_refused_by_nginx_and_by_rasa(stack):
    body = json.dumps({"sender": "x", "message": "a" * 300_000}).encode()
    for base in (stack.url(), stack.url(stack.rasa_names[0])):
        status, _, answer = kit.request(f"{base}/webhooks/rest/webhook", raw=body)
        assert status == 413, answer[:200]


@pytest.mark.parametrize("message", [
    "", "   ", "😀🙈👍🏽", "Привет, как дела?", "مرحبا بكم", "你好，我们做金属加工",
    "".join(CONTROL) + "metaal", "<script>alert('x')</script>", "<b>45</b> & \"quotes\" 'n <!-- -->",
    "'; DROP TABLE events; --", "%s %n {0} ${jndi:ldap://x}", "\\u0000\\ud800",
])
def test_odd_messages_get_an_ordinary_answer(stack, at_sector, message):
    status, headers, replies = kit.say(stack.url(), at_sector, message)
    assert status == 200 and headers.get("X-Chat-Status") is None, (headers, replies)
    assert replies and kit.customs(replies, "question"), replies
    assert "<script" not in json.dumps(replies, ensure_ascii=False)
    stored = _users(stack, at_sector)[-1]["text"] or ""
    assert not any(c in stored for c in CONTROL), repr(stored)


def test_control_characters_never_reach_the_tracker_store(stack, at_sector):
    status, _, replies = kit.say(stack.url(), at_sector, "met\x00aal\x1b")
    assert status == 200 and kit.question_id(replies) == "medewerkers", replies  # NUL would break PostgreSQL
    assert _users(stack, at_sector)[-1]["text"] == "metaal"


@pytest.mark.parametrize("raw, reason", [
    (b"{\"sender\": ", "not valid JSON"),
    (b"sender=x&message=hoi", "not valid JSON"),
    (b"[\"x\"]", "JSON object"),
    (b"{\"sender\": \"x\", \"message\": 5}", "must be a string"),
    (b"{\"sender\": \"x\", \"message\": null}", "missing"),
    (b"{\"sender\": {}, \"message\": \"hoi\"}", "must be a string"),
    (b"{\"sender\": \"x\", \"message\": \"hoi\", \"metadata\": 3}", "JSON object"),
    (b"", "empty"),
])
def test_wrong_bodies_get_400_with_a_reason(stack, raw, reason):
    status, _, answer = kit.request(f"{stack.url()}/webhooks/rest/webhook", raw=raw)
    assert status == 400 and reason in json.loads(answer)["error"], answer


def test_rasa_http_api_routes_to_the_model_have_the_same_limit(stack):
    rasa = stack.url(stack.rasa_names[0])
    status, _, _ = kit.request(f"{rasa}/model/parse", {"text": "a" * 5000})
    assert status == 413
    status, _, _ = kit.request(f"{rasa}/conversations/bad-api/messages", {"text": "a" * 5000, "sender": "user"})
    assert status == 413
    status, _, body = kit.request(f"{rasa}/model/parse", {"text": "metaal"})
    assert status == 200 and json.loads(body)["intent"], body
    status, _, _ = kit.request(f"{stack.url()}/model/parse", {"text": "metaal"})
    assert status == 404, "nginx must not expose the model routes"


def test_chat_is_rate_limited_per_client_address(stack):
    """nginx: 50 requests a second per address with a burst of 20; the rest get 429."""
    from concurrent.futures import ThreadPoolExecutor

    def hit(_):
        return kit.request(f"{stack.url()}/webhooks/rest/", method="GET")[0]

    time.sleep(1.5)  # the tests before may have used part of the burst
    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(hit, range(120)))
    assert statuses.count(200) >= 20 and statuses.count(429) >= 10, statuses
    assert set(statuses) == {200, 429}, statuses
    time.sleep(1.5)  # let the bucket refill for the tests after this one


def _post_from(address: str, url: str, body: bytes) -> int:
    """A form POST from another loopback address (nginx limits per client address)."""
    parsed = urllib.parse.urlsplit(url)
    assert parsed.hostname, url
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30, source_address=(address, 0))
    try:
        connection.request("POST", parsed.path, body, {"Content-Type": "application/x-www-form-urlencoded"})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize(("path", "expected"), [("/portaal/inloggen", 200), ("/healthz", 200),
                                              ("/api/v1/leads", 401)])
def test_nginx_passes_the_clients_host_and_address_on_every_web_location(stack, path, expected):
    """A location with its own proxy_set_header inherits none of the server's: the web service then saw
    Host 'web' (and no X-Forwarded-For), and a development service refused it as not local."""
    status, _, body = kit.request(f"{stack.url()}{path}", method="GET")
    assert status == expected, (path, body[:200])  # not the development service's 403 for a stranger


def test_log_in_is_rate_limited_per_client_address(stack):
    """nginx: 10 log-in requests a minute per address with a burst of 10, before the portal's own count."""
    form = b"username=nobody&password=wrong&csrf_token=stale"
    statuses = [_post_from("127.0.0.3", f"{stack.url()}/portaal/inloggen", form) for _ in range(14)]
    assert statuses[:10] == [403] * 10, statuses  # reached the portal: its CSRF check refused them
    assert statuses[10:].count(429) >= 3, statuses
    status, _, body = kit.request(f"{stack.url()}/portaal/inloggen", method="GET")
    assert status == 200, f"another address is not limited: {body[:300]!r}"


# --- socket.io (what the web widget speaks), as a minimal Engine.IO 4 polling client ---------

class SocketIO:
    def __init__(self, base: str):
        self.url = f"{base}/socket.io/?EIO=4&transport=polling"
        opened = self._get(self.url)
        assert opened.startswith("0"), opened
        self.url += "&sid=" + json.loads(opened[1:])["sid"]
        self._post("40")

    @staticmethod
    def _get(url: str) -> str:
        with urllib.request.urlopen(url, timeout=40) as response:
            return response.read().decode()

    def _post(self, packet: str) -> None:
        request = urllib.request.Request(self.url, data=packet.encode(), headers={"Content-Type": "text/plain"})
        with urllib.request.urlopen(request, timeout=40) as response:
            assert response.read().lower() == b"ok"

    def emit(self, event: str, data) -> None:
        self._post("42" + json.dumps([event, data]))

    def events(self, name: str, until: float = 30) -> list:
        """The data of events `name` received until one holds a question, the end, or time is up."""
        found, deadline = [], time.monotonic() + until
        while time.monotonic() < deadline:
            for packet in self._get(self.url).split("\x1e"):
                if packet == "2":
                    self._post("3")
                elif packet.startswith("42"):
                    event, *args = json.loads(packet[2:])
                    if event == name:
                        found.append(args[0] if args else None)
            if any(isinstance(d, dict) and isinstance(d.get("custom"), dict) for d in found):
                return found
        return found


def test_socketio_channel_has_the_same_limit_and_answers(stack):
    session = kit.new_sender("bad-sio")
    client = SocketIO(stack.url())
    client.emit("session_request", {"session_id": session})
    client.emit("user_uttered", {"message": "Hallo", "session_id": session})
    first = client.events("bot_uttered")
    assert any(d.get("custom", {}).get("question_id") == "sector" for d in first), first
    client.emit("user_uttered", {"message": "x" * 10_000, "session_id": session})
    answered = client.events("bot_uttered")
    assert "lang bericht" in " ".join(d.get("text", "") for d in answered), answered
    assert any(d.get("custom", {}).get("question_id") == "sector" for d in answered), answered
    assert [e["text"] for e in kit.user_events(stack.url(), session)] == ["Hallo"]
