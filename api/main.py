"""The FastAPI application: create_app() wires settings, database, routers and error pages.

Run with the repo root on sys.path: `uvicorn api.main:app --app-dir /work/main`.
"""
from __future__ import annotations

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
from api.db import create_tables, make_engine, make_sessionmaker
from api.errors import ServiceError
from api.portal import install as portal
from api.routes import assessments, health, leads, pages, routing
from api.settings import Settings, get_settings

STATIC_DIR = Path(__file__).with_name("static")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        create_tables(engine)
        await portal.start(app)  # seeding and the delivery worker
        yield
        await portal.stop(app)
        engine.dispose()

    app = FastAPI(title="Scan productie-innovatie", version="1.0", lifespan=lifespan,
                  docs_url="/docs" if settings.environment == "development" else None,
                  redoc_url=None)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)

    app.include_router(health.router, prefix="/healthz", tags=["health"])
    app.include_router(assessments.router, prefix="/api/v1/assessments", tags=["assessments"])
    app.include_router(routing.router, prefix="/api/v1/routing", tags=["routing"])
    app.include_router(leads.router, prefix="/api/v1/leads", tags=["leads"])
    app.include_router(pages.router, tags=["pages"])
    app.include_router(analytics_events.router, prefix="/api/v1/events", tags=["analytics"])
    app.include_router(analytics_summary.router, prefix="/api/v1/analytics", tags=["analytics"])
    app.include_router(analytics_dashboard.router, prefix="/dashboard", tags=["dashboard"])
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    portal.install(app)  # portal pages, GET /api/v1/leads, erasure, their error pages

    _add_error_handlers(app)
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


app = create_app()
