"""One consistency test for the words every part shares (bot/contract.py): the questionnaire,
the Rasa domain and NLU data, the widget and, where it can be imported, the web service."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot import contract, conversation, scoring
from bot.questionnaire import load
from bot.side_answers import find_term

ROOT = Path(__file__).resolve().parents[2]


def _yaml(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_the_question_groups_are_questions_of_the_questionnaire():
    ids = set(load().questions)
    for group in (contract.PROFILE, contract.FOLLOW_UP, contract.ELIGIBILITY_QUESTIONS, contract.CONTACT,
                  (contract.CONSENT, contract.RESCAN_CONSENT)):
        assert set(group) <= ids, set(group) - ids
    assert set(contract.ELIGIBILITY_FACTS) <= ids
    assert {q.dimension for q in load().questions.values()} >= set(contract.SCAN_PARTS)
    assert tuple(load().dimensions) == contract.SCORED_DIMENSIONS


def test_levels_are_the_questionnaires_and_the_scorings():
    assert tuple(load().levels) == contract.LEVELS == scoring.LEVELS
    assert set(contract.TARGET_GROUP) <= set(contract.LEVELS)
    assert conversation.CONSENT == contract.CONSENT and conversation.ELIGIBILITY == contract.ELIGIBILITY_QUESTIONS


def test_the_domain_declares_exactly_the_intents_and_the_nlu_data_trains_each():
    declared = set(_yaml("domain/base.yml")["intents"])
    assert declared == set(contract.INTENTS)
    trained = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                trained.add(block["intent"])
    assert trained == declared


def test_every_term_the_nlu_can_extract_has_a_glossary_entry():
    """The NLU's synonyms name glossary ids; a looked-up term without a synonym is found as well."""
    glossary = load().glossary
    synonyms: dict[str, str] = {}
    lookups: list[str] = []
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            terms = [t.strip("- \n") for t in block.get("examples", "").split("\n") if t.strip("- \n")]
            if "synonym" in block:
                assert contract.glossary_id(block["synonym"]) == block["synonym"], block["synonym"]
                synonyms.update({contract.glossary_id(t): block["synonym"] for t in terms})
            elif block.get("lookup") == "term":
                lookups += terms
    assert set(synonyms.values()) <= set(glossary), set(synonyms.values()) - set(glossary)
    for term in lookups:
        canonical = synonyms.get(contract.glossary_id(term)) or find_term(term, term)
        assert canonical in glossary, term


def test_the_widget_sends_the_campaign_keys_of_the_contract():
    widget = (ROOT / "api" / "static" / "widget" / "widget.js").read_text(encoding="utf-8")
    m = re.search(r"CAMPAIGN_KEYS\s*=\s*\[([^\]]*)\]", widget)
    assert m, "widget.js names its campaign keys"
    keys = tuple(re.findall(r'"([^"]+)"', m.group(1)))
    assert set(keys) | {"site"} == set(contract.CAMPAIGN_KEYS)   # "site" comes from the page's data attribute


@pytest.mark.parametrize("staff,band", [(0, "0-9"), (9, "0-9"), (10, "10-49"), (249, "50-249"), (250, "250+"),
                                        (True, None), ("veel", None)])
def test_size_classes(staff, band):
    assert contract.size_class(staff) == band


def test_the_web_service_uses_the_same_words():
    pytest.importorskip("fastapi")   # the web service's environment only
    from api.analytics import schemas as events
    from api.leads import workflow

    assert tuple(events.EVENT_TYPES) == contract.EVENT_TYPES
    assert tuple(workflow.ALL) == contract.LEAD_STATUSES
