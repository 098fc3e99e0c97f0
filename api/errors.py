"""Errors the services raise; main.py turns them into {"detail": ...} responses."""
from __future__ import annotations


class ServiceError(Exception):
    status_code = 400

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class Unauthorized(ServiceError):
    status_code = 401


class NotFound(ServiceError):
    status_code = 404


class Conflict(ServiceError):
    status_code = 409


class Gone(ServiceError):
    """Erased at the owner's request or after the retention period: never written again."""

    status_code = 410


class Invalid(ServiceError):
    status_code = 422


class Unavailable(ServiceError):
    status_code = 503
