"""PUT /api/v1/leads with what the owner said beyond the option labels: answer_texts, remarks, place.

Strictly validated (unknown fields, contact questions, too long or too many values are a 422) and
stored with the lead, replaced by a repeated PUT, and gone with the lead's erasure.
"""
from __future__ import annotations

import json
import sqlite3

import pytest
from api_testkit import ELIGIBLE, full_answers, hand_over, put_assessment

WORDS = {"regio": "Deventer", "tech_robotisering": "we hebben sinds vorig jaar één lasrobot",
         "bereid_plan": "ja hoor, als het niet te veel papierwerk is"}
REMARKS = ["liefst na 4 uur bellen", "we zitten midden in een verhuizing"]


def rows(settings, query: str) -> list[tuple]:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        return db.execute(query).fetchall()


@pytest.fixture
def eligible(client) -> str:
    assessment_id, _ = put_assessment(client, full_answers(**ELIGIBLE, regio="overijssel"))
    return assessment_id


def put(client, assessment_id: str, **extra):
    return hand_over(client, "lead-words", assessment_id, body=extra)


def test_own_words_remarks_and_place_are_stored_with_the_lead(client, settings, eligible):
    response = put(client, eligible, answer_texts=WORDS, remarks=REMARKS, place="Deventer")
    assert response.status_code == 200, response.text
    [(place, texts, remarks)] = rows(settings, "SELECT place, answer_texts, remarks FROM lead_details")
    assert place == "Deventer" and json.loads(texts) == WORDS and json.loads(remarks) == REMARKS
    # A repeated PUT is the truth: what it leaves out is gone.
    assert put(client, eligible, answer_texts={"regio": "Deventer"}).status_code == 200
    [(place, texts, remarks)] = rows(settings, "SELECT place, answer_texts, remarks FROM lead_details")
    assert (place, json.loads(texts), json.loads(remarks)) == (None, {"regio": "Deventer"}, [])


def test_without_the_new_fields_a_lead_is_stored_as_before(client, settings, eligible):
    assert put(client, eligible).status_code == 200
    [(texts, remarks)] = rows(settings, "SELECT answer_texts, remarks FROM lead_details")
    assert json.loads(texts) == {} and json.loads(remarks) == []


@pytest.mark.parametrize("extra, problem", [
    ({"answer_texts": {"contact_email": "henk@devonk.example"}}, "contact_email"),
    ({"answer_texts": {"toestemming": "ja"}}, "toestemming"),
    ({"answer_texts": {"bestaat_niet": "x"}}, "bestaat_niet"),
    ({"answer_texts": {"regio": "x" * 501}}, "at most 500"),
    ({"answer_texts": {"regio": 7}}, "string"),
    ({"answer_texts": {"regio": "   "}}, "at least 1"),
    ({"remarks": ["x"] * 11}, "at most 10"),
    ({"remarks": ["y" * 501]}, "at most 500"),
    ({"remarks": "liefst na 4 uur"}, "list"),
    ({"place": "D" * 121}, "at most 120"),
    ({"place": ["Deventer"]}, "string"),
    ({"plaats": "Deventer"}, "Extra inputs are not permitted"),
])
def test_wrong_values_are_a_clear_422_and_store_nothing(client, settings, eligible, extra, problem):
    response = put(client, eligible, **extra)
    assert response.status_code == 422, response.text
    assert problem in response.json()["detail"]
    assert rows(settings, "SELECT COUNT(*) FROM leads") == [(0,)]
    assert rows(settings, "SELECT COUNT(*) FROM lead_details") == [(0,)]
