"""The campaign dashboard (HTML), its CSV export and the campaign log-in and log-out."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.analytics import auth, csv_export, display, figures, overview, queries
from api.analytics.deps import FiltersDep, NowDep, SignedInDep, WindowDep
from api.analytics.figures import FLAT, QUESTION_FIGURES, TARGET_GROUP_BASELINE
from api.analytics.filters import DIMENSIONS
from api.analytics.fold import TIMEZONE, week_of
from api.analytics.labels import DIMENSION_LABELS
from api.deps import SessionDep, SettingsDep
from api.portal import ratelimit
from api.settings import Settings
from api.templating import templates

router = APIRouter()
HOME, LOGIN = "/dashboard", "/dashboard/inloggen"
DEFAULT_BY = "campaign"
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}


def _private(response: Response) -> Response:
    response.headers.update(PRIVATE)
    return response


@router.get("", response_class=HTMLResponse)
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


@router.get("/export.csv")
def export_csv(session: SessionDep, user: SignedInDep, filters: FiltersDep, window: WindowDep) -> Response:
    if user is None:
        return RedirectResponse(LOGIN, status_code=303)
    data = overview.build(session, filters, window)
    name = f"campagnecijfers-{window.now.date().isoformat()}.csv"
    return _private(Response(csv_export.render(data), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'}))


def _login_page(request: Request, settings: Settings, status_code: int = 200, error: str | None = None,
                username: str = "") -> Response:
    token = auth.new_secret()
    response = templates.TemplateResponse(request, "dashboard/login.html", {
        "csrf_token": token, "error": error, "username": username}, status_code=status_code)
    response.set_cookie(auth.LOGIN_CSRF_COOKIE, token, path=auth.COOKIE_PATH, httponly=True, samesite="strict",
                        secure=settings.secure_cookies)
    return _private(response)


@router.get("/inloggen", response_class=HTMLResponse)
def login_form(request: Request, settings: SettingsDep, user: SignedInDep) -> Response:
    if user is not None:
        return RedirectResponse(HOME, status_code=303)
    return _login_page(request, settings)


@router.post("/inloggen", response_class=HTMLResponse)
def login(request: Request, session: SessionDep, settings: SettingsDep, now: NowDep,
          gebruikersnaam: Annotated[str, Form(max_length=100)] = "",
          wachtwoord: Annotated[str, Form(max_length=200)] = "",
          csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    if not auth.same(csrf, request.cookies.get(auth.LOGIN_CSRF_COOKIE)):
        return _login_page(request, settings, 403, "Het formulier was verlopen. Probeer het nog een keer.",
                           gebruikersnaam)
    named = auth.account_named(session, gebruikersnaam)
    device = ratelimit.known_device(settings, request.cookies.get(ratelimit.DEVICE_COOKIE),
                                    named and f"campagne:{named.username}", named and named.password_hash)
    client = request.client.host if request.client else "onbekend"
    counters = ratelimit.counters("dashboard", gebruikersnaam, client, device, settings)
    wait = ratelimit.reserve(session, counters, settings, now)
    if wait:
        minutes = max(1, round(wait / 60))
        response = _login_page(request, settings, 429, f"Te veel mislukte pogingen. Probeer het over {minutes} "
                               f"{'minuut' if minutes == 1 else 'minuten'} opnieuw.", gebruikersnaam)
        response.headers["Retry-After"] = str(wait)
        return response
    account = auth.log_in(named, wachtwoord)
    ratelimit.settle(session, counters, account is not None)
    if account is None:
        return _login_page(request, settings, 401, "Deze combinatie van gebruikersnaam en wachtwoord kennen we "
                           "niet.", gebruikersnaam)
    token = auth.start_session(session, account, now, settings.session_hours)
    response = RedirectResponse(HOME, status_code=303)
    response.set_cookie(auth.SESSION_COOKIE, token, max_age=int(settings.session_hours * 3600),
                        path=auth.COOKIE_PATH, httponly=True, samesite="lax", secure=settings.secure_cookies)
    response.set_cookie(ratelimit.DEVICE_COOKIE, ratelimit.new_device(settings, f"campagne:{account.username}",
                                                                      account.password_hash),
                        max_age=settings.login_device_days * 86400, path=auth.COOKIE_PATH, httponly=True,
                        samesite="lax", secure=settings.secure_cookies)
    response.delete_cookie(auth.LOGIN_CSRF_COOKIE, path=auth.COOKIE_PATH)
    return _private(response)


@router.post("/uitloggen")
def logout(request: Request, session: SessionDep, user: SignedInDep,
           csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    if user is None or not auth.same(csrf, user.csrf_token):
        return _private(Response("Uitloggen kon niet: ververs de pagina en probeer het opnieuw.", status_code=403,
                                 media_type="text/plain; charset=utf-8"))
    auth.end_session(session, request.cookies.get(auth.SESSION_COOKIE))
    response = RedirectResponse(LOGIN, status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path=auth.COOKIE_PATH)
    return _private(response)
