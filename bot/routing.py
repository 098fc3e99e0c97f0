"""Chooses the qualified intermediary a lead goes to (contract.md), deterministically.

Candidates: active, qualified today, covering the lead's province and sector, under this
month's capacity. Ranked by the number of the lead's interests in the intermediary's
expertise (most first), then by fewest leads this month, then by id. No candidate: the
programme office queue.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot import contract

PROGRAMMABUREAU = contract.PROGRAMME_OFFICE
PROGRAMMABUREAU_NAME = "het Mkb-Booster-programmabureau"
ALL = "alle"
ROUTABLE = contract.ROUTABLE
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REGISTRY_PATH = REPO_ROOT.parent / "shared" / "spec" / "intermediaries.example.json"


class RegistryError(ValueError):
    """The registry file is missing a field or has a wrong value."""


@dataclass(frozen=True)
class Intermediary:
    id: str
    name: str
    qualified_until: date
    active: bool
    provinces: tuple[str, ...]
    sectors: tuple[str, ...]
    expertise: tuple[str, ...]
    monthly_capacity: int
    contact_email: str
    webhook_url: str | None = None
    webhook_secret: str | None = None

    def covers(self, province: str | None, sector: str | None) -> bool:
        return ((ALL in self.provinces or province in self.provinces)
                and (ALL in self.sectors or sector in self.sectors))

    def qualified_on(self, day: date) -> bool:
        return self.active and self.qualified_until >= day


@dataclass(frozen=True)
class Route:
    intermediary_id: str
    intermediary_name: str
    reason: str


def parse_registry(entries: Iterable[Mapping[str, Any]]) -> list[Intermediary]:
    registry = []
    for entry in entries:
        try:
            registry.append(Intermediary(
                id=str(entry["id"]), name=str(entry["name"]),
                qualified_until=date.fromisoformat(str(entry["qualified_until"])),
                active=bool(entry["active"]),
                provinces=tuple(entry["provinces"]), sectors=tuple(entry["sectors"]),
                expertise=tuple(entry.get("expertise", ())),
                monthly_capacity=int(entry["monthly_capacity"]),
                contact_email=str(entry["contact_email"]),
                webhook_url=entry.get("webhook_url"), webhook_secret=entry.get("webhook_secret"),
            ))
        except (KeyError, TypeError, ValueError) as error:
            raise RegistryError(f"intermediary {entry.get('id', '?')!r}: {error}") from error
    return registry


def registry_path() -> Path:
    configured = os.environ.get("INTERMEDIARIES_FILE")
    return Path(configured) if configured else DEFAULT_REGISTRY_PATH


def load_registry(path: str | os.PathLike[str] | None = None) -> list[Intermediary]:
    file = Path(path) if path else registry_path()
    return parse_registry(json.loads(file.read_text(encoding="utf-8")))


def candidates(regio: str | None, sector: str | None, registry: Iterable[Intermediary],
               leads_this_month: Mapping[str, int], today: date) -> list[Intermediary]:
    return [i for i in registry
            if i.qualified_on(today) and i.covers(regio, sector)
            and leads_this_month.get(i.id, 0) < i.monthly_capacity]


def route(status: str, consent: bool, regio: str | None, sector: str | None,
          interesse: Iterable[str] | None, registry: Iterable[Intermediary],
          leads_this_month: Mapping[str, int], today: date) -> Route | None:
    """None when the lead may not be handed over at all (status or consent)."""
    if status not in ROUTABLE or not consent:
        return None
    wanted = set(interesse or ())
    found = candidates(regio, sector, registry, leads_this_month, today)
    if not found:
        return Route(PROGRAMMABUREAU, PROGRAMMABUREAU_NAME, "geen_kandidaat")
    best = min(found, key=lambda i: (-len(wanted & set(i.expertise)),
                                     leads_this_month.get(i.id, 0), i.id))
    return Route(best.id, best.name, "match")
