"""The web service's schema migrations (api/migrations, run by api.db.migrate at start-up), on SQLite and on
PostgreSQL (a throwaway cluster started with scripts/scaled.py's Stack).

A database of the first release (made by its create_all, or by the first migration) holding data is
upgraded to the newest schema, and every row is read back through today's models and used through the
web service itself; the models and the migrations agree (alembic's compare_metadata finds nothing).
"""
from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from api_testkit import EXAMPLE_REGISTRY
from sqlalchemy import Engine, inspect, select, text

from api.analytics.models import AnalyticsConversation, AnalyticsEvent, AnalyticsQuestionBit, AnalyticsRetry
from api.assessments.models import Assessment, AssessmentLink
from api.audit.models import AuditEntry
from api.db import FIRST_RELEASE, Base, alembic_config, make_engine, make_sessionmaker, migrate
from api.delivery.models import DeliveryAttempt, OutboxItem
from api.identity import passwords, tokens
from api.identity.models import Account, ApiToken
from api.leads.models import Lead, LeadNote, LeadStatusChange
from api.main import create_app
from api.privacy.models import LeadErasure
from api.registry.models import RegistryEntry
from api.settings import Settings
from tests.support import TEST_BOT_TOKEN, load_script, local_client

HERE = Path(__file__).resolve().parent
PASSWORD = "wachtwoord-van-brabant-uit-de-eerste-release"
API_SECRET = "mkbb_token-van-brabant-uit-de-eerste-release"
CAMPAIGN_SECRET = "mkbc_token-van-de-campagne-uit-de-eerste-release"
TYPED_NAME = "zomer2025!geheim"  # what someone typed as a user name: the former log-in tables kept it
T0 = datetime(2026, 1, 5, 9, 30)


# ------------------------------------------------------------------ the databases

def scaled_module():
    return sys.modules.get("scan_scaled") or load_script("scripts/scaled.py", "scan_scaled")


@pytest.fixture(scope="module")
def postgres():
    """A throwaway PostgreSQL cluster on a free port (scripts/scaled.py's Stack, its postgres part only);
    yields a function that makes a new empty database and returns its URL."""
    scaled = scaled_module()
    if scaled.pg_bin() is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
        if not is_root or not shutil.which("apt-get"):
            pytest.skip("PostgreSQL's binaries are missing and cannot be installed without root and apt-get "
                        "(apt-get install postgresql)")
        scaled.ensure_packages(out=io.StringIO())  # as root this installs them, or fails loudly
    state = Path(tempfile.mkdtemp(prefix="scan-migrations-pg-"))
    os.chmod(state, 0o755)  # the cluster runs as the postgres user when this runs as root
    stack = scaled.Stack.load(state)
    try:
        stack.launch("postgres")
        stack.wait(["postgres"], out=io.StringIO(), timeout=120)
        stack.create_databases()

        def new_database() -> str:
            name = f"m_{uuid.uuid4().hex[:12]}"
            stack.psql(f"CREATE DATABASE {name} OWNER scan")
            return stack.database_url(name)

        yield new_database
    finally:
        stack.stop("postgres")
        shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request, tmp_path):
    """A function giving the URL of a new empty database of the parameter's kind."""
    if request.param == "sqlite":
        return lambda: f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:8]}.db'}"
    return request.getfixturevalue("postgres")


def first_release_by_create_all(url: str) -> Engine:
    """A database as the first release's create_all made it (tests/api/first_release_<dialect>.sql)."""
    engine = make_engine(url)
    ddl = (HERE / f"first_release_{engine.dialect.name}.sql").read_text(encoding="utf-8")
    statements = [s.strip() for s in "\n".join(line for line in ddl.splitlines() if not line.startswith("--"))
                  .split(";") if s.strip()]
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    return engine


def first_release_by_migration(url: str) -> Engine:
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), FIRST_RELEASE)
    return engine


