"""The Rasa server's settings for this project's extensions, read once from the environment: the only
place in channels/ that reads it. The README's table "The Rasa server's settings" describes each
variable with its default (tests/channels/test_channels_settings.py keeps them the same). Rasa itself
reads more through endpoints.yml (that table names them too)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.env_settings import from_environment


@dataclass(frozen=True)
class Settings:
    """Each field is the environment variable of its name in capitals."""

    chat_max_body_bytes: int = 256 * 1024
    chat_max_chars: int = 2000
    chat_store_wait_s: float = 4.0
    chat_actions_wait_s: float = 5.0
    tracker_max_events: int = 120

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return from_environment(cls, environ)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
