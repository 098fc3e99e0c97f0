"""What the JSON API's bodies share (pydantic 2): ids, tokens, moments, texts, e-mail addresses; requests
forbid unknown fields. Each area's bodies are in its own schemas.py."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
TOKEN_PATTERN = r"^[A-Za-z0-9_-]{20,200}$"

# Pragmatic: one @, a dot in the domain, no spaces. Deliverability is the adviser's problem.
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")

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
