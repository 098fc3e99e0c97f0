"""The intake as PDF, laid out with ReportLab's Platypus (no hand-drawn coordinates).

Every text from the database is escaped before it reaches a Paragraph, whose mini-markup
would otherwise interpret it.
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from api.pdf_fonts import fonts
from api.portal.intake import Intake
from api.portal.views import dutch_datetime

ACCENT = colors.HexColor("#0b6e69")


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=16, alignment=0,
                                textColor=ACCENT, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12, spaceBefore=10,
                             spaceAfter=4, textColor=ACCENT),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9.5, leading=13),
        "muted": ParagraphStyle("muted", parent=base["BodyText"], fontName=regular, fontSize=8.5, leading=11,
                                textColor=colors.HexColor("#5b6675")),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontName=regular, fontSize=9, leading=11.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base["BodyText"], fontName=bold, fontSize=9, leading=11.5),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(rows: list[tuple[object, object]], s: dict[str, ParagraphStyle], widths=(60 * mm, 110 * mm)) -> Table:
    table = Table([[_p(a, s["cell_bold"]), _p(b, s["cell"])] for a, b in rows], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dfe3e8")),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    return table


def render(intake: Intake) -> bytes:
    s = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm,
                                 title=f"Intake lead {intake.lead_id}", author="Scan productie-innovatie")
    story: list = [_p(f"Intake lead {intake.lead_id}", s["title"]),
                   _p(f"{intake.intermediary_name} · ontvangen {dutch_datetime(intake.received_at)} · "
                      f"status: {intake.status_label}", s["muted"])]
    if intake.withdrawn:
        story += [Spacer(1, 8), _p("Deze lead is ingetrokken: de ondernemer heeft gevraagd zijn gegevens te "
                                   "verwijderen. Er zijn geen gegevens meer beschikbaar.", s["body"])]
        document.build(story)
        return buffer.getvalue()

    story.append(_p("Samenvatting", s["h2"]))
    story.append(_p(intake.summary, s["body"]))
    story.append(_p("Bedrijf en contact", s["h2"]))
    if intake.company and intake.contact:
        story.append(_table([("Bedrijfsnaam", intake.company["bedrijfsnaam"]),
                             ("KvK-nummer", intake.company["kvk_nummer"]),
                             ("Contactpersoon", intake.contact["naam"]),
                             ("E-mail", intake.contact["email"]),
                             ("Telefoon", intake.contact["telefoon"])], s))
    else:
        story.append(_p("De persoonsgegevens zijn verwijderd na afloop van de bewaartermijn.", s["body"]))
    story.append(Spacer(1, 4))
    story.append(_table([(row.question, row.answer) for row in intake.profile], s))

    story.append(_p("Uitkomst van de scan", s["h2"]))
    rows = [("Niveau", intake.level_label or "nog geen uitkomst"),
            ("Totaalscore", f"{intake.total} van 100" if intake.total is not None else "geen score")]
    for dimension in intake.dimensions:
        note = " (minder zeker)" if dimension.uncertain else ""
        note += " · zwakste onderdeel" if dimension.weakest else ""
        score = f"{dimension.score} van 100" if dimension.score is not None else "geen score"
        rows.append((dimension.label, score + note))
    story.append(_table(rows, s))
    if intake.next_steps:
        story.append(_p("Volgende stappen", s["h2"]))
        story.append(ListFlowable([_p(step, s["body"]) for step in intake.next_steps], bulletType="1"))

    for dimension in intake.dimensions:
        story.append(_p(f"Antwoorden {dimension.label.lower()}", s["h2"]))
        story.append(_table([(row.question, row.answer + ("  [weet ik niet]" if row.weet_niet else ""))
                             for row in dimension.answers], s, widths=(85 * mm, 85 * mm)))

    story.append(_p("Knelpunten en interesse", s["h2"]))
    story.append(_table([("Knelpunten", ", ".join(c.label for c in intake.knelpunten) or "geen opgegeven"),
                         ("Interesse", ", ".join(c.label for c in intake.interesse) or "geen opgegeven")], s))

    story.append(_p("Voorwaarden Mkb-Booster", s["h2"]))
    rows = [("Status", intake.eligibility_label or "niet bepaald"), ("Regelversie", intake.rules_version or "")]
    rows += [(row.question, row.answer) for row in intake.eligibility_answers]
    rows += [(f"Reden: {reason.code}", reason.text) for reason in intake.eligibility_reasons]
    story.append(_table(rows, s))

    story.append(_p("Toestemming en herkomst", s["h2"]))
    consent = intake.consent
    rows = [("Toestemming", "gegeven" if consent.get("given") else "niet vastgelegd"),
            ("Tekstversie", consent.get("text_version") or ""), ("Moment", consent.get("at") or "")]
    labels = {"utm_source": "Campagnebron", "utm_medium": "Medium", "utm_campaign": "Campagne", "site": "Website"}
    rows += [(labels[k], v) for k, v in intake.campaign.items()]
    story.append(_table(rows, s))
    story.append(Spacer(1, 8))
    story.append(_p(f"Vragenlijstversie {intake.questionnaire_version} · scan gestart "
                    f"{dutch_datetime(intake.started_at)}", s["muted"]))
    document.build(story)
    return buffer.getvalue()
