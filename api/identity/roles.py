"""The roles and who is asking: a signed-in account or a system with an API token."""
from __future__ import annotations

from dataclasses import dataclass

from bot import contract

INTERMEDIARY = "intermediair"      # an intermediary's advisers: their own organisation's leads
PROGRAMME_OFFICE = contract.PROGRAMME_OFFICE  # the office (also its organisation id): its queue, registry, audit
CAMPAIGN = "campagne"              # a campaign team: the anonymous dashboard and its JSON summary
ROLES = (INTERMEDIARY, PROGRAMME_OFFICE, CAMPAIGN)
PORTAL_ROLES = frozenset({INTERMEDIARY, PROGRAMME_OFFICE})
CAMPAIGN_ROLES = frozenset({CAMPAIGN})


@dataclass(frozen=True)
class Principal:
    actor: str                   # for the audit log: "gebruiker:<username>" or "token:<hint>"
    role: str
    intermediary_id: str | None  # the only organisation whose leads it may see (None: no leads at all)
    username: str | None = None
    csrf_token: str | None = None

    @property
    def programme_office(self) -> bool:
        return self.role == PROGRAMME_OFFICE
