"""The conversation's fixed steps: welcome, restart, answers outside the scan, and the close."""
from __future__ import annotations

import uuid
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import analytics, records, state
from actions.scan_form import utter
from bot import chat_messages, conversation, eligibility
from bot.side_answers import SIDE_INTENTS, side_answer

INTRO = ("Ik ben een geautomatiseerde assistent (geen mens). In ongeveer 10 minuten stel ik je vragen over "
         "technologie, organisatie en businessmodel van je maakbedrijf. Je krijgt meteen je uitkomst, met concrete "
         "volgende stappen en een rapport om te bewaren.")
HELP = ("Je kunt altijd vragen waarom ik iets vraag, wat een begrip betekent, 'terug' zeggen of "
        "'opnieuw beginnen'. Liever een mens spreken? Vraag het gerust.")
WELCOME = (f"Welkom bij de scan productie-innovatie! {INTRO} Tot de stap waarin je eventueel contact met een "
           f"adviseur kiest, vraag ik niets persoonlijks.\n{HELP}")
WELCOME_RESCAN = ("Welkom terug bij de scan productie-innovatie! {name} heeft je uitgenodigd om de scan opnieuw te "
                  "doen, zodat jullie zien wat er sinds je vorige scan veranderd is. " + INTRO + " Aan het eind vraag "
                  "ik of je je nieuwe uitkomst met {name} wilt delen; zonder jouw ja deel ik niets.\n" + HELP)
WELCOME_BACK = "Welkom terug! We gaan verder waar je gebleven was."
REFERRAL = {
    "koploper": "Voor koplopers zijn regelingen als de WBSO, de MIT-regeling en fieldlabs een betere route.",
    "default": ("Kijk voor andere regelingen en advies op ondernemersplein.kvk.nl, "
                "of neem contact op met je brancheorganisatie."),
}


def with_report(text: str, url: str | None,
                lead_in: str = "Je rapport blijft beschikbaar via de link hieronder.") -> str:
    """The report link on a line of its own, after a sentence that reads well with or without it:
    the chat widget shows it as a button, other channels as the address."""
    if not url:
        return text
    return f"{text} {lead_in}\n{url}"


def _slots(values: dict[str, Any]) -> list[SlotSet]:
    return [SlotSet(k, v) for k, v in values.items()]


class ActionWelkom(Action):
    def name(self) -> str:
        return "action_welkom"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[Any]:
        events: dict[str, Any] = {}
        campaign = tracker.get_slot("campagne")
        metadata = (tracker.latest_message or {}).get("metadata")
        if not campaign:
            campaign = events["campagne"] = state.campaign_from(metadata)
        if state.previous_report(metadata):
            events["vorige_rapport"] = state.previous_report(metadata)
        invitation = state.rescan_invitation(metadata)
        rescan = await records.rescan_invitation(invitation) if invitation and not tracker.get_slot("herscan") else None
        if rescan:
            events["herscan"] = {k: rescan[k] for k in ("invitation", "intermediary_id", "intermediary_name")}
            if rescan.get("previous_report_token"):
                events["vorige_rapport"] = rescan["previous_report_token"]
        if state.answers(tracker):
            dispatcher.utter_message(text=WELCOME_BACK)
        else:
            dispatcher.utter_message(text=WELCOME_RESCAN.format(name=rescan["intermediary_name"]) if rescan
                                     else WELCOME)
            analytics.send_after([analytics.event(tracker.sender_id, "started", **campaign)])
        if not tracker.get_slot("assessment_id"):
            events.update(state.new_ids())
        return _slots(events)


class ActionOpnieuw(Action):
    def name(self) -> str:
        return "action_opnieuw"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[Any]:
        dispatcher.utter_message(text="Prima, we beginnen met een nieuwe scan.")
        return _slots(state.fresh_scan())


