"""POST /api/v1/events: known types only, no personal data, each event stored once, order does not matter."""
from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from analytics_testkit import generator, make_settings, post_events

from api.analytics.deps import get_now
from api.analytics.schemas import MAX_EVENTS
from api.identity.service import dev_credentials
from api.main import create_app
from tests.support import local_client

T0 = datetime(2026, 1, 12, 9, 0, tzinfo=timezone.utc)


def event(n: int, kind: str, conversation: str = "gesprek-1", minutes: float = 0, **data) -> dict:
    return {"event_id": f"{n:032x}", "conversation_id": conversation, "type": kind,
            "at": (T0 + timedelta(minutes=minutes)).isoformat(), "data": data}


def whole_conversation(conversation: str = "gesprek-1", first: int = 1) -> list[dict]:
    """One conversation through every event type, as the action server sends it."""
    kinds: list[tuple[str, dict[str, Any]]] = [
        ("started", {"utm_source": "linkedin", "utm_medium": "social", "utm_campaign": "najaar",
                     "site": "mkb-booster.nl"}),
        ("question_asked", {"question_id": "sector", "dimension": "profiel"}),
        ("question_answered", {"question_id": "sector", "dimension": "profiel", "first_try": True}),
        ("result", {"level": "volger", "scores": {"technologie": 40, "organisatie": 50, "businessmodel": 45,
                                                  "totaal": 45}, "sector": "metaal", "size_class": "10-49",
                    "province": "noord-brabant"}),
        ("nieuwe_inzichten", {"value": "een_beetje"}),
        ("wil_contact", {"value": "ja"}),
        ("eligibility", {"status": "check_needed", "reasons": ["steun_onbekend"]}),
        ("consent", {"value": True}),
        ("handover", {"intermediary_id": "brabant-maakt-slimmer"}),
        ("end", {}),
    ]
    return [event(first + n, kind, conversation, n, **data) for n, (kind, data) in enumerate(kinds)]


@pytest.fixture(scope="module")
def refusing(tmp_path_factory):
    """One app for the requests that must be refused: its database stays empty."""
    settings = make_settings(tmp_path_factory.mktemp("refusing") / "app.db")
    with local_client(create_app(settings)) as client:
        yield client, settings


def rows(settings, table: str, order: str) -> list[tuple]:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        return db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()


def conversation_row(settings, conversation_id: str) -> dict:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        db.row_factory = sqlite3.Row
        return dict(db.execute("SELECT * FROM analytics_conversations WHERE conversation_id = ?",
                               (conversation_id,)).fetchone())


def test_every_event_type_is_accepted_and_folded(fresh_client, fresh_settings):
    response = fresh_client.post("/api/v1/events", json={"events": whole_conversation()})
    assert response.status_code == 200
    assert response.json() == {"stored": 10}
    row = conversation_row(fresh_settings, "gesprek-1")
    assert (row["utm_campaign"], row["utm_source"], row["site"]) == ("najaar", "linkedin", "mkb-booster.nl")
    assert (row["level"], row["sector"], row["province"], row["size_class"]) == ("volger", "metaal", "noord-brabant",
                                                                                 "10-49")
    assert (row["nieuwe_inzichten"], row["wil_contact"], row["eligibility"], row["consent"]) == (
        "een_beetje", "ja", "check_needed", "ja")  # consent sent as true is stored as "ja"
    assert row["intermediary_id"] == "brabant-maakt-slimmer" and row["ended_at"] is not None
    assert row["week"] == "2026-W03" and row["starts"] == 1 and row["score_totaal"] == 45


def test_the_same_events_twice_are_stored_once(fresh_client, fresh_settings):
    events = whole_conversation()
    assert fresh_client.post("/api/v1/events", json={"events": events[:6]}).json() == {"stored": 6}
    assert fresh_client.post("/api/v1/events", json={"events": events[:6]}).json() == {"stored": 0}
    # A retried batch that overlaps: only the new ones count; a repeat inside one batch counts once.
    assert fresh_client.post("/api/v1/events", json={"events": events + events[-2:]}).json() == {"stored": 4}
    assert len(rows(fresh_settings, "analytics_events", "id")) == 10
    assert len(rows(fresh_settings, "analytics_conversations", "conversation_id")) == 1


