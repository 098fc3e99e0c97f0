"""The HTML pages: the report (parsed structurally) and the chat page."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from api_html import parse
from api_testkit import ELIGIBLE, RASA_URL, REPO_ROOT, full_answers, put_assessment

from api.templating import environment
from bot import questionnaire

TOKEN = "report-token-abcdefghij0123"


@pytest.fixture
def report(client):
    q = questionnaire.load()
    answers = full_answers(**ELIGIBLE, tech_robotisering="weet_niet", jaaromzet="onbekend",
                           **{i: "4" for i in q.dimensions["organisatie"]},
                           knelpunten=["kennis", "financiering"])
    _, body = put_assessment(client, answers, token=TOKEN)
    response = client.get(f"/rapport/{TOKEN}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    return body, parse(response.text)


def test_report_shows_level_with_its_meaning(report):
    body, page = report
    level = questionnaire.load().levels[body["level"]]
    assert page.find(cls="level").attrs["data-level"] == body["level"]
    assert page.find(cls="level").text() == level["label"]
    assert page.find(cls="level-meaning").text() == level["meaning"]


def test_report_shows_the_three_scores_the_total_and_the_weakest(report):
    body, page = report
    shown = {node.attrs["data-dimension"]: node for node in page.find_all(cls="chart__row")}
    assert set(shown) == {"technologie", "organisatie", "businessmodel"}
    labels = questionnaire.load().dimension_labels
    for dimension, node in shown.items():
        score = body["scores"][dimension]
        assert node.find(cls="chart__value").text() == f"{score} /100"
        assert node.find("rect", cls="chart__bar").attrs["width"] == str(score)
        # The chart's text alternative says the same in words.
        assert node.find("svg").attrs["role"] == "img"
        assert node.find("svg").attrs["aria-label"].startswith(f"{labels[dimension]}: {score} van 100")
    assert page.find(cls="total").attrs["data-total"] == str(body["scores"]["totaal"])
    assert [n.attrs["data-dimension"] for n in page.find_all(cls="chart__row--weakest")] == [body["weakest"]]
    weakest = page.find("strong", data_weakest=body["weakest"])
    assert weakest.text() == labels[body["weakest"]]


def test_report_places_the_total_on_the_scale_of_four_levels(report):
    body, page = report
    q = questionnaire.load()
    steps = page.find(cls="level-scale__steps").find_all("li")
    assert [s.find(cls="level-scale__label").text() for s in steps] == [v["label"] for v in q.levels.values()]
    current = [s for s in steps if s.attrs.get("aria-current") == "true"]
    assert [s.attrs["data-level"] for s in current] == [body["level"]]
    assert current[0].find(cls="level-scale__you").text() == "jij"


def test_report_offers_the_pdf_and_a_redo_link(report):
    _, page = report
    assert page.find("a", id="report-pdf").attrs["href"] == f"/rapport/{TOKEN}/pdf"
    assert page.find("a", id="report-redo").attrs["href"] == f"/?vorige={TOKEN}"
    assert page.find("button", id="erase-my-data")


def test_report_lists_the_next_steps(report):
    body, page = report
    assert [li.text() for li in page.find(cls="next-steps").find_all("li")] == body["next_steps"]


def test_report_answers_use_the_questionnaire_labels(report):
    _, page = report
    q = questionnaire.load()
    rows = {node.attrs["data-question"]: node for node in page.find_all(cls="answer")}
    assert rows["sector"].find("dd").text() == q["sector"].label_for("metaal")
    assert rows["org_cultuur"].find("dd").text() == q["org_cultuur"].label_for("4")
    assert rows["tech_automatisering"].find("dt").text() in q["tech_automatisering"].text
    assert rows["regio"].find("dd").text() == "Noord-Brabant"
    assert rows["medewerkers"].find("dd").text() == "45"
    assert [li.text() for li in rows["knelpunten"].find_all("li")] == [
        q["knelpunten"].label_for("kennis"), q["knelpunten"].label_for("financiering")]
    # Answers are grouped per dimension, in conversation order.
    sections = [s.attrs["data-dimension"] for s in page.find_all(cls="answers")]
    assert sections == ["profiel", "technologie", "organisatie", "businessmodel", "knelpunten", "interesse"]


def test_report_marks_weet_niet(report):
    _, page = report
    rows = {node.attrs["data-question"]: node for node in page.find_all(cls="answer")}
    for question_id in ("tech_robotisering", "jaaromzet"):
        assert "answer--unknown" in rows[question_id].classes
        assert rows[question_id].find("dd").text() == "weet ik niet"
    assert "answer--unknown" not in rows["tech_automatisering"].classes


def test_report_leaves_out_campaign_eligibility_and_follow_up(report):
    _, page = report
    text = page.text()
    for hidden in ("linkedin", "najaar", "brabant-maakt-slimmer", "conv-1"):
        assert hidden not in text
    questions = {node.attrs["data-question"] for node in page.find_all(cls="answer")}
    assert not questions & {"eerder_traject", "wil_contact", "nieuwe_inzichten"}


def test_report_amounts_in_dutch_notation(client):
    put_assessment(client, full_answers(), token=TOKEN)
    page = parse(client.get(f"/rapport/{TOKEN}").text)
    row = page.find(cls="answer", data_question="jaaromzet")
    assert row.find("dd").text() == "€ 6.500.000"


def test_report_before_any_scored_answer(client):
    put_assessment(client, {"sector": "metaal"}, token=TOKEN)
    response = client.get(f"/rapport/{TOKEN}")
    assert response.status_code == 200
    assert parse(response.text).find("h1").text() == "Nog geen uitkomst"


def test_unknown_token_and_unknown_page_give_a_dutch_404(client):
    for path in ("/rapport/bestaat-niet-0123456789abcdef", "/rapport/<script>", "/nergens"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        page = parse(response.text)
        assert page.find("html").attrs["lang"] == "nl"
        assert page.find("h1").text() == "Deze pagina bestaat niet"


def test_templates_escape_html():
    assert environment.autoescape is True
    rendered = environment.from_string("{{ value }}").render(value="<script>alert(1)</script>")
    assert "<script>" not in rendered


def test_demo_page_embeds_the_widget_with_one_script_tag(client):
    response = client.get("/")
    assert response.status_code == 200
    page = parse(response.text)
    assert page.find("html").attrs["lang"] == "nl"
    scripts = page.find_all("script")
    assert len(scripts) == 1
    tag = scripts[0]
    assert tag.attrs["src"] == "/static/widget/widget.js"
    assert tag.attrs["data-site"] == "brabant-maakt-slimmer"
    assert tag.attrs["data-rasa-url"] == RASA_URL
    assert re.fullmatch(r"#[0-9a-f]{6}", tag.attrs["data-color"])
    assert "defer" in tag.attrs
    assert [b for b in page.find_all("button") if "data-scan-open" in b.attrs]  # the page's buttons open the chat
    assert [li.find("h3").text() for li in page.find("ul", cls="cards").find_all("li")] == [
        questionnaire.load().dimension_labels[d] for d in questionnaire.SCORED_DIMENSIONS]


def test_widget_assets_are_served_locally(client):
    for asset, kind in [("/static/widget/widget.js", "javascript"), ("/static/widget/widget.css", "css"),
                        ("/static/vendor/socket.io/socket.io.min.js", "javascript"),
                        ("/static/report.css", "css")]:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert kind in response.headers["content-type"], asset
    assert "MIT" in (REPO_ROOT / "api" / "static" / "vendor" / "socket.io" / "LICENSE").read_text()


def test_widget_script_follows_the_contract():
    script = (REPO_ROOT / "api" / "static" / "widget" / "widget.js").read_text(encoding="utf-8")
    for needle in ("session_request", "session_confirm", "user_uttered", "bot_uttered", "session_id",
                   "localStorage", "utm_source", "utm_medium", "utm_campaign", "meta.site", "previous_report",
                   '"vorige"', "opnieuw beginnen", "Verstuur", "progress", "multiple", "quick_replies",
                   'role: "log"', "aria-live", "aria-pressed", "progressbar"):
        assert needle in script, needle
    assert "http" not in script.split("ASSETS =")[1].split(";")[0], "assets must come from the web service"


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_widget_script_is_valid_javascript():
    result = subprocess.run(["node", "--check", str(REPO_ROOT / "api" / "static" / "widget" / "widget.js")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_after_a_hand_off_the_report_says_who_calls_and_what_was_passed_on(client):
    from api_testkit import hand_over

    assessment_id, _ = put_assessment(client, full_answers(**{**ELIGIBLE, "ontvangen_steun": "onbekend"}),
                                      token=TOKEN)
    before = parse(client.get(f"/rapport/{TOKEN}").text)
    assert not before.find_all("section", cls="handoff")
    assert "niets persoonlijks" not in before.find("footer").text()  # the report is no longer "during the scan"
    assert hand_over(client, "lead-r", assessment_id).json()["intermediary_id"] == "brabant-maakt-slimmer"
    page = parse(client.get(f"/rapport/{TOKEN}").text)
    handoff = page.find("section", cls="handoff")
    text = handoff.text()
    assert "Je aanmelding bij Brabant Maakt Slimmer" in text
    assert "neemt binnen enkele werkdagen contact met je op" in text
    assert "Je voldoet mogelijk aan de basisvoorwaarden" in text and "De adviseur checkt" in text
    assert "in eigen woorden" in text and "bedrijfsnaam, KvK-nummer, naam, e-mailadres en telefoonnummer" in text
    footer = page.find("footer").text()
    assert "niets persoonlijks" not in footer and "doorgegeven aan Brabant Maakt Slimmer" in footer
    assert "trekken we je aanmelding bij Brabant Maakt Slimmer in" in page.find("section", cls="privacy-erase").text()
