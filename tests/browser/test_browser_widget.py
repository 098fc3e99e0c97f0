"""A person does the whole scan in the widget on the demo page, reloads halfway, opens the report,
downloads the PDF and redoes the scan; screenshots land in results/screenshots/."""
from __future__ import annotations

import io
import re
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader
from widget_driver import Widget, say, tracker_slots

from bot import questionnaire

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
CAMPAIGN = {"utm_source": "linkedin", "utm_medium": "social", "utm_campaign": "najaar"}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}

# What this owner answers; typed texts are said the way owners say them.
TYPED = {"medewerkers": "zo'n 45 man", "jaaromzet": "ongeveer 6 miljoen", "regio": "Eindhoven",
         "tech_robotisering": "we hebben sinds vorig jaar één lasrobot in gebruik"}
CHIPS = {"knelpunten": ["kennis", "capaciteit"], "interesse": ["robotisering", "vision_kwaliteit"]}
CLICKS = {"sector": "metaal", "nieuwe_inzichten": "ja", "wil_contact": "nee"}


def axe_violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


def answer(widget: Widget, question: str, typed_once: set[str]) -> None:
    """Answers the open question like the owner above; a re-asked typed question gets a click."""
    if question in TYPED and question not in typed_once:
        typed_once.add(question)
        widget.type(TYPED[question])
    elif question in CHIPS:
        widget.pick(CHIPS[question])
    elif question in CLICKS:
        widget.click(CLICKS[question])
    elif "2" in widget.options():
        widget.click("2")
    else:
        widget.click(widget.options()[0])


@pytest.fixture(scope="module")
def scan(live, browser, screenshots):
    """The whole conversation on the demo page; yields what the later tests look at."""
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live.web}/?{urllib.parse.urlencode(CAMPAIGN)}")
    page.screenshot(path=screenshots / "demo-page-desktop.png")
    widget = Widget(page)
    page.get_by_role("button", name="Start de gratis scan").click()
    widget.wait_turn(0)
    seen = {"questions": [], "typed": set(), "keyboard": None, "reload": None}
    for _ in range(60):
        question = widget.question()
        if question == "end":
            break
        seen["questions"].append(question)
        if question == "tech_automatisering" and seen["reload"] is None:
            seen["reload"] = reload_and_check(page, widget)
        if question == "tech_digitalisering" and seen["keyboard"] is None:
            seen["keyboard"] = answer_with_keyboard(page, widget)
            continue
        if question == "org_cultuur":
            page.set_viewport_size(PHONE)
            page.screenshot(path=screenshots / "widget-360-question.png")
            seen["axe_phone"] = axe_violations(page)
            page.set_viewport_size(DESKTOP)
        if question == "knelpunten":
            widget.pick(CHIPS["knelpunten"], send=False)
            page.screenshot(path=screenshots / "widget-desktop-chips.png")
            seen["axe_desktop"] = axe_violations(page)
            before = widget.turns()
            page.locator("#scan-widget .sw-multi-send").click()
            widget.wait_turn(before)
            continue
        if question == "nieuwe_inzichten":
            page.screenshot(path=screenshots / "widget-desktop-result.png")
            page.set_viewport_size(PHONE)
            page.screenshot(path=screenshots / "widget-360-result.png")
            page.set_viewport_size(DESKTOP)
        answer(widget, question, seen["typed"])
    report_link = page.locator("#scan-widget .sw-result__link")
    seen.update(page=page, widget=widget, errors=errors, session=widget.session_id(),
                report_url=report_link.get_attribute("href"))
    yield seen
    context.close()


def reload_and_check(page, widget: Widget) -> dict:
    """Reloads in the middle of the scan: the conversation must be there again, and go on."""
    before = {"users": widget.user_texts(), "progress": widget.progress(), "options": widget.options(),
              "session": widget.session_id()}
    page.reload()
    page.locator("#scan-widget .sw-panel").wait_for(state="visible")
    page.locator("#scan-widget .sw-choice").first.wait_for(state="visible")
    after = {"users": widget.user_texts(), "progress": widget.progress(), "options": widget.options(),
             "session": widget.session_id()}
    return {"before": before, "after": after}


def answer_with_keyboard(page, widget: Widget) -> dict:
    """Tab to the second option and press Enter, as someone without a mouse does."""
    first = page.locator("#scan-widget .sw-choice").first
    first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.querySelector('#scan-widget').shadowRoot.activeElement.dataset.value")
    label = page.locator("#scan-widget .sw-choice").nth(1).inner_text()
    before = widget.turns()
    page.keyboard.press("Enter")
    widget.wait_turn(before)
    return {"focused": focused, "label": label, "said": widget.user_texts()[-1]}


