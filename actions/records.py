"""Stores assessments and leads in the web service (the outbox keeps what it cannot take yet)."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from actions import webservice
from bot import conversation, routing
from bot.questionnaire import load

log = logging.getLogger(__name__)


def report_url(token: str) -> str:
    return f"{webservice.public_base_url()}/rapport/{token}"


async def save_assessment(assessment_id: str, conversation_id: str, token: str,
                          answers: dict[str, Any], campaign: dict[str, str],
                          previous_report: str | None = None) -> dict[str, Any] | None:
    """The result as the web service stored it (bot/result.py decided it there), or None when the
    write waits in the outbox (the answers are never lost) or was refused."""
    body = {"conversation_id": conversation_id, "report_token": token,
            "questionnaire_version": load().version, "answers": answers, "campaign": campaign}
    if previous_report:
        body["previous_report_token"] = previous_report
    try:
        return await webservice.put(f"/api/v1/assessments/{assessment_id}", body)
    except ValueError as error:
        log.error("assessment %s refused by the web service: %s", assessment_id, error)
        return None


async def preview_route(assessment_id: str) -> dict[str, str]:
    """The intermediary the web service decided on, named before consent. The decision is the service's
    alone: when it cannot be asked, the programme office is named, which the service accepts for any
    eligible owner and passes on."""
    found = await webservice.post("/api/v1/routing/preview", {"assessment_id": assessment_id})
    if found and found.get("intermediary_id"):
        return {"id": found["intermediary_id"], "name": found["intermediary_name"]}
    return {"id": routing.PROGRAMMABUREAU, "name": routing.PROGRAMMABUREAU_NAME}


async def hand_over(lead_id: str, assessment_id: str, intermediary: dict[str, str],
                    contact: dict[str, Any], said: dict[str, Any] | None = None) -> tuple[dict[str, str], bool]:
    """Passes the lead on, after consent; `said` is what the owner said beyond the option labels
    (answer_texts, remarks, place: state.owner_words). Returns the intermediary it went to and
    whether it is delivered now."""
    body = {"assessment_id": assessment_id, "intermediary_id": intermediary["id"],
            "consent": {"given": True, "text_version": load().consent_version,
                        "at": datetime.now(timezone.utc).isoformat()},
            "contact": contact, **(said or {})}
    try:
        answer = await webservice.put(f"/api/v1/leads/{lead_id}", body)
    except ValueError as error:
        log.error("lead %s refused by the web service: %s", lead_id, error)
        return intermediary, False
    if answer is None:
        return intermediary, False
    return {"id": answer["intermediary_id"], "name": answer["intermediary_name"]}, True


async def rescan_invitation(token: str) -> dict[str, str] | None:
    """Who invited the owner to redo the scan, and the earlier report to compare with; None when the
    invitation is unknown or expired (or the service is down): the chat is then a plain redo."""
    found = await webservice.post("/api/v1/rescans/preview", {"invitation": token})
    if not found or not found.get("intermediary_id"):
        return None
    return {"invitation": token, "intermediary_id": found["intermediary_id"],
            "intermediary_name": found["intermediary_name"],
            "previous_report_token": found.get("previous_report_token")}


async def share_rescan(invitation: str, assessment_id: str) -> str:
    """With the owner's consent, attaches the re-scan to the inviting adviser's lead.

    'gedeeld' (done), 'wacht' (queued: the service is down) or 'geweigerd' (e.g. the invitation expired).
    The id is derived from the assessment, so repeating it (or the outbox sending it later) is harmless.
    """
    body = {"invitation": invitation, "assessment_id": assessment_id,
            "consent": {"given": True, "text_version": f"{conversation.RESCAN_CONSENT}@{load().version}",
                        "at": datetime.now(timezone.utc).isoformat()}}
    try:
        answer = await webservice.put(f"/api/v1/rescans/herscan-{assessment_id}", body)
    except ValueError as error:
        log.error("re-scan %s refused by the web service: %s", assessment_id, error)
        return "geweigerd"
    return "gedeeld" if answer is not None else "wacht"
