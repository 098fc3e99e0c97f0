"""Dutch number formatting and the chart data of the dashboard page (suppressed figures become gaps)."""
from __future__ import annotations

from typing import Any

from api.analytics import labels
from api.analytics.figures import Figure
from api.analytics.filters import NONE
from bot import contract

FEW_WEEKS = 6  # up to this many weeks the weekly chart is a bar chart


def fmt(value: Figure | None, kind: str = "count") -> str:
    """12345 -> '12.345', 33.3 -> '33,3%', points -> '+3,3 procentpunt'; '< 5' stays."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if kind == "percent":
        return f"{value:.1f}".replace(".", ",") + "%"
    if kind == "points":
        sign = "+" if value > 0 else ("−" if value < 0 else "±")
        return f"{sign}{abs(value):.1f}".replace(".", ",") + " procentpunt"
    return f"{value:,}".replace(",", ".")


def plain(value: Figure | None) -> str:
    """The figure as machine-readable text for data-value attributes."""
    return "" if value is None else str(value)


def chartable(value: Figure | None) -> float | int | None:
    """A suppressed figure (the only text a figure can be) becomes a gap."""
    return None if value is None or isinstance(value, str) else value


def filter_options(options: dict[str, list[str | None]]) -> dict[str, list[tuple[str, str]]]:
    """(value, label) pairs per filter menu; conversations without the attribute get NONE."""
    found = {}
    for dimension, values in options.items():
        pairs = [(value, labels.value(dimension, value)) for value in values if value is not None]
        if dimension != "week":
            pairs.sort(key=lambda pair: pair[1].casefold())
        if None in values:
            pairs.append((NONE, labels.value(dimension, None)))
        found[dimension] = pairs
    return found


def week_labels(values: list[str | None], current: str | None = None) -> list[str]:
    """'2026-W05' -> 'week 5'; with the year when the weeks span more than one ('week 52 (2025)');
    the week that is still running says so, so its low figures are not read as a drop."""
    years = {v[:4] for v in values if v}
    labels_ = []
    for value in values:
        if not value or "-W" not in value:
            labels_.append(labels.value("week", value))
            continue
        year, week = value.split("-W")
        labels_.append(f"week {int(week)}" + (f" ({year})" if len(years) > 1 else "")
                       + (" (loopt nog)" if value == current else ""))
    return labels_


def charts(overview: dict[str, Any], by: str, weeks: list[dict[str, Any]],
           current_week: str | None = None) -> dict[str, Any]:
    """weeks: rows with value (ISO week), started and completed (public figures), in time order.
    With few weeks the chart shows bars, not a line between two dots."""
    groups = overview["breakdowns"].get(by, [])
    questions = [q for q in overview["questions"] if chartable(q["dropped"])]
    return {
        "funnel": {"labels": [s["label"] for s in overview["funnel"]],
                   "values": [chartable(s["conversations"]) for s in overview["funnel"]]},
        "levels": {"labels": [level["label"] for level in overview["levels"]],
                   "values": [chartable(level["conversations"]) for level in overview["levels"]],
                   "target": [level["level"] in contract.TARGET_GROUP for level in overview["levels"]]},
        "weeks": {"labels": week_labels([w["value"] for w in weeks], current_week), "bars": len(weeks) <= FEW_WEEKS,
                  "started": [chartable(w["started"]) for w in weeks],
                  "completed": [chartable(w["completed"]) for w in weeks]},
        "breakdown": {"title": labels.DIMENSION_LABELS[by], "labels": [g["label"] for g in groups],
                      "target_share": [chartable(g["target_group_share"]) for g in groups],
                      "baseline": overview["target_group"]["baseline"]},
        "dropoff": {"labels": [q["label"] for q in questions],
                    "values": [chartable(q["dropped"]) for q in questions]},
    }
