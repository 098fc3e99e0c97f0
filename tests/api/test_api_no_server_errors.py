"""No input gets a 5xx: dates far outside any real conversation, the same PUT many times at once."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from api_testkit import ELIGIBLE, EXAMPLE_REGISTRY, assessment_body, full_answers, lead_body, put_assessment
from live_service import running

from api.identity.service import dev_credentials
from tests.support import TEST_BOT_TOKEN, bot_headers

EXTREMES = ["9999-12-31T23:59:59-10:00", "0001-01-01T00:00:00+14:00", "1970-01-01T00:00:00Z", "2999-01-01T00:00:00"]


@pytest.mark.parametrize("moment", EXTREMES)
def test_a_moment_outside_any_conversation_is_a_422_with_a_reason(client, moment):
    assessment = client.put(f"/api/v1/assessments/a-{uuid.uuid4().hex[:8]}",
                            json=assessment_body(full_answers(), started_at=moment))
    assert assessment.status_code == 422 and "started_at" in assessment.json()["detail"], assessment.text
    assessment_id, _ = put_assessment(client, full_answers(**ELIGIBLE))
    body = lead_body(assessment_id, "brabant-maakt-slimmer")
    body["consent"]["at"] = moment
    lead = client.put("/api/v1/leads/lead-datum", json=body)
    assert lead.status_code == 422 and "consent.at" in lead.json()["detail"], lead.text
    events = client.post("/api/v1/events", json={"events": [
        {"event_id": uuid.uuid4().hex, "conversation_id": "conv-datum", "type": "end", "at": moment}]})
    assert events.status_code == 422 and "at" in events.json()["detail"], events.text


@pytest.mark.parametrize("query", ["date_to=9999-12-31", "date_from=0001-01-01", "date_from=1999-12-31",
                                   "date_from=2025-01-01&date_to=2100-01-01"])
def test_dashboard_and_summary_filters_outside_any_conversation_are_a_4xx(client, settings, query):
    login = dev_credentials(settings)["campaign"]
    summary = client.get(f"/api/v1/analytics/summary?{query}", headers={"Authorization": f"Bearer {login['token']}"})
    assert summary.status_code == 422 and "date_" in summary.json()["detail"], summary.text
    form = client.get("/dashboard/inloggen")
    import re
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    client.post("/dashboard/inloggen", data={"gebruikersnaam": login["username"], "wachtwoord": login["password"],
                                             "csrf": csrf})
    for path in ("/dashboard", "/dashboard/export.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422, (path, response.text[:300])


def test_the_same_put_many_times_at_once_gets_the_same_answer_every_time(tmp_path):
    """The action server's outbox and a retrying network may repeat a PUT at the same moment; every copy
    gets the same answer, none a 409 or a 5xx."""
    with running(tmp_path, ENVIRONMENT="development", BOT_TOKEN=TEST_BOT_TOKEN, DELIVERY_WORKER="false",
                 DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", INTERMEDIARIES_FILE=str(EXAMPLE_REGISTRY),
                 RASA_TRACKER_DB_URL=f"sqlite:///{tmp_path / 'rasa.db'}") as live:
        def put(path_and_body):
            path, body = path_and_body
            with httpx.Client(base_url=live.url, headers=bot_headers(), timeout=60) as one:
                response = one.put(path, json=body)
                return response.status_code, response.text

        with ThreadPoolExecutor(20) as pool:
            for round_ in range(8):
                assessment_id = f"a-{round_}-{uuid.uuid4().hex[:6]}"
                body = assessment_body(full_answers(**ELIGIBLE), conversation_id=f"conv-{assessment_id}")
                answers = list(pool.map(put, [(f"/api/v1/assessments/{assessment_id}", body)] * 20))
                assert {status for status, _ in answers} == {200}, answers
                assert len({text for _, text in answers}) == 1
                with httpx.Client(base_url=live.url, headers=bot_headers(), timeout=60) as one:  # as the bot does
                    one.post("/api/v1/routing/preview", json={"assessment_id": assessment_id})
                lead = lead_body(assessment_id, "brabant-maakt-slimmer")
                answers = list(pool.map(put, [(f"/api/v1/leads/lead-{assessment_id}", lead)] * 20))
                assert {status for status, _ in answers} == {200}, answers
                assert len({text for _, text in answers}) == 1
