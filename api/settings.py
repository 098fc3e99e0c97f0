"""The service's settings, read once from the environment (or a .env file)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "development-only-secret-not-for-production"


class Settings(BaseSettings):
    """Environment variables: DATABASE_URL, PUBLIC_BASE_URL, RASA_URL, INTERMEDIARIES_FILE, ENVIRONMENT,
    and for the portal, delivery and privacy: SECRET_KEY, RASA_TRACKER_DB_URL, SMTP_*, MAIL_FROM,
    PROGRAMMABUREAU_EMAIL, WEBHOOK_TIMEOUT_SECONDS, DELIVERY_*, RETENTION_*, SESSION_HOURS, LOGIN_*, BOT_TOKEN, ANALYTICS_ABANDON_MINUTES."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'app.db'}"
    public_base_url: str = "http://127.0.0.1:8000"
    rasa_url: str = "http://127.0.0.1:5005"
    intermediaries_file: Path = REPO_ROOT.parent / "shared" / "spec" / "intermediaries.example.json"
    environment: Literal["development", "production"] = "development"

    # Portal, delivery and privacy (issue 3). SECRET_KEY signs nothing public but derives the
    # development log-ins; outside development it must be set to a real secret.
    secret_key: str = DEV_SECRET_KEY
    rasa_tracker_db_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'rasa_tracker.db'}"
    smtp_host: str = "localhost"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "Mkb-Booster scan <noreply@mkb-booster.example>"
    programmabureau_email: str = "programmabureau@mkb-booster.example"
    webhook_timeout_seconds: float = 10.0
    # One attempt (connect, send, the whole answer) ends after this many seconds, however the
    # receiver trickles; an intermediary's notices wait only for its own receiver (a lane per
    # intermediary and channel, at most DELIVERY_LANES at the same time).
    delivery_attempt_seconds: float = 30.0
    delivery_lanes: int = 8
    delivery_worker: bool = True
    delivery_poll_seconds: float = 10.0
    delivery_retry_base_seconds: float = 30.0
    delivery_retry_max_seconds: float = 3600.0
    retention_days: int = 365
    retention_check_seconds: float = 3600.0
    session_hours: float = 8.0
    login_max_failures: int = 5
    login_window_minutes: int = 15
    # The bot's writes (assessments, routing preview, leads, analytics events) carry this token
    # (`Authorization: Bearer ...`). scripts/services.py makes one per installation; outside
    # development it must be set, else anyone who reaches the service could hand in leads.
    bot_token: str | None = None
    # Campaign analytics (issue 5): a conversation without `end` counts as abandoned after this silence.
    analytics_abandon_minutes: int = 30

    @field_validator("intermediaries_file")
    @classmethod
    def _relative_to_repo(cls, path: Path) -> Path:
        return path if path.is_absolute() else REPO_ROOT / path

    @model_validator(mode="after")
    def _real_secret_outside_development(self) -> "Settings":
        if self.environment != "development" and (self.secret_key == DEV_SECRET_KEY or len(self.secret_key) < 32):
            raise ValueError("SECRET_KEY must be set to a random value of at least 32 characters outside development")
        if self.environment != "development" and len(self.bot_token or "") < 32:
            raise ValueError("BOT_TOKEN must be set to a random value of at least 32 characters outside development")
        return self

    @property
    def secure_cookies(self) -> bool:
        return self.environment != "development" or self.public_base_url.startswith("https://")

    def report_url(self, report_token: str) -> str:
        return f"{self.public_base_url.rstrip('/')}/rapport/{report_token}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
