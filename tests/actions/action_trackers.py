"""Builds rasa-sdk trackers as Rasa sends them to the action server."""
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.types import DomainDict

from bot.questionnaire import load

# The domain the action server passes to an action: what these actions read of it.
DOMAIN: DomainDict = {"forms": {"scan_form": {"required_slots": []}}, "slots": {}}


def make_tracker(slots: dict, text: str | None = None, intent: str = "antwoord", confidence: float = 0.95,
                 requested: str | None = None, metadata: dict | None = None, entities=None) -> Tracker:
    """A tracker as Rasa sends it to the form's validation action: the answer as slot candidate last."""
    all_slots: dict[str, Any] = {q: None for q in load().questions}
    all_slots.update({"requested_slot": requested, "campagne": None, "assessment_id": None,
                      "report_token": None, "report_url": None, "resultaat": None, "geschiktheid": None,
                      "intermediair": None, "lead_id": None, "gesprek_afgerond": None})
    all_slots.update(slots)
    message = {"text": text, "intent": {"name": intent, "confidence": confidence},
               "entities": entities or [], "metadata": metadata or {}}
    events = [{"event": "user", "text": text}, {"event": "slot", "name": "requested_slot", "value": requested},
              {"event": "action", "name": "scan_form"}]
    if requested and text is not None:
        all_slots[requested] = text
        events.append({"event": "slot", "name": requested, "value": text})
    return Tracker("test-conversation", all_slots, message, events, False, None,
                   {"name": "scan_form"}, "action_listen")


SCAN_ANSWERS = {
    "sector": "metaal", "medewerkers": 45, "jaaromzet": 6_500_000, "regio": "noord-brabant",
    "tech_automatisering": "2", "tech_robotisering": "2", "tech_digitalisering": "1", "tech_implementatie": "3",
    "org_bewustzijn": "3", "org_cultuur": "2", "org_capaciteit": "1", "org_vaardigheden": "2",
    "org_samenwerking": "3", "org_strategie": "2", "bm_financiering": "3", "bm_innovatiebudget": "2",
    "bm_rendement": "3", "bm_ketenpositie": "2", "bm_businesscase": "2", "knelpunten": ["capaciteit", "kennis"],
}
