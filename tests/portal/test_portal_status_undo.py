"""Status changes in the portal are confirmed first, and the adviser's latest step can be undone; the
history keeps both the step and its undo."""
from __future__ import annotations

from api_html import parse
from portal_testkit import BRABANT, db_rows, login, make_lead, page_csrf


def post(client, lead_id: str, path: str = "status", **data):
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    return client.post(f"/portaal/leads/{lead_id}/{path}", data={**data, "csrf_token": token},
                       follow_redirects=False)


def test_a_change_waits_for_confirmation(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    asked = post(client, lead_id, status="afgerond")
    assert asked.status_code == 200
    confirm = parse(asked.text).find("section", id="confirm")
    assert "Van Nieuw naar Afgerond" in confirm.text()
    assert confirm.find("input", name="bevestigd").attrs["value"] == "ja"
    assert confirm.find("input", name="status").attrs["value"] == "afgerond"
    assert db_rows(settings, "SELECT status FROM leads") == [("nieuw",)]
    assert db_rows(settings, "SELECT COUNT(*) FROM lead_status_changes") == [(0,)]
    # A change the workflow refuses is refused at once, not offered for confirmation.
    refused = post(client, lead_id, status="afgewezen")
    assert refused.status_code == 422 and "Geef een reden" in refused.text and 'id="confirm"' not in refused.text
    done = post(client, lead_id, status="afgerond", bevestigd="ja")
    assert done.status_code == 303 and db_rows(settings, "SELECT status FROM leads") == [("afgerond",)]


def test_a_misclick_to_afgerond_is_undone_and_the_history_keeps_both(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    post(client, lead_id, status="contact_gelegd", bevestigd="ja")
    post(client, lead_id, status="afgerond", bevestigd="ja")
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    assert not page.find_all("form", id="status-form")  # closed: no forward steps ...
    undo = page.find("form", id="undo-form")             # ... but the misclick can be undone
    assert "terug naar Contact gelegd" in undo.text()

    asked = post(client, lead_id, "status/terugdraaien")
    assert asked.status_code == 200 and "ongedaan maken?" in parse(asked.text).find("section", id="confirm").text()
    assert db_rows(settings, "SELECT status FROM leads") == [("afgerond",)]
    undone = post(client, lead_id, "status/terugdraaien", bevestigd="ja")
    assert undone.status_code == 303 and undone.headers["location"].endswith("?bericht=teruggedraaid")
    assert db_rows(settings, "SELECT status FROM leads") == [("contact_gelegd",)]
    assert db_rows(settings, "SELECT from_status, to_status, reason FROM lead_status_changes ORDER BY id") == [
        ("nieuw", "contact_gelegd", None), ("contact_gelegd", "afgerond", None),
        ("afgerond", "contact_gelegd", "Ongedaan gemaakt")]
    page = parse(client.get(f"/portaal/leads/{lead_id}?bericht=teruggedraaid").text)
    assert page.find(id="lead-status").attrs["data-status"] == "contact_gelegd"
    assert page.find_all("form", id="status-form") and not page.find_all("form", id="undo-form")
    history = page.find("table", id="history").find_all("tr")
    assert [r.attrs["data-change"] for r in history if "data-change" in r.attrs] == [
        "contact_gelegd", "afgerond", "contact_gelegd"]
    # The undo itself cannot be undone: the status form moves on from here.
    again = post(client, lead_id, "status/terugdraaien", bevestigd="ja")
    assert again.status_code == 409 and db_rows(settings, "SELECT status FROM leads") == [("contact_gelegd",)]
    audited = db_rows(settings, "SELECT action FROM audit_log WHERE action LIKE 'status_%' ORDER BY id")
    assert audited == [("status_gewijzigd",), ("status_gewijzigd",), ("status_teruggedraaid",)]


def test_a_rejection_is_undone_and_its_reason_stays_in_the_history(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    post(client, lead_id, status="afgewezen", reden="Buiten onze regio", bevestigd="ja")
    post(client, lead_id, "status/terugdraaien", bevestigd="ja")
    assert db_rows(settings, "SELECT status FROM leads") == [("nieuw",)]
    history = parse(client.get(f"/portaal/leads/{lead_id}").text).find("table", id="history").text()
    assert "Buiten onze regio" in history and "Ongedaan gemaakt" in history


def test_a_withdrawn_lead_cannot_be_brought_back(client, settings, creds):
    import re

    lead_id, assessment_id = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    post(client, lead_id, status="in_behandeling", bevestigd="ja")
    token = client.get(f"/api/v1/assessments/{assessment_id}").json()["report_token"]
    page = client.get(f"/rapport/{token}/verwijderen")
    code = re.search(r'name="code" value="([^"]+)"', page.text).group(1)
    client.post(f"/rapport/{token}/verwijderen", data={"code": code})
    assert post(client, lead_id, "status/terugdraaien", bevestigd="ja").status_code == 409
    assert db_rows(settings, "SELECT status FROM leads") == [("ingetrokken",)]