def test_a_uuid_with_dashes_is_the_same_event(fresh_client):
    first = event(0, "started")
    first["event_id"] = "0f6a3a8e-5d0c-4d2b-9a59-4f1b1c2d3e4f"
    assert fresh_client.post("/api/v1/events", json={"events": [first]}).json() == {"stored": 1}
    first["event_id"] = "0f6a3a8e5d0c4d2b9a594f1b1c2d3e4f"
    assert fresh_client.post("/api/v1/events", json={"events": [first]}).json() == {"stored": 0}


@pytest.mark.parametrize("bad, fragment", [
    (event(99, "abandoned"), "unknown event type 'abandoned'"),
    (event(99, "started", contact_email="henk@devonk.example"), "data.contact_email is not allowed"),
    (event(99, "end", naam="Henk"), "data.naam is not allowed in a 'end' event (analytics never takes personal data)"),
    (event(99, "result", level="volger", bedrijfsnaam="De Vonk"), "data.bedrijfsnaam is not allowed"),
    (event(99, "question_answered", question_id="contact_naam", dimension="contact", first_try=True,
           answer="Henk de Vries"), "data.answer is not allowed"),
    (event(99, "started", utm_campaign="mail henk@devonk.example"), "looks like personal data"),
    (event(99, "started", utm_source="bel 06-12345678"), "looks like personal data"),
    (event(99, "started", conversation="henk@devonk.example"), "conversation_id: looks like personal data"),
    (event(99, "result", level="expert"), "data.level"),
    (event(99, "result", level="volger", size_class="5-10"), "data.size_class"),
    (event(99, "result", level="volger", sector="bakkerij"), "'bakkerij' is not one of"),
    (event(99, "result", level="volger", province="bayern"), "'bayern' is not one of"),
    (event(99, "result", level="volger", scores={"totaal": 101}), "data.scores.totaal"),
    (event(99, "result", level="volger", scores={"geluk": 50}), "data.scores.geluk is not allowed"),
    (event(99, "question_answered", question_id="sector", dimension="profiel", first_try="ja"), "data.first_try"),
    (event(99, "question_asked", question_id="Sector Vraag", dimension="profiel"), "data.question_id"),
    (event(99, "question_asked", question_id="lievelingskleur", dimension="profiel"), "not a question id"),
    (event(99, "wil_contact", value="misschien"), "data.value"),
    (event(99, "eligibility", status="prima"), "data.status"),
    (event(99, "handover", intermediary_id="henk@devonk.example"), "data.intermediary_id"),
    ({**event(99, "end"), "event_id": "geen-uuid"}, "event_id"),
    ({**event(99, "end"), "at": "gisteren"}, "at"),
    ({**event(99, "end"), "ip": "10.0.0.1"}, "events.10.ip"),
    ({k: v for k, v in event(99, "end").items() if k != "conversation_id"}, "conversation_id"),
])
def test_unknown_types_and_personal_fields_are_422_and_nothing_is_stored(refusing, bad, fragment):
    client, settings = refusing
    response = client.post("/api/v1/events", json={"events": whole_conversation() + [bad]})
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
    assert rows(settings, "analytics_events", "id") == []


def test_batches_have_a_limit(refusing):
    client, settings = refusing
    events = [event(n, "started", f"g-{n}") for n in range(MAX_EVENTS + 1)]
    assert client.post("/api/v1/events", json={"events": events}).status_code == 422
    assert client.post("/api/v1/events", json={"events": []}).json() == {"stored": 0}
    assert rows(settings, "analytics_events", "id") == []


