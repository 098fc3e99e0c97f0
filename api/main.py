"""The FastAPI application: create_app() wires settings, database, routers and error pages.

Run with the repo root on sys.path: `uvicorn api.main:app --app-dir /work/main`. `app` is made
when it is first asked for, from the environment (importing this module builds nothing).
"""
from __future__ import annotations

import json
import re
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.analytics.routes import dashboard as analytics_dashboard
from api.analytics.routes import events as analytics_events
from api.analytics.routes import summary as analytics_summary
from api.assessments import routes as assessments
from api.db import create_tables, make_engine, make_sessionmaker
from api.errors import ServiceError
from api.health import routes as health
from api.leads import preview_routes as routing
from api.leads import routes as leads
from api.portal import install as portal
from api.reports import routes as pages
from api.rescans import routes as rescans
from api.security import LoopbackOnly, SecurityHeaders, keep_tokens_out_of_logs
from api.settings import Settings, get_settings

STATIC_DIR = Path(__file__).with_name("static")


class StartupRefused(RuntimeError):
    """The settings are not safe to serve with; the message says what to set."""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    problem = settings.service_problem()
    if problem:
        raise StartupRefused(problem)
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        create_tables(engine)
        await portal.start(app)  # seeding and the delivery worker
        yield
        await portal.stop(app)
        engine.dispose()

    development = settings.environment == "development"
    app = FastAPI(title="Scan productie-innovatie", version="1.0", lifespan=lifespan,
                  openapi_url="/openapi.json" if development else None,
                  docs_url="/docs" if development else None, redoc_url=None)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)

    app.include_router(health.router, prefix="/healthz", tags=["health"])
    app.include_router(assessments.router, prefix="/api/v1/assessments", tags=["assessments"])
    app.include_router(routing.router, prefix="/api/v1/routing", tags=["routing"])
    app.include_router(leads.router, prefix="/api/v1/leads", tags=["leads"])
    app.include_router(rescans.router, prefix="/api/v1/rescans", tags=["rescans"])
    app.include_router(pages.router, tags=["pages"])
    app.include_router(analytics_events.router, prefix="/api/v1/events", tags=["analytics"])
    app.include_router(analytics_summary.router, prefix="/api/v1/analytics", tags=["analytics"])
    app.include_router(analytics_dashboard.router, prefix="/dashboard", tags=["dashboard"])
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    portal.install(app)  # portal pages, GET /api/v1/leads, erasure, their error pages

    _add_error_handlers(app)
    app.add_middleware(BodyGuard)
    app.add_middleware(SecurityHeaders, settings=settings)
    if development:
        app.add_middleware(LoopbackOnly)  # outermost: nothing else runs for a request from elsewhere
    keep_tokens_out_of_logs()
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/healthz"))


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(_request: Request, error: ServiceError) -> JSONResponse:
        return JSONResponse({"detail": error.detail}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = error.errors()
        return JSONResponse({"detail": "invalid request: " + "; ".join(_describe(e) for e in errors),
                             "errors": _jsonable(errors)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if error.status_code == 404 and not _wants_json(request):
            return pages.not_found_page(request)
        return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                            headers=getattr(error, "headers", None))


def _describe(error: dict) -> str:
    loc = [part for part in error.get("loc", ()) if part != "body"]
    if error.get("type") == "json_invalid":
        return f"malformed JSON body (at character {loc[0]})" if loc else "malformed JSON body"
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{'.'.join(map(str, loc)) or 'body'}: {message}"


def _jsonable(errors: list[dict]) -> list[dict]:
    """Validation errors may carry exceptions or raw input; keep only the plain parts."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]


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


def __getattr__(name: str):
    """`api.main:app` for uvicorn: the app of the environment's settings, made on first use."""
    if name == "app":
        made = globals()["app"] = create_app()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
