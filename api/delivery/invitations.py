"""Sends the adviser's re-scan invitations to the owner by e-mail, with the outbox's retry rules.

Each RescanInvitation row is its own outbox entry: claimed with a lease, marked sent only after
the SMTP server accepted it, retried with the same exponential back-off as lead notices. An
invitation whose lead was withdrawn (its row is then deleted) or has lost its e-mail address lapses.
"""
from __future__ import annotations

import smtplib
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from api.assessments.models import Assessment
from api.db import rows_changed
from api.delivery import mail
from api.delivery.deadline import Deadline
from api.delivery.models import CANCELLED, DELIVERED, PENDING
from api.dutch import dutch_date
from api.leads.models import Lead
from api.rescans import service as rescans
from api.rescans.models import RescanInvitation
from api.settings import Settings

EVENT = "herscan_uitnodiging"
LEASE = timedelta(minutes=2)
BATCH = 20


def link(settings: Settings, token: str) -> str:
    """Opens the chat on a new conversation that knows the invitation (the widget reads `herscan`)."""
    return f"{settings.public_base_url.rstrip('/')}/?herscan={token}"


def compose(invitation: RescanInvitation, lead: Lead, previous: Assessment, settings: Settings) -> EmailMessage:
    """`previous` is the trajectory's latest scan, the one the new scan is compared with."""
    contact = lead.contact or {}
    context = {"name": contact.get("contact_naam") or "", "intermediary_name": lead.intermediary_name,
               "link": link(settings, invitation.token),
               "since": dutch_date(previous.updated_at or previous.created_at),
               "until": dutch_date(invitation.expires_at)}
    message = EmailMessage()
    message["Subject"] = mail.one_line(f"{lead.intermediary_name} nodigt je uit: doe de scan opnieuw")
    message["From"] = settings.mail_from
    message["To"] = formataddr((mail.one_line(context["name"], 80), contact["contact_email"]))
    message["Message-ID"] = f"<herscan-{invitation.id}-{invitation.lead_id[:60]}@{_domain(settings)}>"
    message["X-Idempotency-Key"] = f"{invitation.lead_id}/{EVENT}/{invitation.id}"
    message.set_content(mail.environment.get_template("email/herscan_uitnodiging.txt").render(context))
    message.add_alternative(mail.environment.get_template("email/herscan_uitnodiging.html").render(context),
                            subtype="html")
    return message


def _domain(settings: Settings) -> str:
    return settings.mail_from.rpartition("@")[2].rstrip(">") or "localhost"


def _due(session: Session, now: datetime) -> list[int]:
    return list(session.scalars(
        select(RescanInvitation.id).where(RescanInvitation.status == PENDING, RescanInvitation.next_attempt_at <= now,
                                          or_(RescanInvitation.locked_until.is_(None),
                                              RescanInvitation.locked_until < now))
        .order_by(RescanInvitation.next_attempt_at, RescanInvitation.id).limit(BATCH)))


def _claim(session: Session, invitation_id: int, now: datetime) -> bool:
    claim = (update(RescanInvitation)
             .where(RescanInvitation.id == invitation_id, RescanInvitation.status == PENDING,
                    or_(RescanInvitation.locked_until.is_(None), RescanInvitation.locked_until < now))
             .values(locked_until=now + LEASE))
    claimed = rows_changed(session, claim)
    session.commit()
    return claimed == 1


def send_due(make_session: sessionmaker, settings: Settings, now: datetime,
             backoff) -> list[tuple[int, str, bool, str]]:
    """One pass: (invitation id, lead id, ok, detail) per invitation tried."""
    with make_session() as session:
        due = _due(session, now)
    done = []
    for invitation_id in due:
        with make_session() as session:
            if not _claim(session, invitation_id, now):
                continue
            invitation = session.get(RescanInvitation, invitation_id)
            done.append(_send(session, invitation, settings, now, backoff))
    return done


def _send(session: Session, invitation: RescanInvitation, settings: Settings, now: datetime,
          backoff) -> tuple[int, str, bool, str]:
    lead = session.get(Lead, invitation.lead_id)
    invitation.locked_until = None
    if lead is None or not (lead.contact or {}).get("contact_email"):
        invitation.status, invitation.last_error = CANCELLED, "geen e-mailadres van de ondernemer meer"
        session.commit()
        return invitation.id, invitation.lead_id, False, invitation.last_error
    invitation.attempts += 1
    try:
        with Deadline(settings.delivery_attempt_seconds) as deadline:
            mail.send(compose(invitation, lead, rescans.latest_assessment(session, lead), settings), settings, deadline)
    except (OSError, smtplib.SMTPException) as error:
        invitation.last_error = f"{type(error).__name__}: {error}"[:500]
        invitation.next_attempt_at = now + timedelta(seconds=backoff(invitation.attempts, settings))
        session.commit()
        return invitation.id, invitation.lead_id, False, invitation.last_error
    invitation.status, invitation.sent_at, invitation.last_error = DELIVERED, now, None
    session.commit()
    return invitation.id, invitation.lead_id, True, "aangenomen door de mailserver"
