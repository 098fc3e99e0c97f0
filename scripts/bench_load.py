#!/usr/bin/env python3
"""Load benchmark through the REST channel: our assistant (default and scaled profile) and a
stock `rasa init` bot, one after the other on this machine, in one run (`make bench`).

Per profile, on 127.0.0.1 only and bounded in count and time:
- paced: 50 conversations at once, each pausing 5 s between messages as a person would,
  answering in free text taken from the persona files (../shared/eval/personas, tests/personas);
- saturation: 8 clients without pauses for 30 s, whole conversations back to back;
- long: one conversation of 200 turns (a side question asked again and again), to see
  whether late turns are slower than early ones as Rasa's tracker grows: its last 20 turns
  against turns 1-20 of two fresh conversations sent between them (the same moments), and
  against its own first 20 turns.
It prints per-turn latency p50/p95/p99, turns per second, conversations per minute, errors
(transport errors, non-200 answers, empty answers, answers the channel marked as a failure),
the peak RSS of every process and, per Rasa process, the seconds from its launch to its first
answer (a chat message sent every 0.2 s from before the launch; ours counts only a normal
answer, not a notice). The stock bot (`rasa init --no-prompt`, trained once into
var/bench/stock) runs the same workloads with its own example phrases.

    python3 scripts/bench_load.py [--profiles default,scaled,stock] [--quick]

The last line is one JSON object: p50_ms, p95_ms, p99_ms (paced run, default profile),
errors (our profiles' runs; the stock bot's apart in stock_errors), turns_per_s (saturation,
default profile: one Rasa process like the stock bot), stock_turns_per_s, stock_ratio,
long_last_over_first per profile (long_last_over_own_first: against the conversation's own first
turns), rss_mb and start_s per Rasa process of ours ("default/rasa",
"scaled/rasa-1", ...; the stock bot's in stock_rss_mb, stock_start_s), and the details per
profile.
"""
from __future__ import annotations

import argparse
import http.client
import io
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scaled
import services

ROOT = services.ROOT
PERSONA_DIRS = [ROOT.parent / "shared" / "eval" / "personas", ROOT / "tests" / "personas"]
STOCK_DIR = ROOT / "var" / "bench" / "stock"
STOCK_PHRASES = ["hi", "hello there", "I am feeling great", "not so good today", "I am sad", "yes", "no",
                 "good morning", "very good", "that did not help", "perfect", "bye"]
SIDE_QUESTION = "Waarom vraag je dit eigenlijk?"


def host_port(url: str) -> tuple[str, int | None]:
    """The host and port to connect to; every URL here is ours (http://127.0.0.1:<port>)."""
    parsed = urllib.parse.urlsplit(url)
    if not parsed.hostname:
        raise ValueError(f"no host in {url!r}")
    return parsed.hostname, parsed.port


def running(pid: int | None, name: str) -> int:
    """The process id of a part that has just started (and so runs)."""
    if pid is None:
        sys.exit(f"{name} has no recorded process after its start")
    return pid


# --- measuring ------------------------------------------------------------------------------

@dataclass
class Run:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    conversations: int = 0
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, ms: float | None, error: str | None = None) -> None:
        with self.lock:
            if ms is not None:
                self.latencies.append(ms)
            if error:
                self.errors.append(error)

    def summary(self) -> dict:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float | None:
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1) if ordered else None

        return {"turns": len(ordered), "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
                "p95_ms": pct(0.95), "p99_ms": pct(0.99),
                "turns_per_s": round(len(ordered) / self.seconds, 2) if self.seconds else None,
                "conversations_per_min": round(self.conversations / self.seconds * 60, 1)
                if self.seconds and self.name == "saturation" else None,
                "errors": len(self.errors), "error_examples": sorted(set(self.errors))[:5],
                "seconds": round(self.seconds, 1)}


