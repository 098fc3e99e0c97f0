"""Campaign-role log-in: scrypt password hashes, server-side sessions, CSRF tokens and Bearer tokens.

Standard library only. The session cookie holds a random token of which only the SHA-256 is
stored, so logging out ends it at once; each session has its own CSRF token for its forms.
The log-in form is protected by a double-submit CSRF cookie. Failed log-ins count in the
portal's limits (api/portal/ratelimit.py): per address, per account from an address, per account
from all unknown browsers; never a lock of the account for everyone.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.analytics.tables import CampaignAccount, CampaignSession
from api.portal.tokens import digest, new_secret, same  # noqa: F401  (also used as auth.digest etc.)

SESSION_COOKIE = "dashboard_sessie"
LOGIN_CSRF_COOKIE = "dashboard_csrf"
COOKIE_PATH = "/dashboard"
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${_b64(salt)}${_b64(key)}"


_DUMMY_HASH = hash_password("no account has this password")


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when the password matches; without a hash it still spends the time of one check."""
    try:
        _, n, r, p, salt, key = (password_hash or _DUMMY_HASH).split("$")
        found = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), dklen=32,
                               n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, base64.b64decode(key)) and password_hash is not None


@dataclass(frozen=True)
class SignedIn:
    username: str
    csrf_token: str


def account_named(session: Session, username: str) -> CampaignAccount | None:
    name = username.strip().lower()[:100]
    return session.get(CampaignAccount, name) if name else None


def log_in(account: CampaignAccount | None, password: str) -> CampaignAccount | None:
    """The active account when the password fits (always spending the time of one check)."""
    valid = verify_password(account.password_hash if account else None, password)
    return account if account is not None and account.active and valid else None


def start_session(session: Session, account: CampaignAccount, now: datetime, hours: float) -> str:
    token = new_secret()
    session.execute(delete(CampaignSession).where(CampaignSession.expires_at < now))
    session.add(CampaignSession(token_hash=digest(token), username=account.username, csrf_token=new_secret(),
                                expires_at=now + timedelta(hours=hours)))
    session.commit()
    return token


def find_session(session: Session, token: str | None, now: datetime) -> SignedIn | None:
    if not token:
        return None
    stored = session.get(CampaignSession, digest(token))
    if stored is None:
        return None
    account = session.get(CampaignAccount, stored.username)
    if stored.expires_at < now or account is None or not account.active:
        session.delete(stored)
        session.commit()
        return None
    return SignedIn(stored.username, stored.csrf_token)


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(CampaignSession).where(CampaignSession.token_hash == digest(token)))
        session.commit()


def account_for_token(session: Session, token: str | None) -> CampaignAccount | None:
    if not token:
        return None
    account = session.scalar(select(CampaignAccount).where(CampaignAccount.token_hash == digest(token)))
    return account if account is not None and account.active else None
