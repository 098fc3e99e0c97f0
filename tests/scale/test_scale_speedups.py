"""channels/rasa_speedups.py changes how fast Rasa is, never what it answers.

Runs in a .venv/bot interpreter (Rasa lives there): the replacements must give the same
results and errors as the originals, on Rasa's real action-response schema and event names.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

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
print(json.dumps({"same": before == after, "before": before, "after": after, "speedup": slow / fast}))
'''


def test_replacements_answer_exactly_like_rasa_and_are_faster():
    done = subprocess.run([str(ROOT / ".venv/bot/bin/python"), "-c", CHECK], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "3",
                                                       "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["same"], (result["before"], result["after"])
    assert "ok" in result["before"][0] and len(set(result["before"][0]) - {"ok"}) >= 2  # both kinds were tried
    assert result["speedup"] > 5, result["speedup"]
