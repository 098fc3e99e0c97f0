"""The intake as PDF, laid out with ReportLab's Platypus (no hand-drawn coordinates except the small chart).

Every text from the database is escaped before it reaches a Paragraph, whose mini-markup
would otherwise interpret it.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, ListFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from api.dutch import CAMPAIGN_LABELS, dutch_datetime
from api.leads.intake import Answer, Intake
from api.pdf_fonts import fonts
from bot.questionnaire import SCORED_DIMENSIONS, load

ACCENT = colors.HexColor("#0b6e69")
LINE_COLOURS = {"technologie": colors.HexColor("#0b6e69"), "organisatie": colors.HexColor("#8a4b08"),
                "businessmodel": colors.HexColor("#3b4a9c")}
DASHES = {"technologie": None, "organisatie": (4, 2), "businessmodel": (1, 2)}
WIDTH = A4[0] - 36 * mm


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=bold, fontSize=16, alignment=0,
                                textColor=ACCENT, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=12, spaceBefore=10,
                             spaceAfter=4, textColor=ACCENT, keepWithNext=1),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=9.5, leading=13),
        "muted": ParagraphStyle("muted", parent=base["BodyText"], fontName=regular, fontSize=8.5, leading=11,
                                textColor=colors.HexColor("#5b6675")),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontName=regular, fontSize=9, leading=11.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base["BodyText"], fontName=bold, fontSize=9, leading=11.5),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(rows: Sequence[tuple[object, object]], s: dict, widths=(60 * mm, 110 * mm)) -> Table:
    table = Table([[_p(a, s["cell_bold"]), _p(b, s["cell"])] for a, b in rows], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dfe3e8")),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    return table


def _answer(row: Answer) -> str:
    text = row.answer + ("  [weet ik niet]" if row.weet_niet else "")
    return text + (f"\nIn eigen woorden: „{row.own_words}”" if row.own_words else "")


def _cells(rows: list[tuple[str, str]], s: dict, widths=(60 * mm, 110 * mm)) -> Table:
    body = [[_p(a, s["cell_bold"]), Paragraph("<br/>".join(escape(part) for part in str(b).split("\n")), s["cell"])]
            for a, b in rows]
    table = Table(body, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dfe3e8")),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    return table


def trajectory_chart(intake: Intake, font: str) -> Drawing:
    """One line per dimension over T0, T1 ...; the table below carries the figures."""
    width, height, left, bottom, top = 110 * mm, 45 * mm, 10 * mm, 7 * mm, 3 * mm
    drawing = Drawing(width + 40 * mm, height)
    plot_h = height - bottom - top
    count = len(intake.trajectory)

    def x(i: int) -> float:
        return left + (width - left - 4 * mm) * i / max(count - 1, 1)

    def y(value: int) -> float:
        return bottom + plot_h * value / 100

    for value in (0, 50, 100):
        drawing.add(Line(left, y(value), width - 4 * mm, y(value), strokeColor=colors.HexColor("#dfe3e8")))
        drawing.add(String(left - 2, y(value) - 3, str(value), fontName=font, fontSize=7, textAnchor="end"))
    for i, scan in enumerate(intake.trajectory):
        drawing.add(String(x(i), 1 * mm, scan.label, fontName=font, fontSize=8, textAnchor="middle"))
    labels = load().dimension_labels
    for n, dimension in enumerate(SCORED_DIMENSIONS):
        points = [(x(i), y(score)) for i, scan in enumerate(intake.trajectory)
                  if (score := scan.scores.get(dimension)) is not None]
        colour = LINE_COLOURS[dimension]
        if len(points) > 1:
            # types-reportlab leaves out None (a solid line), which ReportLab accepts and defaults to
            drawing.add(PolyLine([c for point in points for c in point], strokeColor=colour, strokeWidth=1.6,
                                 strokeDashArray=DASHES[dimension]))  # type: ignore[arg-type]
        for px, py in points:
            drawing.add(Circle(px, py, 2, fillColor=colors.white, strokeColor=colour, strokeWidth=1.4))
        drawing.add(Line(width + 2 * mm, height - (n + 1) * 5 * mm, width + 7 * mm, height - (n + 1) * 5 * mm,
                         strokeColor=colour, strokeWidth=1.6,
                         strokeDashArray=DASHES[dimension]))  # type: ignore[arg-type]  # None: as above
        drawing.add(String(width + 9 * mm, height - (n + 1) * 5 * mm - 2.5, labels[dimension], fontName=font,
                           fontSize=8))
    return drawing


def _trajectory(intake: Intake, s: dict) -> list:
    labels = load().dimension_labels
    first, last = intake.trajectory[0], intake.trajectory[-1]
    head = ["Onderdeel"] + [f"{scan.label}\n{scan.date}" for scan in intake.trajectory] + ["Verschil"]
    rows = [head]
    for key in (*SCORED_DIMENSIONS, "totaal"):
        label = "Totaal" if key == "totaal" else labels[key]
        rows.append([label] + ["–" if scan.scores.get(key) is None else str(scan.scores[key])
                               for scan in intake.trajectory] + [last.change_texts.get(key) or "–"])
    rows.append(["Niveau"] + [scan.level_label or "–" for scan in intake.trajectory] + [""])
    first_w = 32 * mm
    rest = (WIDTH - first_w) / (len(head) - 1)
    body = [[Paragraph("<br/>".join(escape(part) for part in str(cell).split("\n")),
                       s["cell_bold"] if r == 0 or c == 0 or r == 4 else s["cell"]) for c, cell in enumerate(row)]
            for r, row in enumerate(rows)]
    table = Table(body, colWidths=[first_w] + [rest] * (len(head) - 1), repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dfe3e8")),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#1d2530"))]))
    return [_p(f"Voortgang: {first.label} → {last.label}", s["h2"]),
            KeepTogether([trajectory_chart(intake, s["body"].fontName), Spacer(1, 3), table]),
            _p(f"Verschil: de laatste scan ({last.label}) ten opzichte van de eerste ({first.label}).", s["muted"])]


def render(intake: Intake) -> bytes:
    s = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm,
                                 title=f"Intake {intake.title}", author="Scan productie-innovatie")
    story: list = [_p(f"Intake: {intake.title}", s["title"]),
                   _p(f"{intake.intermediary_name} · ontvangen {dutch_datetime(intake.received_at)} · "
                      f"status: {intake.status_label} · lead {intake.lead_id}", s["muted"])]
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
                             ("Telefoon", "liever niet gebeld" if intake.contact["telefoon"] == "geen"
                              else intake.contact["telefoon"])], s))
    else:
        story.append(_p("De persoonsgegevens zijn verwijderd na afloop van de bewaartermijn.", s["body"]))
    story.append(Spacer(1, 4))
    rows = [("Plaats", intake.location)] if intake.location else []
    rows += [(row.question, _answer(row)) for row in intake.profile if row.question_id != "regio"]
    story.append(_cells(rows, s))
    if intake.remarks:
        story.append(_p("Wat de ondernemer verder zei", s["h2"]))
        story.append(ListFlowable([_p(f"„{remark}”", s["body"]) for remark in intake.remarks], bulletType="bullet"))

    story.append(_p("Uitkomst van de scan", s["h2"]))
    rows = [("Niveau", intake.level_label or "nog geen uitkomst"),
            ("Totaalscore", f"{intake.total} van 100" if intake.total is not None else "geen score")]
    for dimension in intake.dimensions:
        note = " (minder zeker)" if dimension.uncertain else ""
        note += " · zwakste onderdeel" if dimension.weakest else ""
        score = f"{dimension.score} van 100" if dimension.score is not None else "geen score"
        rows.append((dimension.label, score + note))
    if intake.peers is not None:
        rows.append(("Vergelijkbare bedrijven", f"{intake.peers.story} (vergeleken met {intake.peers.count} "
                                                 f"{intake.peers.description})"))
    story.append(_table(rows, s))
    if intake.report_url:
        url = escape(intake.report_url, {'"': "&quot;"})
        story.append(Spacer(1, 3))
        story.append(Paragraph(f"Het rapport zoals de ondernemer het ziet (na inloggen in het portaal):<br/>"
                               f'<a href="{url}" color="#0b6e69">{url}</a>', s["body"]))
    if len(intake.trajectory) > 1:
        story += _trajectory(intake, s)
    if intake.next_steps:
        story.append(_p("Volgende stappen", s["h2"]))
        story.append(ListFlowable([_p(step, s["body"]) for step in intake.next_steps], bulletType="1"))

    for dimension in intake.dimensions:
        story.append(_p(f"Antwoorden {dimension.label.lower()}", s["h2"]))
        story.append(_cells([(row.question, _answer(row)) for row in dimension.answers], s,
                            widths=(85 * mm, 85 * mm)))

    story.append(_p("Knelpunten en interesse", s["h2"]))
    words = intake.answer_texts
    story.append(_cells([
        ("Knelpunten", (", ".join(c.label for c in intake.knelpunten) or "geen opgegeven")
         + (f"\nIn eigen woorden: „{words['knelpunten']}”" if words.get("knelpunten") else "")),
        ("Interesse", (", ".join(c.label for c in intake.interesse) or "geen opgegeven")
         + (f"\nIn eigen woorden: „{words['interesse']}”" if words.get("interesse") else ""))], s))

    story.append(_p("Voorwaarden Mkb-Booster", s["h2"]))
    rows = [("Status", intake.eligibility_label or "niet bepaald")]
    rows += [("Aandachtspunt", reason.label) for reason in intake.eligibility_reasons]
    rows += [(row.question, _answer(row)) for row in intake.eligibility_answers]
    story.append(_cells(rows, s))

    story.append(_p("Toestemming en herkomst", s["h2"]))
    consent = intake.consent
    rows = [("Toestemming", f"gegeven op {dutch_datetime(consent.get('at'))} (tekst {consent.get('text_version')})"
             if consent.get("given") else "niet vastgelegd")]
    rows += [(CAMPAIGN_LABELS[k], v) for k, v in intake.campaign.items()]
    story.append(_table(rows, s))
    story.append(Spacer(1, 8))
    story.append(_p(f"Scan gedaan op {dutch_datetime(intake.started_at)} · vragenlijst {intake.questionnaire_version}"
                    + (f" · voorwaarden getoetst met {intake.rules_version}" if intake.rules_version else ""),
                    s["muted"]))
    document.build(story)
    return buffer.getvalue()
