"""The Jinja2 environment for the HTML pages (autoescape always on) and the 404 page."""
from __future__ import annotations

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.settings import REPO_ROOT

TEMPLATES_DIR = REPO_ROOT / "templates"

environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=environment)


def not_found_page(request: Request) -> HTMLResponse:
    """The Dutch 404 page of every HTML route."""
    return templates.TemplateResponse(request, "errors/404.html", {}, status_code=404)
