"""Who is asking: a signed-in portal user or an intermediary's system with an API token."""
from __future__ import annotations

from dataclasses import dataclass

from api.portal.models import ROLE_PROGRAMME_OFFICE


@dataclass(frozen=True)
class Principal:
    actor: str            # for the audit log: "gebruiker:<username>" or "token:<hint>"
    intermediary_id: str  # the only tenant whose leads it may see
    role: str
    username: str | None = None
    csrf_token: str | None = None

    @property
    def programme_office(self) -> bool:
        return self.role == ROLE_PROGRAMME_OFFICE
