"""GET /api/v1/analytics/summary: every figure against an independent count of the generated events."""
from __future__ import annotations

import analytics_expected as expected
import pytest

FILTERS = [
    {},
    {"campaign": "maakindustrie-wakker"},
    {"campaign": "_geen"},
    {"source": "linkedin"},
    {"site": "brabant-maakt-slimmer"},
    {"province": "noord-brabant"},
    {"province": "_geen"},
    {"sector": "metaal"},
    {"week": "2026-W02"},
    {"date_from": "2026-01-01"},
    {"date_from": "2025-12-01", "date_to": "2025-12-31"},
    {"campaign": "fieldlab-tour-2025", "province": "zeeland", "sector": "hout_meubel"},
]


def get_summary(dataset, params=None, headers=None):
    response = dataset.client.get("/api/v1/analytics/summary", params=params or {},
                                  headers=dataset.bearer if headers is None else headers)
    assert response.status_code == 200, response.text
    return response.json()


def expected_summary(dataset, filters=None):
    return dataset.expected(filters)


def assert_same(actual: dict, want: dict) -> None:
    assert actual["totals"] == want["totals"]
    assert actual["reach"] == want["reach"]
    assert {s["step"]: {k: s[k] for k in ("conversations", "share_of_started", "share_of_previous")}
            for s in actual["funnel"]} == want["funnel"]
    assert [s["step"] for s in actual["funnel"]] == list(want["funnel"])
    assert {lv["level"]: {"conversations": lv["conversations"], "share": lv["share"]}
            for lv in actual["levels"]} == want["levels"]
    assert actual["target_group"] == want["target_group"]
    assert actual["awareness"] == want["awareness"]
    assert actual["handoffs"] == want["handoffs"]
    assert {q["question_id"]: {k: q[k] for k in ("asked", "answered", "first_try_rate", "dropped", "drop_rate")}
            for q in actual["questions"]} == want["questions"]
    for dimension, groups in want["breakdowns"].items():
        got = {row["value"]: {k: v for k, v in row.items() if k not in ("value", "label")}
               for row in actual["breakdowns"][dimension]}
        assert got == groups, dimension


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items()) or "all")
def test_every_figure_matches_an_independent_count(dataset, filters):
    actual = get_summary(dataset, filters)
    assert_same(actual, expected_summary(dataset, filters))
    assert actual["filters"] == filters


def test_the_data_set_makes_the_comparison_meaningful(dataset):
    """Every figure the tests compare is shown somewhere (not only '< 5'), and suppression occurs too."""
    raw = expected_summary(dataset)["raw"]
    for key in ("conversations", "completed", "abandoned", "in_progress", "target_group", "handoffs",
                "handoffs_this_year", "accepted", "wil_contact", "eligible", "consent", "aware_nee"):
        assert raw[key] >= 5, key
    assert all(raw[f"level_{level}"] >= 5 for level in expected.LEVELS)
    assert raw["started_events"] > raw["conversations"]  # restarts
    assert raw["handoffs_this_year"] < raw["handoffs"]  # the data spans a new year
    small = get_summary(dataset, FILTERS[-1])
    assert small["totals"]["conversations"] == "< 5" or small["totals"]["completed"] == "< 5"
    everything = get_summary(dataset)
    suppressed_rows = [row for rows in everything["breakdowns"].values() for row in rows
                       if row["completed"] == "< 5"]
    assert suppressed_rows, "some groups are small enough to be suppressed"


def test_target_group_share_against_the_30_percent_baseline(dataset):
    actual = get_summary(dataset)["target_group"]
    raw = expected_summary(dataset)["raw"]
    share = round(100 * raw["target_group"] / raw["with_level"], 1)
    assert actual["share"] == share
    assert actual["baseline"] == 30.0
    assert actual["difference"] == round(share - 30.0, 1)


def test_hand_offs_this_year_against_1000_a_year(dataset):
    handoffs = get_summary(dataset)["handoffs"]
    assert handoffs["year"] == 2026 and handoffs["target_per_year"] == 1000
    # 20 January 2026: day 20 of 365.
    assert handoffs["target_to_date"] == round(1000 * 20 / 365)


def test_by_limits_the_break_downs(dataset):
    actual = get_summary(dataset, {"by": ["week", "sector"]})
    assert set(actual["breakdowns"]) == {"week", "sector"}
    weeks = [row["value"] for row in actual["breakdowns"]["week"]]
    assert weeks == sorted(weeks) and len(weeks) >= 12


def test_groups_are_labelled_in_dutch(dataset):
    breakdowns = get_summary(dataset)["breakdowns"]
    provinces = {row["value"]: row["label"] for row in breakdowns["province"]}
    assert provinces["noord-brabant"] == "Noord-Brabant"
    assert provinces[None] == "(nog onbekend)"
    campaigns = {row["value"]: row["label"] for row in breakdowns["campaign"]}
    assert campaigns[None] == "(geen campagne)"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer verkeerd-token"},
                                     {"Authorization": "Basic Y2FtcGFnbmU6eA=="}])
def test_a_campaign_token_is_required(dataset, headers):
    response = dataset.client.get("/api/v1/analytics/summary", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_dashboard_session_alone_does_not_open_the_json(dataset):
    browser = dataset.signed_in_client()
    assert browser.get("/api/v1/analytics/summary").status_code == 401


@pytest.mark.parametrize("params, fragment", [
    ({"week": "week 3"}, "ISO week"),
    ({"date_from": "gisteren"}, "date_from"),
    ({"date_from": "2026-01-10", "date_to": "2026-01-01"}, "after"),
    ({"by": "kleur"}, "by"),
])
def test_bad_filters_are_422(dataset, params, fragment):
    response = dataset.client.get("/api/v1/analytics/summary", params=params, headers=dataset.bearer)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
