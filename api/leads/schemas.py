"""The bodies of the routing preview and of PUT /api/v1/leads (consent and contact data)."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, Strict, StringConstraints, field_validator

from api.schemas import EMAIL, ID_PATTERN, Moment, Request, Text
from bot import questionnaire

# Dutch numbers: 0 + 9 digits, or +31 / 0031 + 9 digits (an optional "(0)" after the country code).
PHONE = re.compile(r"^(?:0|\+31|0031)[1-9]\d{8}$")
KVK_UNKNOWN = "onbekend"
PHONE_NONE = "geen"


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
