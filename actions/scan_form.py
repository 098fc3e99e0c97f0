"""Validates every answer of the scan form and asks the next question, in one action call.

The form's slots are the question ids. The slot being asked receives the raw text (a
`from_text` mapping); this action decides what it was: a button value, an answer the
interpreter understands with confidence, a side question (answered, then the question is
asked again), "terug", "opnieuw beginnen", or something to ask again with the buttons.
Then it sets `requested_slot` to the next question on the owner's path and asks it, so a
turn costs Rasa one call to the action server instead of two (validate, then ask).
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import analytics, records, state
from bot import answers as interpreter
from bot import chat_messages, conversation, eligibility, next_steps, scoring
from bot.questionnaire import load
from bot.side_answers import NAVIGATION_INTENTS, SIDE_INTENTS, looks_like_question, side_answer

NAVIGATION_CONFIDENCE = 0.7
SIDE_CONFIDENCE = 0.5


def utter(dispatcher: CollectingDispatcher, messages: list[dict]) -> None:
    for m in messages:
        dispatcher.utter_message(text=m.get("text"), buttons=m.get("buttons", []), json_message=m.get("custom"))


class ValidateScanForm(FormValidationAction):
    def name(self) -> str:
        return "validate_scan_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Validates what the owner said, then asks the next question; analytics go out in one request."""
        events: list[dict] = []
        slot_events = await self.validation_events(dispatcher, tracker, events)
        tracker.add_slots(slot_events)
        known = state.answers(tracker)
        next_question = conversation.next_question(known)
        if next_question is not None:
            self.ask(next_question, known, dispatcher, tracker)
            events.append(analytics.asked(tracker.sender_id, next_question))
        analytics.send_after(events)
        return [*slot_events, SlotSet(REQUESTED_SLOT, next_question)]

    async def validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                events: list[dict]) -> list[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        candidates = tracker.slots_to_validate()
        if requested not in candidates or requested not in load().questions:
            return [SlotSet(k, None) for k in candidates if k in load().questions]
        updates = await self.handle(requested, str(candidates[requested] or ""), dispatcher, tracker, events)
        return [SlotSet(k, v) for k, v in updates.items()]

    @staticmethod
    def ask(question_id: str, known: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """The question text, its buttons and the contract's question payload (with progress);
        `known` are the answers so far (the question asked is not among them)."""
        context = {}
        if question_id == conversation.CONSENT:
            intermediary = tracker.get_slot("intermediair") or {}
            context["intermediary_name"] = intermediary.get("name", "een gekwalificeerde adviesorganisatie")
            utter(dispatcher, [chat_messages.handover_summary(context["intermediary_name"], known)])
        utter(dispatcher, chat_messages.question_messages(question_id, known, context))

    async def handle(self, question_id: str, text: str, dispatcher: CollectingDispatcher,
                     tracker: Tracker, events: list[dict]) -> dict[str, Any]:
        known = state.answers(tracker, without=question_id)
        name, confidence = state.intent(tracker)
        reading = interpreter.interpret(question_id, text)
        pressed = load()[question_id].option_for(text) is not None

        if not pressed and name in NAVIGATION_INTENTS and confidence >= NAVIGATION_CONFIDENCE \
                and reading.value is None:
            return self.navigate(name, question_id, known, dispatcher)
        side = name in SIDE_INTENTS and confidence >= SIDE_CONFIDENCE
        question_like = looks_like_question(text)
        if not pressed and ((side and (reading.value is None or question_like))
                            or (question_like and reading.value is None)):
            return self.answer_aside(name if side else "vraag_uitleg", text, question_id, known,
                                     dispatcher, tracker)
        repeated = list(tracker.get_slot("herhaald") or [])
        if reading.value is None:
            utter(dispatcher, [chat_messages.not_understood_message(question_id, reading.note)])
            return {question_id: None, "herhaald": sorted({*repeated, question_id})}

        if reading.echo:
            utter(dispatcher, [chat_messages.echo_message(question_id, reading.echo)])
        known[question_id] = reading.value
        updates: dict[str, Any] = {question_id: reading.value}
        events.append(analytics.answered(tracker.sender_id, question_id, question_id not in repeated))
        if question_id in analytics.FOLLOW_UPS:
            events.append(analytics.event(tracker.sender_id, analytics.FOLLOW_UPS[question_id], value=reading.value))
        updates.update(await self.after_answer(question_id, known, dispatcher, tracker, events))
        return updates

    def navigate(self, name: str, question_id: str, known: dict[str, Any],
                 dispatcher: CollectingDispatcher) -> dict[str, Any]:
        if name == "opnieuw":
            dispatcher.utter_message(text="Prima, we beginnen opnieuw. Je eerdere antwoorden zijn gewist.")
            return state.fresh_scan()
        previous = conversation.previous_question(known, question_id)
        if previous is None:
            dispatcher.utter_message(text="Dit is de eerste vraag, verder terug kan niet.")
            return {question_id: None}
        dispatcher.utter_message(text="Geen probleem, we gaan terug naar de vorige vraag.")
        return {question_id: None, previous: None, **state.cleared_after(previous)}

    def answer_aside(self, name: str, text: str, question_id: str, known: dict[str, Any],
                     dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        progress = conversation.progress(known, question_id)
        reply = side_answer(name, text, question_id, minutes_left=conversation.minutes_left(progress),
                            questions_left=progress.remaining, entity=state.entity(tracker, "term"))
        dispatcher.utter_message(text=reply)
        return {question_id: None}

    async def after_answer(self, question_id: str, known: dict[str, Any], dispatcher: CollectingDispatcher,
                           tracker: Tracker, events: list[dict]) -> dict[str, Any]:
        """The steps between questions: the result after the scan, eligibility after its questions."""
        updates: dict[str, Any] = {}
        ids = {"assessment_id": tracker.get_slot("assessment_id"),
               "report_token": tracker.get_slot("report_token")}
        if not ids["assessment_id"] or not ids["report_token"]:
            ids = state.new_ids()
            updates.update(ids)
        scan = conversation.scan_questions(known)
        scan_done = all(known.get(i) is not None for i in scan)
        if not scan_done:
            return updates
        campaign = tracker.get_slot("campagne") or {}
        stored = await records.save_assessment(ids["assessment_id"], tracker.sender_id, ids["report_token"],
                                               state.assessment_answers(known), campaign,
                                               tracker.get_slot("vorige_rapport"))
        result = scoring.score(known)
        url = records.report_url(ids["report_token"])
        if tracker.get_slot("resultaat") is None:
            steps = next_steps.next_steps(known, result)
            utter(dispatcher, chat_messages.result_messages(result, steps, url, ids["assessment_id"], stored))
            updates.update({"resultaat": result.to_dict(), "report_url": url})
            events.append(analytics.result(tracker.sender_id, result.level, result.scores, known))
        if all(known.get(i) is not None for i in conversation.ELIGIBILITY) \
                and tracker.get_slot("geschiktheid") is None:
            outcome = eligibility.check(known, result.level)
            utter(dispatcher, chat_messages.eligibility_messages(outcome))
            updates["geschiktheid"] = outcome.to_dict()
            events.append(analytics.event(tracker.sender_id, "eligibility", status=outcome.status,
                                          reasons=[r.code for r in outcome.reasons]))
            if outcome.status != eligibility.NOT_ELIGIBLE:
                updates["intermediair"] = await records.preview_route(ids["assessment_id"], outcome.status, known)
        return updates
