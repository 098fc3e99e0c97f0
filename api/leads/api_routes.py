"""The JSON API for intermediaries' own systems (CRM): GET /api/v1/leads and /api/v1/leads/{id}.

Authorised by a per-intermediary Bearer token; only the token's own leads exist for it.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.audit import service as audit
from api.deps import SessionDep, SettingsDep
from api.errors import Invalid
from api.leads import service as leads
from api.leads import workflow
from api.portal.deps import ApiClient

router = APIRouter()


@router.get("")
def list_leads(session: SessionDep, settings: SettingsDep, client: ApiClient,
               status: Annotated[str | None, Query(max_length=20, description="only leads with this status")] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """The token's leads, newest first, each with its full intake (withdrawn ones without personal data)."""
    if status is not None and status not in workflow.ALL:
        raise Invalid(f"unknown status '{status}' (expected one of {', '.join(workflow.ALL)})")
    found = leads.list_leads(session, client, status, limit=limit + 1, offset=offset)
    page = found[:limit]
    audit.record(session, client.actor, "api_leads_opgevraagd", intermediary_id=client.intermediary_id,
                 status=status, aantal=len(page))
    # Lists leave out the peer comparison (two aggregate queries per lead); GET /{id} has it.
    return {"leads": [leads.intake_of(session, lead, settings.public_base_url, with_peers=False).to_dict()
                      for lead in page],
            "count": len(page), "next_offset": offset + limit if len(found) > limit else None}


@router.get("/{lead_id}")
def get_lead(lead_id: str, session: SessionDep, settings: SettingsDep, client: ApiClient) -> dict[str, Any]:
    lead = leads.get(session, client, lead_id)
    audit.record(session, client.actor, "api_lead_opgevraagd", intermediary_id=client.intermediary_id,
                 lead_id=lead.id)
    return leads.intake_of(session, lead, settings.public_base_url).to_dict()
