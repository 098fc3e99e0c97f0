"""Consistency between the questionnaire (the one source), the contract and the generated domain."""
import subprocess
import sys
from pathlib import Path

import yaml

from bot.questionnaire import load

ROOT = Path(__file__).resolve().parents[2]
Q = load()

# The contract of ../shared/spec/questionnaire.md: ids and option values may not change.
CONTRACT = {
    "sector": ["metaal", "machinebouw", "kunststof_rubber", "elektrotechniek", "voedingsmiddelen",
               "hout_meubel", "overige_maakindustrie", "geen_maakindustrie"],
    "medewerkers": [], "jaaromzet": ["onbekend"], "balanstotaal": ["onbekend"],
    "regio": ["groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
              "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"],
    **{q: ["1", "2", "3", "4", "weet_niet"] for q in [
        "tech_automatisering", "tech_robotisering", "tech_digitalisering", "tech_implementatie",
        "org_bewustzijn", "org_cultuur", "org_capaciteit", "org_vaardigheden", "org_samenwerking",
        "org_strategie", "bm_financiering", "bm_innovatiebudget", "bm_rendement", "bm_ketenpositie",
        "bm_businesscase"]},
    "knelpunten": ["urgentie", "kennis", "businesscase", "capaciteit", "acceptatie", "financiering",
                   "terugverdientijd", "ketenafhankelijkheid", "personeel", "geen"],
    "interesse": ["robotisering", "automatisering", "digitalisering", "data_sensoren", "additive",
                  "vision_kwaliteit", "energie_duurzaamheid", "lean_werkwijzen", "anders"],
    "nieuwe_inzichten": ["ja", "een_beetje", "nee"], "wil_contact": ["ja", "nee"],
    "eerder_traject": ["ja", "nee"], "ontvangen_steun": ["ja", "nee", "onbekend"],
    "bereid_plan": ["ja", "nee", "misschien"], "toestemming": ["ja", "nee"],
    "bedrijfsnaam": [], "kvk_nummer": ["onbekend"], "contact_naam": [], "contact_email": [],
    "contact_telefoon": ["geen"],
    # Beyond questionnaire.md v1 (issue 12): asked only in a re-scan at an adviser's invitation, not scored.
    "herscan_delen": ["ja", "nee"],
}


def test_ids_and_values_follow_the_contract():
    assert set(Q.questions) == set(CONTRACT)
    for question_id, values in CONTRACT.items():
        assert sorted(Q[question_id].values) == sorted(values), question_id


def test_every_question_has_text_and_a_reason_and_scored_ones_advice():
    for question in Q.questions.values():
        assert question.text and question.why, question.id
        if question.scored:
            assert question.advice, question.id
    assert len(Q.scored_ids) == 15


def test_generated_domain_is_current():
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_domain.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_domain_has_a_slot_for_every_question_and_no_ask_actions():
    generated = yaml.safe_load((ROOT / "domain" / "questionnaire.yml").read_text())
    assert set(generated["slots"]) == set(Q.questions)
    assert "actions" not in generated  # the validator asks: one action server call a turn
    assert generated["forms"]["scan_form"]["required_slots"] == list(Q.questions)


def test_button_presses_map_to_option_values():
    assert Q["sector"].option_for("Machinebouw") == "machinebouw"
    assert Q["tech_robotisering"].option_for("2") == "2"
    assert Q["tech_robotisering"].option_for(Q.weet_niet_label) == "weet_niet"
    assert Q["knelpunten"].option_for("capaciteit, kennis") == ["capaciteit", "kennis"]
    assert Q["knelpunten"].option_for("capaciteit, onzin") is None
    assert Q["wil_contact"].option_for("misschien") is None
