"""The overview as CSV for spreadsheets: one figure per row, Dutch labels, `;` and decimal commas.

Columns: uitsplitsing (Totaal, a break-down, or Vraag), groep, cijfer, waarde. Suppressed
figures are "< 5", exactly as on the page. The active filters come first, as rows "Filter".
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from api.analytics import labels
from api.analytics.figures import FLAT, QUESTION_FIGURES, Figure, Spec
from api.portal.csv_export import safe_cell

HEADER = ("uitsplitsing", "groep", "cijfer", "waarde")
FILTER_LABELS = {**labels.DIMENSION_LABELS, "date_from": "Vanaf datum", "date_to": "Tot en met datum"}


def number(value: Figure | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _label(spec: Spec) -> str:
    return f"{spec.label} (%)" if spec.kind == "percent" else spec.label


def rows(overview: dict[str, Any]) -> Iterator[tuple[str, str, str, str]]:
    """Group labels and filter values come from visitors' links (utm_*, site): they are made
    safe from spreadsheet formulas like the portal's export; figures are numbers."""
    for key, value in overview["filters"].items():
        yield ("Filter", FILTER_LABELS.get(key, key), "", safe_cell(value))
    for spec in FLAT:
        yield ("Totaal", "", _label(spec), number(overview["totals"][spec.key]))
    for dimension, groups in overview["breakdowns"].items():
        for group in groups:
            for spec in FLAT:
                yield (labels.DIMENSION_LABELS[dimension], safe_cell(group["label"]), _label(spec),
                       number(group[spec.key]))
    for question in overview["questions"]:
        for spec in QUESTION_FIGURES:
            yield ("Vraag", question["question_id"], _label(spec), number(question[spec.key]))


def render(overview: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(overview))
    return "\ufeff" + buffer.getvalue()
