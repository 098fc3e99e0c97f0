"""Server-side portal sessions: a random cookie token, stored hashed, with its own CSRF token.

The cookie is HttpOnly, SameSite=Lax, limited to /portaal and Secure outside plain-HTTP
development. Logging out deletes the row, so a stolen cookie stops working at once.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import Response
from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.db import utcnow
from api.portal import tokens
from api.portal.models import PortalSession, PortalUser
from api.settings import Settings

COOKIE = "portaal_sessie"
LOGIN_CSRF_COOKIE = "portaal_csrf"
COOKIE_PATH = "/portaal"


def create(session: Session, user: PortalUser, settings: Settings, now: datetime | None = None) -> str:
    now = now or utcnow()
    token = tokens.new_secret()
    session.execute(delete(PortalSession).where(PortalSession.expires_at < now))
    session.add(PortalSession(token_hash=tokens.digest(token), user_id=user.id, csrf_token=tokens.new_secret(),
                              created_at=now, expires_at=now + timedelta(hours=settings.session_hours)))
    session.commit()
    return token


def find(session: Session, token: str | None, now: datetime | None = None) -> tuple[PortalSession, PortalUser] | None:
    if not token:
        return None
    stored = session.get(PortalSession, tokens.digest(token))
    if stored is None:
        return None
    user = session.get(PortalUser, stored.user_id)
    if stored.expires_at < (now or utcnow()) or user is None or not user.active:
        session.delete(stored)
        session.commit()
        return None
    return stored, user


def end(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(PortalSession).where(PortalSession.token_hash == tokens.digest(token)))
        session.commit()


def end_all_for(session: Session, user_id: int) -> None:
    session.execute(delete(PortalSession).where(PortalSession.user_id == user_id))
    session.commit()


def set_cookie(response: Response, name: str, value: str, settings: Settings, max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path=COOKIE_PATH, httponly=True,
                        samesite="lax", secure=settings.secure_cookies)


def clear_cookie(response: Response, name: str, settings: Settings) -> None:
    response.delete_cookie(name, path=COOKIE_PATH, httponly=True, samesite="lax", secure=settings.secure_cookies)
