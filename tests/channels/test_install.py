"""channels.install(): the one call that changes Rasa. Importing any module of channels/ changes
nothing; the call changes what it names, once; the channels refuse to run without it; and what
it changes in Rasa's processor and fail-safe tracker store is checked against stock Rasa with
the trained model (models/scan.tar.gz, `make train`): a failed action is known from Rasa's own
code path (logging switched off), the turn is then not saved, an action's rejection of input is
no failure, a broken tracker store is an error instead of an empty conversation.

Each check runs in a fresh .venv/bot interpreter (the changes are process-wide).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "scan.tar.gz"
ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "3",
       "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}

IMPORTS = r'''
import json, pkgutil, importlib, sys
import channels

def rasa_now():
    import jsonschema
    from rasa.core.processor import MessageProcessor
    from rasa.core.tracker_store import FailSafeTrackerStore
    from rasa.nlu.utils.spacy_utils import SpacyNLP
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig
    return {"validate": jsonschema.validate, "resolve": Event.__dict__["resolve_by_type"].__func__,
            "applied": DialogueStateTracker.applied_events, "session": EndpointConfig.session,
            "spacy": SpacyNLP.__dict__["load_model"].__func__, "run_action": MessageProcessor._run_action,
            "save_tracker": MessageProcessor.save_tracker,
            "store_error": FailSafeTrackerStore.on_tracker_store_error,
            "retrieve_error": FailSafeTrackerStore.on_tracker_store_retrieve_error}

names = sorted(m.name for m in pkgutil.iter_modules(channels.__path__))
for name in names:
    importlib.import_module(f"channels.{name}")
stock = rasa_now()
from channels import tensorflow_on_demand
hooks = [type(f).__name__ for f in sys.meta_path if type(f).__module__.startswith("channels")]
from channels.limited import LimitedRestInput
try:
    LimitedRestInput()
    refused = None
except RuntimeError as error:
    refused = str(error)
found = {"modules": names, "hooks": hooks, "refused": refused}
channels.install()
once = rasa_now()
channels.install()
twice = rasa_now()
found["changed"] = sorted(k for k in stock if stock[k] is not once[k])
found["second_call_same"] = all(once[k] is twice[k] for k in once)
found["channel_made"] = type(LimitedRestInput()).__name__
print(json.dumps(found))
'''


def run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=ENV)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_changes_nothing_install_changes_rasa_once_and_the_channels_need_it():
    found = run(IMPORTS)
    assert {"limited", "turns", "rasa_speedups", "tensorflow_on_demand", "server", "locks",
            "compacting_store"} <= set(found["modules"])
    assert found["hooks"] == []  # no import hook of ours either
    assert found["refused"] and "channels.install()" in found["refused"]
    assert found["changed"] == ["applied", "resolve", "retrieve_error", "run_action", "save_tracker", "session",
                                "spacy", "store_error", "validate"]
    assert found["second_call_same"] and found["channel_made"] == "LimitedRestInput"


TURNS = r'''
import asyncio, json, logging, sqlite3, sys
mode, model, db = sys.argv[1:4]
if mode == "installed":
    import channels
    channels.install()
    logging.disable(logging.CRITICAL)  # a failure must be known without any log record
from aiohttp import web
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.utils.endpoints import EndpointConfig
from channels.compacting_store import CompactingSQLTrackerStore
from channels.text import Incoming

async def webhook(request):
    """The action server's wire format: every action answers with its name, except in a turn
    whose message is "kapot" (HTTP 500), and the form's validation of "weiger", which rejects it
    (HTTP 400: Rasa's rejection of a form's input)."""
    body = await request.json()
    text = body["tracker"]["latest_message"].get("text")
    if text == "kapot":
        return web.json_response({"error": "stuk"}, status=500)
    if text == "weiger" and body["next_action"] == "validate_scan_form":
        return web.json_response({"action_name": body["next_action"], "error": "nee"}, status=400)
    return web.json_response({"events": [], "responses": [{"text": body["next_action"]}]})

def rows(sender):
    with sqlite3.connect(db) as connection:
        return [list(r) for r in connection.execute(
            "SELECT type_name, action_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))]

async def main():
    app = web.Application()
    app.router.add_post("/webhook", webhook)
    app.router.add_get("/health", lambda request: web.json_response({"status": "ok"}))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/webhook"
    store = CompactingSQLTrackerStore(dialect="sqlite", db=db)
    agent = Agent.load(model, tracker_store=store, action_endpoint=EndpointConfig(url))
    found = {}
    if mode == "installed":
        from channels.turns import TurnRunner
        turns = TurnRunner()
        async def say(sender, text):
            turn = await turns.run(agent, Incoming(sender, text), "rest")
            return [m.get("text") for m in turn.messages], turn.status
    else:
        async def say(sender, text):
            messages = await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender))
            return [m.get("text") for m in messages or []], "ok"
    for text in ("hallo", "kapot", "weiger"):
        sender = f"s-{text}"
        if text != "hallo":
            await say(sender, "hallo")
        before = rows(sender)
        replies, status = await say(sender, text)
        found[text] = {"replies": replies, "status": status, "before": before, "after": rows(sender)}
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TABLE events")  # the tracker store breaks
    try:
        found["broken_store_retrieve"] = repr(await agent.tracker_store.retrieve("s-hallo"))
    except Exception as error:
        found["broken_store_retrieve"] = type(error).__name__
    found["broken_store_turn"] = (await say("s-hallo", "nog iets"))[1] if mode == "installed" else None
    await runner.cleanup()
    print(json.dumps(found))

asyncio.run(main())
'''


@pytest.fixture(scope="module")
def model() -> str:
    if not MODEL.exists():
        pytest.fail("models/scan.tar.gz is missing: run `make train` (or the tests through `make test`)")
    return str(MODEL)


def test_a_failed_action_fails_the_turn_unsaved_and_a_broken_store_is_an_error(model, tmp_path):
    stock = run(TURNS, "stock", model, str(tmp_path / "stock.db"))
    ours = {**ENV, "CHAT_STORE_WAIT_S": "0.5"}
    done = subprocess.run([sys.executable, "-c", TURNS, "installed", model, str(tmp_path / "ours.db")], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, env=ours)
    assert done.returncode == 0, done.stderr[-3000:]
    installed = json.loads(done.stdout.strip().splitlines()[-1])

    # nothing fails: the same answers and the same stored events
    assert installed["hallo"]["status"] == "ok" and installed["hallo"]["replies"] == stock["hallo"]["replies"]
    assert installed["hallo"]["after"] == stock["hallo"]["after"] and len(stock["hallo"]["after"]) > 3
    # an action fails: stock goes on and saves the turn without the action's events; here the
    # turn fails (the action server's health check answers: "failed") and nothing is saved
    assert len(stock["kapot"]["after"]) > len(stock["kapot"]["before"])
    assert installed["kapot"]["status"] == "failed"
    assert installed["kapot"]["after"] == installed["kapot"]["before"] == stock["kapot"]["before"]
    # an action rejects the input (a form's validation): Rasa's normal course, no failure
    assert installed["weiger"]["status"] == "ok"
    assert installed["weiger"]["after"] == stock["weiger"]["after"]
    assert ["action_execution_rejected", "scan_form"] in stock["weiger"]["after"]
    # the tracker store breaks: stock reads "no conversation" (and would start an empty one)
    assert stock["broken_store_retrieve"] == "None"
    assert installed["broken_store_retrieve"] == "StoreUnavailable"
    assert installed["broken_store_turn"] == "unavailable"
