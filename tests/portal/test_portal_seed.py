"""Development seeding and `make demo-credentials`: every intermediary of the registry can log in and use its token."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from portal_testkit import BRABANT, EXAMPLE_REGISTRY, OFFICE, db_rows, login

from api.identity.service import dev_credentials
from api.main import create_app
from tests.support import local_client

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_one_user_and_token_per_intermediary_and_the_office(client, settings, creds):
    ids = [entry["id"] for entry in json.loads(EXAMPLE_REGISTRY.read_text())]
    assert set(creds) == set(ids) | {OFFICE, "campaign"}
    users = db_rows(settings, "SELECT username, intermediary_id, role FROM accounts ORDER BY username")
    assert len(users) == len(ids) + 2
    assert (OFFICE, OFFICE, "programmabureau") in users and (BRABANT, BRABANT, "intermediair") in users
    assert ("campagne", None, "campagne") in users
    for key in (BRABANT, OFFICE):
        login(client, creds[key])
        listed = client.get("/api/v1/leads", headers={"Authorization": f"Bearer {creds[key]['token']}"})
        assert listed.status_code == 200


def test_seeding_is_idempotent_across_restarts(app, settings):
    with local_client(app):
        pass
    with local_client(create_app(settings)):
        pass
    assert db_rows(settings, "SELECT COUNT(*) FROM accounts") == [(len(dev_credentials(settings)),)]
    assert db_rows(settings, "SELECT COUNT(*) FROM api_tokens") == [(len(dev_credentials(settings)),)]


def test_log_ins_follow_the_secret_key(settings):
    other = settings.model_copy(update={"secret_key": "een-ander-geheim"})
    assert dev_credentials(settings)[BRABANT]["password"] != dev_credentials(other)[BRABANT]["password"]
    assert dev_credentials(settings) == dev_credentials(settings.model_copy())


def test_production_seeds_no_log_ins(tmp_path):
    from api.settings import Settings

    production = Settings(environment="production", secret_key="p" * 40, bot_token="b" * 40,
                          database_url=f"sqlite:///{tmp_path / 'p.db'}", intermediaries_file=EXAMPLE_REGISTRY,
                          delivery_worker=False)
    with local_client(create_app(production)):
        pass
    assert db_rows(production, "SELECT COUNT(*) FROM accounts") == [(0,)]
    assert db_rows(production, "SELECT COUNT(*) FROM registry_entries") == [(8,)]


def test_demo_credentials_script_prints_working_log_ins(client, settings):
    env = {**os.environ, "SECRET_KEY": settings.secret_key, "INTERMEDIARIES_FILE": str(EXAMPLE_REGISTRY),
           "ENVIRONMENT": "development"}
    done = subprocess.run([sys.executable, "scripts/demo_credentials.py"], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    for key, login_data in dev_credentials(settings).items():
        assert {k: printed[key][k] for k in ("username", "password", "token")} == login_data
    login(client, printed[BRABANT])