class ActionBeantwoordVraag(Action):
    """Answers messages outside the scan (after the end), so nobody is left without a reply."""

    def name(self) -> str:
        return "action_beantwoord_vraag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[Any]:
        name, _ = state.intent(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        if name in SIDE_INTENTS:
            dispatcher.utter_message(text=side_answer(name, text, None, entity=state.entity(tracker, "term")))
        closing = "Dit gesprek is afgerond. Typ 'opnieuw beginnen' als je de scan nog eens wilt doen."
        dispatcher.utter_message(text=with_report(closing, tracker.get_slot("report_url")))
        return []


class ActionAfronden(Action):
    """Closes the conversation: hand-off with consent, or a polite end with the report link."""

    def name(self) -> str:
        return "action_afronden"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[Any]:
        known = state.answers(tracker)
        url = tracker.get_slot("report_url")
        events: dict[str, Any] = {"gesprek_afgerond": True}
        outcome = tracker.get_slot("geschiktheid") or {}
        rescan = tracker.get_slot("herscan")
        if rescan and known.get(conversation.RESCAN_CONSENT) is not None:
            dispatcher.utter_message(text=with_report(await self.share(tracker, known, rescan), url))
        elif known.get("wil_contact") != "ja":
            dispatcher.utter_message(text=with_report("Helemaal goed. Dank je wel voor het doen van de scan!", url))
        elif outcome.get("status") == eligibility.NOT_ELIGIBLE:
            codes = {r["code"] for r in outcome.get("reasons", [])}
            referral = REFERRAL["koploper"] if codes == {"koploper"} else REFERRAL["default"]
            dispatcher.utter_message(text=with_report(
                f"Daarom kan ik je niet doorverwijzen naar het programma. {referral}", url))
        elif known.get(conversation.CONSENT) != "ja":
            dispatcher.utter_message(text=with_report(
                "Prima, dan geef ik niets door. Bedenk je je later, doe dan gerust de scan opnieuw.", url))
        else:
            events.update(await self.hand_over(dispatcher, tracker, known))
        utter(dispatcher, [chat_messages.end_message()])
        emitted = [analytics.event(tracker.sender_id, "end")]
        if events.get("lead_id"):
            emitted.insert(0, analytics.event(tracker.sender_id, "handover",
                                              intermediary_id=events["intermediair"]["id"]))
        analytics.send_after(emitted)
        return _slots(events)

    @staticmethod
    async def share(tracker: Tracker, known: dict[str, Any], rescan: dict[str, Any]) -> str:
        """A re-scan: with the owner's yes, the new result goes to the adviser who invited them."""
        name = rescan.get("intermediary_name") or "je adviseur"
        if known.get(conversation.RESCAN_CONSENT) != "ja":
            return "Prima, dan deel ik niets. Je nieuwe uitkomst staat alleen in je eigen rapport."
        outcome = await records.share_rescan(rescan["invitation"], tracker.get_slot("assessment_id"))
        if outcome == "gedeeld":
            return (f"Dank je wel! Ik heb je nieuwe uitkomst gedeeld met {name}. Je adviseur ziet nu per onderdeel "
                    f"wat er sinds je vorige scan veranderd is.")
        if outcome == "wacht":
            return (f"Dank je wel! Het delen met {name} lukt op dit moment niet direct, maar het gebeurt "
                    f"automatisch zodra het weer kan.")
        return (f"Het delen met {name} lukte helaas niet: de uitnodiging is misschien verlopen. Vraag je adviseur "
                f"om een nieuwe uitnodiging, of stuur je rapport zelf door.")

    async def hand_over(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                        known: dict[str, Any]) -> dict[str, Any]:
        lead_id = tracker.get_slot("lead_id") or uuid.uuid4().hex
        contact = {k: known.get(k) for k in conversation.CONTACT}
        intermediary, delivered = await records.hand_over(
            lead_id, tracker.get_slot("assessment_id"), tracker.get_slot("intermediair") or {}, contact,
            state.owner_words(tracker))
        text = (f"Dank je wel! Ik heb je gegevens doorgegeven aan {intermediary['name']}. Een adviseur van die "
                f"organisatie neemt binnen enkele werkdagen contact met je op.")
        if not delivered:
            text = (f"Dank je wel! Het doorgeven aan {intermediary['name']} lukt op dit moment niet direct, "
                    f"maar je gegevens zijn veilig bewaard en worden automatisch doorgegeven zodra het weer kan.")
        shown = "In je rapport, via de link hieronder, staat ook wat er is doorgegeven."
        dispatcher.utter_message(text=with_report(text, tracker.get_slot("report_url"), shown))
        utter(dispatcher, [{"custom": {"type": "handover", "lead_id": lead_id,
                                       "intermediary_id": intermediary["id"],
                                       "intermediary_name": intermediary["name"]}}])
        return {"lead_id": lead_id, "intermediair": intermediary}
