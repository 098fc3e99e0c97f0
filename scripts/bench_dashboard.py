#!/usr/bin/env python3
"""Benchmark of the campaign dashboard: loads generated conversations into a fresh SQLite database
and prints the response times and memory of the dashboard page, the JSON summary and the CSV.

    .venv/api/bin/python scripts/bench_dashboard.py                  # 100,000 conversations
    .venv/api/bin/python scripts/bench_dashboard.py --conversations 10000 --repeat 3

Loading goes through the service's own validation (EventIn) and storage (api.analytics.ingest),
in batches, without HTTP; leads with the generator's statuses are added for the hand-offs so
"accepted" joins a realistic leads table. Each request is timed in-process (TestClient) after a
log-in: the first call cold, then --repeat more. Memory: the peak of Python allocations during
one request (tracemalloc, measured in a separate call because tracing slows Python down) and the
process's peak resident size. The goal is under 1 second per dashboard page. The last line
printed is one JSON object with every figure. Measuring runs in a second process, so the peak
resident size is the one of a process serving the dashboard.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
warnings.filterwarnings("ignore", message=".*httpx.*")

import generate_events  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from pydantic import TypeAdapter  # noqa: E402
from sqlalchemy import event  # noqa: E402

from api.analytics import ingest  # noqa: E402
from api.analytics.deps import get_now  # noqa: E402
from api.analytics.schemas import EventIn  # noqa: E402
from api.assessments.models import Assessment  # noqa: E402
from api.db import make_engine, make_sessionmaker, migrate  # noqa: E402
from api.identity.service import dev_credentials  # noqa: E402
from api.leads.models import Lead  # noqa: E402
from api.main import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402

GOAL_MS = 1000
END = datetime(2026, 3, 20, 14, 0, tzinfo=timezone.utc)
CHUNK_CONVERSATIONS = 1000
REQUESTS = {
    "dashboard": "/dashboard",
    "dashboard_by_week": "/dashboard?by=week",
    "dashboard_filtered": "/dashboard?campaign=maakindustrie-wakker&province=noord-brabant&by=sector",
    "summary_json": "/api/v1/analytics/summary",
    "summary_json_filtered": "/api/v1/analytics/summary?source=linkedin&date_from=2026-02-01",
    "csv": "/dashboard/export.csv",
}
DASHBOARD_PAGES = ("dashboard", "dashboard_by_week", "dashboard_filtered")


def load(settings: Settings, conversations: int, seed: int, weeks: int) -> dict:
    engine = make_engine(settings.database_url)

    @event.listens_for(engine, "connect")
    def _fast_load(dbapi_connection, _record) -> None:  # loading only; the measured app uses the defaults
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    migrate(engine)
    sessions = make_sessionmaker(engine)
    adapter = TypeAdapter(list[EventIn])
    counts: dict[str, float] = {"conversations": 0, "events": 0, "leads": 0}
    batch: list = []
    start = time.perf_counter()

    def flush() -> None:
        events = adapter.validate_python([e for c in batch for e in c.events])
        with sessions() as session:
            ingest.store(session, events)
            for conversation in batch:
                if conversation.lead_status:
                    assessment_id = uuid.uuid4().hex
                    session.add(Assessment(id=assessment_id, conversation_id=conversation.conversation_id,
                                           report_token=uuid.uuid4().hex, questionnaire_version="1", answers={},
                                           campaign={}, scores={}, next_steps=[]))
                    session.add(Lead(id=uuid.uuid4().hex, assessment_id=assessment_id, intermediary_id="bench",
                                     intermediary_name="Bench", status=conversation.lead_status, consent={},
                                     contact={}))
                    counts["leads"] += 1
            session.commit()
        counts["conversations"] += len(batch)
        counts["events"] += len(events)
        batch.clear()
        print(f"  loaded {counts['conversations']:,} conversations, {counts['events']:,} events "
              f"({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)

    for conversation in generate_events.generate(conversations, seed, END, weeks):
        batch.append(conversation)
        if len(batch) >= CHUNK_CONVERSATIONS:
            flush()
    if batch:
        flush()
    engine.dispose()
    counts["load_seconds"] = round(time.perf_counter() - start, 1)
    return counts


def measure(settings: Settings, repeat: int) -> dict:
    app = create_app(settings)
    app.dependency_overrides[get_now] = lambda: END + timedelta(minutes=1)
    found = {}
    with TestClient(app, base_url="http://127.0.0.1") as client:  # a development app answers on loopback only
        login = dev_credentials(settings)["campaign"]
        form = client.get("/dashboard/inloggen")
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
        if csrf is None:
            raise SystemExit("the dashboard's log-in page has no CSRF field")
        response = client.post("/dashboard/inloggen", follow_redirects=False, data={
            "gebruikersnaam": login["username"], "wachtwoord": login["password"], "csrf": csrf.group(1)})
        assert response.status_code == 303, "log-in failed"
        headers = {"Authorization": f"Bearer {login['token']}"}
        for name, path in REQUESTS.items():
            times = []
            for _ in range(repeat + 1):
                began = time.perf_counter()
                response = client.get(path, headers=headers)
                times.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, f"{path}: HTTP {response.status_code}"
            tracemalloc.start()
            client.get(path, headers=headers)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            found[name] = {"cold_ms": round(times[0]), "median_ms": round(statistics.median(times[1:] or times)),
                           "max_ms": round(max(times[1:] or times)), "peak_python_mb": round(peak / 2 ** 20, 1),
                           "bytes": len(response.content)}
    return found


def measure_in_child(path: Path, repeat: int) -> dict:
    """Measures in a fresh process, so its peak resident size is the serving process's, not the loader's."""
    command = [sys.executable, __file__, "--measure", str(path), "--repeat", str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--repeat", type=int, default=5, help="timed calls after the first (cold) one")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process: measure this database
    args = parser.parse_args(argv)
    if args.measure:
        settings = Settings(database_url=f"sqlite:///{args.measure}", delivery_worker=False, environment="development",
                            bot_token=uuid.uuid4().hex)
        requests = measure(settings, args.repeat)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"requests": requests, "process_peak_rss_mb": round(rss, 1)}))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as folder:
        path = Path(folder) / "bench.db"
        settings = Settings(database_url=f"sqlite:///{path}", delivery_worker=False, environment="development")
        print(f"loading {args.conversations:,} conversations into a fresh {path} ...", file=sys.stderr, flush=True)
        loaded = load(settings, args.conversations, args.seed, args.weeks)
        database_mb = round(path.stat().st_size / 2 ** 20, 1)
        measured = measure_in_child(path, args.repeat)
    requests = measured["requests"]
    print(f"\n{'request':<24}{'cold ms':>9}{'median ms':>11}{'max ms':>9}{'peak MB':>9}")
    for name, figures in requests.items():
        print(f"{name:<24}{figures['cold_ms']:>9}{figures['median_ms']:>11}{figures['max_ms']:>9}"
              f"{figures['peak_python_mb']:>9}")
    slowest = max(max(requests[name]["cold_ms"], requests[name]["max_ms"]) for name in DASHBOARD_PAGES)
    result = {
        **loaded, "database_mb": database_mb, "requests": requests,
        "process_peak_rss_mb": measured["process_peak_rss_mb"],
        "goal_ms": GOAL_MS, "slowest_dashboard_ms": slowest, "goal_met": slowest < GOAL_MS,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
