"""The bot's side of issue 12 with real trackers and the real web service: the owner's own words go
with the lead (after consent), a re-scan from an adviser's invitation names who invited, asks only
whether to share the new result, and with a yes attaches it to the lead; the closing texts."""
import asyncio
import json
import sqlite3
import urllib.request
import uuid

from action_trackers import DOMAIN, SCAN_ANSWERS, make_tracker
from conftest import BOT_TOKEN
from rasa_sdk.executor import CollectingDispatcher

from actions.flow import ActionAfronden, ActionBeantwoordVraag, ActionWelkom
from actions.scan_form import ValidateScanForm
from bot import conversation
from bot.questionnaire import load

ELIGIBLE = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja",
            "eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja"}
CONTACT = {"bedrijfsnaam": "Draaierij Test B.V.", "kvk_nummer": "17452386", "contact_naam": "Ria Test",
           "contact_email": "ria@draaierij-test.example", "contact_telefoon": "0570123456"}


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, dispatcher.messages


def texts(messages):
    return "\n".join(m["text"] for m in messages if m.get("text"))


def put(base: str, path: str, body: dict, method: str = "PUT") -> dict:
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {BOT_TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def rows(db, query: str, *args):
    with sqlite3.connect(db) as connection:
        return connection.execute(query, args).fetchall()


def stored_assessment(base: str, answers: dict) -> tuple[str, str]:
    """The scan as the actions store it, with the routing preview they ask for before consent."""
    assessment_id, token = uuid.uuid4().hex, uuid.uuid4().hex
    put(base, f"/api/v1/assessments/{assessment_id}", {
        "conversation_id": f"conv-{assessment_id}", "report_token": token, "questionnaire_version": load().version,
        "answers": answers, "campaign": {}})
    if answers.get("bereid_plan"):
        put(base, "/api/v1/routing/preview", {"assessment_id": assessment_id}, method="POST")
    return assessment_id, token


def a_lead_with_an_invitation(base: str, db) -> tuple[str, str, str]:
    """A lead of Brabant Maakt Slimmer (through the API) and an adviser's invitation for it (as the portal
    stores one); returns (lead id, its first report token, the invitation token)."""
    assessment_id, report_token = stored_assessment(base, ELIGIBLE)
    lead_id = uuid.uuid4().hex
    put(base, f"/api/v1/leads/{lead_id}", {
        "assessment_id": assessment_id, "intermediary_id": "brabant-maakt-slimmer", "contact": CONTACT,
        "consent": {"given": True, "text_version": load().consent_version, "at": "2026-03-01T10:00:00+00:00"}})
    invitation = uuid.uuid4().hex
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO rescan_invitations (token, lead_id, intermediary_id, created_by, created_at, expires_at, "
            "status, attempts, next_attempt_at) VALUES (?, ?, 'brabant-maakt-slimmer', 'gebruiker:test', "
            "'2026-03-01 10:00:00.000000', '2099-01-01 00:00:00.000000', 'bezorgd', 1, '2026-03-01 10:00:00.000000')",
            (invitation, lead_id))
    return lead_id, report_token, invitation


def test_the_owners_own_words_go_with_the_lead_and_contact_questions_do_not(service_up, web_db):
    assessment_id, token = stored_assessment(service_up, ELIGIBLE)
    tracker = make_tracker({**ELIGIBLE, "toestemming": "ja", **CONTACT}, "0570123456")
    tracker.slots.update({
        "assessment_id": assessment_id, "report_token": token, "report_url": f"{service_up}/rapport/{token}",
        "geschiktheid": {"status": "eligible", "reasons": []},
        "intermediair": {"id": "brabant-maakt-slimmer", "name": "Brabant Maakt Slimmer"},
        "eigen_woorden": {"regio": "Eindhoven", "tech_robotisering": "sinds vorig jaar één lasrobot",
                          "contact_email": "ria@draaierij-test.example", "bestaat_niet": "x"},
        "opmerkingen": ["liefst na 4 uur bellen", "  "], "plaats": "Eindhoven"})
    slots, messages = run(ActionAfronden(), tracker)
    [(texts_json, remarks_json, place)] = rows(
        web_db, "SELECT answer_texts, remarks, place FROM lead_details WHERE lead_id = ?", slots["lead_id"])
    assert json.loads(texts_json) == {"regio": "Eindhoven", "tech_robotisering": "sinds vorig jaar één lasrobot"}
    assert json.loads(remarks_json) == ["liefst na 4 uur bellen"] and place == "Eindhoven"
    [said] = [m["text"] for m in messages if m.get("text")]
    assert said.startswith("Dank je wel! Ik heb je gegevens doorgegeven aan Brabant Maakt Slimmer. Een adviseur van "
                           "die organisatie neemt binnen enkele werkdagen contact met je op.")
    assert said.endswith(f"staat ook wat er is doorgegeven.\n{service_up}/rapport/{token}")


def test_without_consent_nothing_of_what_was_said_leaves_the_bot(service_up, web_db):
    before = rows(web_db, "SELECT COUNT(*) FROM lead_details")
    tracker = make_tracker({**ELIGIBLE, "toestemming": "nee"}, "nee")
    tracker.slots.update({"geschiktheid": {"status": "eligible", "reasons": []},
                          "eigen_woorden": {"regio": "Eindhoven"}, "opmerkingen": ["bel me niet"]})
    run(ActionAfronden(), tracker)
    assert rows(web_db, "SELECT COUNT(*) FROM lead_details") == before


def test_a_rescan_names_who_invited_and_links_to_the_latest_report(service_up, web_db):
    _, first_token, invitation = a_lead_with_an_invitation(service_up, web_db)
    tracker = make_tracker({}, "Hallo", intent="begroeting",
                           metadata={"rescan_invitation": invitation, "site": "brabant-maakt-slimmer"})
    slots, messages = run(ActionWelkom(), tracker)
    assert slots["herscan"] == {"invitation": invitation, "intermediary_id": "brabant-maakt-slimmer",
                                "intermediary_name": "Brabant Maakt Slimmer"}
    assert slots["vorige_rapport"] == first_token
    welcome = texts(messages)
    assert welcome.startswith("Welkom terug bij de scan productie-innovatie! Brabant Maakt Slimmer heeft je "
                              "uitgenodigd om de scan opnieuw te doen")
    assert "zonder jouw ja deel ik niets" in welcome


def test_an_unknown_invitation_is_a_plain_scan(service_up):
    tracker = make_tracker({}, "Hallo", intent="begroeting", metadata={"rescan_invitation": "x" * 32})
    slots, messages = run(ActionWelkom(), tracker)
    assert "herscan" not in slots and texts(messages).startswith("Welkom bij de scan productie-innovatie!")


def rescan_tracker(service_up, web_db):
    lead_id, first_token, invitation = a_lead_with_an_invitation(service_up, web_db)
    herscan = {"invitation": invitation, "intermediary_id": "brabant-maakt-slimmer",
               "intermediary_name": "Brabant Maakt Slimmer"}
    last = make_tracker({k: v for k, v in SCAN_ANSWERS.items()}, "robotisering", requested="interesse")
    last.slots.update({"herscan": herscan, "vorige_rapport": first_token,
                       "assessment_id": uuid.uuid4().hex, "report_token": uuid.uuid4().hex})
    return lead_id, herscan, last


def test_after_the_rescans_result_only_the_share_question_follows(service_up, web_db):
    _, _, last = rescan_tracker(service_up, web_db)
    slots, messages = run(ValidateScanForm(), last)
    assert [m["custom"]["type"] for m in messages if m.get("custom")] == ["result", "question"]
    assert slots["requested_slot"] == conversation.RESCAN_CONSENT
    # The re-scan is stored linked to the earlier scan: its report shows the change.
    with urllib.request.urlopen(f"{service_up}/rapport/{last.slots['report_token']}") as page:
        assert "Wat is er veranderd sinds je vorige scan?" in page.read().decode()
    assert conversation.RESCAN not in json.dumps(rows(web_db, "SELECT answers FROM assessments WHERE id = ?",
                                                       last.slots["assessment_id"]))


def test_with_a_yes_the_rescan_joins_the_lead_once(service_up, web_db):
    lead_id, herscan, last = rescan_tracker(service_up, web_db)
    run(ValidateScanForm(), last)
    done = make_tracker({**SCAN_ANSWERS, "interesse": ["robotisering"], conversation.RESCAN_CONSENT: "ja"}, "ja")
    done.slots.update({k: last.slots[k] for k in ("assessment_id", "report_token")})
    done.slots.update({"herscan": herscan, "report_url": f"{service_up}/rapport/{last.slots['report_token']}"})
    _, messages = run(ActionAfronden(), done)
    run(ActionAfronden(), done)  # repeated: still one
    assert rows(web_db, "SELECT lead_id, assessment_id FROM lead_rescans WHERE lead_id = ?", lead_id) == [
        (lead_id, last.slots["assessment_id"])]
    said = texts(messages)
    assert said.startswith("Dank je wel! Ik heb je nieuwe uitkomst gedeeld met Brabant Maakt Slimmer.")
    assert [m["custom"]["type"] for m in messages if m.get("custom")] == ["end"]


def test_with_a_no_nothing_is_shared(service_up, web_db):
    lead_id, herscan, last = rescan_tracker(service_up, web_db)
    run(ValidateScanForm(), last)
    done = make_tracker({**SCAN_ANSWERS, "interesse": ["robotisering"], conversation.RESCAN_CONSENT: "nee"}, "nee")
    done.slots.update({"herscan": herscan, "assessment_id": last.slots["assessment_id"]})
    _, messages = run(ActionAfronden(), done)
    assert rows(web_db, "SELECT COUNT(*) FROM lead_rescans WHERE lead_id = ?", lead_id) == [(0,)]
    assert "Prima, dan deel ik niets." in texts(messages)


def test_after_the_end_the_reply_reads_cleanly(service_down):
    tracker = make_tracker({**ELIGIBLE, "wil_contact": "nee"}, "dank je", intent="afscheid")
    tracker.slots["report_url"] = "http://127.0.0.1:8000/rapport/abc"
    _, messages = run(ActionBeantwoordVraag(), tracker)
    assert messages[-1]["text"] == ("Dit gesprek is afgerond. Typ 'opnieuw beginnen' als je de scan nog eens wilt "
                                    "doen. Je rapport blijft beschikbaar via de link hieronder.\n"
                                    "http://127.0.0.1:8000/rapport/abc")
    assert "  " not in texts(messages) and " \n" not in texts(messages)