def fill_first_release(engine: Engine) -> None:
    """Rows in every table of the first release's schema, in its own columns."""
    answers = {"sector": "metaal", "medewerkers": 45, "regio": "noord-brabant", "eerder_traject": "nee"}
    rows = {
        "registry_entries": dict(id="brabant-maakt-slimmer", name="Brabant Maakt Slimmer",
                                 qualified_until=date(2030, 12, 31), active=True, provinces='["noord-brabant"]',
                                 sectors='["metaal"]', expertise='["robotisering"]', monthly_capacity=20,
                                 contact_email="leads@brabant.example", webhook_url=None, webhook_secret=None,
                                 updated_at=T0),
        "assessments": dict(id="a-1", conversation_id="conv-1", report_token="rapport-1-0123456789abcdef",
                            questionnaire_version="1.0", answers=json.dumps(answers),
                            campaign='{"utm_campaign": "najaar"}', scores='{"totaal": 33}', uncertain="[]",
                            level="achterblijver", weakest="technologie", next_steps='["Begin klein."]',
                            eligibility='{"status": "eligible", "reasons": []}', started_at=T0, created_at=T0,
                            updated_at=T0),
        "leads": dict(id="lead-1", assessment_id="a-1", intermediary_id="brabant-maakt-slimmer",
                      intermediary_name="Brabant Maakt Slimmer", status="in_behandeling",
                      consent='{"given": true, "text_version": "toestemming-v1", "at": "2026-01-05T09:40:00+01:00"}',
                      contact='{"bedrijfsnaam": "Lasbedrijf De Vonk B.V.", "contact_email": "henk@devonk.example"}',
                      created_at=T0),
        "lead_status_changes": dict(id=1, lead_id="lead-1", from_status="nieuw", to_status="in_behandeling",
                                    reason=None, by="gebruiker:brabant-maakt-slimmer", at=T0),
        "lead_notes": dict(id=1, lead_id="lead-1", author="brabant-maakt-slimmer", text="Bellen na 4 uur.", at=T0),
        "audit_log": dict(id=1, at=T0, actor="gebruiker:brabant-maakt-slimmer", intermediary_id="brabant-maakt-slimmer",
                          action="lead_bekeken", lead_id="lead-1", detail="{}"),
        "delivery_outbox": dict(id=1, lead_id="lead-1", intermediary_id="brabant-maakt-slimmer", event="nieuwe_lead",
                                channel="email", status="bezorgd", attempts=1, next_attempt_at=T0, locked_until=None,
                                last_error=None, created_at=T0, delivered_at=T0),
        "delivery_log": dict(id=1, outbox_id=1, lead_id="lead-1", at=T0, attempt=1, target="leads@brabant.example",
                             ok=True, detail="aangenomen door de mailserver"),
        "portal_users": dict(id=1, username="brabant-maakt-slimmer", password_hash=passwords.hash_password(PASSWORD),
                             intermediary_id="brabant-maakt-slimmer", role="intermediair", active=True, created_at=T0),
        "portal_sessions": dict(token_hash=tokens.digest("een-sessie"), user_id=1, csrf_token="csrf", created_at=T0,
                                expires_at=datetime(2099, 1, 1)),
        "api_tokens": dict(id=1, intermediary_id="brabant-maakt-slimmer", token_hash=tokens.digest(API_SECRET),
                           hint=API_SECRET[:10], label="CRM", created_by="gebruiker:programmabureau", created_at=T0,
                           revoked_at=None),
        "analytics_campaign_accounts": dict(username="campagne-noord", password_hash="scrypt$16384$8$1$c2FsdA==$a2V5",
                                            token_hash=tokens.digest(CAMPAIGN_SECRET), active=True, created_at=T0),
        "analytics_campaign_sessions": dict(token_hash=tokens.digest("een-dashboardsessie"), username="campagne-noord",
                                            csrf_token="csrf", expires_at=datetime(2099, 1, 1)),
        "analytics_events": dict(id=1, event_id=uuid.uuid4().hex, conversation_id="conv-1", type="started", at=T0,
                                 data='{"utm_campaign": "najaar"}', received_at=T0),
        "analytics_conversations": dict(conversation_id="conv-1", last_at=T0, starts=1, utm_medium=None,
                                        profile_done=True, has_result=True, level="achterblijver", score_totaal=33,
                                        score_technologie=33, score_organisatie=33, score_businessmodel=33,
                                        size_class="10-49", nieuwe_inzichten="ja", wil_contact="ja",
                                        eligibility="eligible", consent="ja", handover_at=T0,
                                        intermediary_id="brabant-maakt-slimmer", ended_at=T0, last_question_id="regio",
                                        asked_mask=3, answered_mask=3, first_at=T0, week="2026-W02",
                                        utm_source="linkedin", utm_campaign="najaar", site=None,
                                        province="noord-brabant", sector="metaal"),
        "analytics_question_bits": dict(question_id="regio", bit=0, dimension="profiel"),
        "analytics_retries": dict(question_id="regio", conversation_id="conv-1", first_at=T0, week="2026-W02",
                                  utm_source="linkedin", utm_campaign="najaar", site=None, province="noord-brabant",
                                  sector="metaal"),
        "portal_login_attempts": dict(id=1, username=TYPED_NAME, client="203.0.113.9", success=False, at=T0),
        "analytics_login_failures": dict(id=1, username=TYPED_NAME, at=T0),
    }
    second = dict(rows["assessments"], id="a-2", conversation_id="conv-2", report_token="rapport-2-0123456789abcdef")
    second_lead = dict(rows["leads"], id="lead-2", assessment_id="a-2", status="ingetrokken", contact="{}")
    with engine.begin() as connection:
        for table, row in rows.items():
            columns = ", ".join(f'"{c}"' for c in row)
            statement = text(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(f':{c}' for c in row)})")
            connection.execute(statement, row)
            if table == "assessments":
                connection.execute(statement, second)
            if table == "leads":
                connection.execute(statement, second_lead)
        connection.execute(text("INSERT INTO assessment_links (assessment_id, previous_id, created_at) "
                                "VALUES ('a-2', 'a-1', :at)"), {"at": T0})
        connection.execute(text("INSERT INTO lead_erasures (lead_id, reason, at) VALUES ('lead-2', 'eigenaar', :at)"),
                           {"at": T0})
        if engine.dialect.name == "postgresql":  # the rows above chose their ids: the sequences follow
            for table in ("lead_status_changes", "lead_notes", "audit_log", "delivery_outbox", "delivery_log",
                          "portal_users", "api_tokens", "analytics_events"):
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1)"))


