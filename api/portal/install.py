"""Wires the portal, the JSON API for intermediaries, delivery and privacy into the app (called from api/main.py).

install(app): routers, the portal's static files and error pages. start(app) / stop(app): in the
lifespan, the start-up seeding and the delivery worker.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from api.delivery.worker import Worker
from api.leads import api_routes
from api.leads.intake import CAMPAIGN_LABELS
from api.portal import admin_routes, routes, seed
from api.portal.deps import LoginRequired, PortalError
from api.portal.views import CHANNEL_LABELS, DELIVERY_LABELS, EVENT_LABELS, dutch_date, dutch_datetime, who
from api.privacy import routes as privacy_routes
from api.reports.routes import not_found_page
from api.templating import environment, templates
from bot import questionnaire

STATIC_DIR = Path(__file__).with_name("static")
PRIVATE_PREFIXES = ("/portaal", "/api/v1/leads")


def install(app: FastAPI) -> None:
    app.include_router(routes.router, prefix="/portaal", tags=["portaal"])
    app.include_router(admin_routes.router, prefix="/portaal", tags=["portaal"])
    app.include_router(api_routes.router, prefix="/api/v1/leads", tags=["leads"])
    app.include_router(privacy_routes.router, tags=["privacy"])
    app.mount("/portaal/static", StaticFiles(directory=STATIC_DIR), name="portal-static")
    environment.filters.setdefault("datumtijd", dutch_datetime)
    environment.filters.setdefault("datum", dutch_date)
    environment.globals.setdefault("delivery_labels", DELIVERY_LABELS)
    environment.globals.setdefault("channel_labels", CHANNEL_LABELS)
    environment.globals.setdefault("event_labels", EVENT_LABELS)
    environment.globals.setdefault("campaign_labels", CAMPAIGN_LABELS)
    environment.globals.setdefault("scan_dimension_labels", questionnaire.load().dimension_labels)
    environment.filters.setdefault("wie", who)

    @app.middleware("http")
    async def private_pages(request: Request, call_next) -> Response:
        """Portal pages hold personal data: never cached, never framed, no referrer to other sites."""
        response = await call_next(request)
        if request.url.path.startswith(PRIVATE_PREFIXES):
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Referrer-Policy", "same-origin")
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.exception_handler(LoginRequired)
    async def login_required(_request: Request, error: LoginRequired) -> Response:
        return RedirectResponse(error.location, status_code=303)

    @app.exception_handler(PortalError)
    async def portal_error(request: Request, error: PortalError) -> Response:
        if error.status_code == 404:
            return not_found_page(request)
        return templates.TemplateResponse(request, "portal/error.html", {"message": error.message},
                                          status_code=error.status_code)


async def start(app: FastAPI) -> None:
    settings = app.state.settings

    def _seed() -> None:
        with app.state.sessionmaker() as session:
            seed.seed(session, settings)

    await asyncio.to_thread(_seed)
    if settings.delivery_worker:
        worker = Worker(app.state.sessionmaker, settings)
        app.state.delivery_worker = worker
        worker.start()


async def stop(app: FastAPI) -> None:
    worker = getattr(app.state, "delivery_worker", None)
    if worker is not None:
        await worker.stop()
        app.state.delivery_worker = None
