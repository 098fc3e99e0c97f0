"""channels/rasa_speedups.py loads the spaCy pipeline once for SpacyNLP's two graph nodes: the
model answers as with Rasa's loading, which loads it twice. Runs the trained model
(models/scan.tar.gz, `make train`) in fresh .venv/bot interpreters."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "scan.tar.gz"

LOAD = r'''
import asyncio, json, sys
import spacy
loads = []
original = spacy.load
spacy.load = lambda *args, **kwargs: loads.append(args[0]) or original(*args, **kwargs)
if sys.argv[1] == "once":
    from channels import rasa_speedups
    rasa_speedups.install()
from rasa.core.agent import Agent
agent = Agent.load(sys.argv[2])
parsed = [asyncio.run(agent.parse_message(t)) for t in ("Wat is een cobot?", "terug", "We maken kozijnen")]
print(json.dumps({"loads": loads, "parsed": [[p["intent"], p["entities"]] for p in parsed]}))
'''


def run(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", LOAD, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "RASA_TELEMETRY_ENABLED": "false",
                               "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_spacy_pipeline_is_loaded_once_and_answers_the_same():
    if not MODEL.exists():
        pytest.fail("models/scan.tar.gz is missing: run `make train` (or the tests through `make test`)")
    stock, once = run("stock", str(MODEL)), run("once", str(MODEL))
    assert stock["loads"] == ["var/spacy/nl"] * 2 and once["loads"] == ["var/spacy/nl"]
    assert once["parsed"] == stock["parsed"]
