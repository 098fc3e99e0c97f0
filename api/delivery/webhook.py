"""Webhook POSTs to an intermediary's own system: JSON, signed with its registry secret.

Headers: X-Signature (sha256=<hex HMAC of the raw body>), Idempotency-Key (the lead id; the
receiver ignores a key it has seen), X-Event. Any 2xx is success.
"""
from __future__ import annotations

import json
from datetime import datetime

import httpx

from api.delivery import signing
from api.delivery.models import EVENT_NEW, OutboxItem
from api.portal.intake import Intake

EVENTS = {EVENT_NEW: "lead.nieuw", "ingetrokken": "lead.ingetrokken"}


class WebhookError(Exception):
    pass


def body(item: OutboxItem, intake: Intake, portal_url: str, now: datetime) -> bytes:
    payload = {"event": EVENTS.get(item.event, item.event), "idempotency_key": item.idempotency_key,
               "lead_id": item.lead_id, "sent_at": now.isoformat(), "portal_url": portal_url,
               "lead": intake.to_dict()}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def post(url: str, secret: str, raw: bytes, item: OutboxItem, timeout: float) -> str:
    """Sends once; returns a short description, or raises WebhookError."""
    headers = {"Content-Type": "application/json; charset=utf-8", signing.HEADER: signing.sign(secret, raw),
               "Idempotency-Key": item.idempotency_key, "X-Event": EVENTS.get(item.event, item.event),
               "User-Agent": "mkb-booster-scan/1.0"}
    try:
        response = httpx.post(url, content=raw, headers=headers, timeout=timeout, follow_redirects=False)
    except httpx.HTTPError as error:
        raise WebhookError(f"{type(error).__name__}: {error}") from error
    if not 200 <= response.status_code < 300:
        raise WebhookError(f"HTTP {response.status_code}")
    return f"HTTP {response.status_code}"
