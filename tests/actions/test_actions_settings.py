"""The action server's settings are read in one place (actions/settings.py) and each is documented in
the README's table "The action server's settings", with its default."""
from __future__ import annotations

from pathlib import Path

import pytest

from actions.settings import Settings
from tests.support import ROOT, environment_readers, undocumented_differences


def test_every_setting_has_a_row_with_its_default_and_every_row_a_setting():
    assert undocumented_differences("### The action server's settings", Settings) == []


def test_nothing_else_in_actions_reads_the_environment():
    settings = ROOT / "actions" / "settings.py"
    assert environment_readers(sorted((ROOT / "actions").glob("*.py")), {settings: {"Settings"}}) == []


def test_values_are_read_with_their_types_and_a_bad_one_is_named():
    read = Settings.from_env({"WEB_URL": "http://web:9000/", "OUTBOX_FILE": "/tmp/x.jsonl", "WEB_TIMEOUT_S": "2.5",
                              "BOT_TOKEN": ""})
    assert (read.web_base, read.public_base, read.outbox_file, read.web_timeout_s, read.bot_token) == (
        "http://web:9000", "http://web:9000", Path("/tmp/x.jsonl"), 2.5, None)
    assert Settings.from_env({"PUBLIC_BASE_URL": "https://scan.example/"}).public_base == "https://scan.example"
    with pytest.raises(ValueError, match="OUTBOX_FLUSH_S"):
        Settings.from_env({"OUTBOX_FLUSH_S": "vaak"})
