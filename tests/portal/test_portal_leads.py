"""The intermediary's own leads: list, intake page, status workflow, notes, CSV, PDF and JSON."""
from __future__ import annotations

import csv
import io

from api_html import parse
from portal_testkit import BRABANT, TECHNOORD, db_rows, login, make_lead, marked, page_csrf
from pypdf import PdfReader

from bot import questionnaire


def test_list_shows_exactly_the_own_leads_newest_first(client, creds):
    first, _ = make_lead(client, BRABANT, bedrijfsnaam="Eerste BV")
    make_lead(client, TECHNOORD, bedrijfsnaam="Noordelijk BV")
    second, _ = make_lead(client, BRABANT, bedrijfsnaam="Tweede BV")
    login(client, creds[BRABANT])
    rows = parse(client.get("/portaal/leads").text).find("table", id="leads").find_all("tr", cls=None)
    leads = [row.attrs["data-lead"] for row in rows if "data-lead" in row.attrs]
    assert leads == [second, first]


def test_status_filter(client, settings, creds):
    moved, _ = make_lead(client, BRABANT)
    waiting, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    token = page_csrf(client, f"/portaal/leads/{moved}")
    client.post(f"/portaal/leads/{moved}/status", data={"status": "contact_gelegd", "csrf_token": token,
                                                          "bevestigd": "ja"})
    page = parse(client.get("/portaal/leads?status=contact_gelegd").text)
    assert [r.attrs["data-lead"] for r in page.find_all("tr") if "data-lead" in r.attrs] == [moved]
    page = parse(client.get("/portaal/leads?status=nieuw").text)
    assert [r.attrs["data-lead"] for r in page.find_all("tr") if "data-lead" in r.attrs] == [waiting]


def test_lead_page_holds_the_complete_intake(client, creds):
    lead_id, _ = make_lead(client, BRABANT, answers={"tech_robotisering": "weet_niet", "ontvangen_steun": "onbekend"})
    login(client, creds[BRABANT])
    response = client.get(f"/portaal/leads/{lead_id}")
    assert response.status_code == 200
    page = parse(response.text)
    contact = marked(page, "data-contact")
    assert "Lasbedrijf De Vonk B.V." in contact.text() and "henk@devonk.example" in contact.text()
    assert page.find(**{"data-level": "achterblijver"})
    assert {d.attrs["data-dimension"] for d in page.find_all("section", cls="answers")} == {
        "technologie", "organisatie", "businessmodel"}
    unknown = page.find("div", **{"data-question": "tech_robotisering"})
    assert "data-weet-niet" in unknown.attrs and "weet ik niet" in unknown.text()
    assert "Kennis" in marked(page, "data-knelpunten").text()
    assert page.find(**{"data-eligibility": "check_needed"})
    assert page.find("li", **{"data-reason": "steun_onbekend"})
    assert "voorwaarden-v1" in response.text
    assert questionnaire.load().consent_version in marked(page, "data-consent").text()
    assert marked(page, "data-site").text() == "Brabant Maakt Slimmer"  # the site id, named
    summary = marked(page, "data-summary").text()
    assert "45 medewerkers" in summary and "Noord-Brabant" in summary and "weet ik niet" in summary


