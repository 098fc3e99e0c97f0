"""HTML pages: the chat page and the owner's report page."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api import assessments, report_view
from api.deps import SessionDep, SettingsDep
from api.templating import templates
from bot import questionnaire

router = APIRouter()

# The text sent (unseen) to start the conversation, so the bot's welcome appears at once.
CHAT_OPENING = "Hallo"


@router.get("/", response_class=HTMLResponse)
def chat(request: Request, settings: SettingsDep) -> HTMLResponse:
    return templates.TemplateResponse(request, "chat/index.html", {
        "rasa_url": settings.rasa_url.rstrip("/"),
        "opening": CHAT_OPENING,
    })


@router.get("/rapport/{report_token}", response_class=HTMLResponse)
def report(request: Request, report_token: str, session: SessionDep) -> HTMLResponse:
    stored = assessments.by_token(session, report_token)
    if stored is None:
        return not_found_page(request)
    view = report_view.build(stored, questionnaire.load())
    return templates.TemplateResponse(request, "report/report.html", {"report": view})


def not_found_page(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "errors/404.html", {}, status_code=404)
