"""What came after the first release, before migrations: lead details, routing previews, assessment erasures,
re-scans (invitations, shared scans) and the log-in counters, which replace the log-in attempt tables.

A database made by create_all of a release in between already has some of these tables: only the missing
ones are made. The former log-in tables go (they kept every typed user name, sometimes a password).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
OBSOLETE = ("portal_login_attempts", "analytics_login_failures")


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    if "portal_login_counters" not in present:
        op.create_table(
            "portal_login_counters",
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.Column("window_start", sa.DateTime(), nullable=False),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        )
        op.create_index(
            op.f("ix_portal_login_counters_window_start"), "portal_login_counters", ["window_start"], unique=False
        )
    if "assessment_erasures" not in present:
        op.create_table(
            "assessment_erasures",
            sa.Column("assessment_id", sa.String(length=128), nullable=False),
            sa.Column("reason", sa.String(length=20), nullable=False),
            sa.Column("at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["assessment_id"],
                ["assessments.id"],
            ),
            sa.PrimaryKeyConstraint("assessment_id"),
        )
    if "routing_previews" not in present:
        op.create_table(
            "routing_previews",
            sa.Column("assessment_id", sa.String(length=128), nullable=False),
            sa.Column("intermediary_id", sa.String(length=100), nullable=False),
            sa.Column("at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["assessment_id"],
                ["assessments.id"],
            ),
            sa.PrimaryKeyConstraint("assessment_id"),
        )
    if "lead_details" not in present:
        op.create_table(
            "lead_details",
            sa.Column("lead_id", sa.String(length=128), nullable=False),
            sa.Column("place", sa.String(length=120), nullable=True),
            sa.Column("answer_texts", sa.JSON(), nullable=False),
            sa.Column("remarks", sa.JSON(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["lead_id"],
                ["leads.id"],
            ),
            sa.PrimaryKeyConstraint("lead_id"),
        )
    if "lead_rescans" not in present:
        op.create_table(
            "lead_rescans",
            sa.Column("id", sa.String(length=128), nullable=False),
            sa.Column("lead_id", sa.String(length=128), nullable=False),
            sa.Column("assessment_id", sa.String(length=128), nullable=False),
            sa.Column("invitation_id", sa.Integer(), nullable=True),
            sa.Column("consent", sa.JSON(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["assessment_id"],
                ["assessments.id"],
            ),
            sa.ForeignKeyConstraint(
                ["lead_id"],
                ["leads.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("assessment_id"),
        )
        op.create_index(op.f("ix_lead_rescans_lead_id"), "lead_rescans", ["lead_id"], unique=False)
    if "rescan_invitations" not in present:
        op.create_table(
            "rescan_invitations",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("token", sa.String(length=64), nullable=False),
            sa.Column("lead_id", sa.String(length=128), nullable=False),
            sa.Column("intermediary_id", sa.String(length=100), nullable=False),
            sa.Column("created_by", sa.String(length=120), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("expires_at", sa.DateTime(), nullable=False),
            sa.Column("status", sa.String(length=12), nullable=False),
            sa.Column("attempts", sa.Integer(), nullable=False),
            sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
            sa.Column("locked_until", sa.DateTime(), nullable=True),
            sa.Column("last_error", sa.String(length=500), nullable=True),
            sa.Column("sent_at", sa.DateTime(), nullable=True),
            sa.Column("used_at", sa.DateTime(), nullable=True),
            sa.ForeignKeyConstraint(
                ["lead_id"],
                ["leads.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("token"),
        )
        op.create_index(op.f("ix_rescan_invitations_lead_id"), "rescan_invitations", ["lead_id"], unique=False)
        op.create_index(op.f("ix_rescan_invitations_status"), "rescan_invitations", ["status"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA secure_delete=ON")  # the freed pages are overwritten, not left in the file
    for table in OBSOLETE:
        if table in present:
            op.drop_table(table)


def downgrade() -> None:
    for table in (
        "rescan_invitations",
        "lead_rescans",
        "lead_details",
        "routing_previews",
        "assessment_erasures",
        "portal_login_counters",
    ):
        op.drop_table(table)
    op.create_table(
        "portal_login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_portal_login_attempts_client", "portal_login_attempts", ["client"], unique=False)
    op.create_index("ix_portal_login_attempts_username", "portal_login_attempts", ["username"], unique=False)
    op.create_table(
        "analytics_login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_analytics_login_failures_username", "analytics_login_failures", ["username"], unique=False)
