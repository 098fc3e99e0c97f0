"""Real receivers on loopback for the delivery tests: an SMTP server (aiosmtpd) and an HTTP webhook endpoint.

Both can be started late on a port chosen up front, to play "down at first, up later".
"""
from __future__ import annotations

import json
import ssl
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

from api.delivery import signing


class SmtpSink:
    """tls=(certificate file, key file): the server offers STARTTLS and takes mail only after it."""

    def __init__(self, port: int, tls: tuple[str, str] | None = None):
        self.port, self.tls = port, tls
        self.messages: list[EmailMessage] = []
        self.encrypted: list[bool] = []
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd handler hook
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.encrypted.append(session.ssl is not None)
        return "250 OK"

    def start(self) -> SmtpSink:
        if self.tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*self.tls)
            self._controller = Controller(self, hostname="127.0.0.1", port=self.port, tls_context=context,
                                          require_starttls=True)
        else:
            self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class WebhookReceiver:
    """Accepts POSTs, checks the signature, and processes each idempotency key once (as a CRM should)."""

    def __init__(self, port: int, secret: str, fail_first: int = 0):
        self.port, self.secret, self.fail_first = port, secret, fail_first
        self.received: list[dict] = []    # every request that arrived
        self.processed: dict[str, dict] = {}  # what the receiver acted on, by idempotency key
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                valid = signing.verify(receiver.secret, raw, self.headers.get(signing.HEADER))
                key = self.headers.get("Idempotency-Key")
                receiver.received.append({"raw": raw, "valid": valid, "key": key, "event": self.headers.get("X-Event")})
                if receiver.fail_first > 0:
                    receiver.fail_first -= 1
                    self.send_response(500)
                elif not valid:
                    self.send_response(401)
                else:
                    receiver.processed.setdefault(key, json.loads(raw))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class HeldReceiver:
    """A webhook endpoint that keeps every request waiting until the test releases it.

    trickle=True plays a receiver that answers one byte at a time, so a client's per-read timeout
    never fires; trickle=False answers 204 at once on release. `arrived` is set when a request is in.
    """

    def __init__(self, port: int, trickle: bool = True):
        self.port, self.trickle = port, trickle
        self.keys: list[str] = []
        self.arrived = threading.Event()
        self.release = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> HeldReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.keys.append(self.headers.get("Idempotency-Key"))
                receiver.arrived.set()
                try:
                    if receiver.trickle:
                        self.wfile.write(b"HTTP/1.1 204 No Content\r\nX-Slow: ")
                        self.wfile.flush()
                        while not receiver.release.wait(0.2):
                            self.wfile.write(b"a")
                            self.wfile.flush()
                        self.wfile.write(b"\r\nContent-Length: 0\r\n\r\n")
                    else:
                        receiver.release.wait(60)
                        self.wfile.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass  # the client gave up
                self.close_connection = True

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
