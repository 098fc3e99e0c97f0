"""The form's validation action with real trackers, the real interpreter and the real web service."""
import asyncio
import json
import os
import urllib.request

import pytest
from action_trackers import DOMAIN, SCAN_ANSWERS, make_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import analytics
from actions.scan_form import ValidateScanForm
from bot import scoring


def run(tracker):
    """One action call, and what the action server then sends on its own (its loop lives on)."""
    dispatcher = CollectingDispatcher()

    async def call():
        events = await ValidateScanForm().run(dispatcher, tracker, DOMAIN)
        await analytics.drain()
        return events

    events = asyncio.run(call())
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, dispatcher.messages


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


def customs(messages, kind):
    return [m["custom"] for m in messages if m.get("custom", {}).get("type") == kind]


def test_button_value_is_taken_not_echoed_and_next_question_requested(service_down):
    slots, messages = run(make_tracker({}, "metaal", requested="sector"))
    assert slots["sector"] == "metaal"
    assert slots["requested_slot"] == "medewerkers"
    assert "Genoteerd" not in texts(messages)   # the owner just pressed it


def test_free_text_number_is_interpreted(service_down):
    slots, _ = run(make_tracker({"sector": "metaal"}, "zo'n vijfenveertig man", requested="medewerkers"))
    assert slots["medewerkers"] == 45
    assert slots["requested_slot"] == "jaaromzet"


def test_unclear_answer_is_asked_again_never_guessed(service_down):
    slots, messages = run(make_tracker({"sector": "metaal"}, "blauw", requested="medewerkers"))
    assert slots["medewerkers"] is None
    assert slots["requested_slot"] == "medewerkers"
    assert texts(messages).startswith("Hm, ")


def test_side_question_is_answered_and_the_question_stays_open(service_down):
    tracker = make_tracker({"sector": "metaal"}, "Wat is een cobot eigenlijk?", intent="vraag_uitleg",
                           requested="tech_robotisering")
    slots, messages = run(tracker)
    assert slots["tech_robotisering"] is None
    assert slots["requested_slot"] == "sector" or slots.get("requested_slot") in ("medewerkers", "tech_robotisering")
    assert "robotarm" in texts(messages)


def test_why_question_gets_the_reason_of_the_open_question(service_down):
    tracker = make_tracker(dict(list(SCAN_ANSWERS.items())[:4]), "waarom wil je dat weten?",
                           intent="vraag_waarom", requested="tech_automatisering")
    slots, messages = run(tracker)
    assert slots["tech_automatisering"] is None
    assert slots["requested_slot"] == "tech_automatisering"
    assert "Automatisering is een van de grootste hefbomen" in texts(messages)


def test_terug_reopens_the_previous_question(service_down):
    known = dict(list(SCAN_ANSWERS.items())[:5])
    slots, messages = run(make_tracker(known, "terug", intent="terug", requested="tech_robotisering"))
    assert slots["tech_automatisering"] is None
    assert slots["requested_slot"] == "tech_automatisering"
    assert "vorige vraag" in texts(messages)


def test_opnieuw_clears_every_answer(service_down):
    known = dict(list(SCAN_ANSWERS.items())[:5])
    slots, _ = run(make_tracker(known, "opnieuw beginnen", intent="opnieuw", requested="tech_robotisering"))
    assert all(slots[q] is None for q in known)
    assert slots["requested_slot"] == "sector"


def test_result_after_the_last_scan_question_is_stored(service_up):
    tracker = make_tracker(SCAN_ANSWERS, "robotisering,automatisering", requested="interesse",
                           metadata={"utm_source": "linkedin"})
    tracker.slots["campagne"] = {"utm_source": "linkedin", "site": "brabant-maakt-slimmer"}
    slots, messages = run(tracker)
    [result] = customs(messages, "result")
    expected = scoring.score(SCAN_ANSWERS)
    assert result["scores"] == expected.scores and result["level"] == expected.level == "volger"
    assert result["report_url"].startswith(service_up + "/rapport/")
    assert slots["requested_slot"] == "nieuwe_inzichten"
    stored = urllib.request.Request(f"{service_up}/api/v1/assessments/{result['assessment_id']}",
                                    headers={"Authorization": f"Bearer {os.environ['BOT_TOKEN']}"})  # the bot's read
    with urllib.request.urlopen(stored) as response:
        stored = json.loads(response.read())
    assert stored["level"] == "volger"
    assert "contact_email" not in json.dumps(stored)
    with urllib.request.urlopen(result["report_url"]) as page:
        assert page.status == 200


def test_result_is_shown_and_kept_when_the_web_service_is_down(service_down):
    _, messages = run(make_tracker(SCAN_ANSWERS, "robotisering", requested="interesse"))
    assert customs(messages, "result")
    assert "lukt even niet" in texts(messages)
    queued = [json.loads(line) for line in service_down.read_text().splitlines()]
    assert queued[0]["path"].startswith("/api/v1/assessments/")
    assert queued[0]["body"]["answers"]["interesse"] == ["robotisering"]


@pytest.mark.parametrize("bereid, status", [("ja", "eligible"), ("misschien", "check_needed"), ("nee", "not_eligible")])
def test_eligibility_outcome_after_its_questions(service_up, bereid, status):
    known = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja",
             "eerder_traject": "nee", "ontvangen_steun": "nee"}
    tracker = make_tracker(known, bereid, requested="bereid_plan")
    tracker.slots["resultaat"] = scoring.score(known).to_dict()
    slots, messages = run(tracker)
    [outcome] = customs(messages, "eligibility")
    assert outcome["status"] == status
    if status == "not_eligible":
        assert slots["requested_slot"] is None
        assert "intermediair" not in slots
    else:
        assert slots["requested_slot"] == "toestemming"
        assert slots["intermediair"]["id"] == "brabant-maakt-slimmer"


