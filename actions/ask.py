"""One `action_ask_<question id>` per question: the question text, its buttons and the question payload."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import analytics, state
from actions.scan_form import utter
from bot import chat_messages, conversation
from bot.questionnaire import load


class AskQuestion(Action):
    """Asks `question_id`; subclasses below set it, one per question of the questionnaire."""
    question_id = ""

    def name(self) -> str:
        return f"action_ask_{self.question_id}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[Any]:
        known = state.answers(tracker, without=self.question_id)
        context = {}
        if self.question_id == conversation.CONSENT:
            intermediary = tracker.get_slot("intermediair") or {}
            context["intermediary_name"] = intermediary.get("name", "een gekwalificeerde adviesorganisatie")
            utter(dispatcher, [chat_messages.handover_summary(context["intermediary_name"], known)])
        utter(dispatcher, chat_messages.question_messages(self.question_id, known, context))
        await analytics.send([analytics.asked(tracker.sender_id, self.question_id)])
        return []


for _question_id in load().questions:
    type(f"Ask_{_question_id}", (AskQuestion,), {"question_id": _question_id})
