"""Redoing the scan: the new assessment remembers the earlier report and shows the change per dimension."""
from __future__ import annotations

import uuid

from api_html import parse
from api_testkit import full_answers, put_assessment, scored_answers

from api.assessments import service as assessments
from api.assessments.models import Assessment, AssessmentLink
from bot import questionnaire

EARLIER = "earlier-token-abcdefghij0123"
LATER = "later-token-abcdefghij01234"


def test_previous_report_token_links_the_new_assessment(client, app):
    earlier_id, _ = put_assessment(client, full_answers(), token=EARLIER)
    later_id, _ = put_assessment(client, full_answers(**scored_answers("3")), token=LATER,
                                 previous_report_token=EARLIER)
    # The same PUT again (the bot repeats it) keeps one link.
    put_assessment(client, full_answers(**scored_answers("3")), assessment_id=later_id, token=LATER,
                   previous_report_token=EARLIER)
    with app.state.sessionmaker() as session:
        assert session.get(AssessmentLink, later_id).previous_id == earlier_id
        assert assessments.previous_of(session, session.get(Assessment, later_id)).id == earlier_id
        assert session.get(AssessmentLink, earlier_id) is None


def test_report_shows_the_change_per_dimension(client):
    q = questionnaire.load()
    put_assessment(client, full_answers(), token=EARLIER)  # 33 everywhere
    tech_up = {qid: "4" for qid in q.dimensions["technologie"]}
    org_down = {qid: "1" for qid in q.dimensions["organisatie"]}
    put_assessment(client, full_answers(**tech_up, **org_down), token=LATER, previous_report_token=EARLIER)
    page = parse(client.get(f"/rapport/{LATER}").text)
    section = page.find("section", cls="change")
    rows = {r.attrs["data-dimension"]: r for r in section.find("tbody").find_all("tr")}
    assert rows["technologie"].find(cls="change__delta").attrs["data-change"] == "67"
    assert rows["technologie"].find(cls="change__delta").text() == "+67"
    assert rows["organisatie"].find(cls="change__delta").text() == "\u221233"
    assert rows["businessmodel"].find(cls="change__delta").text() == "0"
    summary = section.find(cls="change__summary").text()
    assert "vooruitgegaan op technologie (+67)" in summary
    assert "Op organisatie (\u221233) ben je achteruitgegaan" in summary
    assert "Businessmodel is gelijk gebleven" in summary
    # The chart shows the earlier score as a second bar, with the number in text.
    chart = page.find(cls="chart__row", data_dimension="technologie")
    assert chart.find("rect", cls="chart__previous").attrs["width"] == "33"
    assert chart.find("span", data_previous="33").text() == "Vorige scan: 33 (+67)"


def test_unknown_or_own_token_is_ignored(client, app):
    unknown = uuid.uuid4().hex
    later_id, _ = put_assessment(client, full_answers(), token=LATER, previous_report_token=unknown)
    put_assessment(client, full_answers(), assessment_id=later_id, token=LATER, previous_report_token=LATER)
    with app.state.sessionmaker() as session:
        assert session.get(AssessmentLink, later_id) is None
    page = parse(client.get(f"/rapport/{LATER}").text)
    assert not page.find_all("section", cls="change")
    assert not page.find_all("rect", cls="chart__previous")


def test_previous_report_token_is_optional_and_bounded(client):
    response = client.put("/api/v1/assessments/a-bounded", json={
        "conversation_id": "c", "report_token": LATER, "questionnaire_version": questionnaire.load().version,
        "answers": full_answers(), "previous_report_token": "x" * 201})
    assert response.status_code == 422
    assert "previous_report_token" in response.json()["detail"]
