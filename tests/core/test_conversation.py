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
    first_five = {q: answers[q] for q in SCAN[:5]}
    p = conversation.progress(first_five, SCAN[5])
    assert (p.current, p.total) == (6, len(SCAN) + 2)   # the scan, then nieuwe_inzichten and wil_contact


def test_progress_is_one_measure_that_never_starts_again():
    """Counting goes on after the result ("vraag 24 van 27"), it never restarts at 1."""
    answers = filled(SCAN, nieuwe_inzichten="ja", wil_contact="ja")
    p = conversation.progress(answers, "eerder_traject")
    assert (p.current, p.total) == (len(SCAN) + 3, len(SCAN) + 5)
    answers.update(eerder_traject="nee", ontvangen_steun="nee", bereid_plan="ja", toestemming="ja")
    p = conversation.progress(answers, "bedrijfsnaam")
    assert (p.current, p.total) == (len(SCAN) + 7, len(SCAN) + 11)
    skipped = {q: answers[q] for q in ("sector", "medewerkers", "regio")}   # said in one message
    assert conversation.progress(skipped, "jaaromzet").current == 4


def test_a_rescan_asks_only_whether_to_share_the_new_result():
    invited = {conversation.RESCAN: True}
    assert conversation.required_questions(invited) == SCAN + [conversation.RESCAN_CONSENT]
    done = filled(SCAN, **invited)
    assert conversation.next_question(done) == conversation.RESCAN_CONSENT
    p = conversation.progress(done, conversation.RESCAN_CONSENT)
    assert (p.current, p.total) == (len(SCAN) + 1, len(SCAN) + 1)   # the last question of a re-scan
    assert conversation.next_question({**done, conversation.RESCAN_CONSENT: "nee"}) is None
    # Without an invitation the question never comes up.
    assert conversation.RESCAN_CONSENT not in conversation.required_questions(filled(SCAN, wil_contact="ja"))