def test_no_personal_data_columns_in_the_analytics_tables(fresh_client, fresh_settings):
    fresh_client.post("/api/v1/events", json={"events": whole_conversation()})
    with sqlite3.connect(fresh_settings.database_url.removeprefix("sqlite:///")) as db:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'analytics%'")]
        columns = {c[1] for table in tables for c in db.execute(f"PRAGMA table_info({table})")}
        stored = [r[0] for r in db.execute("SELECT data FROM analytics_events")]
    assert not {c for c in columns if any(w in c for w in ("naam", "email", "telefoon", "kvk", "contact_", "ip"))}
    assert "henk" not in " ".join(stored).lower()


def test_the_outcome_does_not_depend_on_arrival_order(tmp_path):
    """The sender retries from an outbox: events of a conversation may arrive late and out of order."""
    generated = list(generator.generate(80, seed=3, end=datetime(2026, 1, 20, tzinfo=timezone.utc), weeks=4))
    events = [e for c in generated for e in c.events]
    shuffled = events[:]
    random.Random(1).shuffle(shuffled)
    tables = []
    for name, order, batch in (("in-order", events, 5000), ("shuffled", shuffled, 97)):
        settings = make_settings(tmp_path / f"{name}.db")
        with local_client(create_app(settings)) as client:
            for start in range(0, len(order), batch):
                post_events(client, order[start:start + batch])
        tables.append((folded(settings), rows(settings, "analytics_retries", "question_id, conversation_id")))
    assert tables[0] == tables[1]
    assert len(tables[0][0]) == 80 and tables[0][1]


def folded(settings) -> list[dict]:
    """The conversation rows, with the question masks as sets of question ids (bits follow arrival order)."""
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        db.row_factory = sqlite3.Row
        bits = dict(db.execute("SELECT bit, question_id FROM analytics_question_bits").fetchall())
        found = []
        for row in db.execute("SELECT * FROM analytics_conversations ORDER BY conversation_id"):
            row = dict(row)
            for name in ("asked_mask", "answered_mask"):
                row[name] = {qid for bit, qid in bits.items() if row[name] >> bit & 1}
            found.append(row)
    return found


def test_abandoned_follows_the_configured_silence(tmp_path):
    """Six conversations whose last message was 40 minutes ago: abandoned after 30 minutes, not after 60."""
    now = T0 + timedelta(minutes=41)
    events = [event(n, "started", f"stil-{n}") for n in range(6)]
    found = {}
    for minutes in (30, 60):
        settings = make_settings(tmp_path / f"{minutes}.db", analytics_abandon_minutes=minutes)
        app = create_app(settings)
        app.dependency_overrides[get_now] = lambda: now
        with local_client(app) as client:
            post_events(client, events)
            token = dev_credentials(settings)["campaign"]["token"]
            response = client.get("/api/v1/analytics/summary", headers={"Authorization": f"Bearer {token}"})
            reach = response.json()["reach"]
        found[minutes] = (reach["abandoned"], reach["in_progress"])
    assert found == {30: (6, "< 5"), 60: ("< 5", 6)}


def test_question_ids_keep_their_bit_and_the_masks_have_a_limit(fresh_client, fresh_settings, monkeypatch):
    from api.analytics import ingest

    first = [event(1, "question_asked", question_id="sector", dimension="profiel"),
             event(2, "question_asked", question_id="regio", dimension="profiel", minutes=1)]
    assert post_events(fresh_client, first) == 2
    bits = rows(fresh_settings, "analytics_question_bits", "bit")
    assert [(qid, bit) for qid, bit, _ in bits] == [("regio", 0), ("sector", 1)]
    monkeypatch.setattr(ingest, "MAX_BIT", 2)
    more = [event(3, "question_asked", question_id="medewerkers", dimension="profiel", minutes=2),
            event(4, "question_asked", question_id="jaaromzet", dimension="profiel", minutes=3)]
    response = fresh_client.post("/api/v1/events", json={"events": more})
    assert response.status_code == 422 and "at most 3 question ids" in response.json()["detail"]
    assert post_events(fresh_client, more[:1]) == 1
    assert rows(fresh_settings, "analytics_question_bits", "bit")[:2] == bits
    row = conversation_row(fresh_settings, "gesprek-1")
    assert row["asked_mask"] == 0b111 and row["answered_mask"] == 0 and row["last_question_id"] == "medewerkers"
