"""Table-driven tests of conversation repair (bot.dialogue), one per behaviour: corrections,
facts said in passing, qualifiers, denials, questions, refusals, places abroad.

The phrasings are the tuning tables tests/data/repair_dev*.yml, written apart from the
interpreter's cue data by someone who did not read it. On them nothing may be stored that the
owner did not mean without the owner confirming it, and nearly every message must be handled as
meant. tests/data/repair_heldout.yml is only measured (`make eval`), never tuned on.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.repair_eval import score_item

DATA = Path(__file__).resolve().parents[1] / "data"
TABLES = sorted(DATA.glob("repair_dev*.yml"))
ITEMS = [item for table in TABLES for item in yaml.safe_load(table.read_text(encoding="utf-8"))]
BEHAVIOURS = sorted({item["behaviour"] for item in ITEMS})
HANDLED_AS_MEANT = 0.85
TODAY = date(2026, 12, 7)


def test_the_tuning_tables_are_there():
    assert TABLES and len(ITEMS) >= 100 and set(BEHAVIOURS) >= {
        "mentions", "corrections", "qualifiers", "denial", "questions", "refusals", "abroad"}


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_nothing_is_stored_wrong_without_the_owner_confirming(behaviour):
    wrong = [(o.id, o.wrong_unconfirmed, o.turn) for o in
             (score_item(item, TODAY) for item in ITEMS if item["behaviour"] == behaviour) if o.wrong_unconfirmed]
    assert not wrong, "\n".join(f"{i}: {w} ({t})" for i, w, t in wrong)


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_messages_are_handled_as_meant(behaviour):
    outcomes = [score_item(item, TODAY) for item in ITEMS if item["behaviour"] == behaviour]
    right = sum(o.right for o in outcomes)
    misses = "\n".join(f"{o.id}: {o.missed + o.wrong_unconfirmed}" for o in outcomes if not o.right)
    assert right / len(outcomes) >= HANDLED_AS_MEANT, f"{behaviour}: {right}/{len(outcomes)}\n{misses}"
