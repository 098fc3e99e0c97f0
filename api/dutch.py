"""How the service writes moments (in Dutch time) and campaign fields in Dutch, the same on every page, PDF
and e-mail."""
from __future__ import annotations

from datetime import datetime, timezone, tzinfo

from bot import contract

DUTCH_TIME: tzinfo
try:
    from zoneinfo import ZoneInfo

    DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
except Exception:  # no time zone database on this system: show UTC
    DUTCH_TIME = timezone.utc

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
CAMPAIGN_LABELS = dict(zip(contract.CAMPAIGN_KEYS, ("Bron", "Medium", "Campagne", "Website")))


def dutch_datetime(value: datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(DUTCH_TIME)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M}"


def dutch_date(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(DUTCH_TIME) if value.tzinfo else value
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"
