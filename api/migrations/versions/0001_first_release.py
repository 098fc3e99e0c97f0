"""The schema of the first release (commit 7b17271), as its create_all made it.

A database made by that release (or a later one before migrations) has no alembic_version table;
api.db.migrate() stamps it with this revision and upgrades it from here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analytics_campaign_accounts",
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "analytics_campaign_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index(
        op.f("ix_analytics_campaign_sessions_username"), "analytics_campaign_sessions", ["username"], unique=False
    )
    op.create_table(
        "analytics_conversations",
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("starts", sa.Integer(), nullable=False),
        sa.Column("utm_medium", sa.String(length=200), nullable=True),
        sa.Column("profile_done", sa.Boolean(), nullable=False),
        sa.Column("has_result", sa.Boolean(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("score_totaal", sa.Integer(), nullable=True),
        sa.Column("score_technologie", sa.Integer(), nullable=True),
        sa.Column("score_organisatie", sa.Integer(), nullable=True),
        sa.Column("score_businessmodel", sa.Integer(), nullable=True),
        sa.Column("size_class", sa.String(length=10), nullable=True),
        sa.Column("nieuwe_inzichten", sa.String(length=20), nullable=True),
        sa.Column("wil_contact", sa.String(length=10), nullable=True),
        sa.Column("eligibility", sa.String(length=20), nullable=True),
        sa.Column("consent", sa.String(length=10), nullable=True),
        sa.Column("handover_at", sa.DateTime(), nullable=True),
        sa.Column("intermediary_id", sa.String(length=100), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("last_question_id", sa.String(length=64), nullable=True),
        sa.Column("asked_mask", sa.BigInteger(), nullable=False),
        sa.Column("answered_mask", sa.BigInteger(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("utm_source", sa.String(length=200), nullable=True),
        sa.Column("utm_campaign", sa.String(length=200), nullable=True),
        sa.Column("site", sa.String(length=200), nullable=True),
        sa.Column("province", sa.String(length=40), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.create_index("ix_analytics_conversations_first_at", "analytics_conversations", ["first_at"], unique=False)
    op.create_index("ix_analytics_conversations_province", "analytics_conversations", ["province"], unique=False)
    op.create_index("ix_analytics_conversations_sector", "analytics_conversations", ["sector"], unique=False)
    op.create_index("ix_analytics_conversations_site", "analytics_conversations", ["site"], unique=False)
    op.create_index(
        "ix_analytics_conversations_utm_campaign", "analytics_conversations", ["utm_campaign"], unique=False
    )
    op.create_index("ix_analytics_conversations_utm_source", "analytics_conversations", ["utm_source"], unique=False)
    op.create_index("ix_analytics_conversations_week", "analytics_conversations", ["week"], unique=False)
    op.create_table(
        "analytics_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=30), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_index(op.f("ix_analytics_events_conversation_id"), "analytics_events", ["conversation_id"], unique=False)
    op.create_table(
        "analytics_login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_analytics_login_failures_username"), "analytics_login_failures", ["username"], unique=False
    )
    op.create_table(
        "analytics_question_bits",
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("bit", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("question_id"),
        sa.UniqueConstraint("bit"),
    )
    op.create_table(
        "analytics_retries",
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("utm_source", sa.String(length=200), nullable=True),
        sa.Column("utm_campaign", sa.String(length=200), nullable=True),
        sa.Column("site", sa.String(length=200), nullable=True),
        sa.Column("province", sa.String(length=40), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("question_id", "conversation_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_analytics_retries_conversation", "analytics_retries", ["conversation_id"], unique=False)
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("intermediary_id", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("hint", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("conversation_id", sa.String(length=200), nullable=False),
        sa.Column("report_token", sa.String(length=200), nullable=False),
        sa.Column("questionnaire_version", sa.String(length=40), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("campaign", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("uncertain", sa.JSON(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("weakest", sa.String(length=40), nullable=True),
        sa.Column("next_steps", sa.JSON(), nullable=False),
        sa.Column("eligibility", sa.JSON(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("report_token"),
    )
    op.create_index(op.f("ix_assessments_conversation_id"), "assessments", ["conversation_id"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("intermediary_id", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("lead_id", sa.String(length=128), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_audit_log_lead_id"), "audit_log", ["lead_id"], unique=False)
    op.create_table(
        "portal_login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_portal_login_attempts_client"), "portal_login_attempts", ["client"], unique=False)
    op.create_index(op.f("ix_portal_login_attempts_username"), "portal_login_attempts", ["username"], unique=False)
    op.create_table(
        "portal_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("intermediary_id", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "registry_entries",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("qualified_until", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("provinces", sa.JSON(), nullable=False),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("expertise", sa.JSON(), nullable=False),
        sa.Column("monthly_capacity", sa.Integer(), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("webhook_url", sa.String(length=500), nullable=True),
        sa.Column("webhook_secret", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "assessment_links",
        sa.Column("assessment_id", sa.String(length=128), nullable=False),
        sa.Column("previous_id", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
        ),
        sa.PrimaryKeyConstraint("assessment_id"),
    )
    op.create_index(op.f("ix_assessment_links_previous_id"), "assessment_links", ["previous_id"], unique=False)
    op.create_table(
        "leads",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("assessment_id", sa.String(length=128), nullable=False),
        sa.Column("intermediary_id", sa.String(length=100), nullable=False),
        sa.Column("intermediary_name", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("consent", sa.JSON(), nullable=False),
        sa.Column("contact", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id"),
    )
    op.create_index(op.f("ix_leads_created_at"), "leads", ["created_at"], unique=False)
    op.create_index(op.f("ix_leads_intermediary_id"), "leads", ["intermediary_id"], unique=False)
    op.create_table(
        "portal_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["portal_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_table(
        "delivery_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(length=128), nullable=False),
        sa.Column("intermediary_id", sa.String(length=100), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lead_id", "intermediary_id", "event", "channel"),
    )
    op.create_index(op.f("ix_delivery_outbox_status"), "delivery_outbox", ["status"], unique=False)
    op.create_table(
        "lead_erasures",
        sa.Column("lead_id", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
        ),
        sa.PrimaryKeyConstraint("lead_id"),
    )
    op.create_table(
        "lead_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(length=128), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_lead_notes_lead_id"), "lead_notes", ["lead_id"], unique=False)
    op.create_table(
        "lead_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(length=128), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_lead_status_changes_lead_id"), "lead_status_changes", ["lead_id"], unique=False)
    op.create_table(
        "delivery_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=500), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outbox_id"],
            ["delivery_outbox.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_delivery_log_lead_id"), "delivery_log", ["lead_id"], unique=False)


def downgrade() -> None:
    op.drop_table("delivery_log")
    op.drop_table("lead_status_changes")
    op.drop_table("lead_notes")
    op.drop_table("lead_erasures")
    op.drop_table("delivery_outbox")
    op.drop_table("portal_sessions")
    op.drop_table("leads")
    op.drop_table("assessment_links")
    op.drop_table("registry_entries")
    op.drop_table("portal_users")
    op.drop_table("portal_login_attempts")
    op.drop_table("audit_log")
    op.drop_table("assessments")
    op.drop_table("api_tokens")
    op.drop_table("analytics_retries")
    op.drop_table("analytics_question_bits")
    op.drop_table("analytics_login_failures")
    op.drop_table("analytics_events")
    op.drop_table("analytics_conversations")
    op.drop_table("analytics_campaign_sessions")
    op.drop_table("analytics_campaign_accounts")
