"""The action server's settings, read once from the environment: the only place in actions/ that reads
it. The README's table "The action server's settings" describes each variable with its default
(tests/actions/test_actions_settings.py keeps them the same)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.env_settings import from_environment

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Each field is the environment variable of its name in capitals."""

    web_url: str = "http://127.0.0.1:8000"
    public_base_url: str | None = None  # None: WEB_URL
    bot_token: str | None = None
    web_timeout_s: float = 5.0
    outbox_file: Path = ROOT / "var" / "outbox.jsonl"
    outbox_flush_s: float = 5.0
    outbox_refused_days: float = 7.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return from_environment(cls, environ)

    @property
    def web_base(self) -> str:
        return self.web_url.rstrip("/")

    @property
    def public_base(self) -> str:
        return (self.public_base_url or self.web_url).rstrip("/")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
