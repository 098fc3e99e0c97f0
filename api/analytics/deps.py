"""Dependencies of the analytics routes: the clock, the counting window and the campaign log-ins (api/identity)."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.analytics.filters import Filters, from_query
from api.analytics.queries import Window
from api.db import utcnow
from api.deps import SessionDep, SettingsDep
from api.identity import roles, service, sessions
from api.identity.roles import Principal


def get_now() -> datetime:
    """The moment the figures are counted at ("abandoned", "this year"); tests override it."""
    return utcnow()


NowDep = Annotated[datetime, Depends(get_now)]
FiltersDep = Annotated[Filters, Depends(from_query)]


def get_window(settings: SettingsDep, now: NowDep) -> Window:
    return Window(now=now, abandon_minutes=settings.analytics_abandon_minutes)


WindowDep = Annotated[Window, Depends(get_window)]


def campaign_token(request: Request, session: SessionDep) -> Principal:
    """The campaign account of the request's Bearer token, or 401."""
    found = service.find_token(session, service.bearer(request.headers.get("authorization")), roles.CAMPAIGN_ROLES)
    if found is None:
        raise HTTPException(401, "a campaign-role Bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    return service.token_principal(found)


def signed_in(request: Request, session: SessionDep) -> Principal | None:
    found = sessions.find(session, sessions.DASHBOARD, request.cookies.get(sessions.DASHBOARD.cookie))
    return sessions.principal(*found) if found else None


CampaignTokenDep = Annotated[Principal, Depends(campaign_token)]
SignedInDep = Annotated[Principal | None, Depends(signed_in)]