def test_without_the_web_service_the_programme_office_is_named_not_a_guess(service_down):
    """Routing is the web service's decision; the bot never routes over its own copy of the registry."""
    known = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja",
             "eerder_traject": "nee", "ontvangen_steun": "nee"}
    tracker = make_tracker(known, "ja", requested="bereid_plan")
    tracker.slots["resultaat"] = scoring.score(known).to_dict()
    slots, _ = run(tracker)
    assert slots["requested_slot"] == "toestemming"
    assert slots["intermediair"] == {"id": "programmabureau", "name": "het Mkb-Booster-programmabureau"}


def test_the_next_question_is_asked_in_the_same_call_with_its_payload(service_down):
    slots, messages = run(make_tracker({}, "metaal", requested="sector"))
    [question] = customs(messages, "question")
    assert question["question_id"] == slots["requested_slot"] == "medewerkers"
    assert question["progress"]["current"] == 2
    assert messages.index(next(m for m in messages if m.get("custom", {}).get("type") == "question")) > 0


def test_an_unclear_answer_asks_the_same_question_again(service_down):
    _, messages = run(make_tracker({"sector": "metaal"}, "blauw", requested="medewerkers"))
    assert [q["question_id"] for q in customs(messages, "question")] == ["medewerkers"]


def test_the_last_answer_ends_the_form_without_asking(service_down):
    answered = {**SCAN_ANSWERS, "interesse": "geen", "nieuwe_inzichten": "ja",
                "assessment_id": "c" * 32, "report_token": "v" * 30}
    slots, messages = run(make_tracker(answered, "nee", requested="wil_contact"))
    assert slots["wil_contact"] == "nee"
    assert "requested_slot" in slots and slots["requested_slot"] is None
    assert customs(messages, "question") == []


def test_several_facts_in_one_message_are_taken_and_not_asked_again(service_down):
    slots, messages = run(make_tracker({}, "we zijn een metaalbedrijfje met een man of 25 in de buurt van Deventer",
                                       requested="sector"))
    assert (slots["sector"], slots["medewerkers"], slots["regio"]) == ("metaal", 25, "overijssel")
    assert slots["requested_slot"] == "jaaromzet"
    assert "Genoteerd: Metaal en metaalbewerking, 25 medewerkers, Overijssel (Deventer)." in texts(messages)
    assert slots["plaats"] == "Deventer"
    assert slots["eigen_woorden"]["sector"].startswith("we zijn een metaalbedrijfje")
    [question] = customs(messages, "question")
    assert question["progress"]["current"] == 4   # three answered at once


def test_a_value_near_a_threshold_is_asked_as_a_confirmation(service_down):
    slots, messages = run(make_tracker({"sector": "metaal"}, "249, de 250ste begint volgende maand",
                                       requested="medewerkers"))
    assert slots["medewerkers"] is None and slots["requested_slot"] == "medewerkers"
    [question] = customs(messages, "question")
    assert question["confirm"] is True and question["proposed"] == 249
    assert messages[0]["buttons"][0] == {"title": "Ja, dat klopt", "payload": "ja"}
    confirmed = make_tracker({"sector": "metaal"}, "ja, dat klopt", requested="medewerkers")
    confirmed.slots["voorstellen"] = slots["voorstellen"]
    slots, _ = run(confirmed)
    assert slots["medewerkers"] == 249 and slots["voorstellen"] is None


def test_a_correction_is_never_stored_as_the_answer_to_the_open_question(service_down):
    tracker = make_tracker({"sector": "machinebouw", "medewerkers": 130}, "Correctie: dat moet 30 zijn.",
                           requested="jaaromzet")
    tracker.slots["laatst"] = ["medewerkers"]
    slots, messages = run(tracker)
    assert slots["medewerkers"] == 30 and slots["jaaromzet"] is None
    assert slots["requested_slot"] == "jaaromzet"
    assert "Aangepast: 30 medewerkers." in texts(messages)


def test_remarks_for_the_adviser_are_kept_with_the_contact_details(service_down):
    known = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja",
             "eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja", "toestemming": "ja",
             "bedrijfsnaam": "Verhoeven B.V.", "kvk_nummer": "12345678", "contact_naam": "Jan",
             "contact_email": "jan@verhoeven.example"}
    slots, _ = run(make_tracker(known, "06 12345678, liefst na 4 uur", requested="contact_telefoon"))
    assert slots["contact_telefoon"] == "06 12345678"
    assert slots["opmerkingen"] == ["liefst na 4 uur"]


def test_a_scan_with_only_dont_knows_says_so_and_goes_on(service_up):
    """Every scored question answered 'weet ik niet': no level can be given. The owner is told so in
    plain Dutch, nothing is scored wrongly, and the conversation goes on (no stack trace)."""
    unknown = {q: ("weet_niet" if q.startswith(("tech_", "org_", "bm_")) else v) for q, v in SCAN_ANSWERS.items()}
    slots, messages = run(make_tracker(unknown, "robotisering", requested="interesse"))
    assert not customs(messages, "result")
    assert "weet ik niet" in texts(messages) and "uitkomst" in texts(messages)
    assert slots["requested_slot"] == "nieuwe_inzichten"
    stored = urllib.request.Request(f"{service_up}/api/v1/assessments/{slots['assessment_id']}",
                                    headers={"Authorization": f"Bearer {os.environ['BOT_TOKEN']}"})
    with urllib.request.urlopen(stored) as response:
        assert json.loads(response.read())["level"] is None
