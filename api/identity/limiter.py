"""The log-in limits of the portal and the campaign dashboard: they slow a password guesser down
without locking the real user out.

User names are public (the intermediaries' ids), so failures never block an account for
everyone. Failed tries are counted, per LOGIN_WINDOW_MINUTES, in these counters:
- per client address (LOGIN_CLIENT_MAX_FAILURES), over all accounts;
- per account from one address (LOGIN_MAX_FAILURES);
- per account from all addresses without the account's device cookie (LOGIN_ACCOUNT_MAX_FAILURES),
  which caps a guess spread over many addresses.
A browser that logged in to an account before carries a device cookie for it (signed with
SECRET_KEY and the password hash, LOGIN_DEVICE_DAYS); its tries count only against that device
(LOGIN_MAX_FAILURES), so an attack elsewhere never keeps the user's own browser out.

A try is counted before its password is checked, by one atomic update per counter, and given
back when it succeeds: tries at the same moment cannot slip past a limit. The counters hold no
typed user name, only a keyed hash of it.
"""
from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.db import utcnow
from api.identity.models import LoginCounter
from api.settings import Settings

DEVICE_COOKIE = "apparaat"  # on the portal's and the dashboard's own cookie paths


@dataclass(frozen=True)
class Counter:
    key: str
    limit: int
    given_back: bool  # a success gives this try back (shared counters) rather than clearing (own ones)


def _keyed(settings: Settings, purpose: str, value: str) -> str:
    return hmac.new(settings.secret_key.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def counters(realm: str, username: str, client: str, device: str | None, settings: Settings) -> list[Counter]:
    """The counters a try counts in; realm tells the portal's accounts from the dashboard's."""
    account = _keyed(settings, f"{realm}:inlognaam", username.strip().lower())
    if device is not None:
        return [Counter(f"{realm}:apparaat:{device}", settings.login_max_failures, given_back=False)]
    return [Counter(f"{realm}:adres:{client[:100]}", settings.login_client_max_failures, given_back=True),
            Counter(f"{realm}:account-adres:{_keyed(settings, 'adres', account + client)}",
                    settings.login_max_failures, given_back=False),
            Counter(f"{realm}:account:{account}", settings.login_account_max_failures, given_back=True)]


def _insert_missing(session: Session, keys: list[str], now: datetime) -> None:
    dialect = session.get_bind().dialect.name
    rows = [{"key": key, "window_start": now, "failures": 0} for key in keys]
    if dialect in ("sqlite", "postgresql"):
        module = __import__(f"sqlalchemy.dialects.{dialect}", fromlist=["insert"])
        session.execute(module.insert(LoginCounter).values(rows).on_conflict_do_nothing(index_elements=["key"]))
        return
    for row in rows:
        try:
            with session.begin_nested():
                session.execute(insert(LoginCounter).values(**row))
        except IntegrityError:
            pass


def reserve(session: Session, found: list[Counter], settings: Settings, now: datetime | None = None) -> int:
    """Counts this try in every counter; returns 0 when it may go ahead, else the seconds to wait."""
    now = now or utcnow()
    window = timedelta(minutes=settings.login_window_minutes)
    keys = [counter.key for counter in found]
    _insert_missing(session, keys, now)
    session.execute(update(LoginCounter).where(LoginCounter.key.in_(keys), LoginCounter.window_start <= now - window)
                    .values(window_start=now, failures=0))
    session.execute(update(LoginCounter).where(LoginCounter.key.in_(keys))
                    .values(failures=LoginCounter.failures + 1))
    state = {key: (failures, start) for key, failures, start in session.execute(
        select(LoginCounter.key, LoginCounter.failures, LoginCounter.window_start).where(LoginCounter.key.in_(keys)))}
    session.execute(delete(LoginCounter).where(LoginCounter.window_start < now - 2 * window))
    session.commit()
    waits = [(state[c.key][1] + window - now).total_seconds() for c in found if state[c.key][0] > c.limit]
    return max(1, math.ceil(max(waits))) if waits else 0


def settle(session: Session, found: list[Counter], success: bool) -> None:
    """After the password check: a success gives its try back (and clears its own counters)."""
    if not success:
        return
    shared = [c.key for c in found if c.given_back]
    own = [c.key for c in found if not c.given_back]
    if shared:
        session.execute(update(LoginCounter).where(LoginCounter.key.in_(shared))
                        .values(failures=case((LoginCounter.failures > 0, LoginCounter.failures - 1), else_=0)))
    if own:
        session.execute(update(LoginCounter).where(LoginCounter.key.in_(own)).values(failures=0))
    session.commit()


def _device_mac(settings: Settings, account: str, password_hash: str, nonce: str) -> str:
    return _keyed(settings, "apparaat", f"{account}:{nonce}:{password_hash}")


def new_device(settings: Settings, account: str, password_hash: str) -> str:
    """The device cookie's value for a browser that just logged in to `account`; a new password ends it."""
    nonce = secrets.token_urlsafe(12)
    return f"{nonce}.{_device_mac(settings, account, password_hash, nonce)}"


def known_device(settings: Settings, cookie: str | None, account: str | None, password_hash: str | None) -> str | None:
    """The device's id when the cookie was given to this browser for this account, else None."""
    if not cookie or not account or not password_hash:
        return None
    nonce, _, mac = cookie.partition(".")
    expected = _device_mac(settings, account, password_hash, nonce)
    if not nonce or not hmac.compare_digest(mac.encode(), expected.encode()):
        return None
    return nonce
