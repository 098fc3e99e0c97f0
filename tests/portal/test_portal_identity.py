"""One identity for the portal and the dashboard (api/identity): one accounts table with Argon2 hashes, one
sessions table, and each role only where it belongs: log-ins, session cookies and tokens stay in their realm."""
from __future__ import annotations

import re

import pytest
from portal_testkit import BRABANT, OFFICE, db_rows, login, make_lead

from tests.support import local_client

CAMPAIGN = "campaign"


def dashboard_login(client, creds: dict[str, str]):
    form = client.get("/dashboard/inloggen")
    found = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert found, "the log-in form has its CSRF token"
    csrf = found.group(1)
    return client.post("/dashboard/inloggen", follow_redirects=False,
                       data={"gebruikersnaam": creds["username"], "wachtwoord": creds["password"], "csrf": csrf})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_every_role_has_its_account_in_one_table_with_an_argon2_hash(client, settings, creds):
    rows = db_rows(settings, "SELECT username, role, password_hash FROM accounts")
    assert {role for _, role, _ in rows} == {"intermediair", "programmabureau", "campagne"}
    assert all(stored.startswith("$argon2id$") for _, _, stored in rows)
    login(client, creds[BRABANT])
    with local_client(client.app) as dashboard:
        assert dashboard_login(dashboard, creds[CAMPAIGN]).status_code == 303
    assert db_rows(settings, "SELECT COUNT(*) FROM sessions") == [(2,)]


@pytest.mark.parametrize("who", [BRABANT, OFFICE])
def test_portal_accounts_cannot_log_in_to_the_dashboard(client, creds, who):
    response = dashboard_login(client, creds[who])
    assert response.status_code == 401
    assert not any(c.startswith("dashboard_sessie=") for c in response.headers.get_list("set-cookie"))


def test_a_campaign_account_cannot_log_in_to_the_portal(client, creds):
    response = login(client, creds[CAMPAIGN], expect=401)
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.text


def test_a_session_cookie_counts_only_in_its_own_realm(client, other_client, creds):
    login(client, creds[OFFICE])
    portal_session = client.cookies.get("portaal_sessie")
    assert dashboard_login(other_client, creds[CAMPAIGN]).status_code == 303
    dashboard_session = other_client.cookies.get("dashboard_sessie")
    with local_client(client.app) as stranger:
        stranger.cookies.set("dashboard_sessie", portal_session, path="/dashboard")
        stranger.cookies.set("portaal_sessie", dashboard_session, path="/portaal")
        assert stranger.get("/dashboard", follow_redirects=False).headers["location"] == "/dashboard/inloggen"
        portal = stranger.get("/portaal/leads", follow_redirects=False)
        assert portal.headers["location"].startswith("/portaal/inloggen")
    assert client.get("/portaal/leads").status_code == 200  # the owners of both cookies are still signed in
    assert other_client.get("/dashboard").status_code == 200


def test_tokens_open_only_their_own_scope(client, creds):
    make_lead(client, BRABANT)
    with local_client(client.app, bot=False) as api:
        assert api.get("/api/v1/leads", headers=bearer(creds[CAMPAIGN]["token"])).status_code == 401
        assert api.get("/api/v1/analytics/summary", headers=bearer(creds[CAMPAIGN]["token"])).status_code == 200
        for who in (BRABANT, OFFICE):
            assert api.get("/api/v1/analytics/summary", headers=bearer(creds[who]["token"])).status_code == 401
            assert api.get("/api/v1/leads", headers=bearer(creds[who]["token"])).status_code == 200
