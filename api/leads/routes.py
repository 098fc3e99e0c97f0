"""PUT of a lead: the hand-off with consent, the only place personal data is stored."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from api.delivery import outbox, worker
from api.deps import BotOnly, SessionDep, TodayDep
from api.leads import handover
from api.schemas import ID_PATTERN, LeadIn, LeadOut

router = APIRouter()


@router.put("/{lead_id}", response_model=LeadOut, dependencies=BotOnly)
def put_lead(lead_id: Annotated[str, Path(pattern=ID_PATTERN)], body: LeadIn, session: SessionDep,
             today: TodayDep, request: Request) -> LeadOut:
    lead = handover.save_lead(session, lead_id, body, today)
    # Queue the e-mail/webhook to the intermediary (once per lead) and let the worker send it now.
    outbox.enqueue_stored_lead(session, lead)
    worker.wake(request.app)
    return LeadOut(lead_id=lead.id, intermediary_id=lead.intermediary_id,
                   intermediary_name=lead.intermediary_name, status=lead.status)
