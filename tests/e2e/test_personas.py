"""The persona runner of ../shared/eval against the real servers.

Every persona must pass (result, eligibility, hand-off and, with --tracker, every
slot), and at least 90% of free-text answers must be understood at the first try.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT.parent / "shared" / "eval" / "run_personas.py"
PERSONA_SETS = {"public": ROOT.parent / "shared" / "eval" / "personas", "project": ROOT / "tests" / "personas"}
FIRST_TRY_TARGET = 0.90


@dataclass
class RunnerOutcome:
    name: str
    exit_code: int
    output: str = field(repr=False)
    results: list = field(repr=False)


@pytest.fixture(scope="module", params=sorted(PERSONA_SETS))
def persona_run(request, live_services):
    """Run one persona set once; the runner's output is kept in results/e2e/."""
    folder = PERSONA_SETS[request.param]
    if not RUNNER.exists():
        pytest.fail(f"persona runner not found at {RUNNER} (shared/ must lie beside the repo)")
    if not list(folder.glob("*.json")):
        pytest.skip(f"no personas in {folder}")
    out = ROOT / "results" / "e2e"
    out.mkdir(parents=True, exist_ok=True)
    report = out / f"personas-{request.param}.json"
    done = subprocess.run(
        [sys.executable, str(RUNNER), "--tracker", "--rasa", live_services.rasa, "--json", str(report), str(folder)],
        capture_output=True, text=True, timeout=1800)
    output = done.stdout + done.stderr
    (out / f"personas-{request.param}.txt").write_text(output, encoding="utf-8")
    results = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    return RunnerOutcome(request.param, done.returncode, output, results)


def test_every_persona_passes(persona_run):
    assert persona_run.exit_code == 0, f"{persona_run.name} personas failed:\n{persona_run.output}"


def test_free_text_understood_at_first_try(persona_run):
    understood = sum(r.get("first_try_understood", 0) for r in persona_run.results)
    total = sum(r.get("first_try_total", 0) for r in persona_run.results)
    assert total > 0, f"no free-text answer was given:\n{persona_run.output}"
    assert understood / total >= FIRST_TRY_TARGET, (
        f"{persona_run.name}: {understood}/{total} free-text answers understood at the first try, "
        f"target {FIRST_TRY_TARGET:.0%}:\n{persona_run.output}")
