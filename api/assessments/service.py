"""Stores an assessment with its result, decided by bot.result (the service is the system of record)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.assessments import answers as answer_rules
from api.assessments.models import Assessment, AssessmentLink
from api.assessments.schemas import AssessmentIn
from api.errors import Conflict, Gone, Invalid
from api.privacy.models import erased
from bot.questionnaire import Questionnaire
from bot.result import Evaluation, evaluate  # the one decision point of a scan's result

RETRIES = 3  # a PUT that meets the same PUT at the same moment decides again this often


def save(session: Session, assessment_id: str, body: AssessmentIn,
         questionnaire: Questionnaire) -> Assessment:
    """Creates or updates the assessment; the same body twice leaves one unchanged row."""
    if body.questionnaire_version != questionnaire.version:
        raise Invalid(f"questionnaire_version '{body.questionnaire_version}' is not supported "
                      f"(current version: '{questionnaire.version}')")
    try:
        answers = answer_rules.normalise(body.answers, questionnaire)
    except answer_rules.AnswerError as error:
        raise Invalid(f"invalid answers: {error}") from error
    evaluation = evaluate(answers, questionnaire)
    for _ in range(RETRIES):
        try:
            return _upsert(session, assessment_id, body, answers, evaluation)
        except IntegrityError:
            # Another request created the same id (or took the token) in between: decide again.
            session.rollback()
    return _upsert(session, assessment_id, body, answers, evaluation)


def _upsert(session: Session, assessment_id: str, body: AssessmentIn,
            answers: dict[str, Any], evaluation: Evaluation) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    taken = None if assessment else session.scalar(
        select(Assessment.id).where(Assessment.report_token == body.report_token))
    if taken == assessment_id:  # the same PUT, stored by a request running at the same moment
        assessment = session.get(Assessment, assessment_id)
    elif taken is not None:
        raise Conflict("report_token is already used by another assessment")
    if assessment is None:
        assessment = Assessment(id=assessment_id, conversation_id=body.conversation_id,
                                report_token=body.report_token, campaign={})
        session.add(assessment)
    else:
        if erased(session, assessment_id=assessment_id):
            raise Gone(f"assessment '{assessment_id}' was erased: it cannot be written again")
        if assessment.report_token != body.report_token:
            raise Conflict("report_token differs from the one stored for this assessment")
        if assessment.conversation_id != body.conversation_id:
            raise Conflict("conversation_id differs from the one stored for this assessment")
    result = evaluation.result
    assessment.questionnaire_version = body.questionnaire_version
    assessment.answers = answers
    # Attribution is set once, on the first message: a later PUT never erases it.
    assessment.campaign = {**assessment.campaign, **body.campaign.model_dump(exclude_none=True)}
    assessment.scores = dict(result.scores)
    assessment.uncertain = list(result.uncertain)
    assessment.level = result.level
    assessment.weakest = result.weakest
    assessment.next_steps = list(evaluation.next_steps)
    assessment.eligibility = evaluation.eligibility
    if assessment.started_at is None and body.started_at is not None:
        assessment.started_at = body.started_at
    _link_previous(session, assessment, body.previous_report_token)
    session.commit()
    return assessment


def _link_previous(session: Session, assessment: Assessment, previous_token: str | None) -> None:
    """Remembers which earlier scan this one redoes, so its report can show the change."""
    if not previous_token:
        return
    previous = by_token(session, previous_token)
    if previous is None or previous.id == assessment.id:
        return
    earlier_link = session.get(AssessmentLink, previous.id)
    if earlier_link is not None and earlier_link.previous_id == assessment.id:
        return  # would make a loop
    link = session.get(AssessmentLink, assessment.id)
    if link is None:
        session.add(AssessmentLink(assessment_id=assessment.id, previous_id=previous.id))
    else:
        link.previous_id = previous.id


def previous_of(session: Session, assessment: Assessment) -> Assessment | None:
    """The earlier scan this assessment redoes, if any."""
    link = session.get(AssessmentLink, assessment.id)
    return session.get(Assessment, link.previous_id) if link is not None else None


def by_token(session: Session, report_token: str) -> Assessment | None:
    return session.scalar(select(Assessment).where(Assessment.report_token == report_token))
