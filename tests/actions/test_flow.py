"""Welcome, close and hand-off actions with real trackers and the real web service."""
import asyncio
import json
import sqlite3

from action_trackers import DOMAIN, SCAN_ANSWERS, make_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import analytics, webservice
from actions.flow import ActionAfronden, ActionWelkom
from actions.scan_form import ValidateScanForm
from actions.settings import get_settings
from bot import scoring

CONTACT = {"bedrijfsnaam": "Lasbedrijf Test B.V.", "kvk_nummer": "17452386", "contact_naam": "Ruud Test",
           "contact_email": "ruud@lasbedrijf-test.example", "contact_telefoon": "0402871934"}


def run(action, tracker):
    """One action call, and what the action server then sends on its own (its loop lives on)."""
    dispatcher = CollectingDispatcher()

    async def call():
        events = await action.run(dispatcher, tracker, DOMAIN)
        await analytics.drain()
        return events

    events = asyncio.run(call())
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, dispatcher.messages


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


def customs(messages, kind):
    return [m["custom"] for m in messages if (m.get("custom") or {}).get("type") == kind]


def test_welcome_says_what_it_is_and_keeps_only_campaign_metadata(service_down):
    tracker = make_tracker({}, "Hallo", intent="begroeting",
                           metadata={"utm_source": "linkedin", "site": "brabant-maakt-slimmer", "email": "x@y.nl"})
    slots, messages = run(ActionWelkom(), tracker)
    welcome = texts(messages)
    assert "geautomatiseerde assistent" in welcome and "10 minuten" in welcome and "niets persoonlijks" in welcome
    assert slots["campagne"] == {"utm_source": "linkedin", "site": "brabant-maakt-slimmer"}
    assert len(slots["assessment_id"]) == 32 and len(slots["report_token"]) >= 20


def eligible_tracker(**extra):
    known = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "ja", "wil_contact": "ja",
             "eerder_traject": "nee", "ontvangen_steun": "nee", "bereid_plan": "ja", **extra}
    return known


def finish_scan(tracker):
    """Run the form's last step so the assessment exists in the web service."""
    run(ValidateScanForm(), tracker)


def test_no_contact_ends_politely_with_the_report_link(service_down):
    known = {**SCAN_ANSWERS, "interesse": ["robotisering"], "nieuwe_inzichten": "nee", "wil_contact": "nee"}
    tracker = make_tracker(known, "nee")
    tracker.slots["report_url"] = "http://127.0.0.1:8000/rapport/abc"
    slots, messages = run(ActionAfronden(), tracker)
    assert "rapport/abc" in texts(messages)
    assert customs(messages, "end") and not customs(messages, "handover")
    assert slots["gesprek_afgerond"] is True


def test_not_eligible_frontrunner_gets_a_referral(service_down):
    tracker = make_tracker(eligible_tracker(), "ja")
    tracker.slots["geschiktheid"] = {"status": "not_eligible", "reasons": [{"code": "koploper", "text": "..."}]}
    _, messages = run(ActionAfronden(), tracker)
    assert "WBSO" in texts(messages) and customs(messages, "end") and not customs(messages, "handover")


def test_consent_no_hands_nothing_over(service_down):
    tracker = make_tracker(eligible_tracker(toestemming="nee"), "nee")
    tracker.slots["geschiktheid"] = {"status": "eligible", "reasons": []}
    _, messages = run(ActionAfronden(), tracker)
    assert "niets door" in texts(messages) and not customs(messages, "handover")


