"""The leads' JSON API: the bot's routing preview and its lead PUT (the hand-off with consent, the only place
personal data is stored), and GET /api/v1/leads(/{id}) for an intermediary's own systems, with their Bearer
token: only that organisation's leads exist for it."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from api.audit import service as audit
from api.delivery import outbox, worker
from api.deps import BotOnly, SessionDep, SettingsDep, TodayDep
from api.errors import Invalid
from api.leads import handover, service, workflow
from api.leads.schemas import LeadIn, LeadOut, RoutingPreviewIn, RoutingPreviewOut
from api.portal.deps import ApiClient
from api.schemas import ID_PATTERN

router = APIRouter(tags=["leads"])


@router.post("/api/v1/routing/preview", response_model=RoutingPreviewOut, dependencies=BotOnly)
def preview(body: RoutingPreviewIn, session: SessionDep, settings: SettingsDep,
            today: TodayDep) -> RoutingPreviewOut:
    """Which intermediary an eligible owner would be handed over to: the routing decision, kept for the lead."""
    found = handover.preview(session, body.assessment_id, settings.intermediaries_file, today)
    return RoutingPreviewOut(intermediary_id=found.intermediary_id, intermediary_name=found.intermediary_name)


@router.put("/api/v1/leads/{lead_id}", response_model=LeadOut, dependencies=BotOnly)
def put_lead(lead_id: Annotated[str, Path(pattern=ID_PATTERN)], body: LeadIn, session: SessionDep,
             today: TodayDep, request: Request) -> LeadOut:
    lead = handover.save_lead(session, lead_id, body, today)
    # Queue the e-mail/webhook to the intermediary (once per lead) and let the worker send it now.
    outbox.enqueue_stored_lead(session, lead)
    worker.wake(request.app)
    return LeadOut(lead_id=lead.id, intermediary_id=lead.intermediary_id,
                   intermediary_name=lead.intermediary_name, status=lead.status)


@router.get("/api/v1/leads")
def list_leads(session: SessionDep, settings: SettingsDep, client: ApiClient,
               status: Annotated[str | None, Query(max_length=20, description="only leads with this status")] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """The token's leads, newest first, each with its full intake (withdrawn ones without personal data)."""
    if status is not None and status not in workflow.ALL:
        raise Invalid(f"unknown status '{status}' (expected one of {', '.join(workflow.ALL)})")
    found = service.list_leads(session, client, status, limit=limit + 1, offset=offset)
    page = found[:limit]
    audit.record(session, client.actor, "api_leads_opgevraagd", intermediary_id=client.intermediary_id,
                 status=status, aantal=len(page))
    # Lists leave out the peer comparison (two aggregate queries per lead); GET /{id} has it.
    return {"leads": [service.intake_of(session, lead, settings.public_base_url, with_peers=False).to_dict()
                      for lead in page],
            "count": len(page), "next_offset": offset + limit if len(found) > limit else None}


@router.get("/api/v1/leads/{lead_id}")
def get_lead(lead_id: str, session: SessionDep, settings: SettingsDep, client: ApiClient) -> dict[str, Any]:
    lead = service.get(session, client, lead_id)
    audit.record(session, client.actor, "api_lead_opgevraagd", intermediary_id=client.intermediary_id,
                 lead_id=lead.id)
    return service.intake_of(session, lead, settings.public_base_url).to_dict()
