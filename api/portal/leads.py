"""A tenant's leads: every query is scoped to the asking principal's intermediary.

Another intermediary's lead is "not found" (404), never "forbidden", so ids reveal nothing.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.delivery import outbox
from api.errors import Conflict, Invalid, NotFound
from api.models import Lead
from api.portal import audit, registry, workflow
from api.portal.intake import Intake, build
from api.portal.models import LeadNote, LeadStatusChange
from api.portal.principal import Principal
from api.privacy.models import LeadErasure
from api.settings import Settings
from bot import questionnaire

MAX_NOTE = 4000


def own(principal: Principal):
    return select(Lead).where(Lead.intermediary_id == principal.intermediary_id)


def list_leads(session: Session, principal: Principal, status: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[Lead]:
    query = own(principal).order_by(Lead.created_at.desc(), Lead.id.desc())
    if status:
        query = query.where(Lead.status == status)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return list(session.scalars(query))


def get(session: Session, principal: Principal, lead_id: str) -> Lead:
    lead = session.scalar(own(principal).where(Lead.id == lead_id))
    if lead is None:
        raise NotFound(f"lead '{lead_id}' not found")
    return lead


def erased_at(session: Session, lead_id: str) -> datetime | None:
    erasure = session.get(LeadErasure, lead_id)
    return erasure.at if erasure else None


def intake_of(session: Session, lead: Lead) -> Intake:
    return build(lead, lead.assessment, questionnaire.load(), erased_at(session, lead.id))


def history(session: Session, lead_id: str) -> list[LeadStatusChange]:
    return list(session.scalars(select(LeadStatusChange).where(LeadStatusChange.lead_id == lead_id)
                                .order_by(LeadStatusChange.id)))


def notes(session: Session, lead_id: str) -> list[LeadNote]:
    return list(session.scalars(select(LeadNote).where(LeadNote.lead_id == lead_id).order_by(LeadNote.id)))


def change_status(session: Session, principal: Principal, lead: Lead, new: str, reason: str | None) -> None:
    try:
        kept_reason = workflow.check(lead.status, new, reason)
    except workflow.WorkflowError as error:
        raise Invalid(str(error)) from error
    session.add(LeadStatusChange(lead_id=lead.id, from_status=lead.status, to_status=new,
                                 reason=kept_reason, by=principal.actor))
    old, lead.status = lead.status, new
    audit.record(session, principal.actor, "status_gewijzigd", intermediary_id=principal.intermediary_id,
                 lead_id=lead.id, van=old, naar=new)


def add_note(session: Session, principal: Principal, lead: Lead, text: str) -> None:
    text = text.strip()
    if lead.status == workflow.WITHDRAWN:
        raise Conflict("Deze lead is ingetrokken: er kunnen geen notities meer bij.")
    if not text:
        raise Invalid("Een notitie mag niet leeg zijn.")
    if len(text) > MAX_NOTE:
        raise Invalid(f"Een notitie is hoogstens {MAX_NOTE} tekens.")
    session.add(LeadNote(lead_id=lead.id, author=principal.username or principal.actor, text=text))
    audit.record(session, principal.actor, "notitie_toegevoegd", intermediary_id=principal.intermediary_id,
                 lead_id=lead.id)


def reassign_targets(session: Session, today: date) -> list[registry.RegistryEntry]:
    return registry.qualified(session, today)


def reassign(session: Session, principal: Principal, lead: Lead, target_id: str, today: date,
             settings: Settings) -> None:
    """The programme office hands a lead of its queue to a qualified intermediary."""
    if not principal.programme_office:
        raise NotFound(f"lead '{lead.id}' not found")
    if lead.status in workflow.CLOSED:
        raise Conflict("Een afgesloten of ingetrokken lead kan niet meer worden toegewezen.")
    target = registry.get(session, target_id)
    qualified = target is not None and target.active and target.qualified_until >= today
    if not qualified or target.id == registry.PROGRAMMABUREAU:
        raise Invalid("Kies een actieve, gekwalificeerde intermediair.")
    old = lead.intermediary_id
    session.add(LeadStatusChange(lead_id=lead.id, from_status=lead.status, to_status=workflow.NEW,
                                 reason=None, by=principal.actor))
    lead.intermediary_id, lead.intermediary_name, lead.status = target.id, target.name, workflow.NEW
    outbox.enqueue_new_lead(session, lead, registry.to_intermediary(target))
    audit.record(session, principal.actor, "toegewezen", intermediary_id=principal.intermediary_id,
                 lead_id=lead.id, van=old, naar=target.id)
