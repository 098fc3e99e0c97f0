-- The schema of the first release (commit 7b17271) as its create_all made it on sqlite:
-- Base.metadata.create_all of that commit's api/ models, compiled for this database.
-- tests/api/test_api_migrations.py builds a database of that release from it.

CREATE TABLE analytics_campaign_accounts (
	username VARCHAR(100) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	token_hash VARCHAR(64) NOT NULL,
	active BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (username),
	UNIQUE (token_hash)
);

CREATE TABLE analytics_campaign_sessions (
	token_hash VARCHAR(64) NOT NULL,
	username VARCHAR(100) NOT NULL,
	csrf_token VARCHAR(64) NOT NULL,
	expires_at DATETIME NOT NULL,
	PRIMARY KEY (token_hash)
);
CREATE INDEX ix_analytics_campaign_sessions_username ON analytics_campaign_sessions (username);

CREATE TABLE analytics_conversations (
	conversation_id VARCHAR(200) NOT NULL,
	last_at DATETIME NOT NULL,
	starts INTEGER NOT NULL,
	utm_medium VARCHAR(200),
	profile_done BOOLEAN NOT NULL,
	has_result BOOLEAN NOT NULL,
	level VARCHAR(20),
	score_totaal INTEGER,
	score_technologie INTEGER,
	score_organisatie INTEGER,
	score_businessmodel INTEGER,
	size_class VARCHAR(10),
	nieuwe_inzichten VARCHAR(20),
	wil_contact VARCHAR(10),
	eligibility VARCHAR(20),
	consent VARCHAR(10),
	handover_at DATETIME,
	intermediary_id VARCHAR(100),
	ended_at DATETIME,
	last_question_id VARCHAR(64),
	asked_mask BIGINT NOT NULL,
	answered_mask BIGINT NOT NULL,
	first_at DATETIME NOT NULL,
	week VARCHAR(8) NOT NULL,
	utm_source VARCHAR(200),
	utm_campaign VARCHAR(200),
	site VARCHAR(200),
	province VARCHAR(40),
	sector VARCHAR(40),
	PRIMARY KEY (conversation_id)
);
CREATE INDEX ix_analytics_conversations_first_at ON analytics_conversations (first_at);
CREATE INDEX ix_analytics_conversations_province ON analytics_conversations (province);
CREATE INDEX ix_analytics_conversations_sector ON analytics_conversations (sector);
CREATE INDEX ix_analytics_conversations_site ON analytics_conversations (site);
CREATE INDEX ix_analytics_conversations_utm_campaign ON analytics_conversations (utm_campaign);
CREATE INDEX ix_analytics_conversations_utm_source ON analytics_conversations (utm_source);
CREATE INDEX ix_analytics_conversations_week ON analytics_conversations (week);

CREATE TABLE analytics_events (
	id INTEGER NOT NULL,
	event_id VARCHAR(32) NOT NULL,
	conversation_id VARCHAR(200) NOT NULL,
	type VARCHAR(30) NOT NULL,
	at DATETIME NOT NULL,
	data JSON NOT NULL,
	received_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (event_id)
);
CREATE INDEX ix_analytics_events_conversation_id ON analytics_events (conversation_id);