def test_status_changes_follow_the_workflow_and_are_audited(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    for status in ("in_behandeling", "plan_van_aanpak"):
        response = client.post(f"/portaal/leads/{lead_id}/status", data={"status": status, "csrf_token": token,
                                                                         "bevestigd": "ja"},
                               follow_redirects=False)
        assert response.status_code == 303
    backwards = client.post(f"/portaal/leads/{lead_id}/status", data={"status": "in_behandeling", "csrf_token": token})
    assert backwards.status_code == 422 and "kan de status niet" in backwards.text
    no_reason = client.post(f"/portaal/leads/{lead_id}/status", data={"status": "afgewezen", "csrf_token": token})
    assert no_reason.status_code == 422 and "Geef een reden" in no_reason.text
    client.post(f"/portaal/leads/{lead_id}/status",
                data={"status": "afgewezen", "reden": "Past niet bij ons", "csrf_token": token, "bevestigd": "ja"})
    assert db_rows(settings, "SELECT status FROM leads WHERE id = ?", lead_id) == [("afgewezen",)]
    assert db_rows(settings, "SELECT from_status, to_status, reason, by FROM lead_status_changes ORDER BY id") == [
        ("nieuw", "in_behandeling", None, f"gebruiker:{BRABANT}"),
        ("in_behandeling", "plan_van_aanpak", None, f"gebruiker:{BRABANT}"),
        ("plan_van_aanpak", "afgewezen", "Past niet bij ons", f"gebruiker:{BRABANT}")]
    audited = db_rows(settings, "SELECT action, lead_id, detail FROM audit_log WHERE action = 'status_gewijzigd'")
    assert len(audited) == 3 and all(row[1] == lead_id for row in audited)
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    assert page.find(id="lead-status").attrs["data-status"] == "afgewezen"
    assert not page.find_all("form", id="status-form")  # closed: no more changes offered


def test_notes_are_escaped_and_kept(client, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    client.post(f"/portaal/leads/{lead_id}/notities",
                data={"tekst": "Gebeld <script>alert(1)</script>", "csrf_token": token})
    empty = client.post(f"/portaal/leads/{lead_id}/notities", data={"tekst": "  ", "csrf_token": token})
    assert empty.status_code == 422
    html = client.get(f"/portaal/leads/{lead_id}").text
    assert "Gebeld &lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_every_view_is_in_the_audit_log(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    for path in ("/portaal/leads", f"/portaal/leads/{lead_id}", f"/portaal/leads/{lead_id}/intake.pdf",
                 f"/portaal/leads/{lead_id}/intake.json", "/portaal/leads.csv"):
        assert client.get(path).status_code == 200
    actions = [a for (a,) in db_rows(settings, "SELECT action FROM audit_log WHERE actor = ? ORDER BY id",
                                      f"gebruiker:{BRABANT}")]
    assert actions == ["ingelogd", "leads_bekeken", "lead_bekeken", "pdf_gedownload", "json_bekeken",
                       "csv_geexporteerd"]
    details = " ".join(d for (d,) in db_rows(settings, "SELECT detail FROM audit_log"))
    assert "henk" not in details.lower() and "vonk" not in details.lower()


def test_csv_export_has_own_leads_and_neutralises_formulas(client, creds):
    mine, _ = make_lead(client, BRABANT, bedrijfsnaam="=HYPERLINK(\"http://x\")")
    make_lead(client, TECHNOORD, bedrijfsnaam="Noordelijk BV")
    login(client, creds[BRABANT])
    response = client.get("/portaal/leads.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff")), delimiter=";"))
    assert [r["lead_id"] for r in rows] == [mine]
    assert rows[0]["bedrijfsnaam"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["email"] == "henk@devonk.example" and rows[0]["niveau"] == "Achterblijver"


def test_pdf_is_a_real_pdf_with_the_intake_and_escaped_text(client, creds):
    lead_id, _ = make_lead(client, BRABANT, bedrijfsnaam="<b>Vonk</b> & Zonen",
                           answers={"tech_robotisering": "weet_niet"})
    login(client, creds[BRABANT])
    response = client.get(f"/portaal/leads/{lead_id}/intake.pdf")
    assert response.headers["content-type"] == "application/pdf"
    assert f'filename="intake-{lead_id}.pdf"' in response.headers["content-disposition"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "<b>Vonk</b> & Zonen" in text
    for expected in ("henk@devonk.example", "Achterblijver", "[weet ik niet]", "voorwaarden-v1",
                     questionnaire.load().consent_version, "Robots en cobots", "linkedin"):
        assert expected in text, expected


def test_json_intake(client, creds):
    lead_id, _ = make_lead(client, BRABANT, answers={"tech_robotisering": "weet_niet"})
    login(client, creds[BRABANT])
    data = client.get(f"/portaal/leads/{lead_id}/intake.json").json()
    assert data["lead_id"] == lead_id and data["status"] == "nieuw" and not data["withdrawn"]
    assert data["contact"] == {"naam": "Henk de Vries", "email": "henk@devonk.example", "telefoon": "0612345678"}
    assert data["level"] == "achterblijver" and data["total"] == 33
    assert [w["question_id"] for w in data["weet_niet"]] == ["tech_robotisering"]
    assert data["eligibility_status"] == "eligible" and data["rules_version"] == "voorwaarden-v1"
    assert data["consent"]["given"] is True and data["campaign"]["utm_campaign"] == "najaar"
    assert [c["value"] for c in data["interesse"]] == ["robotisering"]
