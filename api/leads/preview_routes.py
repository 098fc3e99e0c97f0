"""Which intermediary an eligible owner would be handed over to."""
from __future__ import annotations

from fastapi import APIRouter

from api.deps import BotOnly, SessionDep, SettingsDep, TodayDep
from api.leads import handover
from api.schemas import RoutingPreviewIn, RoutingPreviewOut

router = APIRouter()


@router.post("/preview", response_model=RoutingPreviewOut, dependencies=BotOnly)
def preview(body: RoutingPreviewIn, session: SessionDep, settings: SettingsDep,
            today: TodayDep) -> RoutingPreviewOut:
    found = handover.preview(session, body.assessment_id, settings.intermediaries_file, today)
    return RoutingPreviewOut(intermediary_id=found.intermediary_id, intermediary_name=found.intermediary_name)
