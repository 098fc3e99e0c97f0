"""Dependencies of the analytics routes: the clock, the counting window and the campaign log-ins."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.analytics import auth
from api.analytics.auth import SignedIn
from api.analytics.filters import Filters, from_query
from api.analytics.queries import Window
from api.analytics.tables import CampaignAccount
from api.db import utcnow
from api.deps import SessionDep, SettingsDep


def get_now() -> datetime:
    """The moment the figures are counted at ("abandoned", "this year"); tests override it."""
    return utcnow()


NowDep = Annotated[datetime, Depends(get_now)]
FiltersDep = Annotated[Filters, Depends(from_query)]


def get_window(settings: SettingsDep, now: NowDep) -> Window:
    return Window(now=now, abandon_minutes=settings.analytics_abandon_minutes)


WindowDep = Annotated[Window, Depends(get_window)]


def campaign_token(request: Request, session: SessionDep) -> CampaignAccount:
    """The campaign account of the request's Bearer token, or 401."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    account = auth.account_for_token(session, token.strip()) if scheme.lower() == "bearer" else None
    if account is None:
        raise HTTPException(401, "a campaign-role Bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    return account


def signed_in(request: Request, session: SessionDep, now: NowDep) -> SignedIn | None:
    return auth.find_session(session, request.cookies.get(auth.SESSION_COOKIE), now)


CampaignTokenDep = Annotated[CampaignAccount, Depends(campaign_token)]
SignedInDep = Annotated[SignedIn | None, Depends(signed_in)]
