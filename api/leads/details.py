"""What the owner said beyond the option labels, kept with a lead: the place as named, their own
words per answer and remarks that were not an answer. Stored only with consent (the lead PUT)."""
from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from api.leads.models import LeadDetails
from api.leads.schemas import LeadIn


def store(session: Session, lead_id: str, body: LeadIn) -> None:
    """The PUT's values replace what was stored (the caller commits)."""
    details = session.get(LeadDetails, lead_id)
    if details is None:
        details = LeadDetails(lead_id=lead_id)
        session.add(details)
    details.place = body.place
    details.answer_texts = dict(body.answer_texts)
    details.remarks = list(body.remarks)


def of(session: Session, lead_id: str) -> LeadDetails | None:
    return session.get(LeadDetails, lead_id)


def erase(session: Session, lead_id: str) -> None:
    session.execute(delete(LeadDetails).where(LeadDetails.lead_id == lead_id))
