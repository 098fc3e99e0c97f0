"""The chat messages carry the contract's payloads (contract.md) and plain Dutch texts."""
from bot import chat_messages, eligibility, next_steps, scoring
from bot.questionnaire import load

Q = load()
ANSWERS = {q: "2" for q in Q.scored_ids}


def test_question_payload_has_every_contract_field():
    text, custom = chat_messages.question_messages("tech_robotisering", {"sector": "metaal"})
    payload = custom["custom"]
    assert set(payload) == {"type", "question_id", "dimension", "options", "multiple", "free_text", "progress"}
    assert payload["type"] == "question" and payload["dimension"] == "technologie"
    assert [o["value"] for o in payload["options"]] == ["1", "2", "3", "4", "weet_niet"]
    assert payload["multiple"] is False and payload["free_text"] is True
    assert [b["payload"] for b in text["buttons"]] == ["1", "2", "3", "4", "weet_niet"]
    assert payload["progress"]["total"] >= payload["progress"]["current"] >= 1


def test_multi_choice_question_is_marked_multiple():
    _, custom = chat_messages.question_messages("knelpunten", {})
    assert custom["custom"]["multiple"] is True
    assert "geen" in [o["value"] for o in custom["custom"]["options"]]


def test_consent_question_names_the_intermediary():
    text, _ = chat_messages.question_messages("toestemming", {}, {"intermediary_name": "TechNoord Advies"})
    assert "TechNoord Advies" in text["text"]
    summary = chat_messages.handover_summary("TechNoord Advies", {})
    assert "TechNoord Advies" in summary["text"] and "toestemming" in summary["text"]


def test_result_payload_and_text():
    result = scoring.score(ANSWERS)
    steps = next_steps.next_steps(ANSWERS, result)
    text, custom = chat_messages.result_messages(result, steps, "http://x/rapport/abc", "a1")
    assert custom["custom"] == {"type": "result", "assessment_id": "a1", "level": "achterblijver",
                                "scores": {"technologie": 33, "organisatie": 33, "businessmodel": 33, "totaal": 33},
                                "report_url": "http://x/rapport/abc"}
    assert "Achterblijver" in text["text"] and "http://x/rapport/abc" in text["text"]
    assert all(step in text["text"] for step in steps)


def test_eligibility_payload_lists_every_reason_with_its_text():
    outcome = eligibility.check({"medewerkers": 300, "jaaromzet": "onbekend", "sector": "metaal",
                                 "eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja"}, "volger")
    text, custom = chat_messages.eligibility_messages(outcome)
    assert custom["custom"]["status"] == "not_eligible"
    assert {r["code"] for r in custom["custom"]["reasons"]} == {"geen_mkb", "omzet_onbekend"}
    assert all(r["text"] in text["text"] for r in custom["custom"]["reasons"])


def test_next_steps_follow_the_actual_low_answers():
    answers = {q: "4" for q in Q.scored_ids}
    answers.update({"org_capaciteit": "1", "org_strategie": "2"})
    result = scoring.score(answers)
    steps = next_steps.next_steps(answers, result)
    assert result.weakest == "organisatie"
    assert steps[:2] == [Q["org_capaciteit"].advice, Q["org_strategie"].advice]
    other = {q: "4" for q in Q.scored_ids}
    other.update({"tech_digitalisering": "1"})
    assert next_steps.next_steps(other, scoring.score(other))[0] == Q["tech_digitalisering"].advice


def test_echo_is_one_sentence():
    assert chat_messages.echo_message("Verhoeven B.V.")["text"] == "Genoteerd: Verhoeven B.V."
    assert chat_messages.echo_message("45 medewerkers")["text"] == "Genoteerd: 45 medewerkers."


def test_a_remark_beside_the_answer_is_echoed_too():
    text = chat_messages.echo_message("06 12345678", ["liefst na 4 uur"])["text"]
    assert text == "Genoteerd: 06 12345678. Ook genoteerd: ‘liefst na 4 uur’."


def test_side_answers_find_the_term_from_the_entity_or_the_text():
    from bot.side_answers import find_term, looks_like_question, side_answer
    assert find_term("wat is dat?", entity="plan_van_aanpak") == "plan_van_aanpak"
    assert find_term("wat is dat?", entity="co_engineering") == "co_engineering"
    assert find_term("wat is een plan van aanpak precies") == "plan_van_aanpak"
    assert find_term("Wat is een cobot eigenlijk?") == "cobot"
    assert find_term("wat betekent ERP") == "erp"
    assert find_term("wat is een fieldlabb") == "fieldlab"
    assert find_term("wat is het weer") is None
    assert looks_like_question("Kost die begeleiding mij geld?")
    assert not looks_like_question("Robots? Nee, daar hebben we nooit naar gekeken")
    assert "Automatisering is" in side_answer("vraag_waarom", "waarom?", "tech_automatisering")
    assert "gratis" in side_answer("vraag_kosten", "kost dit geld?", "sector")


def test_a_multi_question_says_once_that_several_answers_may_be_given():
    for question_id in ("knelpunten", "interesse"):
        text, _ = chat_messages.question_messages(question_id, {})
        assert "één of meer" in text["text"] and "meerdere noemen" not in text["text"], text["text"]


def test_why_a_question_is_asked_reads_as_dutch():
    from bot.side_answers import explain_question

    reply = explain_question("jaaromzet")
    assert reply == f"Waarom ik dit vraag: {Q['jaaromzet'].why}"
    assert "omdat:" not in reply


def test_a_question_the_nlu_files_under_cost_but_about_a_term_gets_the_term():
    from bot.side_answers import side_answer
    assert "zonder btw" in side_answer("vraag_kosten", "moet dat met of zonder btw?", "jaaromzet")
    assert "gratis" in side_answer("vraag_kosten", "wat kost het programma?", "jaaromzet")
