"""The programme office's pages: the registry, API tokens, undelivered notifications, the audit log and
the progress of the trajectories per intermediary."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from api.audit import service as audit
from api.db import utcnow
from api.delivery import outbox
from api.deps import SessionDep, SettingsDep
from api.identity import service
from api.identity.models import ApiToken
from api.identity.roles import Principal
from api.portal.deps import CsrfOffice, PortalError, ProgrammeOffice
from api.registry import service as registry
from api.rescans import service as rescans
from api.templating import templates
from bot import questionnaire

router = APIRouter()


def _entry(session, intermediary_id: str):
    entry = registry.get(session, intermediary_id)
    if entry is None:
        raise PortalError(404, "")
    return entry


def _tokens(session, intermediary_id: str) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.intermediary_id == intermediary_id)
                                .order_by(ApiToken.id.desc())))


def _edit_page(request: Request, session, user: Principal, entry, *, error: str | None = None,
               message: str | None = None, new_token: str | None = None, status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, "portal/register_edit.html", {
        "user": user, "entry": entry, "tokens": _tokens(session, entry.id), "error": error, "message": message,
        "new_token": new_token, "interests": questionnaire.load()["interesse"].options}, status_code=status_code)


@router.get("/register", response_class=HTMLResponse)
def register(request: Request, session: SessionDep, user: ProgrammeOffice) -> HTMLResponse:
    audit.record(session, user.actor, "register_bekeken", intermediary_id=user.intermediary_id)
    return templates.TemplateResponse(request, "portal/register.html", {
        "user": user, "entries": registry.entries(session)})


@router.get("/register/{intermediary_id}", response_class=HTMLResponse)
def register_entry(request: Request, intermediary_id: str, session: SessionDep, user: ProgrammeOffice,
                   bericht: str | None = None) -> HTMLResponse:
    entry = _entry(session, intermediary_id)
    audit.record(session, user.actor, "register_regel_bekeken", intermediary_id=user.intermediary_id,
                 doel=entry.id)
    message = {"opgeslagen": "De wijzigingen zijn opgeslagen.", "ingetrokken": "Het token is ingetrokken."}
    return _edit_page(request, session, user, entry, message=message.get(bericht or ""))


@router.post("/register/{intermediary_id}")
async def register_update(request: Request, intermediary_id: str, session: SessionDep, settings: SettingsDep,
                          user: CsrfOffice) -> Response:
    entry = _entry(session, intermediary_id)
    form = await request.form()
    try:
        changes = registry.parse_form(form, [str(v) for v in form.getlist("expertise")], questionnaire.load(),
                                      development=settings.environment == "development")
    except registry.RegistryInputError as error:
        return _edit_page(request, session, user, entry, error=str(error), status_code=422)
    changed = registry.apply(entry, changes)
    audit.record(session, user.actor, "register_gewijzigd", intermediary_id=user.intermediary_id,
                 doel=entry.id, velden=changed)
    return RedirectResponse(f"/portaal/register/{entry.id}?bericht=opgeslagen", status_code=303)


@router.post("/register/{intermediary_id}/tokens", response_class=HTMLResponse)
def token_issue(request: Request, intermediary_id: str, session: SessionDep, user: CsrfOffice,
                label: Annotated[str, Form(max_length=100)] = "") -> HTMLResponse:
    entry = _entry(session, intermediary_id)
    issued, secret = service.issue_token(session, service.role_of_organisation(entry.id), user.actor,
                                         intermediary_id=entry.id, label=label.strip())
    audit.record(session, user.actor, "token_uitgegeven", intermediary_id=user.intermediary_id,
                 doel=entry.id, token_id=issued.id)
    # Shown once, on this response only: the database keeps just its hash.
    response = _edit_page(request, session, user, entry, new_token=secret,
                          message="Het nieuwe token staat hieronder. Kopieer het nu: het wordt niet nog eens getoond.")
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/register/{intermediary_id}/tokens/{token_id}/intrekken")
def token_revoke(intermediary_id: str, token_id: int, session: SessionDep, user: CsrfOffice) -> Response:
    entry = _entry(session, intermediary_id)
    token = session.get(ApiToken, token_id)
    if token is None or token.intermediary_id != entry.id:
        raise PortalError(404, "")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, user.actor, "token_ingetrokken", intermediary_id=user.intermediary_id,
                     doel=entry.id, token_id=token.id)
    return RedirectResponse(f"/portaal/register/{entry.id}?bericht=ingetrokken", status_code=303)


@router.get("/bezorging", response_class=HTMLResponse)
def deliveries(request: Request, session: SessionDep, user: ProgrammeOffice) -> HTMLResponse:
    audit.record(session, user.actor, "bezorging_bekeken", intermediary_id=user.intermediary_id)
    return templates.TemplateResponse(request, "portal/deliveries.html", {
        "user": user, "items": outbox.undelivered(session),
        "names": {e.id: e.name for e in registry.entries(session)}})


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, session: SessionDep, user: ProgrammeOffice) -> HTMLResponse:
    entries = audit.recent(session)
    audit.record(session, user.actor, "auditlog_bekeken", intermediary_id=user.intermediary_id)
    return templates.TemplateResponse(request, "portal/audit.html", {"user": user, "entries": entries})


@router.get("/trajecten", response_class=HTMLResponse)
def trajectories(request: Request, session: SessionDep, user: ProgrammeOffice) -> HTMLResponse:
    """Per intermediary: leads, trajectories with a shared re-scan, and how many improved (counts only)."""
    rows = rescans.progress_by_intermediary(session, {e.id: e.name for e in registry.entries(session)})
    audit.record(session, user.actor, "trajecten_bekeken", intermediary_id=user.intermediary_id)
    return templates.TemplateResponse(request, "portal/trajectories.html", {"user": user, "rows": rows})
