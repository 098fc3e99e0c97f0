"""The owner's "verwijder mijn gegevens": a confirmation page and the erasure itself, under the report link.

The report token in the URL is the owner's secret; the confirmation form also carries an
HMAC of it, so a form on another site cannot trigger the erasure.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from api.assessments import service as assessments
from api.deps import SessionDep, SettingsDep
from api.errors import NotFound
from api.privacy import erasure, tracker_store
from api.rescans import service as rescans
from api.settings import Settings
from api.templating import not_found_page, templates

router = APIRouter(tags=["privacy"])


def confirmation_code(settings: Settings, report_token: str) -> str:
    return hmac.new(settings.secret_key.encode(), f"verwijderen:{report_token}".encode(), hashlib.sha256).hexdigest()


@router.get("/rapport/{report_token}/verwijderen", response_class=HTMLResponse)
def confirm(request: Request, report_token: str, session: SessionDep, settings: SettingsDep) -> HTMLResponse:
    stored = assessments.by_token(session, report_token)
    if stored is None:
        return not_found_page(request)
    return templates.TemplateResponse(request, "privacy/confirm.html", {
        "report_token": report_token, "code": confirmation_code(settings, report_token),
        "has_lead": bool(erasure.leads_of(session, erasure.scans_of(session, stored.conversation_id)))
                    or rescans.lead_of_rescan(session, stored.id) is not None})


@router.post("/rapport/{report_token}/verwijderen", response_class=HTMLResponse)
def erase(request: Request, report_token: str, session: SessionDep, settings: SettingsDep,
          code: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
    if assessments.by_token(session, report_token) is None:
        return not_found_page(request)
    if not hmac.compare_digest(code.encode(), confirmation_code(settings, report_token).encode()):
        return templates.TemplateResponse(request, "privacy/confirm.html", {
            "report_token": report_token, "code": confirmation_code(settings, report_token), "has_lead": False,
            "error": "De bevestiging is verlopen. Klik nog een keer op de knop."}, status_code=403)
    try:
        erased = erasure.erase_by_report_token(session, report_token, settings)
    except NotFound:
        return not_found_page(request)
    except tracker_store.TrackerStoreError:
        session.rollback()
        return templates.TemplateResponse(request, "privacy/unavailable.html", {
            "report_token": report_token}, status_code=503)
    return templates.TemplateResponse(request, "privacy/done.html", {"had_lead": bool(erased.lead_ids)})
