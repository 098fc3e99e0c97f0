"""Shared helpers of the analytics tests: the generator, settings, posting events, leads, log-in."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import analytics_expected
from fastapi.testclient import TestClient

from api.assessments.models import Assessment
from api.identity.service import dev_credentials
from api.leads.models import Lead
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN, load_script, local_client

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_REGISTRY = REPO_ROOT.parent / "shared" / "spec" / "intermediaries.example.json"
END = datetime(2026, 1, 20, 14, 0, tzinfo=timezone.utc)
NOW = END + timedelta(minutes=1)
ABANDON_MINUTES = 3 * 24 * 60  # long, so "still in progress" has enough conversations to show
CONVERSATIONS = 2500
SEED = 11
BATCH = 4000


def load_generator():
    return load_script("scripts/generate_events.py", "analytics_generator")


generator = load_generator()


def make_settings(path: Path, **extra) -> Settings:
    return Settings(database_url=f"sqlite:///{path}", public_base_url="http://scan.test",
                    rasa_url="http://rasa.test:5005", intermediaries_file=EXAMPLE_REGISTRY,
                    delivery_worker=False, **{"environment": "development", "bot_token": TEST_BOT_TOKEN, **extra})


def post_events(client: TestClient, events: list[dict]) -> int:
    stored = 0
    for start in range(0, len(events), BATCH):
        response = client.post("/api/v1/events", json={"events": events[start:start + BATCH]})
        assert response.status_code == 200, response.text[:1000]
        stored += response.json()["stored"]
    return stored


def add_lead(session, conversation_id: str, status: str) -> None:
    """An assessment and its lead as the hand-off stores them; the contact data is left empty here."""
    assessment_id = uuid.uuid4().hex
    session.add(Assessment(id=assessment_id, conversation_id=conversation_id, report_token=uuid.uuid4().hex,
                           questionnaire_version="1", answers={}, campaign={}, scores={}, next_steps=[]))
    session.add(Lead(id=uuid.uuid4().hex, assessment_id=assessment_id, intermediary_id="brabant-maakt-slimmer",
                     intermediary_name="Brabant Maakt Slimmer", status=status, consent={}, contact={}))


def log_in(client: TestClient, username: str, password: str):
    form = client.get("/dashboard/inloggen")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf, "the log-in page has no CSRF field"
    return client.post("/dashboard/inloggen", data={"gebruikersnaam": username, "wachtwoord": password,
                                                    "csrf": csrf.group(1)}, follow_redirects=False)


@dataclass
class Dataset:
    app: object
    client: TestClient
    settings: Settings
    events: list[dict]
    leads: dict[str, str]
    now: datetime
    abandon_minutes: int

    def expected(self, filters: dict[str, str] | None = None) -> dict:
        """The independent count (analytics_expected) of every figure for these filters."""
        if not hasattr(self, "_conversations"):
            self._conversations = analytics_expected.conversations(self.events, self.leads)
        return analytics_expected.summary_of(self._conversations, self.now, self.abandon_minutes, filters)

    @property
    def credentials(self) -> dict[str, str]:
        return dev_credentials(self.settings)["campaign"]

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials['token']}"}

    def signed_in_client(self) -> TestClient:
        client = local_client(self.app)
        response = log_in(client, self.credentials["username"], self.credentials["password"])
        assert response.status_code == 303, response.text
        return client
