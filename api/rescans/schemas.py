"""The bodies of the bot's re-scan endpoints (/api/v1/rescans)."""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from api.leads.schemas import Consent
from api.schemas import ID_PATTERN, TOKEN_PATTERN, Request


class RescanPreviewIn(Request):
    invitation: Annotated[str, Field(pattern=TOKEN_PATTERN)]


class RescanPreviewOut(BaseModel):
    intermediary_id: str
    intermediary_name: str
    previous_report_token: str


class RescanIn(Request):
    invitation: Annotated[str, Field(pattern=TOKEN_PATTERN)]
    assessment_id: Annotated[str, Field(pattern=ID_PATTERN)]
    consent: Consent


class RescanOut(BaseModel):
    rescan_id: str
    intermediary_id: str
    intermediary_name: str
