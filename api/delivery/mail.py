"""E-mail notifications to intermediaries over SMTP (SMTP_HOST/SMTP_PORT, default localhost:1025).

The HTML part is autoescaped; the plain part is text, and header values are flattened to one
line. The Message-ID is derived from the idempotency key, so mail clients see a re-sent
message as the same one.
"""
from __future__ import annotations

import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, parseaddr

import jinja2

from api.delivery.deadline import Deadline, DeadlineExceeded
from api.delivery.models import EVENT_NEW, OutboxItem
from api.dutch import CAMPAIGN_LABELS
from api.leads.intake import Intake
from api.personal import EMAIL_LIKE, PHONE_LIKE
from api.settings import Settings
from api.templating import TEMPLATES_DIR

environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
environment.globals["campaign_labels"] = CAMPAIGN_LABELS
CONTACT_LIKE = (EMAIL_LIKE, PHONE_LIKE)


def hide_contact(text: str) -> str:
    """E-mails hold no contact data: an address or number the owner typed in a remark stays in the portal."""
    for pattern in CONTACT_LIKE:
        text = pattern.sub("[zie portaal]", str(text))
    return text


environment.filters["hide"] = hide_contact


def one_line(text: str, limit: int = 150) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def message_id(item: OutboxItem, sender: str) -> str:
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    safe = re.sub(r"[^A-Za-z0-9.-]", "-", item.idempotency_key)
    return f"<lead-{safe}@{domain}>"


def compose(item: OutboxItem, intake: Intake, recipient: str, recipient_name: str, settings: Settings) -> EmailMessage:
    portal_url = f"{settings.public_base_url.rstrip('/')}/portaal/leads/{item.lead_id}"
    own_words = [(row.question, row.own_words) for row in _answers(intake) if row.own_words]
    own_words += [(question, intake.answer_texts[qid]) for qid, question in
                  (("knelpunten", "Knelpunten:"), ("interesse", "Interesse:")) if intake.answer_texts.get(qid)]
    context = {"intake": intake, "portal_url": portal_url, "recipient_name": recipient_name, "own_words": own_words}
    name = "nieuwe_lead" if item.event == EVENT_NEW else "ingetrokken"
    if item.event == EVENT_NEW:
        subject = f"Nieuwe lead via de scan: {intake.title}"
    else:
        subject = f"Lead {intake.lead_id} is ingetrokken"
    message = EmailMessage()
    message["Subject"] = one_line(subject)
    message["From"] = settings.mail_from
    message["To"] = formataddr((one_line(recipient_name, 80), recipient))
    message["Message-ID"] = message_id(item, settings.mail_from)
    message["X-Idempotency-Key"] = item.idempotency_key
    message.set_content(environment.get_template(f"email/{name}.txt").render(context))
    message.add_alternative(environment.get_template(f"email/{name}.html").render(context), subtype="html")
    return message


def _answers(intake: Intake):
    yield from intake.profile
    for dimension in intake.dimensions:
        yield from dimension.answers
    yield from intake.eligibility_answers


class _Smtp(smtplib.SMTP):
    """smtplib's client with the attempt's deadline on its socket from the server's greeting on."""

    def __init__(self, deadline: Deadline, *args, **kwargs):
        self._deadline = deadline
        super().__init__(*args, **kwargs)

    def _get_socket(self, host, port, timeout):
        sock = super()._get_socket(host, port, timeout)
        self._deadline.watch(sock)
        return sock


def send(message: EmailMessage, settings: Settings, deadline: Deadline) -> None:
    """Raises OSError / smtplib.SMTPException when the server is down, refuses the message or does not
    finish before the deadline. With STARTTLS (required in production) the server's certificate is
    verified and nothing is sent before the channel is encrypted."""
    try:
        with _Smtp(deadline, settings.smtp_host, settings.smtp_port,
                   timeout=min(settings.smtp_timeout_seconds, deadline.remaining())) as smtp:
            if settings.smtp_tls:
                smtp.starttls(context=ssl.create_default_context())
                deadline.watch(smtp.sock)
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        if deadline.expired:
            raise DeadlineExceeded(f"de mailserver antwoordde niet volledig binnen {deadline.seconds:g} s") from error
        raise
