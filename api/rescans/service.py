"""Quarterly re-scans of a lead: the adviser's invitation, the owner's shared result, the trajectory.

An adviser invites the owner from the portal; the e-mail's link starts a chat that knows the
invitation. The bot names the inviting organisation, runs the scan (linked to the latest earlier
scan, so the owner's report shows the change) and, with the owner's consent, attaches the new
assessment to the lead (an idempotent PUT keyed by an id the bot generated). The lead's
trajectory is T0 (the scan that made the lead), then T1, T2 ... in the order they were shared.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.assessments.models import Assessment
from api.db import utcnow
from api.errors import Conflict, Invalid, NotFound
from api.leads import workflow
from api.leads.models import Lead
from api.rescans.models import LeadRescan, RescanInvitation
from api.rescans.schemas import RescanIn
from bot.questionnaire import SCORED_DIMENSIONS

INVITATION_DAYS = 90
SCORE_KEYS = SCORED_DIMENSIONS + ("totaal",)
# Statuses in which the adviser may invite: a trajectory that runs, or that ended with a plan.
INVITABLE = frozenset({workflow.IN_PROGRESS, workflow.CONTACTED, workflow.PLAN, workflow.DONE})


@dataclass(frozen=True)
class Point:
    """One scan of the trajectory: T0, T1, ..."""

    label: str
    assessment_id: str
    at: datetime
    level: str | None
    scores: dict[str, int | None]
    changes: dict[str, int | None] = field(default_factory=dict)  # against T0; empty for T0 itself


def new_token() -> str:
    return secrets.token_urlsafe(24)


def can_invite(lead: Lead, has_contact: bool) -> str | None:
    """Why no invitation can be sent now (Dutch, for the adviser), or None when it can."""
    if lead.status == workflow.WITHDRAWN:
        return "Deze lead is ingetrokken."
    if not has_contact or not (lead.contact or {}).get("contact_email"):
        return "Er is geen e-mailadres van de ondernemer (meer)."
    if lead.status not in INVITABLE:
        return "Nodig pas uit voor een nieuwe scan als het traject loopt (vanaf 'In behandeling')."
    return None


def invite(session: Session, lead: Lead, actor: str, now: datetime | None = None) -> RescanInvitation:
    """A new invitation, queued for the e-mail to the owner (the caller commits)."""
    now = now or utcnow()
    invitation = RescanInvitation(token=new_token(), lead_id=lead.id, intermediary_id=lead.intermediary_id,
                                  created_by=actor, created_at=now, expires_at=now + timedelta(days=INVITATION_DAYS),
                                  status="wachtend", attempts=0, next_attempt_at=now)
    session.add(invitation)
    return invitation


def invitations(session: Session, lead_id: str) -> list[RescanInvitation]:
    return list(session.scalars(select(RescanInvitation).where(RescanInvitation.lead_id == lead_id)
                                .order_by(RescanInvitation.id)))


def _open_invitation(session: Session, token: str, now: datetime) -> tuple[RescanInvitation, Lead]:
    invitation = session.scalar(select(RescanInvitation).where(RescanInvitation.token == token))
    if invitation is None or invitation.expires_at <= now:
        raise NotFound("no open re-scan invitation with this token")
    lead = session.get(Lead, invitation.lead_id)
    if lead is None or lead.status == workflow.WITHDRAWN:
        raise NotFound("no open re-scan invitation with this token")
    if lead.intermediary_id != invitation.intermediary_id:
        raise Conflict("the lead has moved to another organisation since this invitation was sent")
    return invitation, lead


def rescans_of(session: Session, lead_id: str) -> list[LeadRescan]:
    return list(session.scalars(select(LeadRescan).where(LeadRescan.lead_id == lead_id)
                                .order_by(LeadRescan.created_at, LeadRescan.id)))


def latest_assessment(session: Session, lead: Lead) -> Assessment:
    """The trajectory's newest scan: what a re-scan is compared with."""
    shared = rescans_of(session, lead.id)
    # a shared re-scan's assessment exists: its id is a foreign key
    return session.get_one(Assessment, shared[-1].assessment_id) if shared else lead.assessment


def preview(session: Session, token: str, now: datetime | None = None) -> tuple[Lead, Assessment]:
    """For the bot at the start of a re-scan: the lead (who invited) and the scan to compare with."""
    _, lead = _open_invitation(session, token, now or utcnow())
    return lead, latest_assessment(session, lead)


