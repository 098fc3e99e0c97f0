"""A total time limit for one delivery attempt.

Socket timeouts bound each read, not the whole exchange: a receiver that answers one byte every
few seconds would hold the worker for ever. When the deadline passes, every socket the attempt
registered is shut down, so the blocked read returns at once and the attempt fails.
"""
from __future__ import annotations

import socket
import threading
import time


class DeadlineExceeded(OSError):
    """The attempt ran out of time."""


class Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self._ends = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self.expired = False

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return max(0.001, self._ends - time.monotonic())

    def watch(self, sock: socket.socket | None) -> None:
        """Registers a connected socket (also again after a TLS upgrade); shuts it at once when late."""
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            late = self.expired
        if late:
            _shut(sock)
        self.check()

    def check(self) -> None:
        if self.expired:
            raise DeadlineExceeded(f"no complete answer within {self.seconds:g} s")

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
