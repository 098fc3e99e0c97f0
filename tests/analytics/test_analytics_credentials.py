"""Campaign accounts (api/identity): the development log-in from SECRET_KEY, extra accounts, Argon2 hashes."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from analytics_testkit import REPO_ROOT, log_in, make_settings

from api.db import connect
from api.identity import passwords, service, tokens
from api.identity.__main__ import main
from api.identity.service import add_account, dev_credentials
from api.main import create_app
from tests.support import local_client


def summary_status(client, token: str) -> int:
    return client.get("/api/v1/analytics/summary", headers={"Authorization": f"Bearer {token}"}).status_code


def test_the_development_campaign_log_in_works(tmp_path):
    settings = make_settings(tmp_path / "app.db")
    found = dev_credentials(settings)["campaign"]
    assert set(found) == {"username", "password", "token"}
    assert found == dev_credentials(settings)["campaign"]  # stable for one SECRET_KEY
    with local_client(create_app(settings)) as client:
        assert summary_status(client, found["token"]) == 200
        assert log_in(client, found["username"], found["password"]).status_code == 303


def test_another_secret_key_gives_other_credentials_and_the_account_follows(tmp_path):
    first = make_settings(tmp_path / "app.db")
    second = make_settings(tmp_path / "app.db", secret_key="een-andere-ontwikkelsleutel-voor-deze-test")
    old, new = dev_credentials(first)["campaign"], dev_credentials(second)["campaign"]
    assert old["password"] != new["password"] and old["token"] != new["token"]
    with local_client(create_app(first)):
        pass
    with local_client(create_app(second)) as client:
        assert summary_status(client, new["token"]) == 200
        assert summary_status(client, old["token"]) == 401
        assert log_in(client, old["username"], old["password"]).status_code == 401


def test_no_development_log_in_in_production(tmp_path):
    production = make_settings(tmp_path / "app.db", environment="production", secret_key="x" * 40, bot_token="b" * 40)
    development = dev_credentials(make_settings(tmp_path / "app.db", secret_key="x" * 40))["campaign"]
    # Production cookies are Secure: the browser sends them back over https only.
    with local_client(create_app(production), base_url="https://scan.test") as client:
        assert summary_status(client, development["token"]) == 401
        assert log_in(client, development["username"], development["password"]).status_code == 401


def test_added_accounts_get_random_secrets_stored_only_as_argon2_hashes(tmp_path):
    settings = make_settings(tmp_path / "app.db")
    with connect(settings)() as session:
        created = add_account(session, "Team-Noord")
        assert created["username"] == "team-noord"
        for taken in ("team-noord", " TEAM-noord "):
            try:
                add_account(session, taken)
            except ValueError:
                continue
            raise AssertionError(f"{taken!r} was taken")
    with local_client(create_app(settings)) as client:
        assert summary_status(client, created["token"]) == 200
        assert log_in(client, "Team-Noord", created["password"]).status_code == 303
    with sqlite3.connect(tmp_path / "app.db") as db:
        [(password_hash, role)] = db.execute("SELECT password_hash, role FROM accounts WHERE username = 'team-noord'")
        [(token_hash, token_role)] = db.execute(
            "SELECT token_hash, t.role FROM api_tokens t JOIN accounts a ON a.id = t.account_id "
            "WHERE a.username = 'team-noord'")
    assert created["password"] not in password_hash and password_hash.startswith("$argon2id$")
    assert (role, token_role) == ("campagne", "campagne")
    assert token_hash == tokens.digest(created["token"]) and created["token"] not in token_hash


def test_an_inactive_account_can_neither_log_in_nor_use_its_token(tmp_path):
    settings = make_settings(tmp_path / "app.db")
    with connect(settings)() as session:
        created = add_account(session, "team-oost")
    with sqlite3.connect(tmp_path / "app.db") as db:
        db.execute("UPDATE accounts SET active = 0 WHERE username = 'team-oost'")
    with local_client(create_app(settings)) as client:
        assert summary_status(client, created["token"]) == 401
        assert log_in(client, "team-oost", created["password"]).status_code == 401


def test_password_hashes_verify_only_the_right_password():
    hashed = passwords.hash_password("geheim wachtwoord")
    assert hashed != passwords.hash_password("geheim wachtwoord")  # salted
    assert passwords.verify(hashed, "geheim wachtwoord")
    assert not passwords.verify(hashed, "geheim wachtwoorD")
    assert not passwords.verify(None, "geheim wachtwoord")
    assert not passwords.verify("kapot", "geheim wachtwoord")
    # The scrypt hashes the dashboard once made are not accepted: one hasher, Argon2.
    assert not passwords.verify("scrypt$16384$8$1$c2FsdA==$a2V5", "geheim wachtwoord")


def test_the_command_adds_accounts_and_gives_new_passwords(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("ENVIRONMENT", "development")
    from api.settings import get_settings
    get_settings.cache_clear()
    try:
        assert main(["add", "team-zuid"]) == 0
        added = json.loads(capsys.readouterr().out)
        assert added["username"] == "team-zuid" and added["token"].startswith(tokens.CAMPAIGN_TOKEN_PREFIX)
        assert main(["add", "jan", "--organisation", "technoord-advies"]) == 0
        adviser = json.loads(capsys.readouterr().out)
        assert set(adviser) == {"username", "password"}
        assert main(["add", "team-zuid"]) == 1
        assert main(["password", "team-zuid"]) == 0
        renewed = json.loads(capsys.readouterr().out)
        assert renewed["password"] != added["password"]
        with connect(get_settings())() as session:
            account = service.account_named(session, "team-zuid")
            assert passwords.verify(account.password_hash, renewed["password"])
            assert not passwords.verify(account.password_hash, added["password"])
            assert service.account_named(session, "jan").role == "intermediair"
    finally:
        get_settings.cache_clear()


def test_make_demo_credentials_prints_every_development_log_in(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}", "ENVIRONMENT": "development"}
    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "demo_credentials.py")], capture_output=True,
                            text=True, cwd=REPO_ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["campaign"] == dev_credentials(make_settings(tmp_path / "app.db"))["campaign"]