def test_the_scan_runs_to_its_end_with_buttons_typing_and_chips(scan):
    q = questionnaire.load()
    asked = scan["questions"]
    assert asked[0] == "sector"
    assert set(q.scored_ids) <= set(asked), f"not every scored question was asked: {asked}"
    assert asked[-1] == "wil_contact"
    users = scan["widget"].user_texts()
    # Typed answers show as typed; clicked ones by their label; chips as the chosen labels.
    assert TYPED["medewerkers"] in users and TYPED["regio"] in users
    assert q["sector"].label_for("metaal") in users
    assert ", ".join(q["knelpunten"].label_for(v) for v in CHIPS["knelpunten"]) in users
    echoes = [t for t in scan["widget"].bot_texts() if t.startswith("Genoteerd")]
    assert any("45" in t for t in echoes) and any("Noord-Brabant" in t for t in echoes), echoes
    assert re.fullmatch(r".*/rapport/[A-Za-z0-9_-]{20,}", scan["report_url"])
    assert scan["page"].locator("#scan-widget .sw-msg--end").count() == 1
    assert scan["errors"] == []


def test_a_reload_halfway_keeps_the_conversation(scan):
    reload = scan["reload"]
    assert reload is not None, "the conversation never reached the reload point"
    assert reload["after"] == reload["before"]
    assert TYPED["regio"] in reload["after"]["users"]
    assert reload["after"]["options"], "the open question lost its buttons"


def test_keyboard_only_answer(scan):
    keyboard = scan["keyboard"]
    assert keyboard is not None
    assert keyboard["focused"] == "2"
    assert keyboard["said"] == keyboard["label"]


def test_first_message_carried_the_campaign_and_site(scan, live):
    slots = tracker_slots(live.rasa, scan["session"])
    assert slots["campagne"] == {**CAMPAIGN, "site": "brabant-maakt-slimmer"}
    assert slots["tech_robotisering"] is not None and slots["knelpunten"] == sorted(CHIPS["knelpunten"])


def test_widget_passes_axe_wcag_aa_checks(scan):
    assert scan["axe_desktop"] == []
    assert scan["axe_phone"] == []


def test_report_page_pdf_and_redo(scan, live, browser, screenshots):
    q = questionnaire.load()
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.goto(scan["report_url"])
    level = page.locator(".level").get_attribute("data-level")
    assert page.locator(".level").inner_text() == q.levels[level]["label"]
    assert page.locator(".level-meaning").inner_text() == q.levels[level]["meaning"]
    assert page.locator(".chart__row").count() == 3
    assert page.locator(".next-steps li").count() >= 1
    assert page.locator(".answer[data-question='regio'] dd").inner_text() == "Noord-Brabant"
    assert page.locator("#erase-my-data").is_visible()
    page.screenshot(path=screenshots / "report-desktop.png", full_page=True)
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.locator("#report-pdf").click()
    pdf = download.value
    assert pdf.suggested_filename.endswith(".pdf")
    data = pdf.path().read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert q.levels[level]["label"] in text and "Technologie" in text

    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshots / "report-360.png", full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)

    # Redo: the report's link opens the widget on a new conversation that knows the earlier report.
    token = scan["report_url"].rsplit("/", 1)[1]
    page.locator("#report-redo").first.click()
    widget = Widget(page)
    widget.wait_turn(0)
    assert widget.question() == "sector"
    redo_session = widget.session_id()
    assert redo_session != scan["session"]
    assert tracker_slots(live.rasa, redo_session)["vorige_rapport"] == token

    # Finish the redo over REST (same tracker), all answers one step higher, then read its report.
    widget.click("metaal")
    replies = finish_over_rest(live.rasa, redo_session, widget.question())
    new_url = next(r["custom"]["report_url"] for r in replies if r.get("custom", {}).get("type") == "result")
    page.goto(new_url)
    assert page.locator(".change").count() == 1
    changes = {row.get_attribute("data-dimension"): row.locator(".change__delta").get_attribute("data-change")
               for row in page.locator(".change__table tbody tr").all()}
    assert set(changes) == {"technologie", "organisatie", "businessmodel", "totaal"}
    assert all(int(v) > 0 for v in changes.values()), changes
    page.screenshot(path=screenshots / "report-redo-desktop.png", full_page=True)
    context.close()


def finish_over_rest(rasa_url: str, sender: str, question: str) -> list[dict]:
    """Answers every remaining question with '3' (or typed profile facts) until the result."""
    facts = {"medewerkers": "45", "jaaromzet": "6 miljoen", "regio": "noord-brabant",
             "knelpunten": "kennis", "interesse": "robotisering"}
    replies: list[dict] = []
    message = facts.get(question, "3")
    for _ in range(40):
        replies = say(rasa_url, sender, message)
        if any(r.get("custom", {}).get("type") == "result" for r in replies):
            return replies
        asked = [r["custom"] for r in replies if r.get("custom", {}).get("type") == "question"]
        assert asked, replies
        message = facts.get(asked[-1]["question_id"], "3")
    raise AssertionError(f"no result: {replies}")


def test_restart_starts_over_after_confirmation(live, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live.web}/")
    widget = Widget(page)
    page.get_by_role("button", name="Doe de scan").click()
    widget.wait_turn(0)
    widget.click("machinebouw")
    assert widget.question() == "medewerkers"
    page.locator("#scan-widget .sw-restart").click()
    page.get_by_role("button", name="Ja, begin opnieuw").click()
    page.locator("#scan-widget .sw-msg--bot[data-question='sector']").wait_for()
    assert widget.user_texts() == ["Opnieuw beginnen"]
    assert tracker_slots(live.rasa, widget.session_id())["sector"] is None
    context.close()
