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
    from pydantic import ValidationError

    from api.analytics import fold, queries
    from api.analytics import schemas as events
    from api.analytics.models import AnalyticsConversation
    from api.assessments.schemas import Campaign
    from api.delivery.models import EVENT_WITHDRAWN
    from api.identity import roles
    from api.leads import intake, workflow
    from api.registry import service as registry
    from api.reports import peers

    # Event types: the ones the service takes, each with the data it may carry.
    assert tuple(events.EVENT_TYPES) == contract.EVENT_TYPES and set(events.DATA_MODELS) == set(contract.EVENT_TYPES)
    for level in contract.LEVELS:
        assert events.Result(level=level).level == level
    for *_, band in contract.SIZE_CLASSES:
        assert events.Result(size_class=band).size_class == band
    for status in contract.ELIGIBILITY_STATUSES:
        assert events.Eligibility(status=status).status == status
    for wrong in ({"level": "kampioen"}, {"size_class": "10-50"}):
        with pytest.raises(ValidationError):
            events.Result(**wrong)
    # Campaign keys: what an assessment keeps, what the analytics read from `started` and fold, the columns.
    assert tuple(Campaign.model_fields) == tuple(events.Started.model_fields) == contract.CAMPAIGN_KEYS
    assert fold.ATTRIBUTION == contract.CAMPAIGN_KEYS
    assert set(contract.CAMPAIGN_KEYS) <= set(AnalyticsConversation.__table__.columns.keys())
    # Lead statuses: the workflow's, the dashboard's "accepted", the withdrawal notice.
    assert tuple(workflow.ALL) == contract.LEAD_STATUSES and tuple(workflow.FLOW) == contract.LEAD_FLOW
    assert set(queries.ACCEPTED_STATUSES) == set(contract.LEAD_FLOW) - {contract.LEAD_NEW}
    assert EVENT_WITHDRAWN == contract.LEAD_WITHDRAWN
    # Eligibility statuses and question groups of the intake; the programme office as organisation and role.
    assert set(intake.ELIGIBILITY_LABELS) == set(contract.ELIGIBILITY_STATUSES)
    assert registry.PROGRAMMABUREAU == roles.PROGRAMME_OFFICE == contract.PROGRAMME_OFFICE
    # Size classes: the peer comparison's bands are the contract's.
    for staff in (0, 9, 10, 49, 50, 249, 250, 10_000):
        low, high = peers.size_class(staff)
        label = next(label for lo, hi, label in contract.SIZE_CLASSES if (lo, hi) == (low, high))
        assert contract.size_class(staff) == label
    assert set(peers.PLURAL) == set(contract.LEVELS)
