"""One identity for the portal and the dashboard: every account in `accounts` (roles intermediair,
programmabureau, campagne), one `sessions` table, the log-in counters as `login_counters`, and API tokens
with their role as scope (a campaign account's token among them).

Portal users keep their Argon2 hashes. The dashboard's accounts had scrypt hashes, which the one hasher
(Argon2) does not read: such an account keeps its name and token but needs a new password
(`python -m api.identity password NAME`; in development the seeding gives it one at start-up). Open
sessions end: everyone logs in again. One way only.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
OFFICE = "programmabureau"

def upgrade() -> None:
    op.create_table("accounts",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("username", sa.String(length=100), nullable=False),
                    sa.Column("password_hash", sa.String(length=200), nullable=False),
                    sa.Column("role", sa.String(length=20), nullable=False),
                    sa.Column("intermediary_id", sa.String(length=100), nullable=True),
                    sa.Column("active", sa.Boolean(), nullable=False),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint("id"),
                    sa.UniqueConstraint("username"))
    op.create_table("sessions",
                    sa.Column("token_hash", sa.String(length=64), nullable=False),
                    sa.Column("account_id", sa.Integer(), nullable=False),
                    sa.Column("csrf_token", sa.String(length=64), nullable=False),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.Column("expires_at", sa.DateTime(), nullable=False),
                    sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
                    sa.PrimaryKeyConstraint("token_hash"))
    op.create_index("ix_sessions_account_id", "sessions", ["account_id"], unique=False)
    op.create_table("login_counters",
                    sa.Column("key", sa.String(length=200), nullable=False),
                    sa.Column("window_start", sa.DateTime(), nullable=False),
                    sa.Column("failures", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("key"))
    op.create_index("ix_login_counters_window_start", "login_counters", ["window_start"], unique=False)
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("role", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_api_tokens_account_id_accounts", "accounts", ["account_id"], ["id"],
                                 ondelete="CASCADE")
        batch.alter_column("intermediary_id", existing_type=sa.String(length=100), nullable=True)

    # In SQL, so each value goes over as it is stored (no type conversion on the way).
    bind = op.get_bind()
    bind.execute(sa.text("INSERT INTO accounts (username, password_hash, role, intermediary_id, active, created_at) "
                         "SELECT lower(trim(username)), password_hash, role, intermediary_id, active, created_at "
                         "FROM portal_users ORDER BY id"))
    taken = set(bind.execute(sa.text("SELECT username FROM accounts")).scalars())
    for old in bind.execute(sa.text("SELECT username FROM analytics_campaign_accounts ORDER BY username")).scalars():
        name = old if old not in taken else f"campagne-{old}"[:100]
        taken.add(name)
        names = {"name": name, "old": old}
        bind.execute(sa.text("INSERT INTO accounts (username, password_hash, role, intermediary_id, active, "
                             "created_at) SELECT :name, password_hash, 'campagne', NULL, active, created_at "
                             "FROM analytics_campaign_accounts WHERE username = :old"), names)
        bind.execute(sa.text("INSERT INTO api_tokens (role, intermediary_id, account_id, token_hash, hint, label, "
                             "created_by, created_at) SELECT 'campagne', NULL, a.id, c.token_hash, 'mkbc_…', "
                             "a.username, 'migratie', c.created_at FROM analytics_campaign_accounts c JOIN accounts a "
                             "ON a.username = :name WHERE c.username = :old"), names)
    bind.execute(sa.text("UPDATE api_tokens SET role = CASE WHEN intermediary_id = :office THEN :office "
                         "ELSE 'intermediair' END WHERE role IS NULL"), {"office": OFFICE})
    bind.execute(sa.text("INSERT INTO login_counters (key, window_start, failures) "
                         "SELECT key, window_start, failures FROM portal_login_counters"))
    with op.batch_alter_table("api_tokens") as batch:
        batch.alter_column("role", existing_type=sa.String(length=20), nullable=False)
    for table in ("portal_sessions", "analytics_campaign_sessions", "portal_users", "analytics_campaign_accounts",
                  "portal_login_counters"):
        op.drop_table(table)


def downgrade() -> None:
    raise NotImplementedError("0003 merges every role's accounts into one table: restore a backup to go back")
