"""Routing previews and leads: who an eligible owner is handed over to, with bot.routing."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.errors import Conflict, Gone, NotFound, Unavailable
from api.models import LEAD_STATUS_NEW, Assessment, Lead
from api.portal import registry as kept_registry
from api.portal import workflow
from api.privacy.models import erased
from api.schemas import LeadIn
from bot import routing


def load_registry(session: Session, path: Path) -> list[routing.Intermediary]:
    """The registry kept in the database (seeded from the file once), as the programme office edits it."""
    try:
        return kept_registry.load(session, path)
    except (OSError, ValueError) as error:
        raise Unavailable(f"the intermediary registry cannot be read: {error}") from error


def month_bounds(today: date) -> tuple[datetime, datetime]:
    start = today.replace(day=1)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return (datetime.combine(start, time(), timezone.utc), datetime.combine(end, time(), timezone.utc))


def leads_this_month(session: Session, today: date, exclude_lead: str | None = None) -> dict[str, int]:
    start, end = month_bounds(today)
    query = (select(Lead.intermediary_id, func.count())
             .where(Lead.created_at >= start, Lead.created_at < end)
             .group_by(Lead.intermediary_id))
    if exclude_lead is not None:
        query = query.where(Lead.id != exclude_lead)
    return {intermediary_id: count for intermediary_id, count in session.execute(query)}


def routable_assessment(session: Session, assessment_id: str) -> Assessment:
    """The assessment, if its eligibility allows a hand-off (eligible or check_needed)."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFound(f"assessment '{assessment_id}' not found")
    if erased(session, assessment_id=assessment_id):
        raise Gone(f"assessment '{assessment_id}' was erased: it cannot be handed over any more")
    if assessment.eligibility is None:
        raise Conflict("the assessment has no eligibility yet: store the three eligibility answers first")
    status = assessment.eligibility.get("status")
    if status not in routing.ROUTABLE:
        raise Conflict(f"the assessment's eligibility is '{status}': it cannot be handed over")
    return assessment


def _route(assessment: Assessment, registry: list[routing.Intermediary],
           counts: dict[str, int], today: date) -> routing.Route:
    answers = assessment.answers
    found = routing.route(assessment.eligibility["status"], True, answers.get("regio"),
                          answers.get("sector"), answers.get("interesse"), registry, counts, today)
    if found is None:  # routable_assessment() checked the status and consent is given
        raise Conflict("the assessment cannot be handed over")
    return found


def preview(session: Session, assessment_id: str, registry_file: Path, today: date) -> routing.Route:
    """The intermediary the owner would be handed over to, to name before asking consent."""
    assessment = routable_assessment(session, assessment_id)
    return _route(assessment, load_registry(session, registry_file), leads_this_month(session, today), today)


def save_lead(session: Session, lead_id: str, body: LeadIn, registry_file: Path, today: date) -> Lead:
    """Stores the lead once; repeating the PUT updates contact and consent, never the recipient."""
    try:
        return _save_lead(session, lead_id, body, registry_file, today)
    except IntegrityError:
        session.rollback()
        return _save_lead(session, lead_id, body, registry_file, today)


def _save_lead(session: Session, lead_id: str, body: LeadIn, registry_file: Path, today: date) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is not None and (lead.status == workflow.WITHDRAWN or erased(session, lead_id=lead_id)):
        raise Gone(f"lead '{lead_id}' was withdrawn or its personal data erased: it cannot be written again")
    assessment = routable_assessment(session, body.assessment_id)
    if lead is not None and lead.assessment_id != body.assessment_id:
        raise Conflict(f"lead '{lead_id}' belongs to another assessment")
    if lead is None and assessment.lead is not None:
        raise Conflict(f"assessment '{body.assessment_id}' already has lead '{assessment.lead.id}'")
    if lead is None:
        intermediary_id, intermediary_name = _recipient(session, assessment, body.intermediary_id,
                                                        registry_file, today, lead_id)
        lead = Lead(id=lead_id, assessment_id=assessment.id, intermediary_id=intermediary_id,
                    intermediary_name=intermediary_name, status=LEAD_STATUS_NEW)
        session.add(lead)
    lead.consent = body.consent.model_dump(mode="json")
    lead.contact = body.contact.model_dump(mode="json")
    session.commit()
    return lead


def _recipient(session: Session, assessment: Assessment, named: str, registry_file: Path,
               today: date, lead_id: str) -> tuple[str, str]:
    """Keeps the intermediary named to the owner while it is still a candidate, else re-routes."""
    registry = load_registry(session, registry_file)
    counts = leads_this_month(session, today, exclude_lead=lead_id)
    answers = assessment.answers
    for candidate in routing.candidates(answers.get("regio"), answers.get("sector"), registry, counts, today):
        if candidate.id == named:
            return candidate.id, candidate.name
    found = _route(assessment, registry, counts, today)
    return found.intermediary_id, found.intermediary_name
