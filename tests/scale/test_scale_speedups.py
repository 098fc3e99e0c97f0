"""channels/rasa_speedups.py changes how fast Rasa is, never what it answers.

Runs in a .venv/bot interpreter (Rasa lives there): the replacements must give the same
results and errors as the originals, on Rasa's real action-response schema and event names,
and the same applied events at every step of a real conversation (answers, side questions,
"terug") taken from the scaled stack.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

ROOT = Path(__file__).resolve().parents[2]

CHECK = r'''
import json, time
import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.utils.common import all_subclasses
from channels import rasa_speedups

answers = [
    {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hoi"}]},
    {"events": [], "responses": []},
    {"events": "nope"},
    {"events": [{"no_event_key": 1}]},
    {"responses": [{"text": 5}]},
    [],
]

def outcomes(validate):
    found = []
    for answer in answers:
        try:
            validate(answer, RemoteAction.action_response_format_spec())
            found.append("ok")
        except jsonschema.ValidationError as error:
            found.append(error.message)
    return found

names = sorted({c.type_name for c in all_subclasses(Event)} | {"topic", "unknown"})

def resolved():
    found = {}
    for name in names:
        try:
            found[name] = repr(Event.resolve_by_type(name))
        except ValueError as error:
            found[name] = str(error)
    found["default"] = repr(Event.resolve_by_type("unknown", default=SlotSet))
    return found

before = (outcomes(jsonschema.validate), resolved())
start = time.perf_counter()
for _ in range(10):
    jsonschema.validate(answers[0], RemoteAction.action_response_format_spec())
slow = time.perf_counter() - start
rasa_speedups.install()
after = (outcomes(jsonschema.validate), resolved())
start = time.perf_counter()
for _ in range(10):
    jsonschema.validate(answers[0], RemoteAction.action_response_format_spec())
fast = time.perf_counter() - start

import sys
from rasa.shared.core.trackers import DialogueStateTracker
events = [Event.from_parameters(e) for e in json.load(open(sys.argv[1]))]
cached, fresh = DialogueStateTracker("c", []), []
for index, event in enumerate(events):
    cached.events.append(event)
    plain = DialogueStateTracker("c", [])
    plain.events.extend(events[:index + 1])
    original = rasa_speedups._applied_original(plain)
    fresh.append([e.as_dict() for e in cached.applied_events()] == [e.as_dict() for e in original])
print(json.dumps({"same": before == after, "before": before, "after": after, "speedup": slow / fast,
                  "events": len(events), "applied_same": all(fresh)}))
'''


def _conversation(stack, tmp_path) -> Path:
    sender = kit.new_sender("speedups")
    values = kit.persona()["values"]
    replies = kit.drive(stack.url(), sender, values, until="tech_robotisering")
    for message in ("Waarom vraag je dit?", "terug", kit.answer_for(values, "tech_automatisering"), "Wat is een cobot?",
                    kit.answer_for(values, "tech_robotisering")):
        status, _, replies = kit.say(stack.url(), sender, message)
        assert status == 200 and kit.question_id(replies), replies
    events = kit.tracker(stack.url(), sender)["events"]
    path = tmp_path / "events.json"
    path.write_text(json.dumps(events))
    return path


def test_replacements_answer_exactly_like_rasa_and_are_faster(stack, tmp_path):
    events = _conversation(stack, tmp_path)
    done = subprocess.run([str(ROOT / ".venv/bot/bin/python"), "-c", CHECK, str(events)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "3",
                                                       "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["same"], (result["before"], result["after"])
    assert "ok" in result["before"][0] and len(set(result["before"][0]) - {"ok"}) >= 2  # both kinds were tried
    assert result["speedup"] > 5, result["speedup"]
    assert result["events"] > 100 and result["applied_same"], result["events"]