def stored_leads(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("select id, intermediary_id, contact from leads").fetchall()


def scan_then_hand_over(tracker_slots):
    scan = make_tracker(SCAN_ANSWERS, "robotisering", requested="interesse")
    scan.slots.update(tracker_slots)
    slots, _ = run(ValidateScanForm(), scan)
    known = eligible_tracker(toestemming="ja", **CONTACT)
    tracker = make_tracker(known, "0402871934")
    kept = {k: v for k, v in slots.items() if k in ("assessment_id", "report_token")}
    tracker.slots.update({**tracker_slots, **kept})
    tracker.slots["geschiktheid"] = {"status": "eligible", "reasons": []}
    tracker.slots["intermediair"] = {"id": "brabant-maakt-slimmer", "name": "Brabant Maakt Slimmer"}
    return tracker


def test_hand_off_stores_the_lead_with_the_named_intermediary(service_up, web_db):
    tracker = scan_then_hand_over({"assessment_id": "a" * 32, "report_token": "t" * 30})
    # the eligibility answers must be stored with the assessment before a lead is accepted
    elig = make_tracker(eligible_tracker(), "ja", requested="bereid_plan")
    elig.slots.update({"assessment_id": "a" * 32, "report_token": "t" * 30,
                       "resultaat": scoring.score(SCAN_ANSWERS).to_dict()})
    run(ValidateScanForm(), elig)
    _, messages = run(ActionAfronden(), tracker)
    [handover] = customs(messages, "handover")
    assert handover["intermediary_id"] == "brabant-maakt-slimmer"
    assert "doorgegeven aan Brabant Maakt Slimmer" in texts(messages)
    leads = [row for row in stored_leads(web_db) if row[0] == handover["lead_id"]]
    assert len(leads) == 1 and json.loads(leads[0][2])["contact_email"] == CONTACT["contact_email"]


def hand_off_while_down(ids: dict) -> tuple[dict, list]:
    """A whole hand-off (eligibility answers, then consent) while the web service is down."""
    tracker = scan_then_hand_over(ids)
    elig = make_tracker(eligible_tracker(), "ja", requested="bereid_plan")
    elig.slots.update({**ids, "resultaat": scoring.score(SCAN_ANSWERS).to_dict()})
    run(ValidateScanForm(), elig)
    _, messages = run(ActionAfronden(), tracker)
    [handover] = customs(messages, "handover")
    return handover, messages


def test_hand_off_while_the_service_is_down_is_queued_and_delivered_once(service_down, web_service, web_db,
                                                                         monkeypatch):
    handover, messages = hand_off_while_down({"assessment_id": "b" * 32, "report_token": "u" * 30})
    assert "lukt op dit moment niet direct" in texts(messages)
    queued = service_down.read_text()
    assert handover["lead_id"] in queued
    # the service comes back: the next write flushes the outbox, the lead is stored once
    monkeypatch.setenv("WEB_URL", web_service[0])
    get_settings.cache_clear()  # the action server reads its settings once: again, as after a restart
    run(ValidateScanForm(), make_tracker({}, "metaal", requested="sector"))
    run(ValidateScanForm(), make_tracker({}, "metaal", requested="sector"))
    assert [row[0] for row in stored_leads(web_db)].count(handover["lead_id"]) == 1
    assert not service_down.exists() or handover["lead_id"] not in service_down.read_text()


def test_a_queued_lead_is_delivered_by_the_flusher_without_any_new_write(service_down, web_service, web_db,
                                                                         monkeypatch):
    handover, _ = hand_off_while_down({"assessment_id": "d" * 32, "report_token": "w" * 30})
    assert handover["lead_id"] in service_down.read_text()
    monkeypatch.setenv("WEB_URL", web_service[0])
    monkeypatch.setenv("OUTBOX_FLUSH_S", "0.2")
    get_settings.cache_clear()

    async def server_idles_for_a_second():
        webservice.start_flusher()
        await asyncio.sleep(1.0)

    asyncio.run(server_idles_for_a_second())
    assert not service_down.exists()
    assert [row[0] for row in stored_leads(web_db)].count(handover["lead_id"]) == 1


def test_analytics_events_never_carry_personal_data(service_down):
    for question_id, value in CONTACT.items():
        run(ValidateScanForm(), make_tracker(eligible_tracker(toestemming="ja"), value, requested=question_id))
    queued = service_down.read_text()
    assert "question_answered" in queued
    for value in CONTACT.values():
        assert value not in queued
