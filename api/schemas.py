"""Request and response bodies of the JSON API (pydantic 2). Requests forbid unknown fields."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints, field_validator

from api.personal import looks_personal
from bot import questionnaire

ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
TOKEN_PATTERN = r"^[A-Za-z0-9_-]{20,200}$"

# Pragmatic: one @, a dot in the domain, no spaces. Deliverability is the adviser's problem.
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
# Dutch numbers: 0 + 9 digits, or +31 / 0031 + 9 digits (an optional "(0)" after the country code).
PHONE = re.compile(r"^(?:0|\+31|0031)[1-9]\d{8}$")
KVK_UNKNOWN = "onbekend"
PHONE_NONE = "geen"

# A moment of a conversation lies in this century; outside it a date cannot even be turned into UTC.
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2100, 1, 1, tzinfo=timezone.utc)


def within_bounds(value: datetime) -> datetime:
    """The moment, checked to lie between EARLIEST and LATEST (no time zone means UTC)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    if not EARLIEST <= aware < LATEST:
        raise ValueError(f"must lie between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}")
    return aware


Moment = Annotated[datetime, AfterValidator(within_bounds)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


class RoutingPreviewIn(Request):
    assessment_id: Annotated[str, Field(pattern=ID_PATTERN)]


class RoutingPreviewOut(BaseModel):
    intermediary_id: str
    intermediary_name: str


def _must_be_true(given: bool) -> bool:
    if given is not True:
        raise ValueError("consent must be given (true) before a lead is stored")
    return given


class Consent(Request):
    given: Annotated[bool, AfterValidator(_must_be_true)]
    text_version: Text
    at: Moment


class Contact(Request):
    bedrijfsnaam: Text
    kvk_nummer: Text
    contact_naam: Text
    contact_email: Text
    contact_telefoon: Text

    @field_validator("kvk_nummer")
    @classmethod
    def _kvk(cls, value: str) -> str:
        if value.lower() == KVK_UNKNOWN:
            return KVK_UNKNOWN
        digits = re.sub(r"[\s.-]", "", value)
        if not re.fullmatch(r"\d{8}", digits):
            raise ValueError("a KvK number has exactly 8 digits (or is 'onbekend')")
        return digits

    @field_validator("contact_email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not EMAIL.fullmatch(value):
            raise ValueError("not a valid e-mail address")
        local, _, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"

    @field_validator("contact_telefoon")
    @classmethod
    def _phone(cls, value: str) -> str:
        if value.lower() == PHONE_NONE:
            return PHONE_NONE
        compact = re.sub(r"[\s().-]", "", value.replace("(0)", ""))
        if not PHONE.fullmatch(compact):
            raise ValueError("not a Dutch phone number (or 'geen')")
        return compact


OwnText = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Place = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
MAX_REMARKS = 10


def _own_words_of_answers(texts: dict[str, str]) -> dict[str, str]:
    """Only questions of the scan and its follow-up: contact data has its own fields, consent is not an answer."""
    q = questionnaire.load()
    wrong = [qid for qid in texts if qid not in q.questions or q[qid].dimension == "contact"]
    if wrong:
        raise ValueError(f"not a question whose own words may be passed on: {', '.join(sorted(wrong))}")
    return texts


class LeadIn(Request):
    assessment_id: Annotated[str, Field(pattern=ID_PATTERN)]
    intermediary_id: Text
    consent: Consent
    contact: Contact
    # What the owner said beyond the option labels (passed on with the consent above):
    answer_texts: Annotated[dict[str, OwnText], AfterValidator(_own_words_of_answers)] = Field(default_factory=dict)
    remarks: Annotated[list[OwnText], Field(max_length=MAX_REMARKS)] = Field(default_factory=list)
    place: Place | None = None


class LeadOut(BaseModel):
    lead_id: str
    intermediary_id: str
    intermediary_name: str
    status: str


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
