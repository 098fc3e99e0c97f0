"""The portal's pages (/portaal/...): log-in, an intermediary's own leads (the programme office's queue for
the office), and the office's own pages: the registry, API tokens, undelivered notices, the audit log and
the trajectories' progress.

Every lead route goes through leads.get(), which only finds the user's own leads: another
intermediary's lead is a 404 page, the same as a lead that does not exist. The office's pages do
not exist for anyone else (404).
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import select

from api.audit import service as audit
from api.db import utcnow
from api.delivery import outbox
from api.delivery.worker import attempts_for, wake
from api.deps import SessionDep, SettingsDep, TodayDep
from api.errors import NotFound, ServiceError
from api.identity import limiter, service, sessions, tokens
from api.identity.models import ApiToken
from api.identity.roles import Principal
from api.leads import service as leads
from api.leads import workflow
from api.leads.models import Lead
from api.portal import csv_export, pdf, trajectory_chart
from api.portal.deps import LOGIN_PATH, CsrfOffice, CsrfUser, CurrentUser, PortalError, ProgrammeOffice, safe_next
from api.registry import service as registry
from api.reports.routes import report_of
from api.rescans import service as rescans
from api.templating import templates
from bot import questionnaire

router = APIRouter(prefix="/portaal", tags=["portaal"])
MESSAGES = {
    "status": "De status is bijgewerkt.",
    "teruggedraaid": "De statuswijziging is ongedaan gemaakt.",
    "notitie": "De notitie is opgeslagen.",
    "toegewezen": "De lead is toegewezen.",
    "uitgenodigd": "De uitnodiging voor een nieuwe scan gaat nu per e-mail naar de ondernemer.",
}
CONFIRMED = "ja"


def _lead(session, user: Principal, lead_id: str) -> Lead:
    try:
        return leads.get(session, user, lead_id)
    except NotFound:
        raise PortalError(404, "") from None


# --- log-in -----------------------------------------------------------------------------

def _login_page(request: Request, settings, next_path: str, error: str | None = None,
                status_code: int = 200, username: str = "") -> HTMLResponse:
    csrf = sessions.login_csrf(sessions.PORTAL, request.cookies)
    response = templates.TemplateResponse(request, "portal/login.html", {
        "csrf_token": csrf, "next": next_path, "error": error, "username": username}, status_code=status_code)
    sessions.keep_login_csrf(response, sessions.PORTAL, csrf, settings)
    return response


@router.get("/inloggen", response_class=HTMLResponse)
def login_form(request: Request, settings: SettingsDep, volgende: str | None = None) -> HTMLResponse:
    return _login_page(request, settings, safe_next(volgende))


@router.post("/inloggen")
def login(request: Request, session: SessionDep, settings: SettingsDep, today: TodayDep,
          username: Annotated[str, Form(max_length=100)] = "", password: Annotated[str, Form(max_length=200)] = "",
          csrf_token: Annotated[str, Form()] = "", volgende: Annotated[str, Form()] = "") -> Response:
    next_path = safe_next(volgende)
    if not tokens.same(csrf_token, request.cookies.get(sessions.PORTAL.login_csrf_cookie)):
        return _login_page(request, settings, next_path, "Het formulier is verlopen. Probeer het nog eens.", 403)
    username = username.strip()
    client = request.client.host if request.client else "onbekend"
    attempt = service.log_in(session, sessions.PORTAL, username, password, client,
                             request.cookies.get(limiter.DEVICE_COOKIE), settings)
    # The audit log names only existing accounts: a typed name may be a mistyped password.
    actor = f"gebruiker:{attempt.known.username}" if attempt.known else "gebruiker:onbekend"
    if attempt.wait:
        audit.record(session, actor, "inloggen_geblokkeerd", client=client)
        minutes = max(1, round(attempt.wait / 60))
        unit = "minuut" if minutes == 1 else "minuten"
        response = _login_page(request, settings, next_path,
                               f"Te veel mislukte pogingen. Probeer het over {minutes} {unit} opnieuw.", 429, username)
        response.headers["Retry-After"] = str(attempt.wait)
        return response
    user = attempt.account
    if user is None:
        audit.record(session, actor, "inloggen_mislukt", client=client)
        return _login_page(request, settings, next_path, "Gebruikersnaam of wachtwoord klopt niet.", 401, username)
    if not registry.has_access(session, user.intermediary_id, today):
        audit.record(session, actor, "inloggen_geweigerd", intermediary_id=user.intermediary_id, client=client)
        return _login_page(request, settings, next_path, "Je organisatie is niet (meer) actief of gekwalificeerd in "
                           "het programma, dus het portaal is niet beschikbaar. Neem contact op met het "
                           "programmabureau.", 403, username)
    audit.record(session, actor, "ingelogd", intermediary_id=user.intermediary_id)
    signed_in = RedirectResponse(next_path, status_code=303)
    sessions.sign_in(signed_in, session, sessions.PORTAL, user, settings)
    return signed_in


@router.post("/uitloggen")
def logout(request: Request, session: SessionDep, settings: SettingsDep, user: CsrfUser) -> Response:
    sessions.end(session, request.cookies.get(sessions.PORTAL.cookie))
    audit.record(session, user.actor, "uitgelogd", intermediary_id=user.intermediary_id)
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    sessions.clear_cookie(response, sessions.PORTAL, sessions.PORTAL.cookie, settings)
    return response


# --- leads ------------------------------------------------------------------------------

@router.get("", include_in_schema=False)
@router.get("/", include_in_schema=False)
def home(user: CurrentUser) -> Response:
    return RedirectResponse("/portaal/leads", status_code=303)


def _status_filter(status: str | None) -> str | None:
    return status if status in workflow.ALL else None


@router.get("/leads", response_class=HTMLResponse)
def lead_list(request: Request, session: SessionDep, settings: SettingsDep, user: CurrentUser,
              status: Annotated[str | None, Query(max_length=20)] = None, bericht: str | None = None) -> HTMLResponse:
    chosen = _status_filter(status)
    found = leads.list_leads(session, user, chosen)
    intakes = [leads.intake_of(session, lead, settings.public_base_url, with_peers=False) for lead in found]
    delivery = outbox.states(session, found)
    audit.record(session, user.actor, "leads_bekeken", intermediary_id=user.intermediary_id,
                 status=chosen, aantal=len(found))
    return templates.TemplateResponse(request, "portal/leads.html", {
        "user": user, "intakes": intakes, "delivery": delivery, "status": chosen,
        "message": MESSAGES.get(bericht or ""),
        "statuses": [(s, workflow.label(s)) for s in workflow.ALL]})


@router.get("/leads.csv")
def lead_csv(session: SessionDep, settings: SettingsDep, user: CurrentUser,
             status: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    chosen = _status_filter(status)
    found = leads.list_leads(session, user, chosen)
    audit.record(session, user.actor, "csv_geexporteerd", intermediary_id=user.intermediary_id,
                 status=chosen, aantal=len(found))
    body = csv_export.render([leads.intake_of(session, lead, settings.public_base_url, with_peers=False)
                              for lead in found])
    return Response(body, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="leads-{user.intermediary_id}.csv"',
        "Cache-Control": "no-store"})


def _lead_page(request: Request, session, settings, user: Principal, lead: Lead, today,
               error: str | None = None, status_code: int = 200, message: str | None = None,
               confirm: dict | None = None) -> HTMLResponse:
    # Only the notices to this user's own organisation (a reassigned lead also had some to the office).
    items = [i for i in outbox.for_lead(session, lead.id) if i.intermediary_id == user.intermediary_id]
    own_ids = {i.id for i in items}
    intake = leads.intake_of(session, lead, settings.public_base_url)
    undo = leads.undoable(session, lead)
    context = {
        "user": user, "lead": lead, "intake": intake,
        "next_statuses": [(s, workflow.label(s)) for s in workflow.next_statuses(lead.status)],
        "undo": undo, "confirm": confirm,
        "history": leads.history(session, lead.id), "notes": leads.notes(session, lead.id),
        "deliveries": items, "delivery_state": outbox.lead_state(items),
        "attempts": [a for a in attempts_for(session, lead.id) if a.outbox_id in own_ids],
        "invitations": rescans.invitations(session, lead.id),
        "invite_blocked": rescans.can_invite(lead, intake.contact is not None),
        "chart": trajectory_chart.build(intake.trajectory),
        "error": error, "message": message,
        "labels": workflow.LABELS,
        "targets": leads.reassign_targets(session, today) if user.programme_office else [],
        "registry_names": {e.id: e.name for e in registry.entries(session)},
    }
    return templates.TemplateResponse(request, "portal/lead.html", context, status_code=status_code)


@router.get("/leads/{lead_id}", response_class=HTMLResponse)
def lead_page(request: Request, lead_id: str, session: SessionDep, settings: SettingsDep, user: CurrentUser,
              today: TodayDep, bericht: str | None = None) -> HTMLResponse:
    lead = _lead(session, user, lead_id)
    audit.record(session, user.actor, "lead_bekeken", intermediary_id=user.intermediary_id, lead_id=lead.id)
    return _lead_page(request, session, settings, user, lead, today, message=MESSAGES.get(bericht or ""))


@router.get("/leads/{lead_id}/intake.pdf")
def lead_pdf(lead_id: str, session: SessionDep, settings: SettingsDep, user: CurrentUser) -> Response:
    lead = _lead(session, user, lead_id)
    audit.record(session, user.actor, "pdf_gedownload", intermediary_id=user.intermediary_id, lead_id=lead.id)
    content = pdf.render(leads.intake_of(session, lead, settings.public_base_url))
    return Response(content, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="intake-{lead.id}.pdf"', "Cache-Control": "no-store"})


@router.get("/leads/{lead_id}/intake.json")
def lead_json(lead_id: str, session: SessionDep, settings: SettingsDep, user: CurrentUser) -> JSONResponse:
    lead = _lead(session, user, lead_id)
    audit.record(session, user.actor, "json_bekeken", intermediary_id=user.intermediary_id, lead_id=lead.id)
    return JSONResponse(leads.intake_of(session, lead, settings.public_base_url).to_dict(),
                        headers={"Cache-Control": "no-store"})


@router.get("/leads/{lead_id}/rapport", response_class=HTMLResponse)
def lead_report(request: Request, lead_id: str, session: SessionDep, user: CurrentUser,
                scan: Annotated[int, Query(ge=0, le=100)] = 0) -> HTMLResponse:
    """The owner's report (T0, or re-scan `scan`) as the owner sees it, without the owner's own
    buttons: the owner's report link is their key to erase, so it never leaves the owner."""
    lead = _lead(session, user, lead_id)
    if lead.status == workflow.WITHDRAWN:
        raise PortalError(404, "")
    scans = rescans.scans_of(session, lead)
    if scan >= len(scans):
        raise PortalError(404, "")
    audit.record(session, user.actor, "rapport_bekeken", intermediary_id=user.intermediary_id, lead_id=lead.id,
                 scan=scan)
    return templates.TemplateResponse(request, "report/report.html", {
        "report": report_of(session, scans[scan]), "adviser_view": True, "lead": lead,
        "scan_label": f"T{scan}", "back_url": f"/portaal/leads/{lead.id}"})


