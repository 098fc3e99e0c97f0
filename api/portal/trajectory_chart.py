"""The small chart of a lead's trajectory (T0, T1, T2 ...): one line per dimension, as SVG coordinates.

Plain data for templates/portal/_trajectory.html; the table beside it carries the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass

from api.leads.intake import Scan
from bot.questionnaire import SCORED_DIMENSIONS, load

WIDTH, HEIGHT = 320, 170
LEFT, RIGHT, TOP, BOTTOM = 34, 16, 12, 28
GRID = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    value: int


@dataclass(frozen=True)
class Series:
    dimension: str
    label: str
    points: str  # the polyline's "x,y x,y ..."
    dots: list[Dot]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    ticks: list[tuple[float, str]]  # x and label (T0, T1 ...)
    grid: list[tuple[float, int]]   # y and value
    series: list[Series]
    description: str                # the chart in words (its text alternative)


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + (span * index / (count - 1) if count > 1 else span / 2), 1)


def _y(value: int) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (100 - value) / 100, 1)


def build(trajectory: list[Scan]) -> Chart | None:
    """None until there is a re-scan: one point is not a trajectory."""
    if len(trajectory) < 2:
        return None
    labels = load().dimension_labels
    count = len(trajectory)
    series, words = [], []
    for dimension in SCORED_DIMENSIONS:
        dots = [Dot(_x(i, count), _y(score), score)
                for i, scan in enumerate(trajectory) if (score := scan.scores.get(dimension)) is not None]
        series.append(Series(dimension, labels[dimension], " ".join(f"{d.x},{d.y}" for d in dots), dots))
        shown = [scan.scores.get(dimension) for scan in trajectory]
        values = ", ".join(f"{scan.label} {'geen score' if score is None else score}"
                           for scan, score in zip(trajectory, shown))
        words.append(f"{labels[dimension]}: {values}")
    return Chart(WIDTH, HEIGHT, [(_x(i, count), scan.label) for i, scan in enumerate(trajectory)],
                 [(_y(v), v) for v in GRID], series, "; ".join(words))
