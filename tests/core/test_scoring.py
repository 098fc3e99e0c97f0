"""Scoring per questionnaire.md: item scores, dimension means, weet_niet, level boundaries."""
import pytest

from bot import scoring
from bot.questionnaire import load

Q = load()
ALL = Q.scored_ids


def answers_all(value):
    return {i: value for i in ALL}


@pytest.mark.parametrize("value, expected", [("1", 0), ("2", 33), ("3", 67), ("4", 100)])
def test_uniform_answers_give_the_item_score_everywhere(value, expected):
    result = scoring.score(answers_all(value))
    assert result.scores == {"technologie": expected, "organisatie": expected,
                             "businessmodel": expected, "totaal": expected}


@pytest.mark.parametrize("total, level", [
    (0, "achterblijver"), (34, "achterblijver"), (35, "volger"), (59, "volger"),
    (60, "ontwikkelaar"), (79, "ontwikkelaar"), (80, "koploper"), (100, "koploper"),
])
def test_level_boundaries(total, level):
    assert scoring.level_for(total) == level


def test_weet_niet_is_left_out_of_the_mean_and_marks_uncertain_dimensions():
    answers = answers_all("4")
    answers.update({"tech_automatisering": "weet_niet", "tech_robotisering": "weet_niet",
                    "tech_digitalisering": "weet_niet", "tech_implementatie": "1"})
    result = scoring.score(answers)
    assert result.scores["technologie"] == 0
    assert result.uncertain == ["technologie"]
    assert result.weakest == "technologie"
    assert result.scores["totaal"] == round((0 + 100 + 100) / 3)


def test_half_answered_dimension_is_not_uncertain():
    answers = answers_all("3")
    answers.update({"tech_automatisering": "weet_niet", "tech_robotisering": "weet_niet"})
    assert scoring.score(answers).uncertain == []


def test_dimension_without_answers_has_no_score_and_total_uses_the_others():
    answers = {i: "4" for i in Q.dimensions["organisatie"] + Q.dimensions["businessmodel"]}
    answers.update({i: "weet_niet" for i in Q.dimensions["technologie"]})
    result = scoring.score(answers)
    assert result.scores["technologie"] is None
    assert result.scores["totaal"] == 100
    assert result.level == "koploper"


def test_mixed_answers_match_the_formula():
    answers = {"tech_automatisering": "2", "tech_robotisering": "2", "tech_digitalisering": "1",
               "tech_implementatie": "3", "org_bewustzijn": "3", "org_cultuur": "2",
               "org_capaciteit": "1", "org_vaardigheden": "2", "org_samenwerking": "3",
               "org_strategie": "2", "bm_financiering": "3", "bm_innovatiebudget": "2",
               "bm_rendement": "3", "bm_ketenpositie": "2", "bm_businesscase": "2"}
    result = scoring.score(answers)
    assert result.scores == {"technologie": 33, "organisatie": 39, "businessmodel": 47, "totaal": 40}
    assert (result.level, result.weakest) == ("volger", "technologie")


def test_values_outside_the_scale_are_never_scored():
    assert scoring.item_score("5") is None
    assert scoring.item_score("0") is None
    assert scoring.item_score(None) is None
    assert scoring.item_score(3) == pytest.approx(200 / 3)


def test_the_one_evaluation_round_trips_through_what_the_web_service_stores():
    from bot.result import Evaluation, evaluate
    answers = {q: "3" for q in load().scored_ids} | {"sector": "metaal", "medewerkers": 40, "jaaromzet": 5_000_000,
                                                      "eerder_traject": "nee", "ontvangen_steun": "nee",
                                                      "bereid_plan": "ja"}
    evaluation = evaluate(answers)
    assert evaluation.result.level == "ontwikkelaar" and evaluation.next_steps
    assert evaluation.eligibility is not None and evaluation.eligibility["status"] == "check_needed"
    again = Evaluation.from_stored(evaluation.to_dict())
    assert again == evaluation
