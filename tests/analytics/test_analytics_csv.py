"""GET /dashboard/export.csv: every figure against an independent count, suppressed exactly like the page."""
from __future__ import annotations

import csv
import io

import pytest

from bot import questionnaire

FIGURE_LABELS = {
    "Gesprekken": "conversations", "Gesprekken gestart": "started_events", "Gestart": "started",
    "Profiel ingevuld": "profile", "Scan afgerond": "completed", "Afrondingspercentage (%)": "completion_rate",
    "Afgehaakt": "abandoned", "Nog bezig": "in_progress", "Achterblijver": "level_achterblijver",
    "Volger": "level_volger", "Ontwikkelaar": "level_ontwikkelaar", "Koploper": "level_koploper",
    "Doelgroep (volgers + achterblijvers)": "target_group", "Doelgroepaandeel (%)": "target_group_share",
    "Verschil met 30% (procentpunt)": "target_group_difference",
    "Vraag nieuwe inzichten beantwoord": "aware_answered", "Nieuwe inzichten: ja": "aware_ja",
    "Nieuwe inzichten: een beetje": "aware_een_beetje", "Nieuwe inzichten: nee": "aware_nee",
    "Bewustwording (ja of een beetje) (%)": "awareness_share", "Wil contact": "wil_contact",
    "Komt in aanmerking": "eligible", "Toestemming": "consent", "Overgedragen": "handoffs",
    "Overgedragen dit jaar": "handoffs_this_year", "Geaccepteerd door intermediair": "accepted",
}
QUESTION_LABELS = {"Gesteld": "asked", "Beantwoord": "answered", "Direct begrepen (%)": "first_try_rate",
                   "Afgehaakt bij deze vraag": "dropped", "Afhaakpercentage (%)": "drop_rate"}
DIMENSIONS = {"Campagne": "campaign", "Bron": "source", "Site": "site", "Provincie": "province",
              "Sector": "sector", "Week": "week"}


def dutch(value) -> str:
    return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)


def group_label(dimension: str, value: str | None) -> str:
    if value is None:
        return {"campaign": "(geen campagne)", "source": "(geen bron)", "site": "(geen site)"}.get(dimension,
                                                                                                 "(nog onbekend)")
    if dimension in ("province", "sector"):
        question = questionnaire.load()["regio" if dimension == "province" else "sector"]
        return next(o.label for o in question.options if o.value == value)
    return value


def read(response) -> list[dict[str, str]]:
    assert response.content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("filters", [{}, {"source": "google", "date_from": "2025-12-15"}, {"province": "zeeland"}])
def test_every_csv_figure_matches_an_independent_count(dataset, filters):
    client = dataset.signed_in_client()
    response = client.get("/dashboard/export.csv", params=filters)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="campagnecijfers-2026-01-20.csv"'
    lines = read(response)
    want = dataset.expected(filters)

    got_filters = {row["groep"]: row["waarde"] for row in lines if row["uitsplitsing"] == "Filter"}
    assert len(got_filters) == len(filters) and set(got_filters.values()) == set(filters.values())

    totals = {FIGURE_LABELS[row["cijfer"]]: row["waarde"] for row in lines if row["uitsplitsing"] == "Totaal"}
    assert totals == {key: dutch(value) for key, value in want["totals"].items()}

    for label, dimension in DIMENSIONS.items():
        got = {}
        for row in lines:
            if row["uitsplitsing"] == label:
                got.setdefault(row["groep"], {})[FIGURE_LABELS[row["cijfer"]]] = row["waarde"]
        assert got == {group_label(dimension, value): {k: dutch(v) for k, v in figures.items()}
                       for value, figures in want["breakdowns"][dimension].items()}, label

    questions = {}
    for row in lines:
        if row["uitsplitsing"] == "Vraag":
            questions.setdefault(row["groep"], {})[QUESTION_LABELS[row["cijfer"]]] = row["waarde"]
    assert questions == {qid: {k: dutch(v) for k, v in figures.items()} for qid, figures in want["questions"].items()}

    known = {"Filter", "Totaal", "Vraag", *DIMENSIONS}
    assert {row["uitsplitsing"] for row in lines} <= known


def test_small_groups_are_suppressed_in_the_csv(dataset):
    client = dataset.signed_in_client()
    lines = read(client.get("/dashboard/export.csv", params={"campaign": "regio-noord", "sector": "hout_meubel"}))
    values = [row["waarde"] for row in lines if row["uitsplitsing"] != "Filter"]
    assert "< 5" in values
    for value in values:
        assert value == "< 5" or float(value.replace(",", ".").lstrip("-")) >= 0
        if value != "< 5" and "," not in value:
            assert int(value) >= 5  # every count shown is over 5 or more conversations


def test_values_from_visitors_links_cannot_become_spreadsheet_formulas(dataset):
    client = dataset.signed_in_client()
    response = client.get("/dashboard/export.csv", params={"campaign": '=HYPERLINK("https://evil.example")'})
    assert response.status_code == 200
    [campaign] = [row["waarde"] for row in read(response) if row["uitsplitsing"] == "Filter"]
    assert campaign == '\'=HYPERLINK("https://evil.example")'
