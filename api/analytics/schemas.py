"""The body of POST /api/v1/events: known event types, the data keys each may carry, nothing personal.

Every data object forbids unknown keys, so a field that could hold personal data (a name, an
e-mail address, an answer text) is refused with 422 instead of stored. Free-text values
(campaign attribution, ids) are refused too when they look like an e-mail address or a phone number.
"""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from api.personal import looks_personal
from api.schemas import within_bounds
from bot import contract, questionnaire

SIZE_CLASSES = tuple(label for *_, label in contract.SIZE_CLASSES)
MAX_EVENTS = 5000


def _not_personal(value: str) -> str:
    if looks_personal(value):
        raise ValueError("looks like personal data (an e-mail address or phone number); analytics never stores it")
    return value


def _options(question_id: str) -> tuple[str, ...]:
    return tuple(o.value for o in questionnaire.load()[question_id].options)


def _one_of(allowed: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"'{value}' is not one of {', '.join(allowed)}")
        return value
    return AfterValidator(check)


def _yes_no(value: Any) -> Any:
    """The bot sends 'ja'/'nee'; a boolean means the same."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return value


FreeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
                     AfterValidator(_not_personal)]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,100}$"), AfterValidator(_not_personal)]
Score = Annotated[int, Field(ge=0, le=100)]
YesNo = Annotated[Literal["ja", "nee"], BeforeValidator(_yes_no)]


class Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Started(Data):
    utm_source: FreeText | None = None
    utm_medium: FreeText | None = None
    utm_campaign: FreeText | None = None
    site: FreeText | None = None


def _question_id(value: str) -> str:
    if value not in questionnaire.load().questions:
        raise ValueError(f"'{value}' is not a question id of the questionnaire")
    return value


class QuestionAsked(Data):
    question_id: Annotated[str, StringConstraints(max_length=64), AfterValidator(_question_id)]
    dimension: Code


class QuestionAnswered(QuestionAsked):
    first_try: StrictBool


class Scores(Data):
    technologie: Score | None = None
    organisatie: Score | None = None
    businessmodel: Score | None = None
    totaal: Score | None = None


class Result(Data):
    level: Literal[contract.LEVELS] | None = None  # type: ignore[valid-type]
    scores: Scores = Field(default_factory=Scores)
    sector: Annotated[str, _one_of(_options("sector"))] | None = None
    size_class: Literal[SIZE_CLASSES] | None = None  # type: ignore[valid-type]
    province: Annotated[str, _one_of(_options("regio"))] | None = None


class NieuweInzichten(Data):
    value: Literal["ja", "een_beetje", "nee"]


class YesNoValue(Data):
    value: YesNo


class Eligibility(Data):
    status: Literal[contract.ELIGIBILITY_STATUSES]  # type: ignore[valid-type]
    reasons: Annotated[list[Code], Field(max_length=20)] = Field(default_factory=list)


class Handover(Data):
    intermediary_id: Identifier


class End(Data):
    pass


DATA_MODELS: dict[str, type[Data]] = {
    "started": Started, "question_asked": QuestionAsked, "question_answered": QuestionAnswered,
    "result": Result, "nieuwe_inzichten": NieuweInzichten, "wil_contact": YesNoValue,
    "eligibility": Eligibility, "consent": YesNoValue, "handover": Handover, "end": End,
}
EVENT_TYPES = contract.EVENT_TYPES  # DATA_MODELS has the data of each (tests/core/test_contract.py)


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: str
    conversation_id: Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_not_personal)]
    type: str
    at: datetime
    data: dict[str, Any] = Field(default_factory=dict)

    @field_validator("event_id")
    @classmethod
    def _uuid(cls, value: str) -> str:
        try:
            return uuid.UUID(value).hex
        except ValueError:
            raise ValueError("must be a UUID (32 hex digits)") from None

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return within_bounds(value).astimezone(timezone.utc)

    @model_validator(mode="after")
    def _data_fits_type(self) -> EventIn:
        model = DATA_MODELS.get(self.type) if self.type in EVENT_TYPES else None
        if model is None:
            raise ValueError(f"unknown event type '{self.type}' (known: {', '.join(EVENT_TYPES)})")
        try:
            self.data = model.model_validate(self.data).model_dump(exclude_none=True)
        except ValidationError as error:
            raise ValueError("; ".join(_describe(self.type, e) for e in error.errors())) from None
        return self


def _describe(kind: str, error: Mapping[str, Any]) -> str:
    where = ".".join(str(part) for part in ("data", *error["loc"]))
    if error["type"] == "extra_forbidden":
        return f"{where} is not allowed in a '{kind}' event (analytics never takes personal data)"
    return f"{where}: {str(error['msg']).removeprefix('Value error, ')}"


class EventsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    events: Annotated[list[EventIn], Field(max_length=MAX_EVENTS)]


class EventsOut(BaseModel):
    stored: int
