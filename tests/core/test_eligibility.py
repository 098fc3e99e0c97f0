"""Every eligibility rule of domain.md, its reason code, and the worst-outcome status."""
import pytest

from bot import eligibility
from bot.eligibility import CHECK_NEEDED, ELIGIBLE, NOT_ELIGIBLE

BASE = {"medewerkers": 45, "jaaromzet": 6_500_000, "sector": "metaal",
        "eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja"}


def check(level="volger", **changes):
    return eligibility.check({**BASE, **changes}, level)


def codes(outcome):
    return [r.code for r in outcome.reasons]


def test_clean_case_is_eligible_without_reasons():
    outcome = check()
    assert outcome.status == ELIGIBLE and outcome.reasons == []


@pytest.mark.parametrize("changes, code, status", [
    ({"medewerkers": 250}, "geen_mkb", NOT_ELIGIBLE),
    ({"medewerkers": 249}, None, ELIGIBLE),
    ({"jaaromzet": 60_000_000, "balanstotaal": 50_000_000}, "geen_mkb", NOT_ELIGIBLE),
    ({"jaaromzet": 60_000_000, "balanstotaal": 43_000_000}, None, ELIGIBLE),
    ({"jaaromzet": 50_000_000}, None, ELIGIBLE),
    ({"jaaromzet": "onbekend"}, "omzet_onbekend", CHECK_NEEDED),
    ({"jaaromzet": None}, "omzet_onbekend", CHECK_NEEDED),
    ({"jaaromzet": 60_000_000, "balanstotaal": "onbekend"}, "omzet_onbekend", CHECK_NEEDED),
    ({"sector": "geen_maakindustrie"}, "geen_maakindustrie", NOT_ELIGIBLE),
    ({"eerder_traject": "ja"}, "eerder_traject", NOT_ELIGIBLE),
    ({"ontvangen_steun": "ja"}, "steunplafond", NOT_ELIGIBLE),
    ({"ontvangen_steun": "onbekend"}, "steun_onbekend", CHECK_NEEDED),
    ({"bereid_plan": "nee"}, "geen_commitment", NOT_ELIGIBLE),
    ({"bereid_plan": "misschien"}, "geen_commitment", CHECK_NEEDED),
])
def test_each_rule(changes, code, status):
    outcome = check(**changes)
    assert outcome.status == status
    assert codes(outcome) == ([code] if code else [])
    assert all(r.text for r in outcome.reasons)


@pytest.mark.parametrize("level, code, status", [
    ("koploper", "koploper", NOT_ELIGIBLE),
    ("ontwikkelaar", "buiten_kerndoelgroep", CHECK_NEEDED),
    ("volger", None, ELIGIBLE),
    ("achterblijver", None, ELIGIBLE),
])
def test_level_rules(level, code, status):
    outcome = check(level=level)
    assert outcome.status == status
    assert codes(outcome) == ([code] if code else [])


def test_worst_outcome_wins_and_every_reason_is_listed():
    outcome = check(level="ontwikkelaar", ontvangen_steun="onbekend", eerder_traject="ja")
    assert outcome.status == NOT_ELIGIBLE
    assert set(codes(outcome)) == {"buiten_kerndoelgroep", "steun_onbekend", "eerder_traject"}


def test_rules_are_configurable():
    strict = eligibility.Rules(version="test", max_employees=40)
    outcome = eligibility.check(BASE, "volger", strict)
    assert outcome.status == NOT_ELIGIBLE and outcome.rules_version == "test"
    assert "40" in outcome.reasons[0].text
