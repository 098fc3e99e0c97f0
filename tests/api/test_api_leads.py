"""PUT /api/v1/leads: consent bound to the routing preview, contact validation, idempotency, privacy."""
from __future__ import annotations

import sqlite3

import pytest
from api_testkit import ELIGIBLE, full_answers, hand_over, lead_body, put_assessment


def db_rows(settings, query: str) -> list[tuple]:
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        return db.execute(query).fetchall()


@pytest.fixture
def eligible(client) -> str:
    assessment_id, _ = put_assessment(client, full_answers(**ELIGIBLE))
    return assessment_id


def test_lead_goes_to_the_intermediary_the_preview_named(client, settings, eligible):
    response = hand_over(client, "lead-1", eligible)
    assert response.status_code == 200, response.text
    assert response.json() == {"lead_id": "lead-1", "intermediary_id": "brabant-maakt-slimmer",
                               "intermediary_name": "Brabant Maakt Slimmer", "status": "nieuw"}
    [(assessment_id, status, contact)] = db_rows(settings, "SELECT assessment_id, status, contact FROM leads")
    assert (assessment_id, status) == (eligible, "nieuw")
    assert '"kvk_nummer": "12345678"' in contact and "0612345678" in contact


def test_same_lead_put_twice_is_one_row(client, settings, eligible):
    first = hand_over(client, "lead-1", eligible)
    second = client.put("/api/v1/leads/lead-1", json=lead_body(eligible, "brabant-maakt-slimmer"))
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert db_rows(settings, "SELECT COUNT(*) FROM leads") == [(1,)]


def test_a_lead_without_a_preview_goes_to_the_programme_office(client, settings, eligible):
    """Routing is decided once, by the preview: without one the service decides nothing of its own, even for
    the organisation the preview would have named."""
    response = client.put("/api/v1/leads/lead-1", json=lead_body(eligible, "brabant-maakt-slimmer"))
    assert response.json()["intermediary_id"] == "programmabureau"
    assert db_rows(settings, "SELECT json_extract(consent, '$.named_intermediary_id') FROM leads") == [
        ("brabant-maakt-slimmer",)]


ZUID_HOLLAND_FOOD = {"sector": "voedingsmiddelen", "regio": "zuid-holland", "interesse": ["energie_duurzaamheid"]}


def previewed(client, **profile) -> tuple[str, str]:
    assessment_id, _ = put_assessment(client, full_answers(**ELIGIBLE, **profile))
    preview = client.post("/api/v1/routing/preview", json={"assessment_id": assessment_id}).json()
    return assessment_id, preview["intermediary_id"]


def test_a_lead_naming_another_than_the_preview_goes_to_the_programme_office(client):
    assessment_id, named = previewed(client, **ZUID_HOLLAND_FOOD)
    assert named == "delta-maakkracht"
    # Randstad Productiecoaches covers this owner too, but the preview named Delta Maakkracht: no second
    # routing decision, and never an organisation the owner was not asked about.
    response = client.put("/api/v1/leads/lead-1", json=lead_body(assessment_id, "randstad-productiecoaches"))
    assert response.json()["intermediary_id"] == "programmabureau"
    other, _ = previewed(client, **ZUID_HOLLAND_FOOD)
    response = client.put("/api/v1/leads/lead-2", json=lead_body(other, "metaal-innovatie-oost"))  # covers nothing here
    assert response.json()["intermediary_id"] == "programmabureau"


def test_consent_binds_the_lead_to_the_named_intermediary_even_when_its_capacity_is_reached_since(client):
    """Capacity is a preference when the preview names someone, not a reason to re-route afterwards."""
    assessment_id, named = previewed(client, **ZUID_HOLLAND_FOOD)
    assert named == "delta-maakkracht"
    for n in range(10):  # meanwhile other owners fill Delta Maakkracht's month
        other, _ = previewed(client, **ZUID_HOLLAND_FOOD)
        assert hand_over(client, f"ander-{n}", other).json()["intermediary_id"] == "delta-maakkracht"
    assert previewed(client, **ZUID_HOLLAND_FOOD)[1] == "randstad-productiecoaches"  # the next owner hears another
    response = client.put("/api/v1/leads/lead-1", json=lead_body(assessment_id, named))
    assert response.json()["intermediary_id"] == "delta-maakkracht"


@pytest.mark.parametrize("change", [{"active": False}, {"qualified_until": "2020-01-01"}])
def test_a_named_intermediary_that_can_no_longer_take_leads_sends_the_lead_to_the_programme_office(
        client, settings, change):
    assessment_id, named = previewed(client, **ZUID_HOLLAND_FOOD)
    assert named == "delta-maakkracht"
    column, value = next(iter(change.items()))
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        db.execute(f"UPDATE registry_entries SET {column} = ? WHERE id = 'delta-maakkracht'", (value,))
    response = client.put("/api/v1/leads/lead-1", json=lead_body(assessment_id, named))
    # Randstad Productiecoaches covers the same owner, but the owner agreed to Delta Maakkracht.
    assert response.json() == {"lead_id": "lead-1", "intermediary_id": "programmabureau",
                               "intermediary_name": "het Mkb-Booster-programmabureau", "status": "nieuw"}
    assert db_rows(settings, "SELECT json_extract(consent, '$.named_intermediary_id') FROM leads") == [
        ("delta-maakkracht",)]


