"""PUT/GET /api/v1/assessments: results computed by the service, idempotency, validation."""
from __future__ import annotations

import sqlite3

import pytest
from api_testkit import ELIGIBLE, PUBLIC_BASE_URL, assessment_body, full_answers, put_assessment, scored_answers

from bot import questionnaire


def count_rows(settings, table: str) -> int:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_put_computes_scores_level_weakest_and_next_steps(client):
    # technologie all 1 (0), organisatie all 3 (67), businessmodel all 2 (33): total 33.
    q = questionnaire.load()
    answers = full_answers(**{i: "1" for i in q.dimensions["technologie"]},
                           **{i: "3" for i in q.dimensions["organisatie"]})
    assessment_id, body = put_assessment(client, answers, token="t" * 24)
    assert body["assessment_id"] == assessment_id
    assert body["scores"] == {"technologie": 0, "organisatie": 67, "businessmodel": 33, "totaal": 33}
    assert body["level"] == "achterblijver"
    assert body["weakest"] == "technologie"
    assert body["report_url"] == f"{PUBLIC_BASE_URL}/rapport/{'t' * 24}"
    assert 2 <= len(body["next_steps"]) <= 3
    advice = {q[i].advice for i in q.dimensions["technologie"]}
    assert body["next_steps"][0] in advice
    assert "eligibility" not in body


def test_weet_niet_is_stored_and_left_out_of_the_score(client):
    answers = scored_answers("4", tech_automatisering="weet_niet", tech_robotisering="1")
    assessment_id, body = put_assessment(client, answers)
    # technologie: (100 + 0 + 100) / 3 over the three answered items.
    assert body["scores"]["technologie"] == 67
    stored = client.get(f"/api/v1/assessments/{assessment_id}").json()
    assert stored["answers"]["tech_automatisering"] == "weet_niet"


def test_eligibility_is_computed_once_the_three_answers_are_there(client):
    assessment_id, first = put_assessment(client, full_answers())
    assert "eligibility" not in first
    body = assessment_body(full_answers(**ELIGIBLE), conversation_id="conv-1")
    body["report_token"] = client.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]
    response = client.put(f"/api/v1/assessments/{assessment_id}", json=body)
    assert response.status_code == 200
    eligibility = response.json()["eligibility"]
    assert eligibility["status"] == "eligible"
    assert eligibility["reasons"] == []

    koploper = full_answers(**scored_answers("4"), **ELIGIBLE)
    _, top = put_assessment(client, koploper)
    assert top["level"] == "koploper"
    assert top["eligibility"]["status"] == "not_eligible"
    assert [r["code"] for r in top["eligibility"]["reasons"]] == ["koploper"]


def test_same_put_twice_gives_one_unchanged_row(client, settings):
    body = assessment_body(full_answers(**ELIGIBLE), token="idempotent-token-0123456789")
    first = client.put("/api/v1/assessments/same-id", json=body)
    before = client.get("/api/v1/assessments/same-id").json()
    second = client.put("/api/v1/assessments/same-id", json=body)
    after = client.get("/api/v1/assessments/same-id").json()
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert before == after
    assert count_rows(settings, "assessments") == 1


def test_later_put_with_more_answers_updates_the_same_row(client, settings):
    token = "grow-token-0123456789abcdef"
    profile_only = {"sector": "metaal", "medewerkers": 12}
    first = client.put("/api/v1/assessments/grow", json=assessment_body(profile_only, token=token))
    assert first.status_code == 200
    assert first.json()["level"] is None
    assert first.json()["next_steps"] == []
    created = client.get("/api/v1/assessments/grow").json()["created_at"]

    later = assessment_body(full_answers(), token=token, campaign={})
    second = client.put("/api/v1/assessments/grow", json=later)
    assert second.status_code == 200
    stored = client.get("/api/v1/assessments/grow").json()
    assert stored["level"] == "achterblijver"
    assert stored["answers"]["interesse"] == ["robotisering"]
    assert stored["created_at"] == created
    assert stored["updated_at"] >= created
    # Campaign attribution from the first PUT survives a later PUT without it.
    assert stored["campaign"]["utm_source"] == "linkedin"
    assert count_rows(settings, "assessments") == 1


def test_get_returns_the_stored_assessment(client):
    assessment_id, _ = put_assessment(client, full_answers(), token="get-token-0123456789abc",
                                      started_at="2025-11-20T09:00:00Z")
    stored = client.get(f"/api/v1/assessments/{assessment_id}").json()
    assert stored["assessment_id"] == assessment_id
    assert stored["report_token"] == "get-token-0123456789abc"
    assert stored["report_url"].endswith("/rapport/get-token-0123456789abc")
    assert stored["answers"]["jaaromzet"] == 6_500_000
    assert stored["campaign"] == {"utm_source": "linkedin", "utm_medium": "social",
                                  "utm_campaign": "najaar", "site": "brabant-maakt-slimmer"}
    assert stored["started_at"].startswith("2025-11-20T09:00:00")
    assert stored["scores"]["totaal"] == 33


