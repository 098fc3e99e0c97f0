"""FastAPI dependencies as Annotated aliases: the settings, a database session, today's date, the bot's token."""
from __future__ import annotations

import hmac
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from api.errors import Unauthorized
from api.settings import Settings


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


def get_today() -> date:
    """Routing's notion of today (qualified_until, this month's capacity); tests override it."""
    return date.today()


def bot_only(request: Request) -> None:
    """The bot's endpoints: only the action server, which sends BOT_TOKEN, may call them."""
    expected = request.app.state.settings.bot_token or ""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized("this endpoint is for the assistant only: send its token as `Authorization: Bearer ...`")


BotOnly = [Depends(bot_only)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
TodayDep = Annotated[date, Depends(get_today)]