class Client:
    """One keep-alive HTTP connection to the REST channel."""

    def __init__(self, base: str):
        self.host, self.port = host_port(base)
        self.connection: http.client.HTTPConnection | None = None
        self.instance: str | None = None  # the Rasa process that gave the last answer (X-Chat-Instance)

    def say(self, sender: str, message: str, run: Run, metadata: dict | None = None) -> list:
        body = json.dumps({"sender": sender, "message": message, **({"metadata": metadata} if metadata else {})})
        start = time.perf_counter()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.connection.request("POST", "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
            response = self.connection.getresponse()
            data = response.read()
            ms = (time.perf_counter() - start) * 1000
        except (OSError, http.client.HTTPException) as error:
            self.connection = None
            run.record(None, f"transport: {type(error).__name__}")
            return []
        try:
            replies = json.loads(data)
        except ValueError:
            replies = None
        if response.status != 200 or not isinstance(replies, list):
            run.record(ms, f"HTTP {response.status}")
            return []
        degraded = response.getheader("X-Chat-Status")
        self.instance = response.getheader("X-Chat-Instance")
        run.record(ms, f"channel: {degraded}" if degraded else (None if replies else "empty answer"))
        return replies


def question_id(replies: list) -> str | None:
    asked = [r["custom"].get("question_id") for r in replies
             if isinstance(r.get("custom"), dict) and r["custom"].get("type") == "question"]
    return asked[-1] if asked else None


def ended(replies: list) -> bool:
    return any(isinstance(r.get("custom"), dict) and r["custom"].get("type") == "end" for r in replies)


def load_personas() -> list[dict]:
    found = [json.loads(p.read_text(encoding="utf-8")) for d in PERSONA_DIRS for p in sorted(d.glob("*.json"))]
    if not found:
        sys.exit("no persona files found in ../shared/eval/personas or tests/personas")
    return found


class Conversation:
    """Our assistant, answered in the persona's own free text (its first phrasing per question)."""

    def __init__(self, persona: dict, stock: bool):
        self.persona, self.stock = persona, stock
        self.sender = f"bench-{uuid.uuid4().hex[:12]}"
        self.replies: list | None = None
        self.asked: dict[str, int] = {}
        self.turn = 0

    def completed(self) -> bool:
        if self.stock:
            return self.turn > 34
        return ended(self.replies) if self.replies else False

    def next_message(self) -> str | None:
        """None when the conversation is over."""
        self.turn += 1
        if self.stock:
            return STOCK_PHRASES[(self.turn - 1) % len(STOCK_PHRASES)] if self.turn <= 34 else None
        if self.replies is None:
            return self.persona.get("opening", "Hallo")
        if ended(self.replies):
            return None
        qid = question_id(self.replies)
        if qid is None or self.turn > 60:
            return None
        self.asked[qid] = self.asked.get(qid, 0) + 1
        options = self.persona.get("answers", {}).get(qid, [])
        if self.asked[qid] <= len(options):
            entry = options[self.asked[qid] - 1]   # a phrasing, or {"text": ..., "mentions": [...]}
            return str(entry["text"]) if isinstance(entry, dict) else str(entry)
        value = self.persona.get("values", {}).get(qid, "weet ik niet")
        return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def paced(base: str, personas: list[dict], stock: bool, conversations: int, turns: int, pause: float) -> Run:
    run = Run("paced")

    def one(index: int) -> None:
        client = Client(base)
        conversation = Conversation(personas[index % len(personas)], stock)
        time.sleep(random.uniform(0, pause))  # people do not all start at the same second
        for turn in range(turns):
            message = conversation.next_message()
            if message is None:
                break
            metadata = conversation.persona.get("metadata") if turn == 0 and not stock else None
            conversation.replies = client.say(conversation.sender, message, run, metadata)
            time.sleep(pause)

    start = time.monotonic()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(conversations)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(turns * (pause + 60) + 60)
    run.seconds = time.monotonic() - start
    return run


def saturation(base: str, personas: list[dict], stock: bool, clients: int, seconds: float) -> Run:
    run = Run("saturation")
    stop_at = time.monotonic() + seconds

    def worker(index: int) -> None:
        client = Client(base)
        rotation = index
        while time.monotonic() < stop_at:
            conversation = Conversation(personas[rotation % len(personas)], stock)
            rotation += clients
            while time.monotonic() < stop_at:
                message = conversation.next_message()
                if message is None:
                    if conversation.completed():
                        with run.lock:
                            run.conversations += 1
                    break
                conversation.replies = client.say(conversation.sender, message, run)

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    run.seconds = time.monotonic() - start
    return run


def long_conversation(base: str, stock: bool, turns: int) -> dict:
    """One conversation of `turns` side questions. Its last turns are compared with turns 1-20 of
    two fresh conversations sent between them (long, fresh 1, fresh 2, long, ...): on a shared
    machine two windows seconds apart differ by a third from other work alone, so the headline
    ratio compares moments that are the same. With two Rasa processes behind round robin, every
    conversation's messages still alternate between them. Also given: the last turns against the
    conversation's own first turns (last_over_own_first), as before."""
    run, fresh_run, warm = Run("long"), Run("fresh"), Run("warm-up")
    client, sender = Client(base), f"bench-long-{uuid.uuid4().hex[:8]}"
    fresh = [f"{sender}-fresh{n}" for n in (1, 2)]
    window = max(5, turns // 10)

    def message(turn: int) -> str:
        return STOCK_PHRASES[turn % len(STOCK_PHRASES)] if stock else SIDE_QUESTION

    if not stock:
        client.say(sender, "Hallo", warm)
    instances = []
    for turn in range(turns):
        if turn == turns - window and not stock:
            for other in fresh:
                client.say(other, "Hallo", warm)
        client.say(sender, message(turn), run)
        instances.append(client.instance)
        if turn >= turns - window:
            for other in fresh:
                client.say(other, message(turn - (turns - window)), fresh_run)
    lat = run.latencies
    first, last = statistics.median(lat[:window]), statistics.median(lat[-window:])
    beside = statistics.median(fresh_run.latencies)
    # turns 21-40: past the first turns, whose tracker is still nearly empty
    middle = statistics.median(lat[window:2 * window]) if turns >= 3 * window else first
    switched = sum(a != b for a, b in itertools.pairwise(instances))
    return {"turns": turns, "first_p50_ms": round(first, 1), "second_p50_ms": round(middle, 1),
            "last_p50_ms": round(last, 1), "fresh_p50_ms": round(beside, 1),
            "last_over_first": round(last / beside, 2), "last_over_own_first": round(last / first, 2),
            "last_over_second": round(last / middle, 2),
            "processes": len(set(instances) - {None}), "switched": round(switched / max(1, len(instances) - 1), 2),
            "errors": len(run.errors) + len(fresh_run.errors) + len(warm.errors)}


# --- processes and memory -------------------------------------------------------------------

class RssWatch(threading.Thread):
    """Peak resident memory of each named process group, sampled every second."""

    def __init__(self, groups: dict[str, int]):
        super().__init__(daemon=True)
        self.groups, self.peak = groups, {name: 0 for name in groups}
        self.done = threading.Event()

    @staticmethod
    def rss_kb(pgid: int) -> int:
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == pgid:
                    for line in (stat.parent / "status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
            except (OSError, ValueError, IndexError):
                continue
        return total

    def run(self) -> None:
        while not self.done.wait(1.0):
            for name, pgid in self.groups.items():
                self.peak[name] = max(self.peak[name], self.rss_kb(pgid))

    def result(self) -> dict:
        self.done.set()
        return {name: round(kb / 1024) for name, kb in self.peak.items()}


def env_for_rasa() -> dict:
    return dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONUNBUFFERED="1")


def stock_model(out) -> Path:
    """A stock `rasa init --no-prompt` bot, trained once into var/bench/stock."""
    if list((STOCK_DIR / "models").glob("*.tar.gz")):
        return STOCK_DIR
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    print("  training the stock `rasa init` bot (once) ...", file=out, flush=True)
    done = subprocess.run([str(ROOT / ".venv/bot/bin/rasa"), "init", "--no-prompt", "--init-dir", str(STOCK_DIR)],
                          cwd=STOCK_DIR, env=env_for_rasa(), capture_output=True, text=True, timeout=1800,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0 or not list((STOCK_DIR / "models").glob("*.tar.gz")):
        sys.exit(f"rasa init failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return STOCK_DIR


@dataclass
class Profile:
    """A profile before it starts: where its REST channel and each Rasa process will answer."""
    base: str
    rasa: dict[str, str]  # Rasa process name -> its own URL
    start: Callable[[], dict[str, int]]  # starts everything, waits until it answers; returns {name: process group}
    stop: Callable[[], None]


def prepare_profile(name: str, state: Path, out) -> Profile:
    if name == "default":
        ports = dict(zip(["rasa", "actions", "web"],
                         [p for p in services.free_ports(6) if p not in (5005, 5055, 8000)][:3]))
        settings = services.Settings(state_dir=state, ports=ports, extra_env={
            "ENVIRONMENT": "development", "DATABASE_URL": f"sqlite:///{state / 'app.db'}",
            "OUTBOX_FILE": str(state / "outbox.jsonl"), "RASA_TRACKER_DB": str(state / "tracker.db"),
            "RASA_TRACKER_DB_URL": f"sqlite:///{state / 'tracker.db'}"})

        def start_default() -> dict[str, int]:
            services.start(settings, out=out)
            return {n: running((services.read_pid(settings, n) or {}).get("pid"), n)
                    for n in ("rasa", "actions", "web")}

        def stop_default() -> None:
            services.stop(settings, out=io.StringIO())

        return Profile(settings.url("rasa"), {"rasa": settings.url("rasa")}, start_default, stop_default)
    if name == "scaled":
        os.environ["SCALED_CHAT_RATE"] = "100000r/s"  # the benchmark is one client address
        port = next(p for p in services.free_ports(4) if p not in (5005, 5055, 8000))
        stack = scaled.Stack.load(state, processes=2, port=port)

        def start_scaled() -> dict[str, int]:
            stack.start(out=out)
            return {n: running(stack.pid(n), n) for n in stack.order}

        def stop_scaled() -> None:
            stack.stop_all(out=io.StringIO())

        return Profile(stack.url(), {n: stack.url(n) for n in stack.rasa_names}, start_scaled, stop_scaled)
    directory = stock_model(out)
    port = next(p for p in services.free_ports(4) if p not in (5005, 5055, 8000))
    base = f"http://127.0.0.1:{port}"
    process: list[subprocess.Popen] = []

    def start_stock() -> dict[str, int]:
        log = (state / "stock-rasa.log").open("wb")
        process.append(subprocess.Popen(
            [str(ROOT / ".venv/bot/bin/rasa"), "run", "-i", "127.0.0.1", "-p", str(port), "--model", "models",
             "--credentials", "credentials.yml"], cwd=directory, env=env_for_rasa(), stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True))
        deadline = time.monotonic() + 600
        while not services.answers(f"{base}/"):
            if process[0].poll() is not None or time.monotonic() > deadline:
                sys.exit(f"the stock bot did not start; see {state / 'stock-rasa.log'}")
            time.sleep(1)
        return {"rasa": process[0].pid}

    def stop_stock() -> None:
        if process:
            services.terminate(process[0].pid)

    return Profile(base, {"rasa": base}, start_stock, stop_stock)


def launched_at(pid: int) -> float | None:
    """When a process was launched, on the time.time() clock (from /proc, to about 10 ms)."""
    try:
        ticks = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))


class StartWatch(threading.Thread):
    """When each Rasa process first answers a chat message: tried every 0.2 s from before its launch.

    Only a normal answer counts (ours answers a notice, with X-Chat-Status, while the action
    server is not up yet)."""

    def __init__(self, rasa: dict[str, str]):
        super().__init__(daemon=True)
        self.rasa = rasa
        self.answered: dict[str, float] = {}  # Rasa process name -> when it first answered (time.time())
        self.done = threading.Event()

    @staticmethod
    def first_answer(url: str, sender: str) -> bool:
        try:
            connection = http.client.HTTPConnection(*host_port(url), timeout=30)
            connection.request("POST", "/webhooks/rest/webhook", json.dumps({"sender": sender, "message": "Hallo"}),
                               {"Content-Type": "application/json"})
            response = connection.getresponse()
            replies = json.loads(response.read() or b"null")
            connection.close()
        except (OSError, http.client.HTTPException, ValueError):
            return False
        return response.status == 200 and bool(replies) and not response.getheader("X-Chat-Status")

    def run(self) -> None:
        senders = {name: f"bench-start-{uuid.uuid4().hex[:8]}" for name in self.rasa}
        while len(self.answered) < len(self.rasa) and not self.done.wait(0.2):
            for name, url in self.rasa.items():
                if name not in self.answered and self.first_answer(url, senders[name]):
                    self.answered[name] = time.time()

    def seconds(self, pids: dict[str, int], wait: float = 120) -> dict[str, float | None]:
        """Launch to first answer per Rasa process (None: no answer within `wait` more seconds)."""
        self.join(wait)
        self.done.set()
        found = {}
        for name in self.rasa:
            launched = launched_at(pids[name]) if pids.get(name) else None
            found[name] = round(self.answered[name] - launched, 1) if name in self.answered and launched else None
        return found


def bench_profile(name: str, args, personas: list[dict], out) -> dict:
    state = Path(tempfile.mkdtemp(prefix=f"scan-bench-{name}-"))
    os.chmod(state, 0o755)
    print(f"\n== {name} profile: starting ...", file=out, flush=True)
    start = time.monotonic()
    profile = prepare_profile(name, state, io.StringIO())
    first = StartWatch(profile.rasa)
    first.start()
    try:
        groups = profile.start()
    except BaseException:
        first.done.set()
        profile.stop()
        raise
    base = profile.base
    print(f"   up after {time.monotonic() - start:.0f} s at {base}", file=out, flush=True)
    watch = RssWatch(groups)
    watch.start()
    stock = name == "stock"
    runs = {}
    try:
        runs["start_s"] = first.seconds(groups)
        print(f"   launch to first answer (s): {', '.join(f'{k} {v}' for k, v in runs['start_s'].items())}",
              file=out, flush=True)
        runs["paced"] = paced(base, personas, stock, args.conversations, args.turns, args.pause).summary()
        print(f"   paced:      {describe(runs['paced'])}", file=out, flush=True)
        runs["saturation"] = saturation(base, personas, stock, args.clients, args.seconds).summary()
        print(f"   saturation: {describe(runs['saturation'])}", file=out, flush=True)
        runs["long"] = long_conversation(base, stock, args.long_turns)
        window = max(5, args.long_turns // 10)
        long = runs["long"]
        print(f"   long:       last {window} turns p50 {long['last_p50_ms']} ms, "
              f"turns 1-{window} of fresh conversations beside them {long['fresh_p50_ms']} ms "
              f"({long['last_over_first']}x); its own turns 1-{window} {long['first_p50_ms']} ms "
              f"({long['last_over_own_first']}x), {window + 1}-{2 * window} {long['second_p50_ms']} ms "
              f"({long['last_over_second']}x); {long['processes']} Rasa process(es), "
              f"{long['switched']:.0%} of consecutive turns on another one", file=out, flush=True)
    finally:
        runs["rss_mb"] = watch.result()
        profile.stop()
        shutil.rmtree(state, ignore_errors=True)
    print(f"   peak RSS (MB): {', '.join(f'{k} {v}' for k, v in runs['rss_mb'].items())}", file=out, flush=True)
    return runs


def describe(summary: dict) -> str:
    return (f"{summary['turns']} turns, p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
            f"p99 {summary['p99_ms']} ms, {summary['turns_per_s']} turns/s, "
            f"{summary['conversations_per_min']} conversations/min, {summary['errors']} errors"
            + (f" {summary['error_examples']}" if summary["errors"] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profiles", default="default,scaled,stock")
    parser.add_argument("--conversations", type=int, default=50, help="paced conversations at once (50)")
    parser.add_argument("--turns", type=int, default=8, help="messages per paced conversation (8)")
    parser.add_argument("--pause", type=float, default=5.0, help="seconds between messages (5)")
    parser.add_argument("--clients", type=int, default=8, help="saturation clients (8)")
    parser.add_argument("--seconds", type=float, default=30.0, help="saturation run length (30 s)")
    parser.add_argument("--long-turns", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="small runs, to check the benchmark itself")
    args = parser.parse_args(argv)
    if args.quick:
        args.conversations, args.turns, args.pause, args.seconds, args.long_turns = 10, 3, 1.0, 8.0, 30
    services.check_ready(services.Settings())
    personas = load_personas()
    if "stock" in args.profiles:
        stock_model(sys.stdout)  # before any measurement: training takes both cores
    results = {}
    for name in args.profiles.split(","):
        results[name] = bench_profile(name.strip(), args, personas, sys.stdout)

    main_profile = results.get("default") or next(iter(results.values()))
    stock_runs = results.get("stock", {})
    stock = stock_runs.get("saturation", {}).get("turns_per_s")
    ours = main_profile["saturation"]["turns_per_s"]

    def errors(runs: dict) -> int:
        return sum(runs[k]["errors"] for k in ("paced", "saturation", "long") if k in runs)

    def per_rasa(key: str) -> dict:
        return {f"{profile}/{process}": value for profile, runs in results.items() if profile != "stock"
                for process, value in runs.get(key, {}).items() if process.startswith("rasa")}

    line = {"p50_ms": main_profile["paced"]["p50_ms"], "p95_ms": main_profile["paced"]["p95_ms"],
            "p99_ms": main_profile["paced"]["p99_ms"],
            "errors": sum(errors(runs) for profile, runs in results.items() if profile != "stock"),
            "stock_errors": errors(stock_runs) if stock_runs else None, "turns_per_s": ours,
            "stock_turns_per_s": stock, "stock_ratio": round(ours / stock, 2) if stock and ours else None,
            "scaled_turns_per_s": results.get("scaled", {}).get("saturation", {}).get("turns_per_s"),
            "long_last_over_first": main_profile["long"]["last_over_first"],
            "scaled_long_last_over_first": results.get("scaled", {}).get("long", {}).get("last_over_first"),
            "stock_long_last_over_first": stock_runs.get("long", {}).get("last_over_first"),
            "long_last_over_own_first": {name: runs["long"]["last_over_own_first"]
                                         for name, runs in results.items() if "long" in runs},
            "rss_mb": per_rasa("rss_mb"), "start_s": per_rasa("start_s"),
            "stock_rss_mb": stock_runs.get("rss_mb", {}).get("rasa"),
            "stock_start_s": stock_runs.get("start_s", {}).get("rasa"),
            "profiles": results}
    print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
