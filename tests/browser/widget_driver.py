"""Drives the chat widget on a page the way a person does: click options, type, pick chips.

Playwright's CSS locators pierce the widget's open shadow root; the few JavaScript checks
reach into it through `#scan-widget`'s shadowRoot.
"""
from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import Page

SHADOW = "document.querySelector('#scan-widget').shadowRoot"
# Questions asked, plus the end marker: grows by one with every finished bot turn.
TURNS_JS = """() => {
  const host = document.querySelector('#scan-widget');
  const root = host && host.shadowRoot;  // null while a new page is still loading
  if (!root) return -1;
  const typing = root.querySelector('.sw-typing');
  const n = root.querySelectorAll('.sw-msg--bot[data-question], .sw-msg--end').length;
  return typing && !typing.hidden ? -1 : n;
}"""


class Widget:
    def __init__(self, page: Page):
        self.page = page

    @property
    def input(self):
        return self.page.locator("#scan-widget .sw-input")

    def turns(self) -> int:
        return self.page.evaluate(TURNS_JS)

    def wait_turn(self, before: int, timeout: float = 60_000) -> None:
        self.page.wait_for_function(f"(before) => ({TURNS_JS})() > before", arg=before, timeout=timeout)

    def question(self) -> str:
        """The id of the question asked last, or 'end'."""
        return self.page.evaluate(f"""() => {{
          const root = {SHADOW};
          const items = root.querySelectorAll('.sw-msg--bot[data-question], .sw-msg--end');
          const last = items[items.length - 1];
          return !last ? '' : (last.classList.contains('sw-msg--end') ? 'end' : last.dataset.question);
        }}""")

    def options(self) -> list[str]:
        return self.page.locator("#scan-widget .sw-choices button[data-value]").evaluate_all(
            "nodes => nodes.map(n => n.dataset.value)")

    def progress(self) -> str:
        return self.page.locator("#scan-widget .sw-progress__text").inner_text()

    def user_texts(self) -> list[str]:
        return self.page.locator("#scan-widget .sw-msg--user .sw-bubble").all_inner_texts()

    def bot_texts(self) -> list[str]:
        return self.page.locator("#scan-widget .sw-msg--bot .sw-bubble").all_inner_texts()

    def click(self, value: str) -> None:
        before = self.turns()
        self.page.locator(f"#scan-widget .sw-choice[data-value='{value}']").click()
        self.wait_turn(before)

    def type(self, text: str) -> None:
        before = self.turns()
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_turn(before)

    def pick(self, values: list[str], send: bool = True) -> None:
        for value in values:
            self.page.locator(f"#scan-widget .sw-chip[data-value='{value}']").click()
        if send:
            before = self.turns()
            self.page.locator("#scan-widget .sw-multi-send").click()
            self.wait_turn(before)

    def session_id(self) -> str:
        return self.page.evaluate("() => window.ScanWidget.sessionId()")


def tracker_slots(rasa_url: str, sender: str) -> dict:
    url = f"{rasa_url}/conversations/{sender}/tracker?include_events=NONE"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())["slots"]


def say(rasa_url: str, sender: str, message: str) -> list[dict]:
    """One message through the REST channel (same tracker as the socket.io conversation)."""
    request = urllib.request.Request(f"{rasa_url}/webhooks/rest/webhook",
                                     data=json.dumps({"sender": sender, "message": message}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())