CREATE TABLE analytics_login_failures (
	id INTEGER NOT NULL,
	username VARCHAR(100) NOT NULL,
	at DATETIME NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_analytics_login_failures_username ON analytics_login_failures (username);

CREATE TABLE analytics_question_bits (
	question_id VARCHAR(64) NOT NULL,
	bit INTEGER NOT NULL,
	dimension VARCHAR(40) NOT NULL,
	PRIMARY KEY (question_id),
	UNIQUE (bit)
);

CREATE TABLE analytics_retries (
	question_id VARCHAR(64) NOT NULL,
	conversation_id VARCHAR(200) NOT NULL,
	first_at DATETIME NOT NULL,
	week VARCHAR(8) NOT NULL,
	utm_source VARCHAR(200),
	utm_campaign VARCHAR(200),
	site VARCHAR(200),
	province VARCHAR(40),
	sector VARCHAR(40),
	PRIMARY KEY (question_id, conversation_id)
)
 WITHOUT ROWID;
CREATE INDEX ix_analytics_retries_conversation ON analytics_retries (conversation_id);

CREATE TABLE api_tokens (
	id INTEGER NOT NULL,
	intermediary_id VARCHAR(100) NOT NULL,
	token_hash VARCHAR(64) NOT NULL,
	hint VARCHAR(20) NOT NULL,
	label VARCHAR(100) NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	created_at DATETIME NOT NULL,
	revoked_at DATETIME,
	PRIMARY KEY (id),
	UNIQUE (token_hash)
);

CREATE TABLE assessments (
	id VARCHAR(128) NOT NULL,
	conversation_id VARCHAR(200) NOT NULL,
	report_token VARCHAR(200) NOT NULL,
	questionnaire_version VARCHAR(40) NOT NULL,
	answers JSON NOT NULL,
	campaign JSON NOT NULL,
	scores JSON NOT NULL,
	uncertain JSON NOT NULL,
	level VARCHAR(20),
	weakest VARCHAR(40),
	next_steps JSON NOT NULL,
	eligibility JSON,
	started_at DATETIME,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (report_token)
);
CREATE INDEX ix_assessments_conversation_id ON assessments (conversation_id);

CREATE TABLE audit_log (
	id INTEGER NOT NULL,
	at DATETIME NOT NULL,
	actor VARCHAR(120) NOT NULL,
	intermediary_id VARCHAR(100),
	action VARCHAR(40) NOT NULL,
	lead_id VARCHAR(128),
	detail JSON NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_audit_log_lead_id ON audit_log (lead_id);

CREATE TABLE portal_login_attempts (
	id INTEGER NOT NULL,
	username VARCHAR(100) NOT NULL,
	client VARCHAR(100) NOT NULL,
	success BOOLEAN NOT NULL,
	at DATETIME NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_portal_login_attempts_client ON portal_login_attempts (client);
CREATE INDEX ix_portal_login_attempts_username ON portal_login_attempts (username);

CREATE TABLE portal_users (
	id INTEGER NOT NULL,
	username VARCHAR(100) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	intermediary_id VARCHAR(100) NOT NULL,
	role VARCHAR(20) NOT NULL,
	active BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (username)
);

CREATE TABLE registry_entries (
	id VARCHAR(100) NOT NULL,
	name VARCHAR(200) NOT NULL,
	qualified_until DATE NOT NULL,
	active BOOLEAN NOT NULL,
	provinces JSON NOT NULL,
	sectors JSON NOT NULL,
	expertise JSON NOT NULL,
	monthly_capacity INTEGER NOT NULL,
	contact_email VARCHAR(200) NOT NULL,
	webhook_url VARCHAR(500),
	webhook_secret VARCHAR(200),
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE assessment_links (
	assessment_id VARCHAR(128) NOT NULL,
	previous_id VARCHAR(128) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (assessment_id),
	FOREIGN KEY(assessment_id) REFERENCES assessments (id)
);
CREATE INDEX ix_assessment_links_previous_id ON assessment_links (previous_id);

CREATE TABLE leads (
	id VARCHAR(128) NOT NULL,
	assessment_id VARCHAR(128) NOT NULL,
	intermediary_id VARCHAR(100) NOT NULL,
	intermediary_name VARCHAR(200) NOT NULL,
	status VARCHAR(20) NOT NULL,
	consent JSON NOT NULL,
	contact JSON NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (assessment_id),
	FOREIGN KEY(assessment_id) REFERENCES assessments (id)
);
CREATE INDEX ix_leads_created_at ON leads (created_at);
CREATE INDEX ix_leads_intermediary_id ON leads (intermediary_id);

CREATE TABLE portal_sessions (
	token_hash VARCHAR(64) NOT NULL,
	user_id INTEGER NOT NULL,
	csrf_token VARCHAR(64) NOT NULL,
	created_at DATETIME NOT NULL,
	expires_at DATETIME NOT NULL,
	PRIMARY KEY (token_hash),
	FOREIGN KEY(user_id) REFERENCES portal_users (id) ON DELETE CASCADE
);

CREATE TABLE delivery_outbox (
	id INTEGER NOT NULL,
	lead_id VARCHAR(128) NOT NULL,
	intermediary_id VARCHAR(100) NOT NULL,
	event VARCHAR(20) NOT NULL,
	channel VARCHAR(10) NOT NULL,
	status VARCHAR(12) NOT NULL,
	attempts INTEGER NOT NULL,
	next_attempt_at DATETIME NOT NULL,
	locked_until DATETIME,
	last_error TEXT,
	created_at DATETIME NOT NULL,
	delivered_at DATETIME,
	PRIMARY KEY (id),
	UNIQUE (lead_id, intermediary_id, event, channel),
	FOREIGN KEY(lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_delivery_outbox_status ON delivery_outbox (status);

CREATE TABLE lead_erasures (
	lead_id VARCHAR(128) NOT NULL,
	reason VARCHAR(20) NOT NULL,
	at DATETIME NOT NULL,
	PRIMARY KEY (lead_id),
	FOREIGN KEY(lead_id) REFERENCES leads (id)
);

CREATE TABLE lead_notes (
	id INTEGER NOT NULL,
	lead_id VARCHAR(128) NOT NULL,
	author VARCHAR(100) NOT NULL,
	text TEXT NOT NULL,
	at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_lead_notes_lead_id ON lead_notes (lead_id);

CREATE TABLE lead_status_changes (
	id INTEGER NOT NULL,
	lead_id VARCHAR(128) NOT NULL,
	from_status VARCHAR(20) NOT NULL,
	to_status VARCHAR(20) NOT NULL,
	reason TEXT,
	"by" VARCHAR(100) NOT NULL,
	at DATETIME NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_lead_status_changes_lead_id ON lead_status_changes (lead_id);

CREATE TABLE delivery_log (
	id INTEGER NOT NULL,
	outbox_id INTEGER NOT NULL,
	lead_id VARCHAR(128) NOT NULL,
	at DATETIME NOT NULL,
	attempt INTEGER NOT NULL,
	target VARCHAR(500) NOT NULL,
	ok BOOLEAN NOT NULL,
	detail TEXT NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(outbox_id) REFERENCES delivery_outbox (id)
);
CREATE INDEX ix_delivery_log_lead_id ON delivery_log (lead_id);