def attach(session: Session, rescan_id: str, body: RescanIn, now: datetime | None = None) -> tuple[LeadRescan, Lead]:
    """Shares a re-scan with the lead, once per invitation: a later share of the same invitation
    (the owner started over) replaces the earlier one. Repeating the same PUT changes nothing."""
    now = now or utcnow()
    existing = session.get(LeadRescan, rescan_id)
    invitation, lead = _open_invitation(session, body.invitation, now)
    if existing is not None:
        if existing.lead_id != lead.id or existing.assessment_id != body.assessment_id:
            raise Conflict(f"re-scan '{rescan_id}' was shared with another lead or assessment")
        return existing, lead
    assessment = session.get(Assessment, body.assessment_id)
    if assessment is None:
        raise NotFound(f"assessment '{body.assessment_id}' not found")
    if not assessment.level:
        raise Invalid("the assessment has no result yet: store all scan answers first")
    if assessment.id == lead.assessment_id:
        raise Conflict("this assessment is the lead's own first scan")
    other = session.scalar(select(LeadRescan).where(LeadRescan.assessment_id == assessment.id))
    if other is not None:
        raise Conflict(f"assessment '{assessment.id}' is already shared as re-scan '{other.id}'")
    session.execute(delete(LeadRescan).where(LeadRescan.invitation_id == invitation.id))
    rescan = LeadRescan(id=rescan_id, lead_id=lead.id, assessment_id=assessment.id, invitation_id=invitation.id,
                        consent=body.consent.model_dump(mode="json"), created_at=now)
    session.add(rescan)
    invitation.used_at = now
    session.commit()
    return rescan, lead


def scans_of(session: Session, lead: Lead) -> list[Assessment]:
    """T0, then every shared re-scan in order."""
    shared = [session.get(Assessment, r.assessment_id) for r in rescans_of(session, lead.id)]
    return [lead.assessment] + [scan for scan in shared if scan is not None]


def trajectory(session: Session, lead: Lead) -> list[Point]:
    """T0 and every shared re-scan, with the change per dimension against T0."""
    first = lead.assessment.scores or {}
    points = []
    for n, scan in enumerate(scans_of(session, lead)):
        scores = {key: (scan.scores or {}).get(key) for key in SCORE_KEYS}
        changes = {} if n == 0 else {key: None if scores[key] is None or first.get(key) is None
                                     else scores[key] - first[key] for key in SCORE_KEYS}
        points.append(Point(f"T{n}", scan.id, scan.updated_at or scan.created_at, scan.level, scores, changes))
    return points


def lead_of_rescan(session: Session, assessment_id: str) -> Lead | None:
    """The lead a re-scan was shared with (for the owner's erasure from that re-scan's report)."""
    rescan = session.scalar(select(LeadRescan).where(LeadRescan.assessment_id == assessment_id))
    return session.get(Lead, rescan.lead_id) if rescan is not None else None


def forget_invitations(session: Session, lead_id: str) -> None:
    """Erasure: the invitation tokens (and their e-mail to the owner) go; shared scores stay anonymous."""
    session.execute(delete(RescanInvitation).where(RescanInvitation.lead_id == lead_id))


def forget_shared(session: Session, lead_id: str) -> None:
    """The owner withdrew: the re-scans are no longer shared with the lead."""
    session.execute(delete(LeadRescan).where(LeadRescan.lead_id == lead_id))


@dataclass(frozen=True)
class Progress:
    """The programme office's view of one intermediary's trajectories (counts only)."""

    intermediary_id: str
    intermediary_name: str
    leads: int = 0
    with_rescan: int = 0
    improved: int = 0
    same: int = 0
    declined: int = 0


def progress_by_intermediary(session: Session, names: dict[str, str]) -> list[Progress]:
    """Per intermediary: its leads, how many have a shared re-scan, and whether the total went up
    (latest re-scan against T0)."""
    first = {lead_id: scores for lead_id, scores in session.execute(
        select(Lead.id, Assessment.scores).join(Assessment, Assessment.id == Lead.assessment_id))}
    latest: dict[str, int | None] = {}
    for lead_id, scores in session.execute(
            select(LeadRescan.lead_id, Assessment.scores).join(Assessment, Assessment.id == LeadRescan.assessment_id)
            .order_by(LeadRescan.created_at, LeadRescan.id)):
        latest[lead_id] = (scores or {}).get("totaal")
    counts: dict[str, dict[str, int]] = {}
    for lead_id, intermediary_id, status in session.execute(select(Lead.id, Lead.intermediary_id, Lead.status)):
        if status == workflow.WITHDRAWN:
            continue
        row = counts.setdefault(intermediary_id, dict(leads=0, with_rescan=0, improved=0, same=0, declined=0))
        row["leads"] += 1
        if lead_id not in latest:
            continue
        row["with_rescan"] += 1
        before, after = (first.get(lead_id) or {}).get("totaal"), latest[lead_id]
        if before is None or after is None:
            continue
        row["improved" if after > before else "declined" if after < before else "same"] += 1
    return sorted((Progress(i, names.get(i, i), **row) for i, row in counts.items()),
                  key=lambda p: p.intermediary_name.casefold())
