"""The owner's report as PDF (ReportLab Platypus), from the same view as the report page.

Texts from the database or the questionnaire are escaped before they reach a Paragraph,
whose mini-markup would otherwise interpret them.
"""
from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, ListFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from api.pdf_fonts import fonts
from api.reports.view import Report

ACCENT = colors.HexColor("#0b6e69")
WARN = colors.HexColor("#b4530a")
INK = colors.HexColor("#1d2530")
MUTED = colors.HexColor("#5b6675")
LINE = colors.HexColor("#dfe3e8")
TRACK = colors.HexColor("#eef1f4")
PREVIOUS = colors.HexColor("#8a94a3")
WIDTH = A4[0] - 36 * mm


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=regular, fontSize=10, leading=14, textColor=INK)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=23, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=17, spaceBefore=12,
                             spaceAfter=4, textColor=ACCENT, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=body, fontName=bold, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2),
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=12),
        "cell_muted": ParagraphStyle("cell_muted", parent=body, fontSize=9, leading=12, textColor=MUTED),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=bold, fontSize=9, leading=12),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(rows: list[list], widths: list[float], header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
                                    ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 2)]
    if header:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, INK))
    table.setStyle(TableStyle(style))
    return table


def _bar(x: float, y: float, width: float, height: float, fill: colors.Color) -> Rect:
    """A filled rectangle without outline."""
    # types-reportlab annotates Rect's **kw as the keyword TypedDict itself instead of Unpack[...]
    # (as on its other shapes), so no keyword argument would match
    return Rect(x, y, width, height, fillColor=fill, strokeColor=None)  # type: ignore[arg-type]


def chart(view: Report, regular: str, bold: str) -> Drawing:
    """Horizontal bars 0-100 per dimension; the earlier scan as a thin grey bar, peers as a line."""
    label_w, value_w, row_h = 40 * mm, 14 * mm, 13 * mm
    bar_w = WIDTH - label_w - value_w
    drawing = Drawing(WIDTH, row_h * len(view.bars))
    for n, bar in enumerate(view.bars):
        top = drawing.height - (n + 1) * row_h
        drawing.add(String(0, top + 5 * mm, bar.label, fontName=bold, fontSize=10, fillColor=INK))
        if bar.weakest:
            drawing.add(String(0, top + 1.2 * mm, "zwakste onderdeel", fontName=regular, fontSize=7.5, fillColor=WARN))
        drawing.add(_bar(label_w, top + 4 * mm, bar_w, 5 * mm, TRACK))
        if bar.score is not None:
            fill = WARN if bar.weakest else ACCENT
            drawing.add(_bar(label_w, top + 4 * mm, bar_w * bar.score / 100, 5 * mm, fill))
        if bar.previous is not None:
            drawing.add(_bar(label_w, top + 1.8 * mm, bar_w * bar.previous / 100, 1.6 * mm, PREVIOUS))
        if bar.peer is not None:
            x = label_w + bar_w * bar.peer / 100
            drawing.add(Line(x, top + 1 * mm, x, top + 10.5 * mm, strokeColor=INK, strokeWidth=1.6))
        value = str(bar.score) if bar.score is not None else "–"
        drawing.add(String(WIDTH, top + 5 * mm, value, fontName=bold, fontSize=11, fillColor=INK, textAnchor="end"))
    return drawing


def _score_table(view: Report, s: dict[str, ParagraphStyle]) -> Table:
    head = ["Onderdeel", "Jouw score"]
    if view.previous is not None:
        head += ["Vorige scan", "Verschil"]
    if view.peers is not None:
        head += ["Vergelijkbare bedrijven"]
    rows = [[_p(h, s["cell_bold"]) for h in head]]
    for bar in view.bars:
        row = [bar.label + (" (zwakste)" if bar.weakest else ""), bar.score if bar.score is not None else "geen score"]
        if view.previous is not None:
            row += ["" if bar.previous is None else bar.previous, bar.change_text]
        if view.peers is not None:
            row += ["" if bar.peer is None else f"{bar.peer} ({bar.peer_text})"]
        rows.append([_p(cell, s["cell"]) for cell in row])
    total = ["Totaal", view.total if view.total is not None else "geen score"]
    if view.previous is not None:
        total += ["" if view.previous.total is None else view.previous.total, view.total_change_text]
    if view.peers is not None:
        peer_total = view.peers.averages.get("totaal")
        total += ["" if peer_total is None else peer_total]
    rows.append([_p(cell, s["cell_bold"]) for cell in total])
    first = 45 * mm
    rest = (WIDTH - first) / (len(head) - 1)
    return _table(rows, [first] + [rest] * (len(head) - 1), header=True)


