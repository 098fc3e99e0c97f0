"""The programme office: its own queue, reassigning to qualified intermediaries, the registry and the audit log."""
from __future__ import annotations

from datetime import date

from api_html import parse
from portal_testkit import BRABANT, OFFICE, TECHNOORD, db_rows, login, make_lead, page_csrf

from api.registry import service as registry


def test_the_office_sees_its_queue_only(client, creds):
    queued, _ = make_lead(client, OFFICE, bedrijfsnaam="Houtwerk Gelderland")
    routed, _ = make_lead(client, BRABANT)
    login(client, creds[OFFICE])
    html = client.get("/portaal/leads").text
    assert "Wachtrij van het programmabureau" in html and queued in html and routed not in html


def test_reassign_to_a_qualified_intermediary_moves_the_lead_and_queues_its_notice(client, settings, creds):
    lead_id, _ = make_lead(client, OFFICE)
    login(client, creds[OFFICE])
    page = parse(client.get(f"/portaal/leads/{lead_id}").text)
    offered = [o.attrs["value"] for o in page.find("select", id="intermediair").find_all("option")]
    # Expired (voedsel-en-vakmanschap) and inactive (midden-nederland-innoveert) ones are not offered.
    assert TECHNOORD in offered
    assert "voedsel-en-vakmanschap" not in offered and "midden-nederland-innoveert" not in offered
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    expired = client.post(f"/portaal/leads/{lead_id}/toewijzen",
                          data={"intermediair": "voedsel-en-vakmanschap", "csrf_token": token})
    assert expired.status_code == 422 and "gekwalificeerde" in expired.text
    done = client.post(f"/portaal/leads/{lead_id}/toewijzen", data={"intermediair": TECHNOORD, "csrf_token": token},
                       follow_redirects=False)
    assert done.status_code == 303
    assert db_rows(settings, "SELECT intermediary_id, intermediary_name, status FROM leads") == [
        (TECHNOORD, "TechNoord Advies", "nieuw")]
    outbox = db_rows(settings, "SELECT intermediary_id, event, channel FROM delivery_outbox")
    assert (TECHNOORD, "nieuwe_lead", "email") in outbox
    assert client.get(f"/portaal/leads/{lead_id}").status_code == 404  # no longer the office's
    assert db_rows(settings, "SELECT action, detail FROM audit_log WHERE action = 'toegewezen'") == [
        ("toegewezen", '{"van": "programmabureau", "naar": "technoord-advies"}')]
    # The new intermediary now has it.
    client.post("/portaal/uitloggen", data={"csrf_token": page_csrf(client)})
    login(client, creds[TECHNOORD])
    assert client.get(f"/portaal/leads/{lead_id}").status_code == 200


def test_intermediaries_cannot_reassign_their_own_lead(client, settings, creds):
    lead_id, _ = make_lead(client, BRABANT)
    login(client, creds[BRABANT])
    token = page_csrf(client, f"/portaal/leads/{lead_id}")
    response = client.post(f"/portaal/leads/{lead_id}/toewijzen", data={"intermediair": TECHNOORD, "csrf_token": token})
    assert response.status_code == 404
    assert db_rows(settings, "SELECT intermediary_id FROM leads") == [(BRABANT,)]


def test_registry_edits_are_validated_stored_and_audited(client, settings, creds, app):
    login(client, creds[OFFICE])
    token = page_csrf(client, f"/portaal/register/{TECHNOORD}")
    form = {"csrf_token": token, "qualified_until": "2031-03-31", "monthly_capacity": "0", "active": "on",
            "expertise": ["robotisering", "digitalisering"], "contact_email": "nieuw@technoord.example",
            "webhook_url": "https://crm.technoord.example/hook"}
    bad = client.post(f"/portaal/register/{TECHNOORD}", data={**form, "monthly_capacity": "-3"})
    assert bad.status_code == 422 and "heel getal" in bad.text
    bad = client.post(f"/portaal/register/{TECHNOORD}", data={**form, "expertise": ["vliegen"]})
    assert bad.status_code == 422 and "Onbekende expertise" in bad.text
    ok = client.post(f"/portaal/register/{TECHNOORD}", data=form, follow_redirects=False)
    assert ok.status_code == 303
    with app.state.sessionmaker() as session:
        entry = registry.get(session, TECHNOORD)
        assert (entry.qualified_until, entry.monthly_capacity, entry.expertise, entry.contact_email) == (
            date(2031, 3, 31), 0, ["robotisering", "digitalisering"], "nieuw@technoord.example")
        assert entry.webhook_url == "https://crm.technoord.example/hook" and len(entry.webhook_secret) >= 32
        # Routing reads the kept registry: a capacity of 0 means full.
        loaded = {i.id: i for i in registry.load(session, settings.intermediaries_file)}
        assert loaded[TECHNOORD].monthly_capacity == 0
    [(detail,)] = db_rows(settings, "SELECT detail FROM audit_log WHERE action = 'register_gewijzigd'")
    assert '"monthly_capacity": 0' in detail and entry.webhook_secret not in detail


def test_seeding_does_not_overwrite_the_offices_edits(client, app, settings):
    from api.main import seed

    seed(app.state.sessionmaker, settings)
    with app.state.sessionmaker() as session:
        registry.get(session, BRABANT).monthly_capacity = 3
        session.commit()
    seed(app.state.sessionmaker, settings)
    with app.state.sessionmaker() as session:
        assert registry.get(session, BRABANT).monthly_capacity == 3


def test_undelivered_overview_and_audit_log_pages(client, settings, creds):
    make_lead(client, BRABANT)
    login(client, creds[OFFICE])
    overview = parse(client.get("/portaal/bezorging").text)
    rows = overview.find("table", id="undelivered").find_all("tr")
    assert any(r.attrs.get("data-state") == "wachtend" for r in rows)
    audit_page = client.get("/portaal/audit")
    assert audit_page.status_code == 200 and "bezorging_bekeken" in audit_page.text
