"""The web service's guard rails: development answers on loopback only, request bodies are bounded and
storable, every response carries the security headers (private pages are never cached), and report
tokens stay out of the access log.

Development uses public, derived secrets (SECRET_KEY's default and the log-ins derived from it),
so a development service answers only a request that reached it on a loopback address, with a
loopback Host, and not forwarded for another address by a proxy; anything else gets 403.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import re

from api.settings import Settings

DOCS_PATHS = ("/docs", "/redoc")
PRIVATE_PATHS = ("/portaal", "/api/v1/leads")  # personal data: never cached
NOT_LOCAL = (b"This service runs with ENVIRONMENT=development and its public development secrets: it only "
             b"answers on loopback (127.0.0.1, localhost). Run it with ENVIRONMENT=production and its secrets "
             b"to serve anyone else.\n")


def loopback_name(host: str) -> bool:
    host = host.strip().strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _host_of(header: str) -> str:
    header = header.strip()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _forwarded_for(headers: dict[bytes, bytes]) -> list[str]:
    found = [part.strip() for part in headers.get(b"x-forwarded-for", b"").decode("latin-1").split(",") if part.strip()]
    found += [headers[b"x-real-ip"].decode("latin-1")] if b"x-real-ip" in headers else []
    found += re.findall(r'for="?\[?([^\]";,\s]+)', headers.get(b"forwarded", b"").decode("latin-1"), re.I)
    return [_host_of(address) for address in found]


def reached_locally(scope) -> bool:
    """The request came in on a loopback socket, for a loopback host, and not on behalf of anyone else."""
    server = scope.get("server") or ("", None)
    headers = dict(scope.get("headers") or [])
    return (loopback_name(str(server[0]))
            and loopback_name(_host_of(headers.get(b"host", b"").decode("latin-1")))
            and all(loopback_name(address) for address in _forwarded_for(headers)))


class LoopbackOnly:
    """ASGI middleware of a development service: 403 for anything not reached on loopback."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and not reached_locally(scope):
            await send({"type": "http.response.start", "status": 403,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(NOT_LOCAL)).encode())]})
            await send({"type": "http.response.body", "body": NOT_LOCAL})
            return
        if scope["type"] == "websocket" and not reached_locally(scope):
            await send({"type": "websocket.close", "code": 1008})
            return
        await self.app(scope, receive, send)


def content_security_policy(settings: Settings) -> str:
    """Scripts and styles from this service only (styles may be inline); the chat widget's page may
    reach Rasa; no page may be framed."""
    rasa = settings.rasa_url.rstrip("/")
    sockets = re.sub(r"^http", "ws", rasa)
    return ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            f"font-src 'self'; connect-src 'self' {rasa} {sockets}; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """ASGI middleware: CSP (frame-ancestors 'none'), X-Frame-Options, nosniff, a same-origin referrer and,
    in production or behind https, HSTS on every response; report pages are neither cached nor indexed,
    the portal's pages and the leads API never cached. A header the route set itself stays."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        policy = content_security_policy(settings).encode()
        self.headers = [(b"content-security-policy", policy), (b"x-frame-options", b"DENY"),
                        (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
        if settings.environment == "production" or settings.public_base_url.startswith("https://"):
            self.headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
        self.report_headers = [(b"cache-control", b"private, no-store"), (b"x-robots-tag", b"noindex, nofollow")]
        self.private_headers = [(b"cache-control", b"no-store")]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        extra = [h for h in self.headers if not (h[0] == b"content-security-policy" and path.startswith(DOCS_PATHS))]
        if path.startswith("/rapport/"):
            extra = extra + self.report_headers
        elif path.startswith(PRIVATE_PATHS):
            extra = extra + self.private_headers

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message = {**message, "headers": list(message.get("headers", [])) +
                           [(name, value) for name, value in extra if name not in present]}
            await send(message)

        await self.app(scope, receive, with_headers)


MAX_BODY_BYTES = 1_000_000
# In JSON text: an escaped NUL, or a lone UTF-16 surrogate (a pair is a valid emoji); an escape
# is a backslash not itself escaped (an even number of backslashes before it).
_UNSTORABLE = re.compile(rb"(?<!\\)(?:\\\\)*(?:\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                         rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")


class BodyGuard:
    """ASGI middleware: request bodies over MAX_BODY_BYTES get 413, JSON text that no database
    or response can hold (NUL, lone surrogates) gets 400, before any route reads them."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_big = f"the body is larger than {MAX_BODY_BYTES} bytes"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > 16 * MAX_BODY_BYTES:
            return await self._refuse(send, 413, too_big)
        body, size, more = b"", 0, True
        while more:  # a body a little too big is read to its end, so the client gets the answer
            message = await receive()
            if message["type"] != "http.request":
                return
            size += len(message.get("body", b""))
            body = body + message.get("body", b"") if size <= MAX_BODY_BYTES else b""
            more = message.get("more_body", False)
        if size > MAX_BODY_BYTES:
            return await self._refuse(send, 413, too_big)
        if _UNSTORABLE.search(body):
            return await self._refuse(send, 400, "the body contains a NUL character or a lone surrogate")
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(send, status: int, detail: str) -> None:
        content = json.dumps({"detail": detail}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})


_TOKENS_IN_PATHS = [(re.compile(r"(/rapport/)[^/?#\s\"]+"), r"\1…"),
                    (re.compile(r"([?&]vorige=)[^&#\s\"]+"), r"\1…")]


def redact(text: str) -> str:
    """A path without the owner's report token (the report link is the owner's key)."""
    for pattern, replacement in _TOKENS_IN_PATHS:
        text = pattern.sub(replacement, text)
    return text


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def keep_tokens_out_of_logs() -> None:
    """The access log (uvicorn.access) writes every path: report tokens are replaced by "…"."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactTokens) for f in access.filters):
        access.addFilter(RedactTokens())
