"""Small formatting helpers for the portal's pages, PDF and e-mails (Dutch dates in Dutch time)."""
from __future__ import annotations

from datetime import datetime, timezone

from api.reports.view import MONTHS

try:
    from zoneinfo import ZoneInfo

    DUTCH_TIME = ZoneInfo("Europe/Amsterdam")
except Exception:  # no time zone database on this system: show UTC
    DUTCH_TIME = timezone.utc

DELIVERY_LABELS = {
    "bezorgd": "Bezorgd",
    "niet_bezorgd": "Niet bezorgd",
    "wachtend": "Wordt bezorgd",
    "geen": "Geen bericht",
    "vervallen": "Vervallen",
}
CHANNEL_LABELS = {"email": "E-mail", "webhook": "Webhook"}
EVENT_LABELS = {"nieuwe_lead": "Nieuwe lead", "ingetrokken": "Intrekking"}


def dutch_datetime(value: datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    local = value.astimezone(DUTCH_TIME)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M}"


def dutch_date(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(DUTCH_TIME) if value.tzinfo else value
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"


def who(actor: str | None) -> str:
    """An audit actor in words: 'gebruiker:jan' -> 'jan', the owner and the system by their role."""
    if not actor:
        return ""
    kind, _, name = actor.partition(":")
    if kind == "gebruiker" and name:
        return name
    if kind == "token":
        return "koppeling (API)"
    return {"eigenaar": "de ondernemer", "systeem": "automatisch", "scan": "de scan"}.get(actor, actor)
