"""POST /api/v1/routing/preview against the example registry (contract.md's routing rule)."""
from __future__ import annotations

from datetime import date

import pytest
from api_testkit import ELIGIBLE, full_answers, hand_over, put_assessment

from api.deps import get_today


def preview(client, assessment_id: str):
    return client.post("/api/v1/routing/preview", json={"assessment_id": assessment_id})


def eligible_company(client, **profile) -> str:
    assessment_id, body = put_assessment(client, full_answers(**ELIGIBLE, **profile))
    assert body["eligibility"]["status"] in ("eligible", "check_needed")
    return assessment_id


@pytest.mark.parametrize("profile, expected", [
    # Metal in Brabant, interested in robots: the Brabant specialist.
    ({"sector": "metaal", "regio": "noord-brabant", "interesse": ["robotisering"]}, "brabant-maakt-slimmer"),
    # Food in Friesland: Voedsel & Vakmanschap's qualification ended 2024-12-31.
    ({"sector": "voedingsmiddelen", "regio": "friesland", "interesse": ["automatisering"]}, "technoord-advies"),
    # Plastics: Kunststof Kennisnetwerk has capacity 0, so Delta Maakkracht in Zeeland.
    ({"sector": "kunststof_rubber", "regio": "zeeland", "interesse": ["additive"]}, "delta-maakkracht"),
    # Utrecht: Midden-Nederland Innoveert is inactive.
    ({"sector": "hout_meubel", "regio": "utrecht", "interesse": ["robotisering"]}, "randstad-productiecoaches"),
    # Zuid-Holland food: expertise decides between Delta and Randstad.
    ({"sector": "voedingsmiddelen", "regio": "zuid-holland", "interesse": ["energie_duurzaamheid"]},
     "delta-maakkracht"),
    ({"sector": "voedingsmiddelen", "regio": "zuid-holland", "interesse": ["data_sensoren"]},
     "randstad-productiecoaches"),
    # Furniture in Gelderland: nobody covers it, the programme office gets it.
    ({"sector": "hout_meubel", "regio": "gelderland", "interesse": ["robotisering"]}, "programmabureau"),
])
def test_preview_follows_the_routing_rule(client, profile, expected):
    response = preview(client, eligible_company(client, **profile))
    assert response.status_code == 200, response.text
    assert response.json()["intermediary_id"] == expected
    assert response.json()["intermediary_name"]
    assert set(response.json()) == {"intermediary_id", "intermediary_name"}


def test_an_expired_qualification_counted_from_today(app, client):
    assessment_id = eligible_company(client, sector="voedingsmiddelen", regio="friesland",
                                     interesse=["automatisering"])
    app.dependency_overrides[get_today] = lambda: date(2024, 6, 1)
    assert preview(client, assessment_id).json()["intermediary_id"] == "voedsel-en-vakmanschap"
    app.dependency_overrides[get_today] = lambda: date(2025, 1, 1)
    assert preview(client, assessment_id).json()["intermediary_id"] == "technoord-advies"


def test_check_needed_is_routed_too(client):
    assessment_id, body = put_assessment(client, full_answers(**{**ELIGIBLE, "bereid_plan": "misschien"}))
    assert body["eligibility"]["status"] == "check_needed"
    assert preview(client, assessment_id).json()["intermediary_id"] == "brabant-maakt-slimmer"


def test_not_eligible_is_409(client):
    assessment_id, body = put_assessment(client, full_answers(**{**ELIGIBLE, "eerder_traject": "ja"}))
    assert body["eligibility"]["status"] == "not_eligible"
    response = preview(client, assessment_id)
    assert response.status_code == 409
    assert "not_eligible" in response.json()["detail"]


def test_without_eligibility_409_and_unknown_assessment_404(client):
    assessment_id, _ = put_assessment(client, full_answers())
    assert preview(client, assessment_id).status_code == 409
    assert preview(client, "bestaat-niet").status_code == 404
    bad = client.post("/api/v1/routing/preview", json={"assessment": assessment_id})
    assert bad.status_code == 422


def test_monthly_capacity_counts_this_months_leads(client):
    """Delta Maakkracht takes 10 leads a month; the 11th Zeeland food company has no candidate."""
    profile = {"sector": "voedingsmiddelen", "regio": "zeeland", "interesse": ["automatisering"]}
    for n in range(10):
        assessment_id = eligible_company(client, **profile)
        lead = hand_over(client, f"lead-{n}", assessment_id)  # the preview, then the lead
        assert lead.json()["intermediary_id"] == "delta-maakkracht"
    assert preview(client, eligible_company(client, **profile)).json()["intermediary_id"] == "programmabureau"


def test_unreadable_registry_is_503_not_500(tmp_path, settings):
    from api.main import create_app
    from tests.support import local_client

    broken = tmp_path / "registry.json"
    broken.write_text('[{"id": "half"}]')
    with local_client(create_app(settings.model_copy(update={"intermediaries_file": broken}))) as client:
        assessment_id = eligible_company(client)
        response = preview(client, assessment_id)
    assert response.status_code == 503
    assert "registry" in response.json()["detail"]
