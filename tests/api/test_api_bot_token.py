"""The bot's write endpoints answer only the action server, which sends BOT_TOKEN."""
from __future__ import annotations

import uuid

import pytest
from api_testkit import assessment_body, full_answers, lead_body
from pydantic import ValidationError

from api.main import create_app
from api.settings import Settings
from tests.support import local_client

TOKEN = "t" * 43


@pytest.fixture
def guarded(settings: Settings):
    with local_client(create_app(settings.model_copy(update={"bot_token": TOKEN})), bot=False) as client:
        yield client


def bot_requests(assessment_id: str) -> list[tuple[str, str, dict]]:
    return [("PUT", f"/api/v1/assessments/{assessment_id}", assessment_body(full_answers())),
            ("POST", "/api/v1/routing/preview", {"assessment_id": assessment_id}),
            ("PUT", f"/api/v1/leads/{uuid.uuid4().hex}", lead_body(assessment_id, "brabant-maakt-slimmer")),
            ("POST", "/api/v1/events", {"events": []}),
            ("POST", "/api/v1/rescans/preview", {"invitation": "i" * 32}),
            ("PUT", f"/api/v1/rescans/{uuid.uuid4().hex}", {"invitation": "i" * 32, "assessment_id": assessment_id,
                                                           "consent": lead_body(assessment_id, "x")["consent"]})]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_without_the_token_every_bot_write_is_refused_with_401(guarded, header):
    headers = {"Authorization": header} if header else {}
    for method, path, body in bot_requests(uuid.uuid4().hex):
        response = guarded.request(method, path, json=body, headers=headers)
        assert response.status_code == 401, (path, response.text)
        assert "token" in response.json()["detail"]


def test_with_the_token_the_bot_writes_as_before(guarded):
    assessment_id = uuid.uuid4().hex
    headers = {"Authorization": f"Bearer {TOKEN}"}
    stored = guarded.put(f"/api/v1/assessments/{assessment_id}", json=assessment_body(full_answers()),
                         headers=headers)
    assert stored.status_code == 200, stored.text
    preview = guarded.post("/api/v1/routing/preview", json={"assessment_id": assessment_id}, headers=headers)
    assert preview.status_code == 409  # past the token: these answers are not eligible (no eligibility answers)
    assert guarded.post("/api/v1/events", json={"events": []}, headers=headers).status_code == 200


def test_reading_pages_needs_no_token(guarded):
    assert guarded.get("/healthz").status_code == 200


def test_outside_development_a_missing_or_short_token_is_refused(tmp_path):
    base = {"database_url": f"sqlite:///{tmp_path / 'app.db'}", "environment": "production",
            "secret_key": "s" * 40}
    for token in (None, "kort"):
        with pytest.raises(ValidationError, match="BOT_TOKEN"):
            Settings(**base, bot_token=token)
    assert Settings(**base, bot_token=TOKEN).bot_token == TOKEN
