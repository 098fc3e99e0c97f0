"""PUT and GET of anonymous assessments (the bot's: GET returns the owner's report token)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.assessments import service
from api.assessments.models import Assessment
from api.assessments.schemas import AssessmentIn, AssessmentOut, AssessmentResult
from api.deps import BotOnly, SessionDep, SettingsDep
from api.errors import NotFound
from api.schemas import ID_PATTERN
from api.settings import Settings
from bot import questionnaire

router = APIRouter(prefix="/api/v1/assessments", tags=["assessments"])
AssessmentId = Annotated[str, Path(pattern=ID_PATTERN)]


@router.put("/{assessment_id}", response_model=AssessmentResult, response_model_exclude_unset=True,
            dependencies=BotOnly)
def put_assessment(assessment_id: AssessmentId, body: AssessmentIn, session: SessionDep,
                   settings: SettingsDep) -> AssessmentResult:
    stored = service.save(session, assessment_id, body, questionnaire.load())
    result = AssessmentResult(assessment_id=stored.id, report_url=settings.report_url(stored.report_token),
                              level=stored.level, scores=stored.scores, uncertain=stored.uncertain or [],
                              weakest=stored.weakest, next_steps=stored.next_steps)
    if stored.eligibility is not None:  # set, so the answer has it (response_model_exclude_unset)
        result.eligibility = stored.eligibility
    return result


@router.get("/{assessment_id}", response_model=AssessmentOut, dependencies=BotOnly)
def get_assessment(assessment_id: AssessmentId, session: SessionDep, settings: SettingsDep) -> AssessmentOut:
    stored = session.get(Assessment, assessment_id)
    if stored is None:
        raise NotFound(f"assessment '{assessment_id}' not found")
    return to_out(stored, settings)


def to_out(stored: Assessment, settings: Settings) -> AssessmentOut:
    return AssessmentOut(
        assessment_id=stored.id, conversation_id=stored.conversation_id,
        report_token=stored.report_token, report_url=settings.report_url(stored.report_token),
        questionnaire_version=stored.questionnaire_version, answers=stored.answers,
        campaign=stored.campaign, level=stored.level, scores=stored.scores,
        uncertain=stored.uncertain or [], weakest=stored.weakest, next_steps=stored.next_steps,
        eligibility=stored.eligibility, started_at=stored.started_at,
        created_at=stored.created_at, updated_at=stored.updated_at)
