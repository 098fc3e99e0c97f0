"""Random secrets for cookies, CSRF and API tokens, stored only as SHA-256 digests."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

API_TOKEN_PREFIX = "mkbb_"       # an intermediary's (or the office's) systems
CAMPAIGN_TOKEN_PREFIX = "mkbc_"  # a campaign account's


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def new_api_token(prefix: str = API_TOKEN_PREFIX) -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode(), b.encode())


def derive(secret_key: str, purpose: str, length: int = 24) -> str:
    """A stable secret from SECRET_KEY and a purpose (the development log-ins)."""
    raw = hmac.new(secret_key.encode(), purpose.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")[:length]
