"""The persona suite on the scaled profile: nginx, two Rasa processes, PostgreSQL, Redis.

Consecutive messages of one conversation land on different Rasa processes (nginx round
robin); it works because the processes share the tracker store and the conversation lock.
Proven two ways: the `X-Chat-Instance` header of each answer, and the Rasa processes'
own logs (`chat turn sender=...` lines) for the persona run.
"""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the same file, which mypy finds on its path (tests/scale)
    import scale_stack as kit
else:
    import scan_scale_stack as kit  # loaded by conftest.py

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def persona_run(stack):
    out = ROOT / "results" / "scale"
    out.mkdir(parents=True, exist_ok=True)
    report = out / "personas-scaled.json"
    report.unlink(missing_ok=True)
    logs = {name: (stack.log_dir / f"{name}.log").stat().st_size for name in stack.rasa_names}
    done = kit.run_personas(stack.url(), kit.PERSONAS, report)
    output = done.stdout + done.stderr
    (out / "personas-scaled.txt").write_text(output, encoding="utf-8")
    results = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    return done.returncode, output, results, logs


def test_every_public_persona_passes_on_the_scaled_profile(persona_run):
    code, output, results, _ = persona_run
    assert results, output
    assert code == 0, f"personas failed on the scaled profile:\n{output}"


def test_each_persona_conversation_was_served_by_every_rasa_process(stack, persona_run):
    _, output, results, offsets = persona_run
    served: dict[str, dict[str, int]] = {}
    for name, offset in offsets.items():
        with (stack.log_dir / f"{name}.log").open("rb") as log:
            log.seek(offset)
            for sender in re.findall(r"chat turn sender=(\S+) status=ok", log.read().decode(errors="replace")):
                served.setdefault(sender, {}).setdefault(name, 0)
                served[sender][name] += 1
    persona_senders = {s: n for s, n in served.items() if s.startswith("eval-")}
    assert len(persona_senders) == len(results), (served, output)
    for sender, by_process in persona_senders.items():
        assert set(by_process) == set(stack.rasa_names), f"{sender} was served only by {by_process}"
        turns = sum(by_process.values())
        assert min(by_process.values()) >= turns // 2 - 2, f"{sender}: not round robin: {by_process}"


def test_consecutive_messages_alternate_between_processes_and_the_conversation_holds(stack):
    sender = kit.new_sender("scale-rr")
    values = kit.persona()["values"]
    instances, upstreams = [], []
    status, headers, replies = kit.say(stack.url(), sender, "Hallo")
    for _ in range(6):
        assert status == 200 and headers.get("X-Chat-Status") is None, (headers, replies)
        instances.append(headers["X-Chat-Instance"])
        upstreams.append(headers["X-Chat-Upstream"])
        status, headers, replies = kit.say(stack.url(), sender, kit.answer_for(values, kit.question_id(replies)))
    assert len(set(instances)) == 2 and len(set(upstreams)) == 2, instances
    assert all(a != b for a, b in itertools.pairwise(instances)), f"not alternating: {instances}"
    slots = kit.tracker(stack.url(), sender)["slots"]
    for key in ("sector", "medewerkers", "jaaromzet", "regio", "tech_automatisering"):
        assert slots[key] == values[key], key
