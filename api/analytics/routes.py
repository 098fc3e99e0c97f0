"""The analytics' routes: anonymous events in (POST /api/v1/events, the bot's), the figures as JSON
(GET /api/v1/analytics/summary, a campaign token's), and the campaign dashboard with its CSV, log-in and
log-out (/dashboard)."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.analytics import csv_export, display, figures, ingest, overview, queries
from api.analytics.deps import CampaignTokenDep, FiltersDep, SignedInDep, WindowDep
from api.analytics.figures import FLAT, QUESTION_FIGURES, TARGET_GROUP_BASELINE
from api.analytics.filters import DIMENSIONS
from api.analytics.fold import TIMEZONE, week_of
from api.analytics.labels import DIMENSION_LABELS
from api.analytics.schemas import EventsIn, EventsOut
from api.deps import BotOnly, SessionDep, SettingsDep
from api.identity import limiter, service, sessions, tokens
from api.settings import Settings
from api.templating import templates

router = APIRouter(tags=["analytics"])
HOME, LOGIN = "/dashboard", "/dashboard/inloggen"
Dimension = Literal[tuple(DIMENSIONS)]  # type: ignore[valid-type]
DEFAULT_BY = "campaign"
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}


def _private(response: Response) -> Response:
    response.headers.update(PRIVATE)
    return response


@router.post("/api/v1/events", response_model=EventsOut, dependencies=BotOnly)
def post_events(body: EventsIn, session: SessionDep) -> EventsOut:
    """Anonymous conversation events from the action server, stored once each. Unknown types and data keys
    are refused (422); an event_id already stored is ignored."""
    return EventsOut(stored=ingest.store(session, body.events))


@router.get("/api/v1/analytics/summary")
def summary(_account: CampaignTokenDep, session: SessionDep, filters: FiltersDep, window: WindowDep,
            by: Annotated[list[Dimension] | None, Query()] = None,  # type: ignore[valid-type]
            ) -> dict[str, Any]:
    """The dashboard's figures as JSON, behind a campaign-role Bearer token. Filters as query parameters; `by`
    (repeatable) limits the break-downs, default all six."""
    return overview.build(session, filters, window, by or tuple(DIMENSIONS))


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, session: SessionDep, user: SignedInDep, filters: FiltersDep, window: WindowDep,
              by: Annotated[str, Query(max_length=20)] = DEFAULT_BY) -> Response:
    """Context: user, filters, by, overview (figures.summary), options, charts, weeks [(label, row)], fmt/plain,
    specs, updated."""
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    by = by if by in DIMENSIONS else DEFAULT_BY
    data = overview.build(session, filters, window, (by,))
    weeks = data["breakdowns"][by] if by == "week" else figures.trend(queries.trend(session, filters))
    return _private(templates.TemplateResponse(request, "dashboard/index.html", {
        "user": user, "filters": filters, "by": by, "overview": data,
        "options": display.filter_options(queries.options(session)),
        "charts": display.charts(data, by, weeks, week_of(window.now)),
        "weeks": list(zip(display.week_labels([w["value"] for w in weeks], week_of(window.now)), weeks)),
        "dimension_labels": DIMENSION_LABELS, "flat_specs": FLAT, "question_specs": QUESTION_FIGURES,
        "baseline": TARGET_GROUP_BASELINE, "fmt": display.fmt, "plain": display.plain,
        "csv_query": filters.as_query(), "updated": window.now.astimezone(TIMEZONE).strftime("%d-%m-%Y %H:%M"),
    }))


@router.get("/dashboard/export.csv")
def export_csv(session: SessionDep, user: SignedInDep, filters: FiltersDep, window: WindowDep) -> Response:
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    data = overview.build(session, filters, window)
    name = f"campagnecijfers-{window.now.date().isoformat()}.csv"
    return _private(Response(csv_export.render(data), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'}))


def _login_page(request: Request, settings: Settings, status_code: int = 200, error: str | None = None,
                username: str = "") -> Response:
    token = sessions.login_csrf(sessions.DASHBOARD, request.cookies)
    response = templates.TemplateResponse(request, "dashboard/login.html", {
        "csrf_token": token, "error": error, "username": username}, status_code=status_code)
    sessions.keep_login_csrf(response, sessions.DASHBOARD, token, settings)
    return _private(response)


@router.get("/dashboard/inloggen", response_class=HTMLResponse)
def login_form(request: Request, settings: SettingsDep, user: SignedInDep) -> Response:
    if user is not None:
        return RedirectResponse(HOME, status_code=303)
    return _login_page(request, settings)


@router.post("/dashboard/inloggen", response_class=HTMLResponse)
def login(request: Request, session: SessionDep, settings: SettingsDep,
          gebruikersnaam: Annotated[str, Form(max_length=100)] = "",
          wachtwoord: Annotated[str, Form(max_length=200)] = "",
          csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    if not tokens.same(csrf, request.cookies.get(sessions.DASHBOARD.login_csrf_cookie)):
        return _login_page(request, settings, 403, "Het formulier was verlopen. Probeer het nog een keer.",
                           gebruikersnaam)
    client = request.client.host if request.client else "onbekend"
    attempt = service.log_in(session, sessions.DASHBOARD, gebruikersnaam, wachtwoord, client,
                             request.cookies.get(limiter.DEVICE_COOKIE), settings)
    if attempt.wait:
        minutes = max(1, round(attempt.wait / 60))
        response = _login_page(request, settings, 429, f"Te veel mislukte pogingen. Probeer het over {minutes} "
                               f"{'minuut' if minutes == 1 else 'minuten'} opnieuw.", gebruikersnaam)
        response.headers["Retry-After"] = str(attempt.wait)
        return response
    if attempt.account is None:
        return _login_page(request, settings, 401, "Deze combinatie van gebruikersnaam en wachtwoord kennen we "
                           "niet.", gebruikersnaam)
    response = RedirectResponse(HOME, status_code=303)
    sessions.sign_in(response, session, sessions.DASHBOARD, attempt.account, settings)
    return _private(response)


@router.post("/dashboard/uitloggen")
def logout(request: Request, session: SessionDep, settings: SettingsDep, user: SignedInDep,
           csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    if user is None or not tokens.same(csrf, user.csrf_token):
        return _private(Response("Uitloggen kon niet: ververs de pagina en probeer het opnieuw.", status_code=403,
                                 media_type="text/plain; charset=utf-8"))
    sessions.end(session, request.cookies.get(sessions.DASHBOARD.cookie))
    response = RedirectResponse(LOGIN, status_code=303)
    sessions.clear_cookie(response, sessions.DASHBOARD, sessions.DASHBOARD.cookie, settings)
    return _private(response)
