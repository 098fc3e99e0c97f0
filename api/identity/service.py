"""Log-ins and tokens: the one log-in procedure of every realm, Bearer tokens by scope, accounts, and
the development log-ins derived from SECRET_KEY (seeded at start-up, printed by `make demo-credentials`)."""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.identity import limiter, passwords, roles, sessions, tokens
from api.identity.models import Account, ApiToken
from api.identity.sessions import Realm, device_key
from api.settings import Settings

SEEDER = "seed-development"
CAMPAIGN_DEV_USERNAME = "campagne"
CAMPAIGN_CREDENTIALS = "campaign"  # the dev credentials' key of the campaign log-in


def normalise(username: str) -> str:
    return username.strip().lower()[:100]


def account_named(session: Session, username: str) -> Account | None:
    name = normalise(username)
    return session.scalar(select(Account).where(Account.username == name)) if name else None


@dataclass(frozen=True)
class LogIn:
    account: Account | None  # signed in: the account; None when refused
    known: Account | None    # the account of the typed name, for the audit (a typed name may be a password)
    wait: int = 0            # held back by the log-in limits for this many seconds (nothing was checked)


def log_in(session: Session, realm: Realm, username: str, password: str, client: str, device_cookie: str | None,
           settings: Settings, now: datetime | None = None) -> LogIn:
    """Counts the try in the log-in limits, then checks the password (always spending the time of one
    check) of an active account of a role the realm serves."""
    known = account_named(session, username)
    device = limiter.known_device(settings, device_cookie, device_key(known) if known else None,
                                  known.password_hash if known else None)
    counters = limiter.counters(realm.name, username, client, device, settings)
    wait = limiter.reserve(session, counters, settings, now)
    if wait:
        return LogIn(None, known, wait)
    allowed = known if known is not None and known.active and known.role in realm.roles else None
    ok = passwords.verify(allowed.password_hash if allowed else None, password)
    limiter.settle(session, counters, ok)
    if not ok or allowed is None:
        return LogIn(None, known)
    if passwords.needs_rehash(allowed.password_hash):
        allowed.password_hash = passwords.hash_password(password)
        session.commit()
    return LogIn(allowed, known)


