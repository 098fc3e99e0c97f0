"""Shared helpers for the web service tests: request bodies and a client-side PUT."""
from __future__ import annotations

import uuid
from pathlib import Path

from bot import questionnaire

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_REGISTRY = REPO_ROOT.parent / "shared" / "spec" / "intermediaries.example.json"
PUBLIC_BASE_URL = "http://scan.test"
RASA_URL = "http://rasa.test:5005"

# A welding shop in Noord-Brabant; full_answers() scores it 33 everywhere (achterblijver).
PROFILE = {"sector": "metaal", "medewerkers": 45, "jaaromzet": 6_500_000, "regio": "noord-brabant"}
ELIGIBLE = {"eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja"}


def scored_answers(value: str = "2", **overrides: str) -> dict[str, str]:
    answers = {qid: value for qid in questionnaire.load().scored_ids}
    answers.update(overrides)
    return answers


def full_answers(**overrides) -> dict:
    """Profile, all scored answers at 2, knelpunten, interesse and the follow-up questions."""
    answers = {**PROFILE, **scored_answers("2"), "knelpunten": ["kennis", "capaciteit"],
               "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja"}
    answers.update(overrides)
    return {k: v for k, v in answers.items() if v is not None}


def assessment_body(answers: dict, token: str | None = None, **extra) -> dict:
    body = {"conversation_id": "conv-1", "report_token": token or uuid.uuid4().hex,
            "questionnaire_version": questionnaire.load().version, "answers": answers,
            "campaign": {"utm_source": "linkedin", "utm_medium": "social",
                         "utm_campaign": "najaar", "site": "brabant-maakt-slimmer"}}
    body.update(extra)
    return body


def put_assessment(client, answers: dict, assessment_id: str | None = None, **extra):
    assessment_id = assessment_id or f"a-{uuid.uuid4().hex[:12]}"
    response = client.put(f"/api/v1/assessments/{assessment_id}", json=assessment_body(answers, **extra))
    assert response.status_code == 200, response.text
    return assessment_id, response.json()


def lead_body(assessment_id: str, intermediary_id: str, **contact) -> dict:
    return {"assessment_id": assessment_id, "intermediary_id": intermediary_id,
            "consent": {"given": True, "text_version": questionnaire.load().consent_version,
                        "at": "2025-11-20T10:15:00+01:00"},
            "contact": {"bedrijfsnaam": "Lasbedrijf De Vonk B.V.", "kvk_nummer": "12345678",
                        "contact_naam": "Henk de Vries", "contact_email": "henk@devonk.example",
                        "contact_telefoon": "06 12345678", **contact}}


def hand_over(client, lead_id: str, assessment_id: str, body: dict | None = None, **contact):
    """As the bot hands a lead over: asks the routing preview, then PUTs the lead naming the organisation
    the preview named (the programme office when the preview refuses). `body` changes the lead body."""
    preview = client.post("/api/v1/routing/preview", json={"assessment_id": assessment_id})
    named = preview.json()["intermediary_id"] if preview.status_code == 200 else "programmabureau"
    return client.put(f"/api/v1/leads/{lead_id}", json={**lead_body(assessment_id, named, **contact), **(body or {})})
