"""The action server's settings, read once from the environment: the only place in actions/ that reads
it. The README's table "The action server's settings" describes each variable with its default
(tests/actions/test_actions_settings.py keeps them the same)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TYPES = {"float": float, "str": str, "str | None": str, "Path": Path}


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
        values = {}
        for field in fields(cls):
            raw = environ.get(field.name.upper(), "").strip()
            if raw:
                try:
                    values[field.name] = _TYPES[str(field.type)](raw)
                except ValueError:
                    raise ValueError(f"{field.name.upper()}={raw!r} is not a valid {field.type}") from None
        return cls(**values)

    @property
    def web_base(self) -> str:
        return self.web_url.rstrip("/")

    @property
    def public_base(self) -> str:
        return (self.public_base_url or self.web_url).rstrip("/")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
