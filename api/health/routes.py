"""Liveness and database check."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.deps import SessionDep

router = APIRouter(prefix="/healthz", tags=["health"])


@router.get("")
def healthz(session: SessionDep) -> JSONResponse:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return JSONResponse({"status": "degraded", "database": "error"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})