@router.post("/leads/{lead_id}/status")
def lead_status(request: Request, lead_id: str, session: SessionDep, settings: SettingsDep, user: CsrfUser,
                today: TodayDep, status: Annotated[str, Form(max_length=20)] = "",
                reden: Annotated[str, Form(max_length=2000)] = "",
                bevestigd: Annotated[str, Form(max_length=10)] = "") -> Response:
    """A change is first checked and shown for confirmation; only the confirmed form changes it."""
    lead = _lead(session, user, lead_id)
    if bevestigd != CONFIRMED:
        try:
            workflow.check(lead.status, status, reden)
        except workflow.WorkflowError as error:
            return _lead_page(request, session, settings, user, lead, today, error=str(error), status_code=422)
        return _lead_page(request, session, settings, user, lead, today, confirm={
            "kind": "status", "status": status, "label": workflow.label(status),
            "from_label": workflow.label(lead.status), "reason": reden.strip()})
    try:
        leads.change_status(session, user, lead, status, reden)
    except ServiceError as error:
        session.rollback()
        return _lead_page(request, session, settings, user, lead, today, error=error.detail, status_code=422)
    return RedirectResponse(f"/portaal/leads/{lead.id}?bericht=status", status_code=303)


@router.post("/leads/{lead_id}/status/terugdraaien")
def lead_status_undo(request: Request, lead_id: str, session: SessionDep, settings: SettingsDep, user: CsrfUser,
                     today: TodayDep, bevestigd: Annotated[str, Form(max_length=10)] = "") -> Response:
    lead = _lead(session, user, lead_id)
    last = leads.undoable(session, lead)
    if last is None:
        return _lead_page(request, session, settings, user, lead, today, status_code=409,
                          error="Deze statuswijziging kan niet (meer) ongedaan worden gemaakt.")
    if bevestigd != CONFIRMED:
        return _lead_page(request, session, settings, user, lead, today, confirm={
            "kind": "undo", "label": workflow.label(last.from_status), "from_label": workflow.label(lead.status)})
    leads.undo_status(session, user, lead)
    return RedirectResponse(f"/portaal/leads/{lead.id}?bericht=teruggedraaid", status_code=303)


