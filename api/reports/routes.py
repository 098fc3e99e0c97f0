"""HTML pages: the demo host page with the chat widget, and the owner's report page and its PDF."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from api.assessments import service as assessments
from api.assessments.models import Assessment
from api.deps import SessionDep, SettingsDep
from api.leads import handover, workflow
from api.reports import pdf as report_pdf
from api.reports import peers
from api.reports import view as report_view
from api.rescans import service as rescans
from api.templating import not_found_page, templates
from bot import contract, questionnaire

router = APIRouter(tags=["pages"])

# The demo page plays an intermediary's website; the widget sends this id as `site`.
DEMO_SITE = "brabant-maakt-slimmer"
DEMO_COLOR = "#a4161a"


@router.get("/", response_class=HTMLResponse)
def demo(request: Request, settings: SettingsDep) -> HTMLResponse:
    q = questionnaire.load()
    return templates.TemplateResponse(request, "demo/index.html", {
        "rasa_url": settings.rasa_url.rstrip("/"),
        "site": DEMO_SITE,
        "color": DEMO_COLOR,
        "dimensions": [q.dimension_labels[d] for d in q.dimensions],
    })


def report_of(session: Session, stored: Assessment) -> report_view.Report:
    q = questionnaire.load()
    return report_view.build(stored, q, previous=assessments.previous_of(session, stored),
                             peers=peers.compare(session, stored, q))


def handoff_of(session: Session, stored: Assessment) -> dict | None:
    """To whom the owner passed this scan on, with their consent: the report then says so."""
    lead = handover.lead_of(session, stored.id)
    if lead is not None and lead.status != workflow.WITHDRAWN:
        eligibility = stored.eligibility or {}
        return {"kind": "lead", "intermediary_name": lead.intermediary_name, "status": eligibility.get("status"),
                "checks": [r.get("text", "") for r in eligibility.get("reasons", [])
                           if r.get("outcome") == contract.CHECK_NEEDED]}
    shared = rescans.lead_of_rescan(session, stored.id)
    if shared is not None and shared.status != workflow.WITHDRAWN:
        return {"kind": "rescan", "intermediary_name": shared.intermediary_name}
    return None


@router.get("/rapport/{report_token}", response_class=HTMLResponse)
def report(request: Request, report_token: str, session: SessionDep) -> HTMLResponse:
    stored = assessments.by_token(session, report_token)
    if stored is None:
        return not_found_page(request)
    return templates.TemplateResponse(request, "report/report.html", {
        "report": report_of(session, stored),
        "handoff": handoff_of(session, stored),
        "pdf_url": f"/rapport/{report_token}/pdf",
        "redo_url": f"/?vorige={report_token}",
    })


@router.get("/rapport/{report_token}/pdf")
def report_as_pdf(request: Request, report_token: str, session: SessionDep, settings: SettingsDep) -> Response:
    stored = assessments.by_token(session, report_token)
    if stored is None:
        return not_found_page(request)
    view = report_of(session, stored)
    content = report_pdf.render(view, settings.report_url(report_token))
    filename = f"rapport-scan-productie-innovatie-{stored.created_at:%Y-%m-%d}.pdf"
    return Response(content, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "X-Robots-Tag": "noindex, nofollow",
        "Cache-Control": "private, no-store",
    })
