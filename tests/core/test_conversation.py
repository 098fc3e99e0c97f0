"""The order of the conversation and its branches (questionnaire.md)."""
from bot import conversation
from bot.questionnaire import load

Q = load()
SCAN = ["sector", "medewerkers", "jaaromzet", "regio", *Q.scored_ids, "knelpunten", "interesse"]


def filled(ids, **extra):
    answers = {i: "2" for i in ids}
    answers.update({"sector": "metaal", "medewerkers": 45, "jaaromzet": 6_000_000, "regio": "utrecht",
                    "knelpunten": ["kennis"], "interesse": ["robotisering"]})
    answers.update(extra)
    return answers


def test_scan_order_follows_the_questionnaire():
    assert conversation.required_questions({}) == SCAN + ["nieuwe_inzichten", "wil_contact"]


def test_balance_total_only_above_50_million():
    assert "balanstotaal" not in conversation.required_questions({"jaaromzet": 50_000_000})
    assert "balanstotaal" not in conversation.required_questions({"jaaromzet": "onbekend"})
    ids = conversation.required_questions({"jaaromzet": 50_000_001})
    assert ids[ids.index("jaaromzet") + 1] == "balanstotaal"


def test_no_contact_ends_after_the_result():
    assert conversation.required_questions(filled(SCAN, wil_contact="nee"))[-1] == "wil_contact"


def test_eligible_path_asks_consent_then_contact_details():
    answers = filled(SCAN, nieuwe_inzichten="ja", wil_contact="ja", eerder_traject="nee",
                     ontvangen_steun="nee", bereid_plan="ja")
    assert conversation.required_questions(answers)[-4:] == [*conversation.ELIGIBILITY, "toestemming"]
    answers["toestemming"] = "ja"
    assert conversation.required_questions(answers)[-5:] == list(conversation.CONTACT)
    answers["toestemming"] = "nee"
    assert conversation.required_questions(answers)[-1] == "toestemming"


def test_not_eligible_never_asks_consent():
    answers = filled(SCAN, wil_contact="ja", eerder_traject="ja", ontvangen_steun="nee", bereid_plan="ja")
    assert "toestemming" not in conversation.required_questions(answers)


def test_previous_question_and_progress():
    answers = filled(SCAN[:5])
    assert conversation.previous_question(answers, SCAN[5]) == SCAN[4]
    assert conversation.previous_question({}, "sector") is None
    p = conversation.progress(answers, SCAN[5])
    assert (p.current, p.total) == (6, len(SCAN))


def test_a_rescan_asks_only_whether_to_share_the_new_result():
    invited = {conversation.RESCAN: True}
    assert conversation.required_questions(invited) == SCAN + [conversation.RESCAN_CONSENT]
    done = filled(SCAN, **invited)
    assert conversation.next_question(done) == conversation.RESCAN_CONSENT
    p = conversation.progress(done, conversation.RESCAN_CONSENT)
    assert (p.current, p.total) == (1, 1)
    assert conversation.next_question({**done, conversation.RESCAN_CONSENT: "nee"}) is None
    # Without an invitation the question never comes up.
    assert conversation.RESCAN_CONSENT not in conversation.required_questions(filled(SCAN, wil_contact="ja"))
