"""scripts/generate_events.py: realistic, deterministic, valid and anonymous conversation events."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone

from analytics_testkit import generator

from api.analytics.schemas import EventsIn

END = datetime(2026, 1, 20, 14, 0, tzinfo=timezone.utc)


def events_of(conversations) -> list[dict]:
    return [event for conversation in conversations for event in conversation.events]


def test_the_same_seed_gives_the_same_events():
    first = events_of(generator.generate(200, seed=4, end=END))
    assert first == events_of(generator.generate(200, seed=4, end=END))
    assert first != events_of(generator.generate(200, seed=5, end=END))


def test_the_events_are_realistic():
    conversations = list(generator.generate(3000, seed=9, end=END, weeks=12))
    events = events_of(conversations)
    started = [e["data"] for e in events if e["type"] == "started"]
    results = [e["data"] for e in events if e["type"] == "result"]
    campaigns = Counter(d.get("utm_campaign") for d in started)
    assert len(campaigns) >= 5 and None in campaigns  # several campaigns and direct visitors
    assert len({d.get("utm_source") for d in started}) >= 6
    assert len({d.get("site") for d in started}) >= 6
    assert {r["level"] for r in results} == {"achterblijver", "volger", "ontwikkelaar", "koploper"}
    assert len({r["province"] for r in results}) == 12
    assert len({r["sector"] for r in results}) == 8
    assert {r["size_class"] for r in results} == {"0-9", "10-49", "50-249", "250+"}
    weeks = {datetime.fromisoformat(e["at"]).isocalendar()[:2] for e in events}
    assert len(weeks) >= 12
    # Drop-offs: conversations end at many different questions, some without a result.
    last_asked = Counter()
    for conversation in conversations:
        if not any(e["type"] == "end" for e in conversation.events):
            asked = [e["data"]["question_id"] for e in conversation.events if e["type"] == "question_asked"]
            last_asked[asked[-1]] += 1
    assert len(last_asked) >= 20
    assert 0.3 < len(results) / len(conversations) < 0.8
    assert any(e["type"] == "question_answered" and not e["data"]["first_try"] for e in events)
    assert sum(1 for d in started) > len(conversations)  # restarts
    outcomes = Counter(e["data"]["status"] for e in events if e["type"] == "eligibility")
    assert set(outcomes) == {"eligible", "check_needed", "not_eligible"}
    assert sum(1 for e in events if e["type"] == "handover") == sum(1 for c in conversations if c.lead_status)
    # Campaigns aimed at the target group reach relatively more followers and laggards.
    def share(name):
        ids = {c.conversation_id for c in conversations if any(
            e["type"] == "started" and e["data"].get("utm_campaign") == name for e in c.events)}
        levels = [e["data"]["level"] for e in events if e["type"] == "result" and e["conversation_id"] in ids]
        return sum(level in ("volger", "achterblijver") for level in levels) / len(levels)
    assert share("maakindustrie-wakker") > share("fieldlab-tour-2025")


def test_every_generated_event_is_accepted_by_the_service_schema():
    events = events_of(generator.generate(300, seed=2, end=END))
    for start in range(0, len(events), 4000):
        EventsIn.model_validate({"events": events[start:start + 4000]})
    assert all(datetime.fromisoformat(e["at"]) <= END for e in events)


def test_the_command_writes_events_and_leads(tmp_path, capsys):
    out, leads = tmp_path / "events.jsonl", tmp_path / "leads.json"
    assert generator.main(["--conversations", "120", "--seed", "3", "--end", "2026-01-20T14:00:00+00:00",
                           "--out", str(out), "--leads", str(leads)]) == 0
    printed = json.loads(capsys.readouterr().out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert printed["conversations"] == 120 and printed["events"] == len(lines)
    statuses = json.loads(leads.read_text())
    assert printed["handoffs"] == len(statuses)
    assert {e["conversation_id"] for e in lines if e["type"] == "handover"} == set(statuses)