# ------------------------------------------------------------------ what must hold afterwards

def head() -> str:
    from alembic.script import ScriptDirectory

    newest = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert newest is not None
    return newest


def assert_newest_schema_with_the_data(engine: Engine) -> None:
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head()
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    assert not tables & {"portal_login_attempts", "analytics_login_failures", "portal_users", "portal_sessions",
                         "analytics_campaign_accounts", "analytics_campaign_sessions", "portal_login_counters"}
    with make_sessionmaker(engine)() as session:
        first, second = session.get(Assessment, "a-1"), session.get(Assessment, "a-2")
        assert first.answers["medewerkers"] == 45 and first.scores == {"totaal": 33} and first.level == "achterblijver"
        assert first.started_at.tzinfo is not None and first.eligibility["status"] == "eligible"
        assert session.get(AssessmentLink, "a-2").previous_id == "a-1" and second.campaign == {"utm_campaign": "najaar"}
        lead = session.get(Lead, "lead-1")
        assert lead.contact["bedrijfsnaam"] == "Lasbedrijf De Vonk B.V." and lead.assessment.id == "a-1"
        assert lead.consent["given"] is True and lead.status == "in_behandeling"
        assert session.get(LeadErasure, "lead-2").reason == "eigenaar"
        assert session.scalar(select(LeadStatusChange.by)) == "gebruiker:brabant-maakt-slimmer"
        assert session.scalar(select(LeadNote.text)) == "Bellen na 4 uur."
        assert session.scalar(select(AuditEntry.action)) == "lead_bekeken"
        assert session.scalar(select(OutboxItem.status)) == "bezorgd" and session.scalar(select(DeliveryAttempt.ok))
        entry = session.get(RegistryEntry, "brabant-maakt-slimmer")
        assert entry.provinces == ["noord-brabant"] and entry.qualified_until == date(2030, 12, 31)
        assert session.scalar(select(AnalyticsEvent.type)) == "started"
        assert session.get(AnalyticsConversation, "conv-1").score_totaal == 33
        assert session.scalar(select(AnalyticsQuestionBit.bit)) == 0
        assert session.scalar(select(AnalyticsRetry.question_id)) == "regio"
        adviser = session.scalar(select(Account).where(Account.username == "brabant-maakt-slimmer"))
        assert (adviser.role, adviser.intermediary_id) == ("intermediair", "brabant-maakt-slimmer")
        assert passwords.verify(adviser.password_hash, PASSWORD)
        campaign = session.scalar(select(Account).where(Account.username == "campagne-noord"))
        assert (campaign.role, campaign.intermediary_id, campaign.active) == ("campagne", None, True)
        roles = {token.token_hash: (token.role, token.intermediary_id, token.account_id)
                 for token in session.scalars(select(ApiToken))}
        assert roles == {tokens.digest(API_SECRET): ("intermediair", "brabant-maakt-slimmer", None),
                         tokens.digest(CAMPAIGN_SECRET): ("campagne", None, campaign.id)}


