"""A tenant's leads: every query is scoped to the asking principal's intermediary.

Another intermediary's lead is "not found" (404), never "forbidden", so ids reveal nothing.
"""
from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit import service as audit
from api.delivery import outbox
from api.errors import Conflict, Invalid, NotFound
from api.identity.roles import Principal
from api.leads import details as lead_details
from api.leads import workflow
from api.leads.intake import Intake, build
from api.leads.models import Lead, LeadNote, LeadStatusChange
from api.privacy.models import LeadErasure
from api.registry import service as registry
from api.reports import peers
from api.rescans import service as rescans
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


def intake_of(session: Session, lead: Lead, base_url: str | None = None, with_peers: bool = True) -> Intake:
    """The lead's intake. The peer comparison costs two aggregate queries: lists leave it out."""
    q = questionnaire.load()
    withdrawn = lead.status == workflow.WITHDRAWN
    trajectory = None if withdrawn else rescans.trajectory(session, lead)
    peer_group = peers.compare(session, lead.assessment, q) if with_peers and not withdrawn else None
    report_url = f"{base_url.rstrip('/')}/portaal/leads/{quote(lead.id, safe='')}/rapport" if base_url else None
    return build(lead, lead.assessment, q, erased_at(session, lead.id), details=lead_details.of(session, lead.id),
                 peers=peer_group, trajectory=trajectory, report_url=report_url)


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


def last_change(session: Session, lead_id: str) -> LeadStatusChange | None:
    return session.scalar(select(LeadStatusChange).where(LeadStatusChange.lead_id == lead_id)
                          .order_by(LeadStatusChange.id.desc()).limit(1))


def undoable(session: Session, lead: Lead) -> LeadStatusChange | None:
    """The adviser's latest status step, when it can still be undone."""
    last = last_change(session, lead.id)
    if last is None or not last.by.startswith("gebruiker:") or erased_at(session, lead.id) is not None:
        return None
    return last if workflow.undo_target(lead.status, last.from_status, last.to_status) else None


def undo_status(session: Session, principal: Principal, lead: Lead) -> str:
    """Goes back to the status before the adviser's latest step; both changes stay in the history."""
    last = undoable(session, lead)
    if last is None:
        raise Conflict("Deze statuswijziging kan niet (meer) ongedaan worden gemaakt.")
    back = last.from_status
    session.add(LeadStatusChange(lead_id=lead.id, from_status=lead.status, to_status=back,
                                 reason=workflow.UNDO_REASON, by=principal.actor))
    old, lead.status = lead.status, back
    audit.record(session, principal.actor, "status_teruggedraaid", intermediary_id=principal.intermediary_id,
                 lead_id=lead.id, van=old, naar=back)
    return back


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
    if (target is None or not target.active or target.qualified_until < today
            or target.id == registry.PROGRAMMABUREAU):
        raise Invalid("Kies een actieve, gekwalificeerde intermediair.")
    old = lead.intermediary_id
    session.add(LeadStatusChange(lead_id=lead.id, from_status=lead.status, to_status=workflow.NEW,
                                 reason=None, by=principal.actor))
    lead.intermediary_id, lead.intermediary_name, lead.status = target.id, target.name, workflow.NEW
    outbox.enqueue_new_lead(session, lead, registry.to_intermediary(target))
    audit.record(session, principal.actor, "toegewezen", intermediary_id=principal.intermediary_id,
                 lead_id=lead.id, van=old, naar=target.id)