def test_without_any_candidate_the_lead_goes_to_the_programme_office(client):
    assessment_id, _ = put_assessment(client, full_answers(**ELIGIBLE, sector="hout_meubel", regio="gelderland"))
    response = hand_over(client, "lead-1", assessment_id)
    assert response.status_code == 200
    assert response.json()["intermediary_id"] == "programmabureau"


def test_check_needed_may_be_handed_over(client):
    assessment_id, body = put_assessment(client, full_answers(**{**ELIGIBLE, "ontvangen_steun": "onbekend"}))
    assert body["eligibility"]["status"] == "check_needed"
    assert hand_over(client, "l", assessment_id).json()["intermediary_id"] == "brabant-maakt-slimmer"


@pytest.mark.parametrize("contact", [
    {"kvk_nummer": "onbekend", "contact_telefoon": "geen"},
    {"kvk_nummer": "1234 5678", "contact_telefoon": "+31 (0)6 1234 5678"},
    {"contact_email": "Info@De-Vonk.example.NL", "contact_telefoon": "040-1234567"},
])
def test_accepted_contact_variants(client, eligible, contact):
    response = hand_over(client, "l", eligible, **contact)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("change, fragment", [
    ({"consent": {"given": False, "text_version": "toestemming-v1", "at": "2025-11-20T10:00:00Z"}}, "consent"),
    ({"consent": {"text_version": "toestemming-v1", "at": "2025-11-20T10:00:00Z"}}, "consent.given"),
    ({"consent": None}, "consent"),
    ({"contact": {"bedrijfsnaam": "X"}}, "contact"),
])
def test_lead_without_consent_is_422(client, settings, eligible, change, fragment):
    body = {**lead_body(eligible, "brabant-maakt-slimmer"), **change}
    response = client.put("/api/v1/leads/l", json=body)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
    assert db_rows(settings, "SELECT COUNT(*) FROM leads") == [(0,)]


@pytest.mark.parametrize("contact, fragment", [
    ({"contact_email": "henk@devonk"}, "contact.contact_email"),
    ({"contact_email": "henk devonk.nl"}, "contact.contact_email"),
    ({"contact_email": "@devonk.nl"}, "contact.contact_email"),
    ({"kvk_nummer": "1234567"}, "contact.kvk_nummer"),
    ({"kvk_nummer": "12345678a"}, "contact.kvk_nummer"),
    ({"contact_telefoon": "12345"}, "contact.contact_telefoon"),
    ({"contact_naam": "   "}, "contact.contact_naam"),
    ({"contact_naam": 42}, "contact.contact_naam"),
    ({"website": "devonk.nl"}, "contact.website"),
])
def test_invalid_contact_is_422(client, eligible, contact, fragment):
    response = client.put("/api/v1/leads/l", json=lead_body(eligible, "brabant-maakt-slimmer", **contact))
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_not_eligible_or_unchecked_assessment_gets_no_lead(client, settings):
    refused, _ = put_assessment(client, full_answers(**{**ELIGIBLE, "bereid_plan": "nee"}))
    response = client.put("/api/v1/leads/l1", json=lead_body(refused, "brabant-maakt-slimmer"))
    assert response.status_code == 409
    unchecked, _ = put_assessment(client, full_answers())
    assert client.put("/api/v1/leads/l2", json=lead_body(unchecked, "brabant-maakt-slimmer")).status_code == 409
    assert client.put("/api/v1/leads/l3", json=lead_body("onbekend", "brabant-maakt-slimmer")).status_code == 404
    assert db_rows(settings, "SELECT COUNT(*) FROM leads") == [(0,)]


def test_one_lead_per_assessment(client, eligible):
    assert hand_over(client, "l1", eligible).status_code == 200
    second = hand_over(client, "l2", eligible)
    assert second.status_code == 409
    assert "already has lead 'l1'" in second.json()["detail"]
    other, _ = put_assessment(client, full_answers(**ELIGIBLE))
    moved = hand_over(client, "l1", other)
    assert moved.status_code == 409


def test_no_personal_data_in_the_assessments_table(client, settings, eligible):
    body = lead_body(eligible, "brabant-maakt-slimmer")
    assert hand_over(client, "l1", eligible).status_code == 200
    dump = " ".join(str(row) for row in db_rows(settings, "SELECT * FROM assessments"))
    for value in body["contact"].values():
        assert value not in dump
    assert "12345678" not in dump
    stored = client.get(f"/api/v1/assessments/{eligible}").json()
    assert "henk" not in str(stored).lower()
