"""Campaign accounts: the development log-in from SECRET_KEY, extra accounts, password hashing."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.support import local_client

from analytics_testkit import REPO_ROOT, log_in, make_settings
from api.analytics import auth
from api.analytics.credentials import add_account, campaign_credentials, dev_credentials, main
from api.db import create_tables, make_engine, make_sessionmaker
from api.main import create_app


def summary_status(client, token: str) -> int:
    return client.get("/api/v1/analytics/summary", headers={"Authorization": f"Bearer {token}"}).status_code


def test_campaign_credentials_seed_a_working_log_in(tmp_path):
    settings = make_settings(tmp_path / "app.db")
    found = campaign_credentials(settings)
    assert set(found) == {"campaign"}
    assert set(found["campaign"]) == {"username", "password", "token"}
    assert found == campaign_credentials(settings)  # stable for one SECRET_KEY
    with local_client(create_app(settings)) as client:
        assert summary_status(client, found["campaign"]["token"]) == 200
        assert log_in(client, found["campaign"]["username"], found["campaign"]["password"]).status_code == 303


def test_another_secret_key_gives_other_credentials_and_the_account_follows(tmp_path):
    first = make_settings(tmp_path / "app.db")
    second = make_settings(tmp_path / "app.db", secret_key="een-andere-ontwikkelsleutel-voor-deze-test")
    old, new = campaign_credentials(first)["campaign"], campaign_credentials(second)["campaign"]
    assert old["password"] != new["password"] and old["token"] != new["token"]
    with local_client(create_app(second)) as client:
        assert summary_status(client, new["token"]) == 200
        assert summary_status(client, old["token"]) == 401


def test_no_development_log_in_in_production(tmp_path):
    production = make_settings(tmp_path / "app.db", environment="production", secret_key="x" * 40, bot_token="b" * 40)
    with pytest.raises(RuntimeError):
        campaign_credentials(production)
    development = dev_credentials(make_settings(tmp_path / "app.db", secret_key="x" * 40))
    # Production cookies are Secure: the browser sends them back over https only.
    with local_client(create_app(production), base_url="https://scan.test") as client:
        assert summary_status(client, development["token"]) == 401
        assert log_in(client, development["username"], development["password"]).status_code == 401


def test_added_accounts_get_random_secrets_stored_only_as_hashes(tmp_path):
    settings = make_settings(tmp_path / "app.db")
    engine = make_engine(settings.database_url)
    create_tables(engine)
    with make_sessionmaker(engine)() as session:
        created = add_account(session, "Team-Noord")
        assert created["username"] == "team-noord"
        with pytest.raises(ValueError):
            add_account(session, "team-noord")
    with local_client(create_app(settings)) as client:
        assert summary_status(client, created["token"]) == 200
        assert log_in(client, "Team-Noord", created["password"]).status_code == 303
    import sqlite3
    with sqlite3.connect(tmp_path / "app.db") as db:
        stored = db.execute("SELECT password_hash, token_hash FROM analytics_campaign_accounts "
                            "WHERE username = 'team-noord'").fetchone()
    assert created["password"] not in stored[0] and stored[0].startswith("scrypt$")
    assert stored[1] == auth.digest(created["token"]) and created["token"] not in stored[1]


def test_password_hashes_verify_only_the_right_password():
    hashed = auth.hash_password("geheim wachtwoord")
    assert hashed != auth.hash_password("geheim wachtwoord")  # salted
    assert auth.verify_password(hashed, "geheim wachtwoord")
    assert not auth.verify_password(hashed, "geheim wachtwoorD")
    assert not auth.verify_password(None, "geheim wachtwoord")
    assert not auth.verify_password("kapot", "geheim wachtwoord")


def test_the_command_prints_the_development_log_in(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("ENVIRONMENT", "development")
    from api.settings import get_settings
    get_settings.cache_clear()
    try:
        assert main([]) == 0
        printed = json.loads(capsys.readouterr().out)
        assert printed["campaign"]["username"] == "campagne"
        assert main(["add", "team-zuid"]) == 0
        assert json.loads(capsys.readouterr().out)["username"] == "team-zuid"
    finally:
        get_settings.cache_clear()


def test_make_demo_credentials_includes_the_campaign_log_in(tmp_path):
    script = REPO_ROOT / "scripts" / "demo_credentials.py"
    if not script.exists():
        pytest.skip("scripts/demo_credentials.py is not there")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}", "ENVIRONMENT": "development"}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=REPO_ROOT, env=env)
    assert result.returncode == 0, result.stderr
    campaign = json.loads(result.stdout)["campaign"]
    assert campaign == campaign_credentials(make_settings(tmp_path / "app.db"))["campaign"]
