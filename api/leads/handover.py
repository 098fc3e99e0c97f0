"""The routing decision and the hand-over: the preview decides (with bot.routing) and is kept; the lead, with
consent, goes to whom it named, or else to the programme office."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.assessments.models import Assessment
from api.assessments.service import RETRIES
from api.errors import Conflict, Gone, NotFound, Unavailable
from api.leads import details as lead_details
from api.leads import workflow
from api.leads.models import Lead, RoutingPreview
from api.leads.schemas import LeadIn
from api.privacy.models import erased
from api.registry import service as kept_registry
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


def leads_this_month(session: Session, today: date) -> dict[str, int]:
    start, end = month_bounds(today)
    query = (select(Lead.intermediary_id, func.count())
             .where(Lead.created_at >= start, Lead.created_at < end)
             .group_by(Lead.intermediary_id))
    return {intermediary_id: count for intermediary_id, count in session.execute(query)}


def routable_assessment(session: Session, assessment_id: str, lock: bool = False) -> Assessment:
    """The assessment, if its eligibility allows a hand-off (eligible or check_needed); lock=True holds its
    row until the caller commits (where the database can: an erasure of it waits, or is waited for)."""
    assessment = session.get(Assessment, assessment_id, with_for_update=lock or None)
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
    answers, eligibility = assessment.answers, assessment.eligibility or {}
    found = routing.route(eligibility.get("status", ""), True, answers.get("regio"),
                          answers.get("sector"), answers.get("interesse"), registry, counts, today)
    if found is None:  # routable_assessment() checked the status and consent is given
        raise Conflict("the assessment cannot be handed over")
    return found


def preview(session: Session, assessment_id: str, registry_file: Path, today: date) -> routing.Route:
    """The intermediary the owner would be handed over to, to name before asking consent; the decision
    is kept with the assessment, so the lead can be bound to it."""
    assessment = routable_assessment(session, assessment_id)
    found = _route(assessment, load_registry(session, registry_file), leads_this_month(session, today), today)
    try:
        _remember(session, assessment_id, found.intermediary_id)
    except IntegrityError:  # the same preview at the same moment: either is fine
        session.rollback()
        _remember(session, assessment_id, found.intermediary_id)
    return found


def _remember(session: Session, assessment_id: str, intermediary_id: str) -> None:
    kept = session.get(RoutingPreview, assessment_id)
    if kept is None:
        session.add(RoutingPreview(assessment_id=assessment_id, intermediary_id=intermediary_id))
    else:
        kept.intermediary_id = intermediary_id
    session.commit()


def save_lead(session: Session, lead_id: str, body: LeadIn, today: date) -> Lead:
    """Stores the lead once, with the recipient the owner agreed to; repeating the PUT updates contact and
    consent, never the recipient."""
    for _ in range(RETRIES):
        try:
            return _save_lead(session, lead_id, body, today)
        except IntegrityError:  # the same lead stored by a request at the same moment: decide again
            session.rollback()
    return _save_lead(session, lead_id, body, today)


def _gone(session: Session, lead_id: str, assessment_id: str) -> bool:
    status = session.scalar(select(Lead.status).where(Lead.id == lead_id))
    return status == workflow.WITHDRAWN or erased(session, lead_id=lead_id, assessment_id=assessment_id)


def _save_lead(session: Session, lead_id: str, body: LeadIn, today: date) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is not None and _gone(session, lead_id, lead.assessment_id):
        raise Gone(f"lead '{lead_id}' was withdrawn or its personal data erased: it cannot be written again")
    assessment = routable_assessment(session, body.assessment_id, lock=True)
    if lead is not None and lead.assessment_id != body.assessment_id:
        raise Conflict(f"lead '{lead_id}' belongs to another assessment")
    existing = lead_of(session, assessment.id)
    if lead is None and existing is not None and existing.id == lead_id:
        lead = existing  # the same PUT, stored by a request running at the same moment
    if lead is None and existing is not None:
        raise Conflict(f"assessment '{body.assessment_id}' already has lead '{existing.id}'")
    if lead is None:
        intermediary_id, intermediary_name = _recipient(session, assessment, body.intermediary_id, today)
        lead = Lead(id=lead_id, assessment_id=assessment.id, intermediary_id=intermediary_id,
                    intermediary_name=intermediary_name, status=workflow.NEW)
        session.add(lead)
    # Whom the owner agreed to stays on record, also when the lead went to the programme office instead.
    lead.consent = {**body.consent.model_dump(mode="json"),
                    "named_intermediary_id": (lead.consent or {}).get("named_intermediary_id", body.intermediary_id)}
    lead.contact = body.contact.model_dump(mode="json")
    lead_details.store(session, lead.id, body)
    session.flush()
    # An erasure that finished while this request ran must win: checked again after the write, which holds
    # the database's write lock (SQLite) or follows the erasure's lock on the assessment (PostgreSQL).
    if _gone(session, lead_id, assessment.id):
        session.rollback()
        raise Gone(f"lead '{lead_id}' was withdrawn or its personal data erased: it cannot be written again")
    session.commit()
    return lead


def lead_of(session: Session, assessment_id: str) -> Lead | None:
    """The lead of an assessment (at most one)."""
    return session.scalar(select(Lead).where(Lead.assessment_id == assessment_id))


def _recipient(session: Session, assessment: Assessment, named: str, today: date) -> tuple[str, str]:
    """Routing is decided once, by the preview; consent binds to that decision. The lead goes to the
    organisation the kept preview named when the owner agreed to that same organisation and it is still
    active and qualified (full or not: capacity is a preference of the preview). In every other case (no
    preview, another name, no longer qualified) the programme office gets it, never another intermediary."""
    office = (routing.PROGRAMMABUREAU, routing.PROGRAMMABUREAU_NAME)
    kept = session.get(RoutingPreview, assessment.id)
    if kept is None or kept.intermediary_id != named or named == routing.PROGRAMMABUREAU:
        return office
    entry = kept_registry.get(session, named)
    if entry is None or not kept_registry.to_intermediary(entry).qualified_on(today):
        return office
    return entry.id, entry.name
