"""The dashboard page: campaign log-in with CSRF, every figure on the page against an independent count."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import analytics_expected as expected
import pytest
from analytics_testkit import REPO_ROOT, log_in, post_events

from tests.support import local_client

sys.path.insert(0, str(REPO_ROOT / "tests" / "api"))
from api_html import parse

from api.analytics import display
from api.analytics.fold import week_of

BREAKDOWN_COLUMNS = ("conversations", "completed", "completion_rate", "target_group_share", "target_group_difference",
                     "awareness_share", "handoffs", "accepted")


def page_figures(html: str) -> dict[str, str]:
    figures = {}
    for node in parse(html).find_all("span", cls="figure"):
        name, value = node.attrs.get("data-figure"), node.attrs.get("data-value")
        assert name is not None and value is not None, f"a figure without its name or value: {node.attrs}"
        figures[name] = value
    return figures


def expected_figures(want: dict, by: str) -> dict[str, str]:
    found: dict[str, object] = {}
    found.update({f"reach.{k}": v for k, v in want["reach"].items() if k != "started"})
    found.update({f"target_group.{k}": want["target_group"][k] for k in ("share", "conversations", "completed",
                                                                          "difference")})
    for step, figures in want["funnel"].items():
        found.update({f"funnel.{step}.{k}": v for k, v in figures.items() if v is not None})
    for level, figures in want["levels"].items():
        found.update({f"levels.{level}.{k}": v for k, v in figures.items()})
    found.update({f"awareness.{k}": v for k, v in want["awareness"].items()})
    found.update({f"handoffs.{k}": want["handoffs"][k] for k in ("this_year", "share_of_year_target", "accepted",
                                                                 "accepted_share", "total")})
    for value, figures in want["breakdowns"][by].items():
        group = "_geen" if value is None else value
        found.update({f"breakdowns.{by}.{group}.{k}": figures[k] for k in BREAKDOWN_COLUMNS})
    for question_id, figures in want["questions"].items():
        found.update({f"questions.{question_id}.{k}": v for k, v in figures.items()})
    return {path: str(value) for path, value in found.items()}


def test_the_dashboard_needs_a_log_in(dataset):
    anonymous = local_client(dataset.app)
    for path in ("/dashboard", "/dashboard/export.csv", "/dashboard?campaign=x"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/dashboard/inloggen"


def test_log_in_sets_a_safe_session_cookie(dataset):
    client = local_client(dataset.app)
    form = client.get("/dashboard/inloggen")
    assert form.status_code == 200
    page = parse(form.text)
    assert page.find("html").attrs["lang"] == "nl"
    assert page.find("input", type="password").attrs["name"] == "wachtwoord"
    csrf_cookie = form.headers["set-cookie"]
    assert "dashboard_csrf=" in csrf_cookie and "HttpOnly" in csrf_cookie and "Path=/dashboard" in csrf_cookie
    response = log_in(client, dataset.credentials["username"], dataset.credentials["password"])
    assert response.status_code == 303 and response.headers["location"] == "/dashboard"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("dashboard_sessie="))
    assert "HttpOnly" in cookie and "Path=/dashboard" in cookie and "samesite=lax" in cookie.lower()
    assert client.get("/dashboard").status_code == 200
    assert client.get("/dashboard/inloggen", follow_redirects=False).status_code == 303


def test_log_in_without_the_forms_csrf_token_is_refused(dataset):
    client = local_client(dataset.app)
    client.get("/dashboard/inloggen")
    response = client.post("/dashboard/inloggen", follow_redirects=False,
                           data={"gebruikersnaam": "campagne", "wachtwoord": dataset.credentials["password"],
                                 "csrf": "geraden"})
    assert response.status_code == 403
    assert "verlopen" in parse(response.text).find("p", cls="login__error").text()
    assert not any(c.startswith("dashboard_sessie=") for c in response.headers.get_list("set-cookie"))


def test_a_wrong_password_is_refused_in_dutch(dataset):
    client = local_client(dataset.app)
    response = log_in(client, "campagne", "niet-het-wachtwoord")
    assert response.status_code == 401
    assert "gebruikersnaam en wachtwoord" in parse(response.text).find("p", cls="login__error").text()
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_too_many_failures_block_the_user_name_from_that_address(fresh_app, fresh_settings):
    from api.identity.service import dev_credentials

    client = local_client(fresh_app)
    with client:
        for _ in range(fresh_settings.login_max_failures):
            assert log_in(client, "campagne", "fout").status_code == 401
        right = dev_credentials(fresh_settings)["campaign"]["password"]
        blocked = log_in(client, "campagne", right)
        assert blocked.status_code == 429
        assert "Te veel mislukte pogingen" in blocked.text


def test_an_attacker_elsewhere_does_not_lock_the_campaign_team_out(fresh_app, fresh_settings):
    from api.identity.service import dev_credentials

    with local_client(fresh_app, client=("203.0.113.9", 40000)) as attacker:
        statuses = [log_in(attacker, "campagne", f"gok-{n}").status_code
                    for n in range(fresh_settings.login_max_failures + 2)]
    assert statuses == [401] * fresh_settings.login_max_failures + [429] * 2
    with local_client(fresh_app, client=("198.51.100.20", 40000)) as team:
        assert log_in(team, "campagne", dev_credentials(fresh_settings)["campaign"]["password"]).status_code == 303


def test_what_someone_typed_as_user_name_is_never_stored(fresh_app, fresh_settings):
    typed = "zomer2025!geheim"
    with local_client(fresh_app) as client:
        assert log_in(client, typed, "x").status_code == 401
    assert typed.encode() not in Path(fresh_settings.database_url.removeprefix("sqlite:///")).read_bytes()


def test_log_out_needs_the_sessions_csrf_token_and_ends_the_session(dataset):
    client = dataset.signed_in_client()
    page = parse(client.get("/dashboard").text)
    token = page.find("form", cls="dash-bar__logout").find("input", type="hidden").attrs["value"]
    assert client.post("/dashboard/uitloggen", data={"csrf": "fout"}, follow_redirects=False).status_code == 403
    response = client.post("/dashboard/uitloggen", data={"csrf": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dashboard/inloggen"
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("by", ["campaign", "source", "site", "province", "sector", "week"])
def test_every_figure_on_the_page_matches_an_independent_count(dataset, by):
    client = dataset.signed_in_client()
    response = client.get("/dashboard", params={"by": by})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    want = dataset.expected()
    assert page_figures(response.text) == expected_figures(want, by)
    section = parse(response.text).find("section", data_section="breakdown")
    assert section.attrs["data-by"] == by


@pytest.mark.parametrize("filters", [{"campaign": "regio-noord"}, {"sector": "voedingsmiddelen", "week": "2026-W03"},
                                     {"site": "_geen", "date_to": "2025-12-24"}])
def test_filtered_pages_match_too(dataset, filters):
    client = dataset.signed_in_client()
    html = client.get("/dashboard", params={**filters, "by": "province"}).text
    want = dataset.expected(filters)
    assert page_figures(html) == expected_figures(want, "province")
    form = parse(html).find("form", cls="filters")
    for name, value in filters.items():
        field = form.find(name=name)
        if field.tag == "select":
            assert [o.attrs["value"] for o in field.find_all("option") if "selected" in o.attrs] == [value]
        else:
            assert field.attrs["value"] == value


def test_figures_are_formatted_in_dutch(dataset):
    client = dataset.signed_in_client()
    page = parse(client.get("/dashboard").text)
    started = page.find("span", data_figure="reach.started_events")
    assert started.text() == f"{int(started.attrs['data-value']):,}".replace(",", ".")
    share = page.find("span", data_figure="target_group.share")
    assert share.text() == share.attrs["data-value"].replace(".", ",") + "%"
    assert "< 5" in [n.text() for n in page.find_all("span", cls="figure")]


def test_filter_menus_list_the_values_in_the_data(dataset):
    client = dataset.signed_in_client()
    form = parse(client.get("/dashboard").text).find("form", cls="filters")
    campaigns = {o.attrs["value"] for o in form.find("select", name="campaign").find_all("option")}
    assert {"", "maakindustrie-wakker", "fieldlab-tour-2025", "regio-noord", "fme-nieuwsbrief", "_geen"} == campaigns
    provinces = {o.text() for o in form.find("select", name="province").find_all("option")}
    assert "Noord-Brabant" in provinces and "(nog onbekend)" in provinces


def test_chart_data_matches_the_tables_and_leaves_suppressed_figures_out(dataset):
    client = dataset.signed_in_client()
    page = parse(client.get("/dashboard", params={"by": "sector"}).text)
    charts = json.loads(page.find("script", id="dashboard-data").text())
    want = dataset.expected()
    as_chart = [None if f["conversations"] == "< 5" else f["conversations"] for f in want["funnel"].values()]
    assert charts["funnel"]["values"] == as_chart
    assert charts["levels"]["values"] == [want["levels"][lv]["conversations"] for lv in expected.LEVELS]
    assert charts["breakdown"]["baseline"] == 30.0
    assert len(charts["breakdown"]["labels"]) == len(want["breakdowns"]["sector"])
    weeks = sorted(want["breakdowns"]["week"])
    assert charts["weeks"]["labels"] == display.week_labels(weeks, week_of(dataset.now))
    assert charts["weeks"]["bars"] is False and charts["weeks"]["labels"][-1].endswith("(loopt nog)")
    assert charts["weeks"]["completed"] == [
        None if want["breakdowns"]["week"][w]["completed"] == "< 5" else want["breakdowns"]["week"][w]["completed"]
        for w in weeks]
    assert "< 5" not in json.dumps(charts)
    scripts = [s.attrs.get("src") for s in page.find_all("script") if s.attrs.get("src")]
    assert scripts == ["/static/vendor/chartjs/chart.umd.min.js", "/static/dashboard/dashboard.js"]


def test_chart_library_is_served_locally_with_its_licence(dataset):
    client = local_client(dataset.app)
    library = client.get("/static/vendor/chartjs/chart.umd.min.js")
    assert library.status_code == 200 and "Chart.js v4" in library.text[:200]
    assert "MIT License" in client.get("/static/vendor/chartjs/LICENSE.md").text
    assert client.get("/static/dashboard/dashboard.css").status_code == 200


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_dashboard_script_is_valid_javascript():
    script = Path(REPO_ROOT / "api" / "static" / "dashboard" / "dashboard.js")
    result = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_campaign_names_are_escaped(fresh_app, fresh_settings):
    from api.identity.service import dev_credentials

    events = [{"event_id": f"{n:032x}", "conversation_id": f"gesprek-{n}", "type": "started",
               "at": "2026-01-05T10:00:00Z", "data": {"utm_campaign": "<script>alert(1)</script>"}} for n in range(6)]
    with local_client(fresh_app) as client:
        assert post_events(client, events) == 6
        credentials = dev_credentials(fresh_settings)["campaign"]
        assert log_in(client, credentials["username"], credentials["password"]).status_code == 303
        html = client.get("/dashboard").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_empty_dashboard_says_so(fresh_app, fresh_settings):
    from api.identity.service import dev_credentials

    with local_client(fresh_app) as client:
        credentials = dev_credentials(fresh_settings)["campaign"]
        assert log_in(client, credentials["username"], credentials["password"]).status_code == 303
        response = client.get("/dashboard")
    assert response.status_code == 200
    page = parse(response.text)
    assert page.find("span", data_figure="reach.started_events").attrs["data-value"] == "< 5"
    assert "Nog geen gesprekken in deze selectie." in page.find("section", data_section="breakdown").text()
    assert json.loads(page.find("script", id="dashboard-data").text())["funnel"]["values"] == [None] * 8


def test_every_question_label_is_plain_text_without_template_fields():
    from api.analytics import labels
    from bot import questionnaire

    for question_id in questionnaire.load().questions:
        label = labels.question(question_id)
        assert "{" not in label and "}" not in label, label
        assert len(label) <= labels.QUESTION_LABEL_LENGTH
    assert labels.question("toestemming").startswith("Mag ik je gegevens en de uitkomst van de scan doorgeven aan de a")
    assert labels.question("kvk_nummer") == "Wat is het KvK-nummer (8 cijfers)?"



def test_week_labels_are_plain_and_few_weeks_are_bars():
    assert display.week_labels(["2026-W05", "2026-W06"]) == ["week 5", "week 6"]
    assert display.week_labels(["2025-W52", "2026-W01"]) == ["week 52 (2025)", "week 1 (2026)"]
    overview = {"funnel": [], "levels": [], "questions": [], "breakdowns": {"campaign": []},
                "target_group": {"baseline": 30.0}}
    few = [{"value": "2026-W48", "started": 19, "completed": 12}, {"value": "2026-W49", "started": "< 5",
                                                                     "completed": "< 5"}]
    weeks = display.charts(overview, "campaign", few)["weeks"]
    assert weeks == {"labels": ["week 48", "week 49"], "bars": True, "started": [19, None], "completed": [12, None]}


def test_the_weekly_figures_are_in_a_table_too(dataset):
    page = parse(dataset.signed_in_client().get("/dashboard").text)
    rows = page.find("table", id="weeks-table").find("tbody").find_all("tr")
    assert len(rows) == len(dataset.expected()["breakdowns"]["week"])
    assert rows[0].find("th").text().startswith("week ")
