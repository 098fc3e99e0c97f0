"""The bodies of PUT and GET /api/v1/assessments."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints, field_validator

from api.personal import looks_personal
from api.schemas import TOKEN_PATTERN, Moment, Request, ShortText, Text


class Campaign(Request):
    """Where the visitor came from. A value that looks like an e-mail address or phone number (a link
    may carry one) is not kept: no personal data before consent."""

    utm_source: ShortText | None = None
    utm_medium: ShortText | None = None
    utm_campaign: ShortText | None = None
    site: ShortText | None = None

    @field_validator("utm_source", "utm_medium", "utm_campaign", "site")
    @classmethod
    def _not_personal(cls, value: str | None) -> str | None:
        return None if value is not None and looks_personal(value) else value


class AssessmentIn(Request):
    conversation_id: Text
    report_token: Annotated[str, Field(pattern=TOKEN_PATTERN)]
    questionnaire_version: Text
    answers: dict[str, Any]
    campaign: Campaign = Field(default_factory=Campaign)
    started_at: Moment | None = None
    # The report token of an earlier scan this one redoes; an unknown token is ignored.
    previous_report_token: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None


class AssessmentResult(BaseModel):
    assessment_id: str
    report_url: str
    level: str | None
    scores: dict[str, int | None]
    uncertain: list[str] = []
    weakest: str | None
    next_steps: list[str]
    eligibility: dict[str, Any] | None = None


class AssessmentOut(BaseModel):
    assessment_id: str
    conversation_id: str
    report_token: str
    report_url: str
    questionnaire_version: str
    answers: dict[str, Any]
    campaign: dict[str, Any]
    level: str | None
    scores: dict[str, int | None]
    uncertain: list[str]
    weakest: str | None
    next_steps: list[str]
    eligibility: dict[str, Any] | None
    started_at: datetime | None
    created_at: datetime
    updated_at: datetime
