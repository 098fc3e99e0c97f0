"""GET /api/v1/leads(/id) for intermediaries' own systems, with Bearer tokens the programme office issues
and revokes."""
from __future__ import annotations

import re

import pytest
from portal_testkit import BRABANT, OFFICE, TECHNOORD, db_rows, login, make_lead, page_csrf


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer "}, {"Authorization": "Basic abc"},
                                     {"Authorization": "Bearer mkbb_bestaatniet"}])
def test_without_a_valid_token_401(client, headers):
    response = client.get("/api/v1/leads", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "token" in response.json()["detail"]


def test_list_gives_the_own_leads_with_intakes_and_pages(client, creds):
    ids = [make_lead(client, BRABANT)[0] for _ in range(3)]
    make_lead(client, TECHNOORD)
    first = client.get("/api/v1/leads?limit=2", headers=bearer(creds[BRABANT]["token"])).json()
    assert first["count"] == 2 and first["next_offset"] == 2
    rest = client.get("/api/v1/leads?limit=2&offset=2", headers=bearer(creds[BRABANT]["token"])).json()
    assert rest["next_offset"] is None
    listed = [lead["lead_id"] for lead in first["leads"] + rest["leads"]]
    assert listed == list(reversed(ids))
    assert first["leads"][0]["contact"]["email"] == "henk@devonk.example"


def test_status_filter_and_unknown_status(client, creds):
    make_lead(client, BRABANT)
    token = bearer(creds[BRABANT]["token"])
    assert client.get("/api/v1/leads?status=afgerond", headers=token).json()["count"] == 0
    assert client.get("/api/v1/leads?status=nieuw", headers=token).json()["count"] == 1
    assert client.get("/api/v1/leads?status=gewonnen", headers=token).status_code == 422


def test_api_calls_are_audited_with_the_token_hint(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    client.get(f"/api/v1/leads/{lead_id}", headers=bearer(creds[BRABANT]["token"]))
    [(actor, intermediary)] = db_rows(
        settings, "SELECT actor, intermediary_id FROM audit_log WHERE action = 'api_lead_opgevraagd'")
    assert actor == f"token:{creds[BRABANT]['token'][:10]}" and intermediary == BRABANT


def test_programme_office_issues_and_revokes_tokens(client, settings, creds):
    lead_id, _ = make_lead(client, TECHNOORD)
    login(client, creds[OFFICE])
    token = page_csrf(client, f"/portaal/register/{TECHNOORD}")
    issued = client.post(f"/portaal/register/{TECHNOORD}/tokens", data={"label": "CRM", "csrf_token": token})
    assert issued.status_code == 200 and issued.headers["cache-control"] == "no-store"
    secret = re.search(r'id="new-token">([^<]+)<', issued.text).group(1)
    assert client.get(f"/api/v1/leads/{lead_id}", headers=bearer(secret)).status_code == 200
    # Only the hash is stored.
    assert all(secret not in str(row) for row in db_rows(settings, "SELECT * FROM api_tokens"))
    [(token_id,)] = db_rows(settings, "SELECT id FROM api_tokens WHERE label = 'CRM'")
    revoked = client.post(f"/portaal/register/{TECHNOORD}/tokens/{token_id}/intrekken", data={"csrf_token": token},
                          follow_redirects=False)
    assert revoked.status_code == 303
    assert client.get(f"/api/v1/leads/{lead_id}", headers=bearer(secret)).status_code == 401
    assert client.get(f"/api/v1/leads/{lead_id}", headers=bearer(creds[TECHNOORD]["token"])).status_code == 200
    actions = [a for (a,) in db_rows(settings, "SELECT action FROM audit_log WHERE action LIKE 'token_%'")]
    assert actions == ["token_uitgegeven", "token_ingetrokken"]


def test_a_token_cannot_be_revoked_through_another_intermediarys_page(client, settings, creds):
    login(client, creds[OFFICE])
    [(brabant_token,)] = db_rows(settings, "SELECT id FROM api_tokens WHERE intermediary_id = ?", BRABANT)
    token = page_csrf(client, f"/portaal/register/{TECHNOORD}")
    response = client.post(f"/portaal/register/{TECHNOORD}/tokens/{brabant_token}/intrekken",
                           data={"csrf_token": token})
    assert response.status_code == 404
    assert db_rows(settings, "SELECT revoked_at FROM api_tokens WHERE id = ?", brabant_token) == [(None,)]
