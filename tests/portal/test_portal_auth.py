"""Log-in, sessions, CSRF and the log-in rate limit of the portal."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from live_service import running
from portal_testkit import BRABANT, EXAMPLE_REGISTRY, csrf_of, db_rows, login, page_csrf
from portal_tracker import file_contains

from api.main import create_app
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN, local_client


def test_pages_need_a_log_in_and_come_back_after_it(client, creds):
    response = client.get("/portaal/leads?status=nieuw", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/portaal/inloggen?volgende=/portaal/leads%3Fstatus%3Dnieuw"
    page = client.get(response.headers["location"])
    assert csrf_of(page.text, "volgende") == "/portaal/leads?status=nieuw"


def test_log_in_sets_a_protected_session_cookie(client, creds):
    response = login(client, creds[BRABANT])
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("portaal_sessie="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/portaal" in cookie
    assert client.get("/portaal/leads").status_code == 200


def test_secure_cookie_outside_plain_http_development():
    assert not Settings(environment="development", public_base_url="http://127.0.0.1:8000").secure_cookies
    assert Settings(environment="development", public_base_url="https://scan.example").secure_cookies
    assert Settings(environment="production", secret_key="x" * 40, bot_token="b" * 40).secure_cookies


def test_production_refuses_the_development_secret():
    with pytest.raises(ValueError, match="SECRET_KEY"):
        Settings(environment="production")


def test_passwords_are_stored_as_argon2_hashes(client, settings, creds):
    [(stored,)] = db_rows(settings, "SELECT password_hash FROM accounts WHERE username = ?", BRABANT)
    assert stored.startswith("$argon2id$") and creds[BRABANT]["password"] not in stored


def test_wrong_password_is_refused_in_dutch(client, creds):
    response = login(client, {**creds[BRABANT], "password": "fout"}, expect=401)
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.text
    assert client.get("/portaal/leads", follow_redirects=False).status_code == 303


def test_log_in_without_the_form_token_is_refused(client, creds):
    client.get("/portaal/inloggen")
    response = client.post("/portaal/inloggen", data={**creds[BRABANT], "csrf_token": "vervalst"},
                           follow_redirects=False)
    assert response.status_code == 403
    assert "portaal_sessie" not in response.headers.get("set-cookie", "")


def test_rate_limit_blocks_after_repeated_failures_even_with_the_right_password(client, settings, creds):
    for _ in range(settings.login_max_failures):
        login(client, {**creds[BRABANT], "password": "fout"}, expect=401)
    response = login(client, creds[BRABANT], expect=429)
    assert "Te veel mislukte pogingen" in response.text
    # Another user from elsewhere is not blocked by it... but the same client is after more failures.
    assert db_rows(settings, "SELECT COUNT(*) FROM audit_log WHERE action = 'inloggen_geblokkeerd'") == [(1,)]


def test_state_changing_forms_need_the_session_csrf_token(client, creds):
    from portal_testkit import make_lead

    lead_id, _ = make_lead(client)
    login(client, creds[BRABANT])
    forged = client.post(f"/portaal/leads/{lead_id}/status", data={"status": "in_behandeling", "csrf_token": "x"})
    assert forged.status_code == 403 and "Laad de pagina opnieuw" in forged.text
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    ok = client.post(f"/portaal/leads/{lead_id}/status", data={"status": "in_behandeling", "csrf_token": token,
                                                               "bevestigd": "ja"},
                     follow_redirects=False)
    assert ok.status_code == 303


def test_log_out_ends_the_session_on_the_server(client, settings, creds):
    login(client, creds[BRABANT])
    cookie = client.cookies.get("portaal_sessie")
    response = client.post("/portaal/uitloggen", data={"csrf_token": page_csrf(client)}, follow_redirects=False)
    assert response.status_code == 303
    assert db_rows(settings, "SELECT COUNT(*) FROM sessions") == [(0,)]
    client.cookies.set("portaal_sessie", cookie, path="/portaal")  # a copied cookie no longer works
    assert client.get("/portaal/leads", follow_redirects=False).status_code == 303


def test_a_session_expires_after_session_hours(client, settings, creds):
    login(client, creds[BRABANT])
    assert client.get("/portaal/leads", follow_redirects=False).status_code == 200
    [(created, expires)] = db_rows(settings, "SELECT created_at, expires_at FROM sessions")
    assert str(created) < str(expires)
    db_rows(settings, "UPDATE sessions SET expires_at = '2000-01-01 00:00:00.000000'")
    assert client.get("/portaal/leads", follow_redirects=False).status_code == 303
    assert db_rows(settings, "SELECT COUNT(*) FROM sessions") == [(0,)]  # and it is gone


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/portaal", "/rapport/x"])
def test_no_open_redirect_after_log_in(client, creds, target):
    page = client.get("/portaal/inloggen")
    response = client.post("/portaal/inloggen", data={**creds[BRABANT], "csrf_token": csrf_of(page.text),
                                                       "volgende": target}, follow_redirects=False)
    assert response.headers["location"] == "/portaal/leads"


def test_private_pages_are_not_cached_or_framed(client, creds):
    login(client, creds[BRABANT])
    for path in ("/portaal/leads", "/portaal/inloggen"):
        headers = client.get(path).headers
        assert headers["cache-control"] == "no-store" and headers["x-frame-options"] == "DENY"


def from_address(app, address: str):
    return local_client(app, client=(address, 40000))


def test_an_attacker_elsewhere_does_not_lock_the_real_user_out(app, settings, creds):
    """User names are public ids: failures from one address block that address, not the account."""
    with from_address(app, "203.0.113.9") as attacker:
        statuses = [login(attacker, {**creds[BRABANT], "password": f"gok-{n}"}, expect=None).status_code
                    for n in range(settings.login_max_failures + 3)]
        assert statuses == [401] * settings.login_max_failures + [429] * 3
        assert login(attacker, creds[BRABANT], expect=429)  # the right password does not help the attacker there
    with from_address(app, "198.51.100.20") as user:
        login(user, creds[BRABANT])
        assert user.get("/portaal/leads").status_code == 200


def test_a_guess_from_many_addresses_is_capped_but_the_users_own_browser_still_gets_in(settings, creds):
    capped = settings.model_copy(update={"login_account_max_failures": 12})
    app = create_app(capped)
    with from_address(app, "198.51.100.20") as browser:
        login(browser, creds[BRABANT])  # the user's browser, known to the account from now on
        browser.post("/portaal/uitloggen", data={"csrf_token": page_csrf(browser)})
        for n in range(14):
            with from_address(app, f"203.0.113.{n + 1}") as attacker:
                login(attacker, {**creds[BRABANT], "password": f"gok-{n}"}, expect=None)
        with from_address(app, "203.0.113.200") as another:
            assert login(another, creds[BRABANT], expect=None).status_code == 429  # the account is capped for strangers
        login(browser, creds[BRABANT])  # ... but not for the browser that logged in before
        assert browser.get("/portaal/leads").status_code == 200


def test_parallel_wrong_log_ins_are_counted_exactly(tmp_path, settings):
    """40 tries at the same moment against the real server: exactly LOGIN_MAX_FAILURES get their password checked."""
    with running(tmp_path, ENVIRONMENT="development", BOT_TOKEN=TEST_BOT_TOKEN, DELIVERY_WORKER="false",
                 DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", INTERMEDIARIES_FILE=str(EXAMPLE_REGISTRY)) as live:
        with httpx.Client(base_url=live.url) as browser:
            form = browser.get("/portaal/inloggen")
            data = {"username": BRABANT, "password": "fout", "csrf_token": csrf_of(form.text), "volgende": ""}
            cookies = dict(browser.cookies)

        def attempt(_):
            with httpx.Client(base_url=live.url, cookies=cookies, timeout=60) as one:
                return one.post("/portaal/inloggen", data=data).status_code

        with ThreadPoolExecutor(40) as pool:
            statuses = list(pool.map(attempt, range(40)))
    assert statuses.count(401) == settings.login_max_failures, statuses
    assert statuses.count(429) == 40 - settings.login_max_failures


def test_what_someone_typed_as_user_name_is_never_stored(client, settings, creds):
    """A password typed into the user-name field must not end up in the audit log or the database."""
    typed = "Zomer2025!geheim"
    login(client, {"username": typed, "password": creds[BRABANT]["password"]}, expect=401)
    login(client, {**creds[BRABANT], "password": "fout"}, expect=401)
    assert db_rows(settings, "SELECT actor, action FROM audit_log WHERE action = 'inloggen_mislukt'") == [
        ("gebruiker:onbekend", "inloggen_mislukt"), (f"gebruiker:{BRABANT}", "inloggen_mislukt")]
    assert not file_contains(Path(settings.database_url.removeprefix("sqlite:///")), typed)


@pytest.mark.parametrize("change", [{"active": 0}, {"qualified_until": "2020-12-31"}])
def test_an_inactive_or_expired_intermediary_loses_portal_and_api_access(client, other_client, settings, creds,
                                                                        change):
    login(client, creds[BRABANT])
    token = {"Authorization": f"Bearer {creds[BRABANT]['token']}"}
    assert client.get("/portaal/leads").status_code == 200
    assert client.get("/api/v1/leads", headers=token).status_code == 200
    column, value = next(iter(change.items()))
    db_rows(settings, f"UPDATE registry_entries SET {column} = ? WHERE id = ?", value, BRABANT)

    assert client.get("/portaal/leads", follow_redirects=False).status_code == 303  # the session ended
    assert db_rows(settings, "SELECT COUNT(*) FROM sessions") == [(0,)]
    response = client.get("/api/v1/leads", headers=token)
    assert response.status_code == 401 and "no longer" in response.json()["detail"]
    refused = login(other_client, creds[BRABANT], expect=403)
    assert "programmabureau" in refused.text and "portaal_sessie" not in refused.headers.get("set-cookie", "")
    login(other_client, creds["technoord-advies"])  # others carry on
