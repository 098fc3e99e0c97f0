"""Server-side browser sessions of the portal and the dashboard: a random cookie token, stored hashed,
with its own CSRF token.

Each realm has its own cookies on its own path; a session counts only for an active account of a
role the realm serves. Cookies are HttpOnly, SameSite=Lax (the log-in form's CSRF cookie Strict)
and Secure outside plain-HTTP development. Logging out deletes the row, so a stolen cookie stops
working at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from fastapi import Response
from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.db import utcnow
from api.identity import limiter, roles, tokens
from api.identity.models import Account, BrowserSession
from api.settings import Settings


@dataclass(frozen=True)
class Realm:
    name: str                # also the log-in limits' realm
    cookie: str              # the session cookie
    login_csrf_cookie: str   # the log-in form's double-submit cookie
    path: str
    roles: frozenset[str]


PORTAL = Realm("portaal", "portaal_sessie", "portaal_csrf", "/portaal", roles.PORTAL_ROLES)
DASHBOARD = Realm("dashboard", "dashboard_sessie", "dashboard_csrf", "/dashboard", roles.CAMPAIGN_ROLES)


def create(session: Session, account: Account, settings: Settings, now: datetime | None = None) -> str:
    now = now or utcnow()
    token = tokens.new_secret()
    session.execute(delete(BrowserSession).where(BrowserSession.expires_at < now))
    session.add(BrowserSession(token_hash=tokens.digest(token), account_id=account.id,
                               csrf_token=tokens.new_secret(), created_at=now,
                               expires_at=now + timedelta(hours=settings.session_hours)))
    session.commit()
    return token


def find(session: Session, realm: Realm, token: str | None,
         now: datetime | None = None) -> tuple[BrowserSession, Account] | None:
    if not token:
        return None
    stored = session.get(BrowserSession, tokens.digest(token))
    if stored is None:
        return None
    account = session.get(Account, stored.account_id)
    expired = stored.expires_at < (now or utcnow())
    if account is None or not account.active or account.role not in realm.roles or expired:
        session.delete(stored)
        session.commit()
        return None
    return stored, account


def principal(stored: BrowserSession, account: Account) -> roles.Principal:
    return roles.Principal(actor=f"gebruiker:{account.username}", role=account.role,
                           intermediary_id=account.intermediary_id, username=account.username,
                           csrf_token=stored.csrf_token)


def end(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(BrowserSession).where(BrowserSession.token_hash == tokens.digest(token)))
        session.commit()


def end_all_for(session: Session, account_id: int) -> None:
    session.execute(delete(BrowserSession).where(BrowserSession.account_id == account_id))
    session.commit()


def sign_in(response: Response, session: Session, realm: Realm, account: Account, settings: Settings) -> None:
    """A new session for the account: its cookie, the browser's device cookie, and the log-in form's
    CSRF cookie gone."""
    set_cookie(response, realm, realm.cookie, create(session, account, settings), settings,
               max_age=int(settings.session_hours * 3600))
    set_cookie(response, realm, limiter.DEVICE_COOKIE, limiter.new_device(settings, device_key(account),
                                                                          account.password_hash), settings,
               max_age=settings.login_device_days * 86400)
    clear_cookie(response, realm, realm.login_csrf_cookie, settings)


def device_key(account: Account) -> str:
    return f"account:{account.id}"


def login_csrf(realm: Realm, cookies: dict[str, str]) -> str:
    """The log-in form's CSRF token: the browser's own when it has one, so two open forms both work."""
    return cookies.get(realm.login_csrf_cookie) or tokens.new_secret()


def keep_login_csrf(response: Response, realm: Realm, token: str, settings: Settings) -> None:
    """The double-submit cookie beside the log-in form (Strict: never sent along from another site)."""
    set_cookie(response, realm, realm.login_csrf_cookie, token, settings, samesite="strict")


def set_cookie(response: Response, realm: Realm, name: str, value: str, settings: Settings,
               max_age: int | None = None, samesite: Literal["lax", "strict"] = "lax") -> None:
    response.set_cookie(name, value, max_age=max_age, path=realm.path, httponly=True, samesite=samesite,
                        secure=settings.secure_cookies)


def clear_cookie(response: Response, realm: Realm, name: str, settings: Settings) -> None:
    response.delete_cookie(name, path=realm.path, httponly=True, samesite="lax", secure=settings.secure_cookies)
