#!/usr/bin/env python3
"""Run every test step of `make test` and print one summary line per step.

Steps: ruff on the whole project; mypy in .venv/api (bot/, api/, scripts/, tests/) and in
.venv/bot (bot/, actions/, channels/ and their tests, against Rasa's dependencies); pytest in
.venv/api (core, api, e2e, set-up checks), pytest in .venv/bot (core, actions), pytest in
.venv/api on the scaled profile (scale, badinput, faults; as root it installs Debian's
postgresql, redis-server and nginx when missing), `rasa data validate`, `rasa test core` on
tests/stories/. Every step runs even after a failure; the exit status is 1 when any step
failed. pytest's exit 5 ("no tests collected") counts as a failure when the paths hold test
files, else as skipped. ruff's and mypy's findings are listed per path after their output.
Standard library only.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOT, API = ".venv/bot/bin", ".venv/api/bin"
PYTEST_SUMMARY = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)")
# The code that runs in .venv/bot (Rasa's side); mypy checks it there, everything else in .venv/api.
BOT_SIDE = ["actions", "channels", "tests/actions", "tests/channels", "scripts/build_spacy_nl.py"]
RUFF_FINDING = re.compile(r"^(?P<path>[^:\s][^:]*):\d+:\d+: (?P<rule>[A-Za-z]+[\w-]*)", re.MULTILINE)
MYPY_FINDING = re.compile(r"^(?P<path>[^:\s][^:]*):\d+: error: .*\[(?P<rule>[\w-]+)\]$", re.MULTILINE)


@dataclass
class Outcome:
    name: str
    status: str  # PASS, FAIL, SKIP
    detail: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)  # tests by outcome (pytest steps only)


def has_tests(paths: list[str]) -> bool:
    for name in paths:
        path = ROOT / name
        if path.is_file() or (path.is_dir() and any(path.rglob("test_*.py"))):
            return True
    return False


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run a command with its output streamed through, returning (exit, output)."""
    print(f"\n$ {' '.join(command)}", flush=True)
    try:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   errors="replace")
    except OSError as error:
        print(f"cannot run {command[0]}: {error} (run `make setup`)", flush=True)
        return 127, str(error)
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        sys.stdout.write(line)
        lines.append(line)
    sys.stdout.flush()
    return process.wait(), "".join(lines)


def pytest_step(name: str, venv_bin: str, paths: list[str]) -> Outcome:
    start = time.monotonic()
    present = [p for p in paths if (ROOT / p).exists()]
    if not has_tests(present):
        return Outcome(name, "SKIP", f"no test files in {' '.join(paths)}", 0.0, {})
    code, output = run([f"{venv_bin}/python", "-m", "pytest", "-p", "no:cacheprovider", *present])
    seconds = time.monotonic() - start
    tail = output.strip().splitlines()[-1] if output.strip() else ""
    counts: dict[str, int] = {}
    for number, kind in PYTEST_SUMMARY.findall(tail):
        kind = "errors" if kind.startswith("error") else kind
        counts[kind] = counts.get(kind, 0) + int(number)
    if code == 0:
        return Outcome(name, "PASS", tail.strip("= "), seconds, counts)
    if code == 5:
        return Outcome(name, "FAIL", "pytest collected no test although test files exist", seconds, counts)
    return Outcome(name, "FAIL", tail.strip("= ") or f"exit {code}", seconds, counts)


def rasa_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")
    (ROOT / "results").mkdir(exist_ok=True)
    env.setdefault("RASA_TRACKER_DB", str(ROOT / "results" / "stories-tracker.db"))
    return env


def findings_by_path(findings: list[tuple[str, str]]) -> str:
    """Per top folder (or script, or test folder), the number of findings by rule, most first."""
    groups: dict[str, Counter[str]] = {}
    for path, rule in findings:
        parts = Path(path).parts
        top = "/".join(parts[:2]) if parts[0] in ("scripts", "tests") and len(parts) > 1 else parts[0]
        groups.setdefault(top, Counter())[rule] += 1
    return "\n".join(f"  {top:<40} {sum(rules.values()):4}  " + ", ".join(f"{r} {n}" for r, n in rules.most_common())
                     for top, rules in sorted(groups.items()))


def rule_counts(findings: list[tuple[str, str]], shown: int = 6) -> str:
    rules = Counter(rule for _, rule in findings).most_common()
    text = ", ".join(f"{rule} {n}" for rule, n in rules[:shown])
    return text + (f", {len(rules) - shown} more rules" if len(rules) > shown else "")


def checker_step(name: str, command: list[str], finding: re.Pattern[str], clean: re.Pattern[str]) -> Outcome:
    """A check tool (ruff, mypy): PASS when it exits 0 and says so, else its findings by rule and by path."""
    start = time.monotonic()
    code, output = run(command)
    seconds = time.monotonic() - start
    findings = [(m["path"], m["rule"]) for m in finding.finditer(output)]
    said = clean.search(output)
    if code == 0 and not findings and said:
        return Outcome(name, "PASS", said.group(0), seconds)
    if findings:
        print(f"\n{name}: findings per path\n{findings_by_path(findings)}", flush=True)
        return Outcome(name, "FAIL", f"{len(findings)} findings: {rule_counts(findings)}", seconds)
    last = [line for line in output.strip().splitlines() if line.strip()][-1:] or [""]
    return Outcome(name, "FAIL", f"exit {code}: {last[0][:160]}", seconds)


