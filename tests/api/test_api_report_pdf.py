"""The report as PDF: a download with the level, scores, next steps and answers."""
from __future__ import annotations

import io

from api_testkit import ELIGIBLE, PUBLIC_BASE_URL, full_answers, put_assessment, scored_answers
from pypdf import PdfReader

from bot import questionnaire

TOKEN = "pdf-token-abcdefghij012345"
EARLIER = "pdf-earlier-abcdefghij01234"


def pdf_text(response) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)


def test_pdf_download_holds_the_report(client):
    q = questionnaire.load()
    _, body = put_assessment(client, full_answers(**ELIGIBLE, jaaromzet="onbekend"), token=TOKEN)
    response = client.get(f"/rapport/{TOKEN}/pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith('attachment; filename="rapport-')
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    level = q.levels[body["level"]]
    assert f"Jouw bedrijf is een {level['label']}" in text
    assert " ".join(level["meaning"].split()[:6]) in text
    for label in (q.dimension_labels[d] for d in q.dimensions):
        assert label in text
    assert " ".join(body["next_steps"][0].split()[:6]) in text
    assert q["sector"].label_for("metaal") in text and "Noord-Brabant" in text
    assert f"{PUBLIC_BASE_URL}/rapport/{TOKEN}" in text
    # Eligibility answers are not part of the owner's report.
    assert "Mkb-Booster-traject" not in text


def test_pdf_shows_the_change_against_the_earlier_scan(client):
    put_assessment(client, full_answers(), token=EARLIER)
    put_assessment(client, full_answers(**scored_answers("3")), token=TOKEN, previous_report_token=EARLIER)
    text = pdf_text(client.get(f"/rapport/{TOKEN}/pdf"))
    assert "Vorige scan" in text and "+34" in text
    assert "Sinds je vorige scan van" in text


def test_pdf_of_an_unknown_report_is_a_404(client):
    response = client.get("/rapport/bestaat-niet-0123456789abcdef/pdf")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
