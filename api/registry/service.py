"""The intermediary registry in the database: seeded from INTERMEDIARIES_FILE, kept by the programme office.

`load()` gives bot.routing.Intermediary values, so routing can use the kept registry.
"""
from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.delivery import addresses
from api.registry.models import RegistryEntry
from api.schemas import EMAIL
from bot import routing
from bot.questionnaire import Questionnaire

PROGRAMMABUREAU = routing.PROGRAMMABUREAU


class RegistryInputError(ValueError):
    """The programme office's form has a wrong value; the message is Dutch."""


def seed_from_file(session: Session, path: Path) -> int:
    """Adds the file's intermediaries that the database lacks; never overwrites the office's edits."""
    entries = routing.parse_registry(json.loads(Path(path).read_text(encoding="utf-8")))
    known = set(session.scalars(select(RegistryEntry.id)))
    added = 0
    for item in entries:
        if item.id in known:
            continue
        session.add(RegistryEntry(
            id=item.id, name=item.name, qualified_until=item.qualified_until, active=item.active,
            provinces=list(item.provinces), sectors=list(item.sectors), expertise=list(item.expertise),
            monthly_capacity=item.monthly_capacity, contact_email=item.contact_email,
            webhook_url=item.webhook_url, webhook_secret=item.webhook_secret))
        added += 1
    session.commit()
    return added


def entries(session: Session) -> list[RegistryEntry]:
    return list(session.scalars(select(RegistryEntry).order_by(RegistryEntry.name)))


def get(session: Session, intermediary_id: str) -> RegistryEntry | None:
    return session.get(RegistryEntry, intermediary_id)


def to_intermediary(entry: RegistryEntry) -> routing.Intermediary:
    return routing.Intermediary(
        id=entry.id, name=entry.name, qualified_until=entry.qualified_until, active=entry.active,
        provinces=tuple(entry.provinces), sectors=tuple(entry.sectors), expertise=tuple(entry.expertise),
        monthly_capacity=entry.monthly_capacity, contact_email=entry.contact_email,
        webhook_url=entry.webhook_url, webhook_secret=entry.webhook_secret)


def load(session: Session, path: Path) -> list[routing.Intermediary]:
    """The registry for routing: the database's, seeded from the file the first time."""
    if session.scalar(select(RegistryEntry.id).limit(1)) is None:
        seed_from_file(session, path)
    return [to_intermediary(e) for e in entries(session)]


def qualified(session: Session, today: date) -> list[RegistryEntry]:
    return [e for e in entries(session) if e.active and e.qualified_until >= today]


def has_access(session: Session, intermediary_id: str | None, today: date) -> bool:
    """Whether an organisation's users and API tokens may be used: the programme office always, an
    intermediary only while it is active and qualified (no organisation: never)."""
    if intermediary_id is None:
        return False
    if intermediary_id == PROGRAMMABUREAU:
        return True
    entry = get(session, intermediary_id)
    return entry is not None and entry.active and entry.qualified_until >= today


def display_name(session: Session, intermediary_id: str) -> str:
    if intermediary_id == PROGRAMMABUREAU:
        return routing.PROGRAMMABUREAU_NAME
    entry = get(session, intermediary_id)
    return entry.name if entry else intermediary_id


@dataclass(frozen=True)
class Changes:
    qualified_until: date
    active: bool
    monthly_capacity: int
    expertise: list[str]
    contact_email: str
    webhook_url: str | None
    new_webhook_secret: bool


def parse_form(form: Mapping[str, object], expertise: list[str], questionnaire: Questionnaire,
               development: bool) -> Changes:
    """Checks the registry form; RegistryInputError lists the first problem in Dutch. A webhook must be
    https (http too in development) to a public address (delivery/addresses.py)."""
    try:
        qualified_until = date.fromisoformat(str(form.get("qualified_until", "")).strip())
    except ValueError:
        raise RegistryInputError("Vul een geldige kwalificatiedatum in (jjjj-mm-dd).") from None
    capacity_text = str(form.get("monthly_capacity", "")).strip()
    if not re.fullmatch(r"\d{1,5}", capacity_text):
        raise RegistryInputError("De capaciteit is een heel getal van 0 of meer.")
    allowed = set(questionnaire["interesse"].values)
    unknown = [e for e in expertise if e not in allowed]
    if unknown:
        raise RegistryInputError(f"Onbekende expertise: {', '.join(unknown)}.")
    email = str(form.get("contact_email", "")).strip()
    if not EMAIL.fullmatch(email):
        raise RegistryInputError("Vul een geldig e-mailadres in voor de meldingen.")
    webhook = str(form.get("webhook_url", "")).strip() or None
    if webhook:
        try:
            addresses.check_url(webhook, development)
        except addresses.AddressError as error:
            raise RegistryInputError(str(error)) from None
    return Changes(qualified_until, form.get("active") in ("on", "1", "ja", True), int(capacity_text),
                   [e for e in questionnaire["interesse"].values if e in expertise], email, webhook,
                   form.get("new_webhook_secret") in ("on", "1", "ja", True))


def apply(entry: RegistryEntry, changes: Changes) -> dict[str, object]:
    """Applies the changes; returns what changed (field -> new value, the secret never)."""
    changed: dict[str, object] = {}
    for name in ("qualified_until", "active", "monthly_capacity", "expertise", "contact_email", "webhook_url"):
        new = getattr(changes, name)
        if getattr(entry, name) != new:
            setattr(entry, name, new)
            changed[name] = new.isoformat() if isinstance(new, date) else new
    if entry.webhook_url and (changes.new_webhook_secret or not entry.webhook_secret):
        entry.webhook_secret = secrets.token_urlsafe(32)
        changed["webhook_secret"] = "nieuw"
    return changed