def render(view: Report, report_url: str) -> bytes:
    regular, bold = fonts()
    s = _styles(regular, bold)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm,
                                 title="Rapport scan productie-innovatie", author="Scan productie-innovatie",
                                 subject=f"Uitkomst van de scan van {view.date}", lang="nl-NL")
    story: list = [_p("Rapport scan productie-innovatie", s["title"]), _p(f"Jouw scan van {view.date}", s["muted"]),
                   Spacer(1, 6)]
    if view.level:
        story.append(_p(f"Jouw bedrijf is een {view.level_label}", s["h2"]))
        story.append(_p(view.level_meaning, s["body"]))
        scale = " · ".join(f"{step.label} {step.low}-{step.high}" + (" (jij)" if step.current else "")
                           for step in view.levels)
        story.append(_p(f"Je totaalscore is {view.total} van de 100, het gemiddelde van de drie onderdelen. "
                        f"De niveaus: {scale}.", s["muted"]))
    else:
        story.append(_p("Nog geen uitkomst", s["h2"]))
        story.append(_p("Er zijn nog te weinig vragen beantwoord om te zeggen waar je bedrijf staat.", s["body"]))

    story.append(_p("Scores per onderdeel", s["h2"]))
    legend = ["gekleurd: jouw score (0-100)"]
    if view.previous is not None:
        legend.append(f"grijs: vorige scan ({view.previous.date})")
    if view.peers is not None:
        legend.append("lijn: gemiddelde van vergelijkbare bedrijven")
    story.append(KeepTogether([chart(view, regular, bold), _p(" · ".join(legend), s["muted"]), Spacer(1, 4),
                               _score_table(view, s)]))
    if view.previous is not None:
        story.append(Spacer(1, 4))
        story.append(_p(view.previous.summary, s["body"]))
    if view.peers is not None:
        story.append(Spacer(1, 4))
        story.append(_p(f"Vergeleken met {view.peers.count} {view.peers.description}.", s["body"]))
    for bar in view.bars:
        if bar.uncertain:
            story.append(_p(f"{bar.label}: minder zeker, want bij dit onderdeel is minder dan de helft van de "
                            f"vragen beantwoord.", s["muted"]))

    if view.next_steps:
        title = f"Volgende stappen voor {view.weakest_label.lower()}" if view.weakest_label else "Volgende stappen"
        story.append(_p(title, s["h2"]))
        story.append(ListFlowable([_p(step, s["body"]) for step in view.next_steps], bulletType="1",
                                  bulletFontName=regular, bulletFontSize=10))

    for n, section in enumerate(view.sections):
        rows = [[_p(row.question, s["cell_muted"]),
                 _p(", ".join(row.items) if row.items else row.answer, s["cell"])] for row in section.rows]
        heading = [_p("Jouw antwoorden", s["h2"])] if n == 0 else []
        story.append(KeepTogether(heading + [_p(section.label, s["h3"]), _table(rows, [WIDTH * 0.55, WIDTH * 0.45])]))

    story.append(Spacer(1, 10))
    story.append(_p(f"Je rapport online: {report_url}. Doe de scan over een paar maanden opnieuw via de knop "
                    f"'Doe de scan opnieuw' op die pagina: dan zie je per onderdeel wat er veranderd is.", s["muted"]))
    document.build(story)
    return buffer.getvalue()
