"""Validates every message of the scan form and asks the next question, in one action call.

The form's slots are the question ids. The slot being asked receives the raw text (a
`from_text` mapping); `bot.dialogue.read` decides what the message does (a confirmation
reply, "terug", a correction, a side question, an answer with facts said in passing) and
this action applies that turn: it stores and clears slots, keeps the proposals that wait for
"klopt dat?", the owner's own words and remarks, says what was taken, and then sets
`requested_slot` to the next question on the owner's path and asks it, so a turn costs Rasa
one call to the action server.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions import analytics, records, state
from bot import chat_messages, conversation, dialogue, eligibility, places
from bot.questionnaire import load
from bot.result import Evaluation, evaluate
from bot.side_answers import side_answer


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
        if requested is None and not state.answers(tracker):
            updates = await self.opening(dispatcher, tracker)
            return [SlotSet(k, v) for k, v in updates.items()]
        if requested not in candidates or requested not in load().questions:
            return [SlotSet(k, None) for k in candidates if k in load().questions]
        updates = await self.handle(requested, str(candidates[requested] or ""), dispatcher, tracker, events)
        return [SlotSet(k, v) for k, v in updates.items()]

    @staticmethod
    def ask(question_id: str, known: dict[str, Any], dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """The question text, its buttons and the contract's question payload (with progress),
        as a "klopt dat?" when a value for it waits to be confirmed; `known` are the answers so far."""
        context = {}
        if question_id == conversation.CONSENT:
            intermediary = tracker.get_slot("intermediair") or {}
            context["intermediary_name"] = intermediary.get("name", "een gekwalificeerde adviesorganisatie")
            utter(dispatcher, [chat_messages.handover_summary(context["intermediary_name"], known)])
        proposal = state.proposals(tracker).get(question_id)
        utter(dispatcher, chat_messages.question_messages(question_id, known, context, proposal=proposal))

    def context(self, question_id: str | None, tracker: Tracker) -> dialogue.Context:
        name, confidence = state.intent(tracker)
        return dialogue.Context(asked=question_id, answers=state.answers(tracker, without=question_id),
                                proposals=state.proposals(tracker), last=tuple(tracker.get_slot("laatst") or ()),
                                repeated=tuple(tracker.get_slot("herhaald") or ()),
                                intent=name, confidence=confidence, today=date.today())

    async def opening(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        """The first message: a side question in it is answered, facts in it are taken."""
        text = (tracker.latest_message or {}).get("text") or ""
        turn = dialogue.read(text, self.context(None, tracker))
        if turn.side:
            dispatcher.utter_message(text=side_answer(turn.side, text, None, entity=state.entity(tracker, "term")))
        return self.apply(turn, None, dispatcher, tracker)

    async def handle(self, question_id: str, text: str, dispatcher: CollectingDispatcher,
                     tracker: Tracker, events: list[dict]) -> dict[str, Any]:
        ctx = self.context(question_id, tracker)
        turn = dialogue.read(text, ctx)
        if turn.kind == "navigate":
            return self.navigate(turn.navigate or "terug", question_id, dict(ctx.answers), dispatcher)
        if turn.kind == "side":
            return self.answer_aside(turn.side or "vraag_uitleg", text, question_id, dict(ctx.answers),
                                     dispatcher, tracker)
        if turn.side:   # a question beside the answer: answered first, then the answer is taken
            dispatcher.utter_message(text=side_answer(turn.side, text, question_id,
                                                      entity=state.entity(tracker, "term")))
        updates = self.apply(turn, question_id, dispatcher, tracker)
        repeated = list(tracker.get_slot("herhaald") or [])
        if question_id in turn.store:
            events.append(analytics.answered(tracker.sender_id, question_id, question_id not in repeated))
            if question_id in analytics.FOLLOW_UPS:
                events.append(analytics.event(tracker.sender_id, analytics.FOLLOW_UPS[question_id],
                                              value=turn.store[question_id]))
        elif turn.kind == "reask":
            updates["herhaald"] = sorted({*repeated, question_id})
        if turn.store or turn.clear:
            known = {**ctx.answers, **{k: v for k, v in updates.items() if k in load().questions}}
            known = {k: v for k, v in known.items() if v is not None}
            updates.update(await self.after_answer(known, updates, dispatcher, tracker, events))
        return updates

    def apply(self, turn: dialogue.Turn, question_id: str | None, dispatcher: CollectingDispatcher,
              tracker: Tracker) -> dict[str, Any]:
        """Slot values for what the turn stores, clears and proposes; says what was taken."""
        for text in turn.say:
            dispatcher.utter_message(text=text)
        if turn.echo:
            utter(dispatcher, [chat_messages.echo_message(", ".join(turn.echo), turn.remarks)])
        updates: dict[str, Any] = {question_id: None} if question_id else {}
        for cleared in turn.clear:
            updates[cleared] = None
            updates.update(state.cleared_after(cleared))
        answered_before = state.answers(tracker, without=question_id)
        for stored, value in turn.store.items():
            updates[stored] = value
            if stored in answered_before:   # a correction: what was derived from it no longer holds
                updates.update(state.cleared_after(stored))
        proposals = {q: p.to_dict() for q, p in state.proposals(tracker).items()
                     if q not in turn.drop and q not in turn.store}
        proposals.update({q: p.to_dict() for q, p in turn.propose.items()})
        updates["voorstellen"] = proposals or None
        updates["laatst"] = turn.taken   # empty when nothing was taken: a correction then has no target
        if turn.words:
            updates["eigen_woorden"] = {**(tracker.get_slot("eigen_woorden") or {}), **turn.words}
        if turn.remarks:
            kept = list(tracker.get_slot("opmerkingen") or [])
            updates["opmerkingen"] = (kept + [r for r in turn.remarks if r not in kept])[-10:]
        if "regio" in turn.store:
            updates["plaats"] = places.town_named(turn.words.get("regio", "")) or None
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

    async def after_answer(self, known: dict[str, Any], updates: dict[str, Any], dispatcher: CollectingDispatcher,
                           tracker: Tracker, events: list[dict]) -> dict[str, Any]:
        """The steps between questions: the result after the scan, eligibility after its questions."""
        def slot(name: str) -> Any:
            return updates[name] if name in updates else tracker.get_slot(name)

        out: dict[str, Any] = {}
        ids = {"assessment_id": tracker.get_slot("assessment_id"),
               "report_token": tracker.get_slot("report_token")}
        if not ids["assessment_id"] or not ids["report_token"]:
            ids = state.new_ids()
            out.update(ids)
        scan = conversation.scan_questions(known)
        if not all(known.get(i) is not None for i in scan):
            return out
        campaign = tracker.get_slot("campagne") or {}
        stored = await records.save_assessment(ids["assessment_id"], tracker.sender_id, ids["report_token"],
                                               state.assessment_answers(known), campaign,
                                               tracker.get_slot("vorige_rapport"))
        # What the web service stored is what the owner sees; our own evaluation only while it waits.
        evaluation = Evaluation.from_stored(stored) if stored else evaluate(known)
        result = evaluation.result
        url = records.report_url(ids["report_token"])
        if slot("resultaat") is None:
            utter(dispatcher, chat_messages.result_messages(result, evaluation.next_steps, url, ids["assessment_id"],
                                                            stored is not None))
            out.update({"resultaat": result.to_dict(), "report_url": url})
            events.append(analytics.result(tracker.sender_id, result.level, result.scores, known))
        if evaluation.eligibility is not None and slot("geschiktheid") is None:
            outcome = eligibility.from_dict(evaluation.eligibility)
            utter(dispatcher, chat_messages.eligibility_messages(outcome))
            out["geschiktheid"] = outcome.to_dict()
            events.append(analytics.event(tracker.sender_id, "eligibility", status=outcome.status,
                                          reasons=[r.code for r in outcome.reasons]))
            if outcome.status != eligibility.NOT_ELIGIBLE:
                out["intermediair"] = await records.preview_route(ids["assessment_id"])
        return out