@router.post("/leads/{lead_id}/herscan")
def lead_rescan_invite(request: Request, lead_id: str, session: SessionDep, settings: SettingsDep, user: CsrfUser,
                       today: TodayDep) -> Response:
    """Sends the owner an invitation to redo the scan; with their consent the result joins this lead."""
    lead = _lead(session, user, lead_id)
    blocked = rescans.can_invite(lead, leads.erased_at(session, lead.id) is None)
    if blocked:
        return _lead_page(request, session, settings, user, lead, today, error=blocked, status_code=409)
    invitation = rescans.invite(session, lead, user.actor)
    session.flush()
    audit.record(session, user.actor, "herscan_uitgenodigd", intermediary_id=user.intermediary_id, lead_id=lead.id,
                 uitnodiging=invitation.id)
    wake(request.app)
    return RedirectResponse(f"/portaal/leads/{lead.id}?bericht=uitgenodigd", status_code=303)


@router.post("/leads/{lead_id}/notities")
def lead_note(request: Request, lead_id: str, session: SessionDep, settings: SettingsDep, user: CsrfUser,
              today: TodayDep, tekst: Annotated[str, Form(max_length=8000)] = "") -> Response:
    lead = _lead(session, user, lead_id)
    try:
        leads.add_note(session, user, lead, tekst)
    except ServiceError as error:
        session.rollback()
        return _lead_page(request, session, settings, user, lead, today, error=error.detail, status_code=422)
    return RedirectResponse(f"/portaal/leads/{lead.id}?bericht=notitie", status_code=303)


@router.post("/leads/{lead_id}/toewijzen")
def lead_reassign(request: Request, lead_id: str, session: SessionDep, settings: SettingsDep, user: CsrfUser,
                  today: TodayDep, intermediair: Annotated[str, Form(max_length=100)] = "") -> Response:
    lead = _lead(session, user, lead_id)
    if not user.programme_office:
        raise PortalError(404, "")
    try:
        leads.reassign(session, user, lead, intermediair, today, settings)
    except ServiceError as error:
        session.rollback()
        return _lead_page(request, session, settings, user, lead, today, error=error.detail, status_code=422)
    wake(request.app)
    # The lead left the programme office's queue: back to the queue, not to a page it may no longer see.
    return RedirectResponse("/portaal/leads?bericht=toegewezen", status_code=303)


# --- the programme office -------------------------------------------------------------

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
