"""Reads the conversation state (answers, campaign, ids) from a Rasa tracker as plain data."""
from __future__ import annotations

import secrets
import uuid
from typing import Any

from rasa_sdk import Tracker

from bot import contract, conversation, dialogue
from bot.questionnaire import load

CAMPAIGN_KEYS = contract.CAMPAIGN_KEYS
DERIVED_SLOTS = ("resultaat", "geschiktheid", "intermediair")
PERSONAL = contract.PERSONAL
NOT_STORED = PERSONAL | {conversation.CONSENT, conversation.RESCAN, conversation.RESCAN_CONSENT}
RESCAN_SLOT = "herscan"
MAX_OWN_WORDS = 500
MAX_REMARKS = 10
MAX_PLACE = 120


def answers(tracker: Tracker, without: str | None = None) -> dict[str, Any]:
    """Question id -> answer for every answered question (the slot being asked left out), plus
    conversation.RESCAN when the owner redoes the scan at an adviser's invitation (it decides the path)."""
    found = {qid: tracker.get_slot(qid) for qid in load().questions
             if qid != without and tracker.get_slot(qid) is not None}
    if tracker.get_slot(RESCAN_SLOT):
        found[conversation.RESCAN] = True
    return found


def assessment_answers(all_answers: dict[str, Any]) -> dict[str, Any]:
    """The answers stored with the anonymous assessment: never contact data, consent or the re-scan marker."""
    return {k: v for k, v in all_answers.items() if k not in NOT_STORED}


def owner_words(tracker: Tracker) -> dict[str, Any]:
    """What the owner said beyond the option labels, as the lead PUT takes it (answer_texts, remarks,
    place): only answers of the scan and its follow-up (contact data has its own fields), within limits."""
    q = load()
    typed = tracker.get_slot("eigen_woorden") or {}
    texts = {qid: str(words).strip()[:MAX_OWN_WORDS] for qid, words in typed.items()
             if qid in q.questions and q[qid].dimension != "contact" and str(words or "").strip()} \
        if isinstance(typed, dict) else {}
    said = tracker.get_slot("opmerkingen") or []
    remarks = [str(r).strip()[:MAX_OWN_WORDS] for r in said if str(r or "").strip()][-MAX_REMARKS:] \
        if isinstance(said, list) else []
    place = str(tracker.get_slot("plaats") or "").strip()[:MAX_PLACE] or None
    found: dict[str, Any] = {"answer_texts": texts, "remarks": remarks}
    if place:
        found["place"] = place
    return found


def rescan_invitation(metadata: Any) -> str | None:
    """The token of an adviser's re-scan invitation, when the chat was opened from its e-mail."""
    token = metadata.get("rescan_invitation") if isinstance(metadata, dict) else None
    return str(token)[:200] if token else None


def campaign_from(metadata: Any) -> dict[str, str]:
    if not isinstance(metadata, dict):
        return {}
    return {k: str(metadata[k])[:200] for k in CAMPAIGN_KEYS if metadata.get(k)}


def previous_report(metadata: Any) -> str | None:
    """The report token of an earlier scan, when the owner redoes the scan from that report."""
    token = metadata.get("previous_report") if isinstance(metadata, dict) else None
    return str(token)[:200] if token else None


def new_ids() -> dict[str, str]:
    return {"assessment_id": uuid.uuid4().hex, "report_token": secrets.token_urlsafe(24)}


def proposals(tracker: Tracker) -> dict[str, dialogue.Proposal]:
    """Values read but waiting for the owner's "klopt dat?", by question id."""
    raw = tracker.get_slot("voorstellen") or {}
    return {q: dialogue.Proposal.from_dict(p) for q, p in raw.items() if isinstance(p, dict) and q in load().questions}


def intent(tracker: Tracker) -> tuple[str | None, float]:
    found = (tracker.latest_message or {}).get("intent") or {}
    return found.get("name"), float(found.get("confidence") or 0.0)


def entity(tracker: Tracker, name: str) -> str | None:
    for e in (tracker.latest_message or {}).get("entities") or []:
        if e.get("entity") == name:
            return str(e.get("value"))
    return None


def fresh_scan() -> dict[str, Any]:
    """Slot values for a new scan in the same conversation: answers gone, campaign kept."""
    cleared: dict[str, Any] = dict.fromkeys(load().questions)
    cleared.update(dict.fromkeys(DERIVED_SLOTS))
    cleared.update({"report_url": None, "lead_id": None, "gesprek_afgerond": None, "herhaald": None,
                    "voorstellen": None, "laatst": None, "eigen_woorden": None, "opmerkingen": None, "plaats": None})
    cleared.update(new_ids())
    return cleared


def cleared_after(question_id: str) -> dict[str, None]:
    """Derived slots that no longer hold when the answer to question_id is taken back."""
    if question_id in conversation.scan_questions({}) or question_id == "balanstotaal":
        return dict.fromkeys(DERIVED_SLOTS)
    if question_id in conversation.ELIGIBILITY:
        return {"geschiktheid": None, "intermediair": None}
    return {}