def assert_the_service_works_on_it(url: str) -> None:
    """The web service starts on the upgraded database and serves its data to the old log-ins and tokens
    (in production: development would give the accounts its derived passwords)."""
    settings = Settings(database_url=url, intermediaries_file=EXAMPLE_REGISTRY, environment="production",
                        secret_key="s" * 40, bot_token=TEST_BOT_TOKEN, delivery_worker=False,
                        public_base_url="https://scan.test")
    with local_client(create_app(settings), bot=False, base_url="https://scan.test") as client:
        found = client.get("/api/v1/leads", headers={"Authorization": f"Bearer {API_SECRET}"})
        assert found.status_code == 200, found.text
        assert [lead["lead_id"] for lead in found.json()["leads"]] == ["lead-2", "lead-1"]
        assert client.get("/api/v1/analytics/summary",
                          headers={"Authorization": f"Bearer {CAMPAIGN_SECRET}"}).status_code == 200
        form = client.get("/portaal/inloggen")
        csrf = form.text.split('name="csrf_token" value="')[1].split('"')[0]
        signed_in = client.post("/portaal/inloggen", follow_redirects=False, data={
            "username": "brabant-maakt-slimmer", "password": PASSWORD, "csrf_token": csrf,
            "volgende": "/portaal/leads"})
        assert signed_in.status_code == 303, signed_in.text
        assert "Lasbedrijf De Vonk" in client.get("/portaal/leads/lead-1").text


# ------------------------------------------------------------------ the tests

@pytest.mark.parametrize("made_by", [first_release_by_create_all, first_release_by_migration],
                         ids=["create_all of the first release", "the first migration"])
def test_a_first_release_database_with_data_is_upgraded_at_start_up_and_keeps_its_data(new_url, made_by):
    url = new_url()
    engine = made_by(url)
    fill_first_release(engine)
    migrate(engine)  # what the web service does at start-up
    assert_newest_schema_with_the_data(engine)
    engine.dispose()
    assert_the_service_works_on_it(url)


def test_a_database_made_by_create_all_of_a_later_release_is_upgraded_too(new_url):
    """Releases after the first added tables with create_all and kept no alembic_version either."""
    url = new_url()
    engine = first_release_by_migration(url)
    fill_first_release(engine)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        connection.execute(text("DROP TABLE alembic_version"))
    migrate(engine)
    assert_newest_schema_with_the_data(engine)


def test_the_first_migration_is_the_first_releases_schema(new_url):
    by_release, by_migration = first_release_by_create_all(new_url()), first_release_by_migration(new_url())

    def schema(engine: Engine) -> dict:
        with engine.connect() as connection:
            found = inspect(connection)
            return {table: ({c["name"]: (str(c["type"]), c["nullable"]) for c in found.get_columns(table)},
                            sorted(tuple(i["column_names"]) for i in found.get_indexes(table)),
                            sorted(tuple(k["constrained_columns"]) for k in found.get_foreign_keys(table)),
                            found.get_pk_constraint(table)["constrained_columns"])
                    for table in found.get_table_names() if table != "alembic_version"}

    assert schema(by_migration) == schema(by_release)


def test_the_models_and_the_migrations_agree(new_url):
    """Upgraded from nothing through every migration, the database is what the models describe; an empty
    database at start-up (the models' tables at once, stamped) is the same."""
    engine = make_engine(new_url())
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    fresh = make_engine(new_url())
    migrate(fresh)
    with fresh.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head()
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_former_log_in_tables_leave_no_typed_name_in_the_file(tmp_path):
    """They kept every typed user name (sometimes a password): the upgrade drops them and overwrites their pages."""
    path = tmp_path / "app.db"
    engine = first_release_by_create_all(f"sqlite:///{path}")
    fill_first_release(engine)
    assert TYPED_NAME.encode() in path.read_bytes()
    migrate(engine)
    engine.dispose()
    assert TYPED_NAME.encode() not in path.read_bytes()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE name LIKE '%login_attempts%' "
                          "OR name LIKE '%login_failures%'").fetchall() == []
