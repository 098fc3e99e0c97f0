"""The words of the portal's pages and PDF: delivery states, channels, events, who did something; and the
template filters and labels every page uses (register)."""
from __future__ import annotations

import jinja2

from api.delivery.models import EVENT_NEW, EVENT_WITHDRAWN
from api.dutch import CAMPAIGN_LABELS, dutch_date, dutch_datetime
from bot import questionnaire

DELIVERY_LABELS = {
    "bezorgd": "Bezorgd",
    "niet_bezorgd": "Niet bezorgd",
    "wachtend": "Wordt bezorgd",
    "geen": "Geen bericht",
    "vervallen": "Vervallen",
}
CHANNEL_LABELS = {"email": "E-mail", "webhook": "Webhook"}
EVENT_LABELS = {EVENT_NEW: "Nieuwe lead", EVENT_WITHDRAWN: "Intrekking"}


def register(environment: jinja2.Environment) -> None:
    """The filters and labels the portal's, the report's and the e-mails' templates use."""
    environment.filters.setdefault("datumtijd", dutch_datetime)
    environment.filters.setdefault("datum", dutch_date)
    environment.filters.setdefault("wie", who)
    environment.globals.setdefault("delivery_labels", DELIVERY_LABELS)
    environment.globals.setdefault("channel_labels", CHANNEL_LABELS)
    environment.globals.setdefault("event_labels", EVENT_LABELS)
    environment.globals.setdefault("campaign_labels", CAMPAIGN_LABELS)
    environment.globals.setdefault("scan_dimension_labels", questionnaire.load().dimension_labels)


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
