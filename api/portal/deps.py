"""The portal's dependencies: the signed-in user, the programme-office role, CSRF, and API Bearer tokens."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from api.deps import SessionDep, TodayDep
from api.identity import roles, service, sessions, tokens
from api.identity.roles import Principal
from api.registry import service as registry

LOGIN_PATH = "/portaal/inloggen"


class PortalError(Exception):
    """Handled in api/main.py: a Dutch error page with this status."""

    def __init__(self, status_code: int, message: str):
        super().__init__(message)
        self.status_code = status_code
        self.message = message


class LoginRequired(Exception):
    """Handled in api/main.py: a redirect to the log-in page that comes back here afterwards."""

    def __init__(self, next_path: str):
        self.next_path = next_path

    @property
    def location(self) -> str:
        return f"{LOGIN_PATH}?volgende={quote(self.next_path, safe='/')}"


def safe_next(path: str | None) -> str:
    """Only a path inside the portal: never an open redirect."""
    if path and path.startswith("/portaal") and not path.startswith("//") and "\\" not in path:
        return path
    return "/portaal/leads"


def current_user(request: Request, session: SessionDep, today: TodayDep) -> Principal:
    cookie = request.cookies.get(sessions.PORTAL.cookie)
    found = sessions.find(session, sessions.PORTAL, cookie)
    if found is not None and not registry.has_access(session, found[1].intermediary_id, today):
        sessions.end(session, cookie)  # the organisation left the programme
        found = None
    if found is None:
        next_path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(next_path if request.method == "GET" else "/portaal/leads")
    return sessions.principal(*found)


def programme_office(user: Annotated[Principal, Depends(current_user)]) -> Principal:
    """Programme-office pages do not exist for anyone else (404, like a foreign lead)."""
    if not user.programme_office:
        raise PortalError(404, "")
    return user


async def csrf_protected(request: Request, user: Annotated[Principal, Depends(current_user)]) -> Principal:
    """Every state-changing form carries the session's CSRF token."""
    form = await request.form()
    if not tokens.same(str(form.get("csrf_token", "")), user.csrf_token):
        raise PortalError(403, "Het formulier is verlopen of komt niet van deze site. "
                               "Laad de pagina opnieuw en probeer het nog eens.")
    return user


async def programme_office_form(user: Annotated[Principal, Depends(csrf_protected)]) -> Principal:
    if not user.programme_office:
        raise PortalError(404, "")
    return user


def api_client(request: Request, session: SessionDep, today: TodayDep) -> Principal:
    """An intermediary's (or the office's) own systems: a token of their organisation, never a campaign's."""
    secret = service.bearer(request.headers.get("authorization"))
    if secret is None:
        raise HTTPException(status_code=401, detail="a Bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    found = service.find_token(session, secret, roles.PORTAL_ROLES)
    if found is None:
        raise HTTPException(status_code=401, detail="the token is unknown or revoked",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    if not registry.has_access(session, found.intermediary_id, today):
        raise HTTPException(status_code=401, detail="the token's intermediary is no longer active or qualified",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return service.token_principal(found)


CurrentUser = Annotated[Principal, Depends(current_user)]
ProgrammeOffice = Annotated[Principal, Depends(programme_office)]
CsrfUser = Annotated[Principal, Depends(csrf_protected)]
CsrfOffice = Annotated[Principal, Depends(programme_office_form)]
ApiClient = Annotated[Principal, Depends(api_client)]
