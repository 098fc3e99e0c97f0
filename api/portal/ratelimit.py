"""The log-in rate limit: too many failed attempts for one user name or one client blocks for a while.

Counted from the database, so it holds across restarts and processes.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from api.db import utcnow
from api.portal.models import LoginAttempt
from api.settings import Settings

CLIENT_FACTOR = 4  # one address may fail for a few user names (an office behind one address)


def _failures(session: Session, since: datetime, **where: str) -> tuple[int, datetime | None]:
    column, value = next(iter(where.items()))
    field = getattr(LoginAttempt, column)
    last_success = session.scalar(select(func.max(LoginAttempt.at))
                                  .where(field == value, LoginAttempt.success.is_(True)))
    start = max(since, last_success) if last_success else since
    count, oldest = session.execute(
        select(func.count(), func.min(LoginAttempt.at))
        .where(field == value, LoginAttempt.success.is_(False), LoginAttempt.at > start)).one()
    return count, oldest


def seconds_blocked(session: Session, username: str, client: str, settings: Settings,
                    now: datetime | None = None) -> int:
    """0 when a log-in may be tried; otherwise how many seconds until it may."""
    now = now or utcnow()
    window = timedelta(minutes=settings.login_window_minutes)
    since = now - window
    waits = []
    for where, limit in (({"username": username.lower()}, settings.login_max_failures),
                         ({"client": client}, settings.login_max_failures * CLIENT_FACTOR)):
        count, oldest = _failures(session, since, **where)
        if count >= limit and oldest is not None:
            waits.append(int((oldest + window - now).total_seconds()) + 1)
    return max(waits, default=0)


def record(session: Session, username: str, client: str, success: bool, now: datetime | None = None,
           settings: Settings | None = None) -> None:
    now = now or utcnow()
    session.add(LoginAttempt(username=username.lower()[:100], client=client[:100], success=success, at=now))
    if settings is not None:
        session.execute(delete(LoginAttempt).where(
            LoginAttempt.at < now - timedelta(minutes=settings.login_window_minutes * 2)))
    session.commit()
