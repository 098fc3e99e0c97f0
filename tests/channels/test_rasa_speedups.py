"""channels/rasa_speedups.py: the schema check, the event-class lookup and the applied-events fold
give exactly Rasa's results and errors (the kept session and the spaCy pipeline loaded once have
tests of their own: test_kept_sessions.py, test_spacy_once.py).

The replacements are called beside Rasa's originals in this process, nothing is installed.
Runs in .venv/bot.
"""
from __future__ import annotations

import pytest

pytest.importorskip("rasa")

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from channels import rasa_speedups

ANSWERS = [  # what an action server may answer, right and wrong
    {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hoi"}]},
    {"events": [], "responses": []},
    {"events": "nope"},
    {"events": [{"no_event_key": 1}]},
    {"responses": [{"text": 5}]},
    [],
]


def outcomes(validate) -> list[str]:
    found = []
    for answer in ANSWERS:
        try:
            validate(answer, RemoteAction.action_response_format_spec())
            found.append("ok")
        except jsonschema.ValidationError as error:
            found.append(f"{error.message} at {list(error.absolute_path)}")
    return found


def test_the_action_answer_check_accepts_and_refuses_as_jsonschema_does():
    assert rasa_speedups.jsonschema.validate is not rasa_speedups.validate  # not installed here
    stock = outcomes(jsonschema.validate)
    assert stock[:2] == ["ok", "ok"] and len(set(stock[2:])) >= 3  # both kinds are tried
    assert outcomes(rasa_speedups.validate) == stock
    assert outcomes(rasa_speedups.validate) == stock  # the second time from the kept validator
    bad_schema = {"type": "nonsense"}
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.validate({}, bad_schema)
    with pytest.raises(jsonschema.SchemaError):
        rasa_speedups.validate({}, bad_schema)


def resolved(resolve) -> dict[str, str]:
    found = {}
    for name in sorted({kind.type_name for kind in all_subclasses(Event)} | {"topic", "unknown"}):
        try:
            found[name] = repr(resolve(name))
        except ValueError as error:
            found[name] = f"ValueError: {error}"
    found["unknown with a default"] = repr(resolve("unknown", default=SlotSet))
    return found


def test_event_classes_are_found_as_rasa_finds_them_also_one_defined_later():
    assert resolved(rasa_speedups.resolve_by_type) == resolved(Event.resolve_by_type)
    assert "ValueError" in resolved(Event.resolve_by_type)["unknown"]

    class LaterEvent(SlotSet):
        type_name = "later_event_of_this_test"

    assert rasa_speedups.resolve_by_type("later_event_of_this_test") is LaterEvent
    assert Event.resolve_by_type("later_event_of_this_test") is LaterEvent


def conversation() -> list[Event]:
    """A form conversation with what changes the fold: undo, a second form, a restart, a new session."""
    def turn(text: str, *events: Event) -> list[Event]:
        return [UserUttered(text, {"name": "antwoord", "confidence": 0.9}), *events, ActionExecuted("action_listen")]

    events: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    events += turn("hallo", ActionExecuted("scan_form"), ActiveLoop("scan_form"), SlotSet("requested_slot", "sector"),
                   BotUttered("Sector?"))
    events += turn("metaal", ActionExecuted("scan_form"), SlotSet("sector", "metaal"), BotUttered("Medewerkers?"))
    events += turn("waarom?", ActionExecuted("action_beantwoord_vraag"), BotUttered("Omdat ..."),
                   ActionExecuted("scan_form"), BotUttered("Medewerkers?"))
    events += turn("oeps", ActionExecuted("action_terug"), UserUtteranceReverted(), ActionReverted())
    events += turn("25", ActionExecuted("scan_form"), SlotSet("medewerkers", 25), ActionExecuted("scan_form"))
    events += turn("andere vragen", ActionExecuted("contact_form"), ActiveLoop("contact_form"),
                   ActionExecuted("contact_form"), ActiveLoop(None), ActionExecuted("scan_form"))
    events += turn("opnieuw", ActionExecuted("action_restart"), Restarted())
    events += turn("weer hallo", ActionExecuted("scan_form"), ActiveLoop("scan_form"), ActionExecuted("scan_form"))
    events += [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    events += turn("verder", ActionExecuted("scan_form"), SlotSet("sector", "hout"))
    return events


def dicts(events: list[Event]) -> list[dict]:
    return [event.as_dict() for event in events]


def test_the_kept_fold_gives_rasas_applied_events_after_every_event():
    events = conversation()
    kept = DialogueStateTracker("c", [])
    compared = 0
    for index, event in enumerate(events):
        kept.events.append(event)  # as Rasa's tracker grows: appended to the same deque
        plain = DialogueStateTracker("c", [])
        plain.events.extend(events[:index + 1])
        assert dicts(rasa_speedups.applied_events(kept)) == dicts(DialogueStateTracker.applied_events(plain)), index
        compared += 1
    assert compared == len(events) > 50
    assert "_applied_fold" in kept.__dict__  # continued, not started again
    bounded = DialogueStateTracker("b", [], max_event_history=5)  # a bounded deque: Rasa's own fold
    bounded.events.extend(events)
    assert dicts(rasa_speedups.applied_events(bounded)) == dicts(DialogueStateTracker.applied_events(bounded))
