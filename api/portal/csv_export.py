"""CSV export of an intermediary's leads (semicolon-separated UTF-8 with BOM, as Dutch Excel expects).

Cells that a spreadsheet would run as a formula (starting with = + - @ or a tab) get a
leading apostrophe.
"""
from __future__ import annotations

import csv
import io

from api.dutch import dutch_datetime
from api.leads.intake import Intake

COLUMNS = ("lead_id", "ontvangen", "status", "bedrijfsnaam", "kvk_nummer", "contactpersoon", "email",
           "telefoon", "sector", "medewerkers", "plaats", "regio", "niveau", "totaal", "technologie", "organisatie",
           "businessmodel", "voorwaarden", "knelpunten", "interesse", "opmerkingen", "campagne", "site")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def row(intake: Intake) -> list[str]:
    profile = {r.question_id: r.answer for r in intake.profile}
    scores = {d.dimension: d.score for d in intake.dimensions}
    company = intake.company or {}
    contact = intake.contact or {}
    values = [intake.lead_id, dutch_datetime(intake.received_at), intake.status_label,
              company.get("bedrijfsnaam"), company.get("kvk_nummer"), contact.get("naam"), contact.get("email"),
              contact.get("telefoon"), profile.get("sector"), profile.get("medewerkers"), intake.place,
              profile.get("regio"),
              intake.level_label, intake.total, scores.get("technologie"), scores.get("organisatie"),
              scores.get("businessmodel"), intake.eligibility_label,
              ", ".join(c.label for c in intake.knelpunten), ", ".join(c.label for c in intake.interesse),
              " | ".join(intake.remarks), intake.campaign.get("utm_campaign"), intake.campaign.get("site")]
    return [safe_cell(v) for v in values]


def render(intakes: list[Intake]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for intake in intakes:
        writer.writerow(row(intake))
    return "\ufeff" + buffer.getvalue()
