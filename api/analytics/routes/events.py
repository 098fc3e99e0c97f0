"""POST /api/v1/events: anonymous conversation events from the action server, stored once each."""
from __future__ import annotations

from fastapi import APIRouter

from api.analytics import ingest
from api.analytics.schemas import EventsIn, EventsOut
from api.deps import BotOnly, SessionDep

router = APIRouter()


@router.post("", response_model=EventsOut, dependencies=BotOnly)
def post_events(body: EventsIn, session: SessionDep) -> EventsOut:
    """Unknown types and data keys are refused (422); an event_id already stored is ignored."""
    return EventsOut(stored=ingest.store(session, body.events))
