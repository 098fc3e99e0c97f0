"""Start-up seeding: the registry from INTERMEDIARIES_FILE always; in development also one portal user and
one API token per intermediary plus the programme office, with log-ins derived from SECRET_KEY.

`dev_credentials()` recomputes those log-ins, so `make demo-credentials` can print them.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.analytics import credentials as analytics_credentials
from api.portal import passwords, registry, tokens
from api.portal.models import ROLE_INTERMEDIARY, ROLE_PROGRAMME_OFFICE, ApiToken, PortalUser
from api.settings import Settings

SEEDER = "seed-development"
log = logging.getLogger(__name__)


@lru_cache(maxsize=64)
def _dev_hash(password: str) -> str:
    """Argon2 is slow on purpose; a process that starts many apps (the tests) hashes each dev password once."""
    return passwords.hash_password(password)


def registry_ids(path: Path) -> list[str]:
    return [str(entry["id"]) for entry in json.loads(Path(path).read_text(encoding="utf-8"))]


def dev_credentials(settings: Settings) -> dict[str, dict[str, str]]:
    """{"<intermediary id>": {"username", "password", "token"}} for the registry file and the programme office."""
    ids = registry_ids(settings.intermediaries_file) + [registry.PROGRAMMABUREAU]
    return {key: {"username": key,
                  "password": tokens.derive(settings.secret_key, f"portaal-wachtwoord:{key}", 20),
                  "token": tokens.API_TOKEN_PREFIX + tokens.derive(settings.secret_key, f"api-token:{key}", 43)}
            for key in ids}


def seed_development(session: Session, settings: Settings) -> None:
    """Idempotent: missing users and tokens are made; a dev user's password is reset to the derived one."""
    for key, login in dev_credentials(settings).items():
        user = session.scalar(select(PortalUser).where(PortalUser.username == login["username"]))
        role = ROLE_PROGRAMME_OFFICE if key == registry.PROGRAMMABUREAU else ROLE_INTERMEDIARY
        if user is None:
            session.add(PortalUser(username=login["username"], intermediary_id=key, role=role, active=True,
                                   password_hash=_dev_hash(login["password"])))
        elif user.password_hash != _dev_hash(login["password"]):
            if not passwords.verify(user.password_hash, login["password"]):
                user.password_hash = _dev_hash(login["password"])
        digest = tokens.digest(login["token"])
        if session.scalar(select(ApiToken.id).where(ApiToken.token_hash == digest)) is None:
            session.add(ApiToken(intermediary_id=key, token_hash=digest, hint=login["token"][:10],
                                 label="ontwikkeling", created_by=SEEDER))
    session.commit()


def seed(session: Session, settings: Settings) -> None:
    """Never stops the service: a broken registry file is logged (routing reports it as 503)."""
    try:
        registry.seed_from_file(session, settings.intermediaries_file)
        if settings.environment == "development":
            seed_development(session, settings)
            analytics_credentials.ensure_dev_account(session, settings)  # the dashboard's campaign log-in
    except (OSError, ValueError) as error:
        session.rollback()
        log.error("seeding the portal failed: %s", error)