def test_get_unknown_assessment_is_404(client):
    response = client.get("/api/v1/assessments/onbekend")
    assert response.status_code == 404
    assert "not found" in response.json()["detail"]


def test_answers_are_normalised(client):
    answers = {"sector": "machinebouw", "medewerkers": "30", "jaaromzet": "onbekend",
               "tech_automatisering": 3, "knelpunten": "kennis, financiering,kennis",
               "interesse": ["additive"], "balanstotaal": None}
    assessment_id, _ = put_assessment(client, answers)
    stored = client.get(f"/api/v1/assessments/{assessment_id}").json()["answers"]
    assert stored == {"sector": "machinebouw", "medewerkers": 30, "jaaromzet": "onbekend",
                      "tech_automatisering": "3", "knelpunten": ["kennis", "financiering"],
                      "interesse": ["additive"]}


@pytest.mark.parametrize("answers, fragment", [
    ({"tech_vliegen": "2"}, "unknown question id 'tech_vliegen'"),
    ({"tech_automatisering": "5"}, "'5' is not an option"),
    ({"sector": "bakkerij"}, "'bakkerij' is not an option"),
    ({"regio": "bayern"}, "'bayern' is not an option"),
    ({"knelpunten": ["kennis", "luiheid"]}, "'luiheid' is not an option"),
    ({"interesse": []}, "at least one option"),
    ({"medewerkers": -3}, "out of range"),
    ({"medewerkers": 4.5}, "whole number"),
    ({"medewerkers": True}, "expected a number"),
    ({"jaaromzet": "veel"}, "expected a number"),
    ({"jaaromzet": {"bedrag": 5}}, "expected a number"),
    ({"sector": ["metaal"]}, "expected one of"),
    ({"contact_email": "henk@devonk.example"}, "contact data"),
    ({"bedrijfsnaam": "De Vonk"}, "contact data"),
    ({"org_cultuur": "weet_niet", "wil_contact": "weet_niet"}, "'weet_niet' is not an option"),
])
def test_invalid_answers_are_422_with_a_clear_message(client, settings, answers, fragment):
    response = client.put("/api/v1/assessments/bad", json=assessment_body(answers))
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
    assert count_rows(settings, "assessments") == 0


def test_all_answer_problems_are_listed_at_once(client):
    response = client.put("/api/v1/assessments/bad",
                          json=assessment_body({"x": "1", "tech_automatisering": "9"}))
    detail = response.json()["detail"]
    assert "unknown question id 'x'" in detail and "'9' is not an option" in detail


@pytest.mark.parametrize("change, fragment", [
    ({"report_token": "te-kort"}, "report_token"),
    ({"report_token": "a" * 19 + "!"}, "report_token"),
    ({"questionnaire_version": "0.1"}, "questionnaire_version"),
    ({"answers": ["sector", "metaal"]}, "answers"),
    ({"campaign": {"utm_content": "banner"}}, "campaign.utm_content"),
    ({"started_at": "gisteren"}, "started_at"),
    ({"onverwacht": 1}, "onverwacht"),
    ({"conversation_id": ""}, "conversation_id"),
])
def test_invalid_bodies_are_422(client, change, fragment):
    body = assessment_body({"sector": "metaal"})
    body.update(change)
    response = client.put("/api/v1/assessments/bad", json=body)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_missing_fields_malformed_json_and_bad_ids_are_4xx(client):
    body = assessment_body({"sector": "metaal"})
    del body["report_token"]
    missing = client.put("/api/v1/assessments/x", json=body)
    assert missing.status_code == 422 and "report_token" in missing.json()["detail"]
    malformed = client.put("/api/v1/assessments/x", content=b'{"answers": {',
                           headers={"content-type": "application/json"})
    assert malformed.status_code == 422
    bad_id = client.put("/api/v1/assessments/" + "x" * 200, json=assessment_body({}))
    assert bad_id.status_code == 422
    nan = client.put("/api/v1/assessments/x", content=b'{"conversation_id": "c", "report_token": "'
                     + b"a" * 24 + b'", "questionnaire_version": "' + questionnaire.load().version.encode()
                     + b'", "answers": {"jaaromzet": NaN}}', headers={"content-type": "application/json"})
    assert nan.status_code == 422


def test_report_token_cannot_be_reused_or_changed(client, settings):
    put_assessment(client, {"sector": "metaal"}, assessment_id="one", token="shared-token-0123456789")
    other = client.put("/api/v1/assessments/two",
                       json=assessment_body({"sector": "metaal"}, token="shared-token-0123456789"))
    assert other.status_code == 409
    changed = client.put("/api/v1/assessments/one",
                         json=assessment_body({"sector": "metaal"}, token="another-token-0123456789"))
    assert changed.status_code == 409
    assert count_rows(settings, "assessments") == 1
