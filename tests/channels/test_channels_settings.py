"""The Rasa server's settings for this project's extensions are read in one place (channels/settings.py)
and each is documented in the README's table "The Rasa server's settings", with its default."""
from __future__ import annotations

import pytest

from channels.settings import Settings
from tests.support import ROOT, environment_readers, undocumented_differences


def test_every_setting_has_a_row_with_its_default_and_every_row_a_setting():
    assert undocumented_differences("### The Rasa server's settings", Settings) == []


def test_nothing_else_in_channels_reads_the_environment():
    settings = ROOT / "channels" / "settings.py"
    assert environment_readers(sorted((ROOT / "channels").glob("*.py")), {settings: {"Settings"}}) == []


def test_values_are_read_with_their_types_and_a_bad_one_is_named():
    read = Settings.from_env({"CHAT_MAX_CHARS": "500", "CHAT_STORE_WAIT_S": "0.5", "TRACKER_MAX_EVENTS": " "})
    assert (read.chat_max_chars, read.chat_store_wait_s, read.tracker_max_events) == (500, 0.5, 120)
    with pytest.raises(ValueError, match="CHAT_MAX_BODY_BYTES"):
        Settings.from_env({"CHAT_MAX_BODY_BYTES": "veel"})
