"""Webhook POSTs to an intermediary's own system: JSON, signed with its registry secret.

Headers: X-Signature (sha256=<hex HMAC of the raw body>), Idempotency-Key (the lead id; the
receiver ignores a key it has seen), X-Event. Any 2xx is success; redirects are not followed.
The URL is checked again before connecting (delivery/addresses.py) and the connection goes to
the address that was checked; the whole exchange has the attempt's deadline.
"""
from __future__ import annotations

import http.client
import json
import socket
import ssl
from datetime import datetime

from api.delivery import addresses, signing
from api.delivery.deadline import Deadline
from api.delivery.models import EVENT_NEW, EVENT_WITHDRAWN, OutboxItem
from api.leads.intake import Intake

EVENTS = {EVENT_NEW: "lead.nieuw", EVENT_WITHDRAWN: "lead.ingetrokken"}


class WebhookError(Exception):
    pass


def body(item: OutboxItem, intake: Intake, portal_url: str, now: datetime) -> bytes:
    payload = {"event": EVENTS.get(item.event, item.event), "idempotency_key": item.idempotency_key,
               "lead_id": item.lead_id, "sent_at": now.isoformat(), "portal_url": portal_url,
               "lead": intake.to_dict()}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Pinned(http.client.HTTPConnection):
    """Connects to the checked address; the Host header keeps the name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    """The same over TLS: the certificate is verified for the name, not the address."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def post(url: str, secret: str, raw: bytes, item: OutboxItem, timeout: float, deadline: Deadline,
         development: bool) -> str:
    """Sends once; returns a short description, or raises WebhookError (AddressError for a refused address)."""
    parts = addresses.check_url(url, development)
    address = addresses.resolve(parts, development)
    assert parts.hostname, "check_url refuses a URL without a server name"
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    connection = (_PinnedTLS if https else _Pinned)(parts.hostname, port, address,
                                                    min(timeout, deadline.remaining()))
    headers = {"Content-Type": "application/json; charset=utf-8", signing.HEADER: signing.sign(secret, raw),
               "Idempotency-Key": item.idempotency_key, "X-Event": EVENTS.get(item.event, item.event),
               "User-Agent": "mkb-booster-scan/1.0", "Connection": "close"}
    try:
        connection.connect()
        deadline.watch(connection.sock)
        connection.request("POST", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), body=raw,
                           headers=headers)
        status = connection.getresponse().status
        deadline.check()  # a cut-off answer may look complete
    except (OSError, http.client.HTTPException) as error:
        if deadline.expired:
            raise WebhookError(f"geen volledig antwoord binnen {deadline.seconds:g} s") from error
        raise WebhookError(type(error).__name__ + (f": {error}" if str(error) else "")) from error
    finally:
        connection.close()
    if not 200 <= status < 300:
        raise WebhookError(f"HTTP {status}")
    return f"HTTP {status}"
