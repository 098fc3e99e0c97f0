"""The FastAPI application: create_app() wires the settings, the database, every router, the error pages and
the middleware; its lifespan brings the database up to date, seeds it and runs the delivery worker.

Run with the repo root on sys.path: `uvicorn api.main:app --app-dir /work/main`. `app` is made
when it is first asked for, from the environment (importing this module builds nothing).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.analytics import routes as analytics
from api.assessments import routes as assessments
from api.db import make_engine, make_sessionmaker, migrate
from api.delivery import worker
from api.errors import ServiceError
from api.health import routes as health
from api.identity import service as identity
from api.leads import routes as leads
from api.portal import routes as portal
from api.portal import views
from api.portal.deps import LoginRequired, PortalError
from api.privacy import routes as privacy
from api.registry import service as registry
from api.reports import routes as reports
from api.rescans import routes as rescans
from api.security import BodyGuard, LoopbackOnly, SecurityHeaders, keep_tokens_out_of_logs
from api.settings import Settings, get_settings
from api.templating import environment, not_found_page, templates

API_DIR = Path(__file__).parent
ROUTERS = (health.router, assessments.router, leads.router, rescans.router, reports.router, privacy.router,
           analytics.router, portal.router)
log = logging.getLogger(__name__)


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
        migrate(engine)
        await asyncio.to_thread(seed, app.state.sessionmaker, settings)
        worker.start(app)
        yield
        await worker.stop(app)
        engine.dispose()

    development = settings.environment == "development"
    app = FastAPI(title="Scan productie-innovatie", version="1.0", lifespan=lifespan,
                  openapi_url="/openapi.json" if development else None,
                  docs_url="/docs" if development else None, redoc_url=None)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)

    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=API_DIR / "static"), name="static")
    app.mount("/portaal/static", StaticFiles(directory=API_DIR / "portal" / "static"), name="portal-static")
    views.register(environment)

    _add_error_handlers(app)
    app.add_middleware(BodyGuard)
    app.add_middleware(SecurityHeaders, settings=settings)
    if development:
        app.add_middleware(LoopbackOnly)  # outermost: nothing else runs for a request from elsewhere
    keep_tokens_out_of_logs()
    return app


def seed(make_session: sessionmaker, settings: Settings) -> None:
    """The registry from INTERMEDIARIES_FILE (never over the office's edits) and, in development, the log-ins
    derived from SECRET_KEY. Never stops the service: a broken registry file is logged (routing says 503)."""
    with make_session() as session:
        try:
            registry.seed_from_file(session, settings.intermediaries_file)
            if settings.environment == "development":
                identity.seed_development(session, settings)
        except (OSError, ValueError) as error:
            session.rollback()
            log.error("seeding the registry and the development log-ins failed: %s", error)


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
            return not_found_page(request)
        return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                            headers=getattr(error, "headers", None))

    @app.exception_handler(LoginRequired)
    async def login_required(_request: Request, error: LoginRequired) -> Response:
        return RedirectResponse(error.location, status_code=303)

    @app.exception_handler(PortalError)
    async def portal_error(request: Request, error: PortalError) -> Response:
        if error.status_code == 404:
            return not_found_page(request)
        return templates.TemplateResponse(request, "portal/error.html", {"message": error.message},
                                          status_code=error.status_code)


def _describe(error: Mapping[str, Any]) -> str:
    loc = [part for part in error.get("loc", ()) if part != "body"]
    if error.get("type") == "json_invalid":
        return f"malformed JSON body (at character {loc[0]})" if loc else "malformed JSON body"
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{'.'.join(map(str, loc)) or 'body'}: {message}"


def _jsonable(errors: Sequence[Mapping[str, Any]]) -> list[dict]:
    """Validation errors may carry exceptions or raw input; keep only the plain parts."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]


def __getattr__(name: str):
    """`api.main:app` for uvicorn: the app of the environment's settings, made on first use."""
    if name == "app":
        made = globals()["app"] = create_app()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
