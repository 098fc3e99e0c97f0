"""The service's settings, read once from the environment (or a .env file)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Environment variables: DATABASE_URL, PUBLIC_BASE_URL, RASA_URL, INTERMEDIARIES_FILE, ENVIRONMENT."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{REPO_ROOT / 'var' / 'app.db'}"
    public_base_url: str = "http://127.0.0.1:8000"
    rasa_url: str = "http://127.0.0.1:5005"
    intermediaries_file: Path = REPO_ROOT.parent / "shared" / "spec" / "intermediaries.example.json"
    environment: Literal["development", "production"] = "development"

    @field_validator("intermediaries_file")
    @classmethod
    def _relative_to_repo(cls, path: Path) -> Path:
        return path if path.is_absolute() else REPO_ROOT / path

    def report_url(self, report_token: str) -> str:
        return f"{self.public_base_url.rstrip('/')}/rapport/{report_token}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
