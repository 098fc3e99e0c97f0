"""Tenant isolation: another intermediary's lead is 404 on every route, exactly like a lead that does not exist."""
from __future__ import annotations

import pytest
from portal_testkit import BRABANT, OFFICE, TECHNOORD, db_rows, login, make_lead, page_csrf

PAGE_ROUTES = ["/portaal/leads/{id}", "/portaal/leads/{id}/intake.pdf", "/portaal/leads/{id}/intake.json",
               "/portaal/leads/{id}/rapport"]
FORM_ROUTES = [("/portaal/leads/{id}/status", {"status": "in_behandeling", "bevestigd": "ja"}),
               ("/portaal/leads/{id}/status/terugdraaien", {"bevestigd": "ja"}),
               ("/portaal/leads/{id}/herscan", {}),
               ("/portaal/leads/{id}/notities", {"tekst": "hallo"}),
               ("/portaal/leads/{id}/toewijzen", {"intermediair": TECHNOORD})]


@pytest.fixture
def brabant_lead(client) -> str:
    lead_id, _ = make_lead(client, BRABANT, bedrijfsnaam="Geheim Metaal BV")
    return lead_id


@pytest.mark.parametrize("route", PAGE_ROUTES)
@pytest.mark.parametrize("who", [TECHNOORD, OFFICE])
def test_pages_of_another_intermediarys_lead_are_404(client, creds, brabant_lead, route, who):
    login(client, creds[who])
    foreign = client.get(route.format(id=brabant_lead))
    missing = client.get(route.format(id="bestaat-niet"))
    assert foreign.status_code == missing.status_code == 404
    assert "Geheim Metaal" not in foreign.text and "henk" not in foreign.text
    assert "Deze pagina bestaat niet" in foreign.text


@pytest.mark.parametrize("route, data", FORM_ROUTES)
def test_changes_to_another_intermediarys_lead_are_404_and_change_nothing(client, settings, creds, brabant_lead,
                                                                          route, data):
    login(client, creds[TECHNOORD])
    token = page_csrf(client)
    response = client.post(route.format(id=brabant_lead), data={**data, "csrf_token": token})
    assert response.status_code == 404
    assert db_rows(settings, "SELECT status, intermediary_id FROM leads") == [("nieuw", BRABANT)]
    assert db_rows(settings, "SELECT COUNT(*) FROM lead_notes") == [(0,)]
    assert db_rows(settings, "SELECT COUNT(*) FROM rescan_invitations") == [(0,)]


def test_csv_and_list_leave_out_another_intermediarys_lead(client, creds, brabant_lead):
    login(client, creds[TECHNOORD])
    assert brabant_lead not in client.get("/portaal/leads").text
    export = client.get("/portaal/leads.csv")
    assert export.status_code == 200 and brabant_lead not in export.text and "Geheim" not in export.text


def test_json_api_of_another_intermediarys_lead_is_404(client, creds, brabant_lead):
    own = {"Authorization": f"Bearer {creds[BRABANT]['token']}"}
    other = {"Authorization": f"Bearer {creds[TECHNOORD]['token']}"}
    assert client.get(f"/api/v1/leads/{brabant_lead}", headers=own).status_code == 200
    foreign = client.get(f"/api/v1/leads/{brabant_lead}", headers=other)
    assert foreign.status_code == 404 and foreign.json() == {"detail": f"lead '{brabant_lead}' not found"}
    assert client.get("/api/v1/leads", headers=other).json()["leads"] == []


def test_the_owner_still_reaches_every_route(client, creds, brabant_lead):
    login(client, creds[BRABANT])
    for route in PAGE_ROUTES:
        assert client.get(route.format(id=brabant_lead)).status_code == 200


@pytest.mark.parametrize("route", ["/portaal/register", f"/portaal/register/{BRABANT}", "/portaal/bezorging",
                                   "/portaal/audit"])
def test_programme_office_pages_do_not_exist_for_intermediaries(client, creds, route):
    login(client, creds[BRABANT])
    assert client.get(route).status_code == 404
    token = page_csrf(client)
    assert client.post(f"/portaal/register/{BRABANT}/tokens", data={"csrf_token": token}).status_code == 404
