"""The web service's settings, read once from the environment (or a .env file): the only place it reads them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "development-only-secret-not-for-production"


class Settings(BaseSettings):
    """Each field is the environment variable of its name in capitals; the README's table "The web service's
    settings" describes each with its default (tests/api/test_api_settings.py keeps them the same)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'app.db'}"
    public_base_url: str = "http://127.0.0.1:8000"
    rasa_url: str = "http://127.0.0.1:5005"
    intermediaries_file: Path = REPO_ROOT.parent / "shared" / "spec" / "intermediaries.example.json"
    # Production unless said otherwise: a deployment that forgets ENVIRONMENT refuses to start without
    # its secrets instead of running on the public development ones. Development must be asked for,
    # and then answers on loopback only (api/security.py).
    environment: Literal["development", "production"] = "production"

    # Portal, delivery and privacy (issue 3). SECRET_KEY signs nothing public but derives the
    # development log-ins; in production it must be set to a real secret.
    secret_key: str = DEV_SECRET_KEY
    rasa_tracker_db_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'rasa_tracker.db'}"
    smtp_host: str = "localhost"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: str | None = None
    # STARTTLS with a verified certificate; on by default and required in production, off by default in
    # development (the local mail sink speaks plain SMTP).
    smtp_starttls: bool | None = None
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
    # Retention periods (api/privacy/retention.py): a closed lead, an open lead without activity, a
    # conversation in the tracker store that did not lead to a kept lead.
    retention_days: int = 365
    retention_open_lead_days: int = 365
    retention_conversation_days: int = 30
    retention_check_seconds: float = 3600.0
    session_hours: float = 8.0
    # Log-in limits (api/identity/limiter.py), per window: one account from one address or one known
    # browser, one address over all accounts, one account from all unknown browsers.
    login_max_failures: int = 5
    login_client_max_failures: int = 20
    login_account_max_failures: int = 50
    login_window_minutes: int = 15
    login_device_days: int = 180
    # The bot's requests (assessments, routing preview, leads, analytics events) carry this token
    # (`Authorization: Bearer ...`). scripts/services.py makes one per installation; the web service
    # does not start without it, else anyone who reaches the service could hand in leads.
    bot_token: str | None = None
    # Campaign analytics (issue 5): a conversation without `end` counts as abandoned after this silence.
    analytics_abandon_minutes: int = 30

    @field_validator("intermediaries_file")
    @classmethod
    def _relative_to_repo(cls, path: Path) -> Path:
        return path if path.is_absolute() else REPO_ROOT / path

    @model_validator(mode="after")
    def _every_secret_in_production(self) -> Settings:
        if self.environment != "production":
            return self
        problems = []
        if self.secret_key == DEV_SECRET_KEY or len(self.secret_key) < 32:
            problems.append("SECRET_KEY must be set to a random value of at least 32 characters")
        if len(self.bot_token or "") < 32:
            problems.append("BOT_TOKEN must be set to a random value of at least 32 characters")
        if self.smtp_starttls is False:
            problems.append("SMTP_STARTTLS cannot be turned off (lead e-mails are sent encrypted)")
        if problems:
            raise ValueError(f"ENVIRONMENT=production (the default): {'; '.join(problems)}. For a try-out on this "
                             f"machine set ENVIRONMENT=development: it answers on loopback only.")
        return self

    @property
    def smtp_tls(self) -> bool:
        return self.smtp_starttls if self.smtp_starttls is not None else self.environment == "production"

    def service_problem(self) -> str | None:
        """What stops the web service from starting with these settings (the bot's token in any environment)."""
        if len(self.bot_token or "") < 32:
            return ("BOT_TOKEN must be set to a random value of at least 32 characters: without it anyone could "
                    "store assessments and leads. `make run` (scripts/services.py) makes one in var/bot_token.")
        return None

    @property
    def secure_cookies(self) -> bool:
        return self.environment != "development" or self.public_base_url.startswith("https://")

    def report_url(self, report_token: str) -> str:
        return f"{self.public_base_url.rstrip('/')}/rapport/{report_token}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
