"""GET /api/v1/analytics/summary: the dashboard's figures as JSON, behind a campaign-role Bearer token."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.analytics import overview
from api.analytics.deps import CampaignTokenDep, FiltersDep, WindowDep
from api.analytics.filters import DIMENSIONS
from api.deps import SessionDep

router = APIRouter()
Dimension = Literal[tuple(DIMENSIONS)]  # type: ignore[valid-type]


@router.get("/summary")
def summary(_account: CampaignTokenDep, session: SessionDep, filters: FiltersDep, window: WindowDep,
            by: Annotated[list[Dimension] | None, Query()] = None) -> dict[str, Any]:
    """Filters as query parameters; `by` (repeatable) limits the break-downs, default all six."""
    return overview.build(session, filters, window, by or tuple(DIMENSIONS))