def ruff_step() -> Outcome:
    return checker_step("ruff", [f"{API}/ruff", "check", "--output-format", "concise", "--no-cache", "."],
                        RUFF_FINDING, re.compile(r"All checks passed!"))


def mypy_targets(venv: str) -> list[str]:
    """bot/ and tests/core in both environments; BOT_SIDE in .venv/bot; everything else in .venv/api."""
    if venv == "bot":
        return ["bot", "tests/core", *BOT_SIDE]
    python_files = [*ROOT.glob("scripts/*.py"), *ROOT.glob("tests/*.py")]
    test_folders = [p for p in ROOT.glob("tests/*") if p.is_dir() and any(p.glob("*.py"))]
    rest = sorted(str(p.relative_to(ROOT)) for p in (*python_files, *test_folders))
    return ["bot", "api", *(path for path in rest if path not in BOT_SIDE)]


def mypy_step(venv: str) -> Outcome:
    venv_bin = BOT if venv == "bot" else API
    return checker_step(f"mypy (.venv/{venv})", [f"{venv_bin}/python", "-m", "mypy", *mypy_targets(venv)],
                        MYPY_FINDING, re.compile(r"no issues found in \d+ source files"))


def command_step(name: str, command: list[str], ok_detail: str) -> Outcome:
    start = time.monotonic()
    code, output = run(command, env=rasa_env())
    seconds = time.monotonic() - start
    if code == 0:
        return Outcome(name, "PASS", ok_detail, seconds)
    last = [line for line in output.strip().splitlines() if line.strip()][-1:] or [""]
    return Outcome(name, "FAIL", f"exit {code}: {last[0][:160]}", seconds)


def story_step() -> Outcome:
    stories = ROOT / "tests" / "stories"
    files = sorted(p for p in stories.rglob("*") if p.suffix in (".yml", ".yaml")) if stories.is_dir() else []
    if not files:
        return Outcome("rasa test stories", "SKIP", "tests/stories/ has no story files", 0.0)
    outcome = command_step(
        "rasa test stories",
        [f"{BOT}/rasa", "test", "core", "--stories", "tests/stories", "--model", "models/scan.tar.gz",
         "--endpoints", "endpoints.yml", "--out", "results/stories", "--fail-on-prediction-errors"],
        f"{len(files)} story file(s) predicted without error (report: results/stories/)")
    if outcome.status == "FAIL":
        outcome.detail += " (failed stories: results/stories/failed_test_stories.yml)"
    return outcome


def ensure_chromium() -> None:
    """The portal's browser tests drive Debian's chromium (Playwright cannot download browsers here)."""
    if Path("/usr/bin/chromium").exists() or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", "chromium"], env=env)


def ensure_scaled_packages() -> None:
    """The scaled-profile tests run Debian's PostgreSQL, Redis and nginx (installed when root and missing)."""
    import scaled  # scripts/scaled.py

    if scaled.missing_packages() and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"\ninstalling {', '.join(scaled.missing_packages())} for the scaled-profile tests", flush=True)
        try:
            scaled.ensure_packages()
        except scaled.StackError as error:
            print(error, flush=True)


def main() -> int:
    ensure_chromium()
    ensure_scaled_packages()
    outcomes = [
        ruff_step(),
        mypy_step("api"),
        mypy_step("bot"),
        pytest_step("pytest (.venv/api)", API, ["tests/core", "tests/api", "tests/portal", "tests/analytics",
                                                 "tests/browser", "tests/e2e", "tests/test_setup.py",
                                                 "tests/test_services.py", "tests/test_bench_load.py"]),
        pytest_step("pytest (.venv/bot)", BOT, ["tests/core", "tests/actions", "tests/channels"]),
        # The scaled profile (PostgreSQL, Redis, nginx, two Rasa processes): personas, bad input, faults.
        pytest_step("pytest (scaled)", API, ["tests/scale", "tests/badinput", "tests/faults"]),
        command_step("rasa data validate",
                     [f"{BOT}/rasa", "data", "validate", "--domain", "domain", "--data", "data",
                      "--config", "config.yml"], "domain, data and config are consistent"),
        story_step(),
    ]
    print("\n" + "=" * 30 + " summary " + "=" * 30)
    for o in outcomes:
        print(f"{o.status:<4}  {o.name:<22} {o.seconds:6.0f} s  {o.detail}")
    totals: dict[str, int] = {}
    for o in outcomes:
        for kind, number in o.counts.items():
            totals[kind] = totals.get(kind, 0) + number
    failed_steps = sum(o.status == "FAIL" for o in outcomes)
    print(f"steps: {sum(o.status == 'PASS' for o in outcomes)} passed, {failed_steps} failed, "
          f"{sum(o.status == 'SKIP' for o in outcomes)} skipped")
    failed_tests = totals.get("failed", 0) + totals.get("errors", 0)
    print(f"tests: {totals.get('passed', 0)} passed, {failed_tests} failed, {totals.get('skipped', 0)} skipped")
    return 1 if failed_steps else 0


if __name__ == "__main__":
    sys.exit(main())
