"""Start-up seeding: the registry from INTERMEDIARIES_FILE always; in development also the log-ins and
tokens derived from SECRET_KEY (api/identity/service.py)."""
from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from api.identity import service as identity
from api.registry import service as registry
from api.settings import Settings

log = logging.getLogger(__name__)


def seed(session: Session, settings: Settings) -> None:
    """Never stops the service: a broken registry file is logged (routing reports it as 503)."""
    try:
        registry.seed_from_file(session, settings.intermediaries_file)
        if settings.environment == "development":
            identity.seed_development(session, settings)
    except (OSError, ValueError) as error:
        session.rollback()
        log.error("seeding the portal failed: %s", error)
