"""From raw counts to the figures a campaign team sees: percentages, baselines and suppression.

Suppression: a count below 5 is shown as "< 5"; so is a percentage whose numerator or
denominator is below 5 (else the count could be worked back from it). The same public
figures feed the page, the CSV and the JSON. Baselines come from the study (domain.md):
about 30% of the former agency's clients were followers or laggards, and the programme
plans about 1,000 hand-offs a year.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from api.analytics import labels
from api.analytics.filters import Filters
from api.analytics.fold import TIMEZONE
from bot import contract

THRESHOLD = 5
SUPPRESSED = "< 5"
TARGET_GROUP_BASELINE = 30.0
HANDOFFS_PER_YEAR = 1000

Figure = int | float | str


def count(n: int) -> Figure:
    return n if n >= THRESHOLD else SUPPRESSED


def rate(numerator: int, denominator: int) -> Figure:
    if numerator < THRESHOLD or denominator < THRESHOLD:
        return SUPPRESSED
    return round(100 * numerator / denominator, 1)


def difference(share: Figure, baseline: float) -> Figure:
    return SUPPRESSED if isinstance(share, str) else round(share - baseline, 1)


@dataclass(frozen=True)
class Spec:
    key: str
    label: str
    kind: str  # "count" or "percent" or "points"


# The figures of one group (and of the total), in the order of the CSV and the break-down table.
FLAT = (
    Spec("conversations", "Gesprekken", "count"),
    Spec("started_events", "Gesprekken gestart", "count"),
    Spec("started", "Gestart", "count"),
    Spec("profile", "Profiel ingevuld", "count"),
    Spec("completed", "Scan afgerond", "count"),
    Spec("completion_rate", "Afrondingspercentage", "percent"),
    Spec("abandoned", "Afgehaakt", "count"),
    Spec("in_progress", "Nog bezig", "count"),
    *(Spec(f"level_{level}", labels.level(level), "count") for level in contract.LEVELS),
    Spec("target_group", "Doelgroep (volgers + achterblijvers)", "count"),
    Spec("target_group_share", "Doelgroepaandeel", "percent"),
    Spec("target_group_difference", "Verschil met 30% (procentpunt)", "points"),
    Spec("aware_answered", "Vraag nieuwe inzichten beantwoord", "count"),
    Spec("aware_ja", "Nieuwe inzichten: ja", "count"),
    Spec("aware_een_beetje", "Nieuwe inzichten: een beetje", "count"),
    Spec("aware_nee", "Nieuwe inzichten: nee", "count"),
    Spec("awareness_share", "Bewustwording (ja of een beetje)", "percent"),
    Spec("wil_contact", "Wil contact", "count"),
    Spec("eligible", "Komt in aanmerking", "count"),
    Spec("consent", "Toestemming", "count"),
    Spec("handoffs", "Overgedragen", "count"),
    Spec("handoffs_this_year", "Overgedragen dit jaar", "count"),
    Spec("accepted", "Geaccepteerd door intermediair", "count"),
)
QUESTION_FIGURES = (
    Spec("asked", "Gesteld", "count"),
    Spec("answered", "Beantwoord", "count"),
    Spec("first_try_rate", "Direct begrepen", "percent"),
    Spec("dropped", "Afgehaakt bij deze vraag", "count"),
    Spec("drop_rate", "Afhaakpercentage", "percent"),
)
FUNNEL = (
    ("started", "Gestart"), ("profile", "Profiel ingevuld"), ("completed", "Uitslag gezien"),
    ("wil_contact", "Wil contact"), ("eligible", "Komt in aanmerking"), ("consent", "Toestemming gegeven"),
    ("handoffs", "Overgedragen"), ("accepted", "Geaccepteerd door intermediair"),
)


def flat(raw: dict[str, int]) -> dict[str, Figure]:
    """The public figures of one group: counts suppressed, percentages computed, then suppressed."""
    aware = raw["aware_ja"] + raw["aware_een_beetje"]
    share = rate(raw["target_group"], raw["with_level"])
    derived = {
        "completion_rate": rate(raw["completed"], raw["started"]),
        "target_group_share": share,
        "target_group_difference": difference(share, TARGET_GROUP_BASELINE),
        "awareness_share": rate(aware, raw["aware_answered"]),
    }
    return {spec.key: derived[spec.key] if spec.key in derived else count(raw[spec.key]) for spec in FLAT}


def target_to_date(today: date) -> int:
    """The pro-rata part of the yearly target reached by the end of today."""
    days = (date(today.year + 1, 1, 1) - date(today.year, 1, 1)).days
    return round(HANDOFFS_PER_YEAR * today.timetuple().tm_yday / days)


def summary(totals: dict[str, int], questions: list[dict[str, Any]], breakdowns: dict[str, list[dict[str, Any]]],
            filters: Filters, now: datetime, abandon_minutes: int) -> dict[str, Any]:
    """Everything the dashboard shows, as plain JSON-ready data."""
    today = now.astimezone(TIMEZONE).date()
    figures = flat(totals)
    funnel, previous = [], None
    for key, label in FUNNEL:
        funnel.append({"step": key, "label": label, "conversations": count(totals[key]),
                       "share_of_started": rate(totals[key], totals["started"]),
                       "share_of_previous": rate(totals[key], previous) if previous is not None else None})
        previous = totals[key]
    return {
        "filters": filters.as_query(),
        "generated_at": now.isoformat(),
        "suppression": {"threshold": THRESHOLD, "shown_as": SUPPRESSED},
        "abandon_minutes": abandon_minutes,
        "totals": figures,
        "reach": {key: figures[key] for key in ("started_events", "started", "completed",
                                                "completion_rate", "abandoned", "in_progress")},
        "funnel": funnel,
        "levels": [{"level": level, "label": labels.level(level), "conversations": count(totals[f"level_{level}"]),
                    "share": rate(totals[f"level_{level}"], totals["with_level"])} for level in contract.LEVELS],
        "target_group": {"completed": count(totals["with_level"]), "conversations": figures["target_group"],
                         "share": figures["target_group_share"], "baseline": TARGET_GROUP_BASELINE,
                         "difference": figures["target_group_difference"]},
        "awareness": {"answered": figures["aware_answered"], "ja": figures["aware_ja"],
                      "een_beetje": figures["aware_een_beetje"], "nee": figures["aware_nee"],
                      "share": figures["awareness_share"]},
        "handoffs": {"total": figures["handoffs"], "this_year": figures["handoffs_this_year"],
                     "year": today.year, "target_per_year": HANDOFFS_PER_YEAR,
                     "target_to_date": target_to_date(today),
                     "share_of_year_target": rate(totals["handoffs_this_year"], HANDOFFS_PER_YEAR),
                     "accepted": figures["accepted"],
                     "accepted_share": rate(totals["accepted"], totals["handoffs"])},
        "questions": [question_figures(row) for row in
                      sorted(questions, key=lambda r: labels.question_order(r["question_id"]))],
        "breakdowns": {dimension: [{"value": row["value"], "label": labels.value(dimension, row["value"]),
                                    **flat(row)} for row in _ordered(dimension, rows)]
                       for dimension, rows in breakdowns.items()},
    }


def trend(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Weekly started and completed conversations, suppressed like every other figure."""
    return [{"value": row["value"], "label": labels.value("week", row["value"]), "started": count(row["started"]),
             "completed": count(row["completed"])} for row in rows]


def question_figures(row: dict[str, Any]) -> dict[str, Any]:
    return {"question_id": row["question_id"], "label": labels.question(row["question_id"]),
            "dimension": row["dimension"], "dimension_label": labels.dimension_of_question(row["dimension"]),
            "asked": count(row["asked"]), "answered": count(row["answered"]),
            "first_try_rate": rate(row["first_try"], row["answered"]),
            "dropped": count(row["dropped"]), "drop_rate": rate(row["dropped"], row["asked"])}


def _ordered(dimension: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Weeks in time order; other groups by size (largest first), then by name; 'none' last."""
    if dimension == "week":
        return sorted(rows, key=lambda r: (r["value"] is None, r["value"] or ""))
    return sorted(rows, key=lambda r: (r["value"] is None, -r["conversations"], r["value"] or ""))