def bearer(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer ...` header."""
    scheme, _, credentials = (header or "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return credentials.strip() or None


def find_token(session: Session, secret: str | None, scope: frozenset[str]) -> ApiToken | None:
    """The token when it exists, is not revoked, has a role of `scope` and its account (if any) is active."""
    if not secret:
        return None
    found = session.scalar(select(ApiToken).where(ApiToken.token_hash == tokens.digest(secret),
                                                  ApiToken.revoked_at.is_(None)))
    if found is None or found.role not in scope:
        return None
    if found.account_id is not None:
        account = session.get(Account, found.account_id)
        if account is None or not account.active:
            return None
    return found


def token_principal(token: ApiToken) -> roles.Principal:
    return roles.Principal(actor=f"token:{token.hint}", role=token.role, intermediary_id=token.intermediary_id)


def issue_token(session: Session, role: str, created_by: str, *, intermediary_id: str | None = None,
                account_id: int | None = None, label: str = "", secret: str | None = None) -> tuple[ApiToken, str]:
    """A new token (the caller commits); the secret is returned once, only its hash is kept."""
    prefix = tokens.CAMPAIGN_TOKEN_PREFIX if role == roles.CAMPAIGN else tokens.API_TOKEN_PREFIX
    secret = secret or tokens.new_api_token(prefix)
    token = ApiToken(role=role, intermediary_id=intermediary_id, account_id=account_id,
                     token_hash=tokens.digest(secret), hint=secret[:10], label=label[:100], created_by=created_by)
    session.add(token)
    session.flush()
    return token, secret


def role_of_organisation(intermediary_id: str) -> str:
    return roles.PROGRAMME_OFFICE if intermediary_id == roles.PROGRAMME_OFFICE else roles.INTERMEDIARY


def add_account(session: Session, username: str, role: str = roles.CAMPAIGN,
                intermediary_id: str | None = None) -> dict[str, str]:
    """A new account with a random password (and for a campaign account a token), printed once."""
    name = normalise(username)
    if not name or len(username.strip()) > 100 or account_named(session, name) is not None:
        raise ValueError(f"user name '{name}' is empty, too long or taken")
    if role not in roles.ROLES or (role == roles.CAMPAIGN) != (intermediary_id is None):
        raise ValueError("a campaign account has no organisation; an intermediary or the programme office has one")
    password = secrets.token_urlsafe(15)
    account = Account(username=name, password_hash=passwords.hash_password(password), role=role,
                      intermediary_id=intermediary_id, active=True)
    session.add(account)
    session.flush()
    created = {"username": name, "password": password}
    if role == roles.CAMPAIGN:
        created["token"] = issue_token(session, role, "beheer", account_id=account.id, label=name)[1]
    session.commit()
    return created


def set_password(session: Session, username: str) -> dict[str, str]:
    """A new random password for an account; its sessions and known browsers end."""
    account = account_named(session, username)
    if account is None:
        raise ValueError(f"no account '{normalise(username)}'")
    password = secrets.token_urlsafe(15)
    account.password_hash = passwords.hash_password(password)
    session.commit()
    sessions.end_all_for(session, account.id)
    return {"username": account.username, "password": password}


# ------------------------------------------------------------------ development log-ins

def dev_credentials(settings: Settings) -> dict[str, dict[str, str]]:
    """{"<intermediary id>": {"username", "password", "token"}, ..., "programmabureau": {...},
    "campaign": {...}}: one log-in per organisation of INTERMEDIARIES_FILE, the office and a campaign team."""
    ids = [str(entry["id"]) for entry in json.loads(settings.intermediaries_file.read_text(encoding="utf-8"))]
    found = {key: {"username": key,
                   "password": tokens.derive(settings.secret_key, f"portaal-wachtwoord:{key}", 20),
                   "token": tokens.API_TOKEN_PREFIX + tokens.derive(settings.secret_key, f"api-token:{key}", 43)}
             for key in ids + [roles.PROGRAMME_OFFICE]}
    found[CAMPAIGN_CREDENTIALS] = {
        "username": CAMPAIGN_DEV_USERNAME,
        "password": tokens.derive(settings.secret_key, "analytics-campaign-password", 20),
        "token": tokens.CAMPAIGN_TOKEN_PREFIX + tokens.derive(settings.secret_key, "analytics-campaign-token", 40)}
    return found


@lru_cache(maxsize=64)
def _dev_hash(password: str) -> str:
    """Argon2 is slow on purpose; a process that starts many apps (the tests) hashes each dev password once."""
    return passwords.hash_password(password)


def seed_development(session: Session, settings: Settings) -> None:
    """Idempotent: the development accounts and tokens exist with the log-ins derived from SECRET_KEY;
    seeded tokens of an earlier SECRET_KEY go."""
    for key, login in dev_credentials(settings).items():
        campaign = key == CAMPAIGN_CREDENTIALS
        role = roles.CAMPAIGN if campaign else role_of_organisation(key)
        account = account_named(session, login["username"])
        if account is None:
            account = Account(username=login["username"], role=role, intermediary_id=None if campaign else key,
                              active=True, password_hash=_dev_hash(login["password"]))
            session.add(account)
            session.flush()
        elif account.password_hash != _dev_hash(login["password"]) and not passwords.verify(account.password_hash,
                                                                                             login["password"]):
            account.password_hash = _dev_hash(login["password"])
        account.active = True
        owner = ApiToken.account_id == account.id if campaign else ApiToken.intermediary_id == key
        digest = tokens.digest(login["token"])
        session.execute(delete(ApiToken).where(owner, ApiToken.created_by == SEEDER, ApiToken.token_hash != digest))
        if session.scalar(select(ApiToken.id).where(ApiToken.token_hash == digest)) is None:
            issue_token(session, role, SEEDER, intermediary_id=None if campaign else key,
                        account_id=account.id if campaign else None, label="ontwikkeling", secret=login["token"])
    session.commit()


