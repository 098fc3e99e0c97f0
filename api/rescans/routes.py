"""The bot's side of a re-scan: who invited (at the start) and, with consent, sharing the new result."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import BotOnly, SessionDep
from api.rescans import service as rescans
from api.rescans.schemas import RescanIn, RescanOut, RescanPreviewIn, RescanPreviewOut
from api.schemas import ID_PATTERN

router = APIRouter(prefix="/api/v1/rescans", tags=["rescans"])


@router.post("/preview", response_model=RescanPreviewOut, dependencies=BotOnly)
def preview(body: RescanPreviewIn, session: SessionDep) -> RescanPreviewOut:
    """404 when the invitation is unknown, expired or its lead withdrawn: the chat is then a plain redo."""
    lead, latest = rescans.preview(session, body.invitation)
    return RescanPreviewOut(intermediary_id=lead.intermediary_id, intermediary_name=lead.intermediary_name,
                            previous_report_token=latest.report_token)


@router.put("/{rescan_id}", response_model=RescanOut, dependencies=BotOnly)
def share(rescan_id: Annotated[str, Path(pattern=ID_PATTERN)], body: RescanIn, session: SessionDep) -> RescanOut:
    rescan, lead = rescans.attach(session, rescan_id, body)
    return RescanOut(rescan_id=rescan.id, intermediary_id=lead.intermediary_id,
                     intermediary_name=lead.intermediary_name)
