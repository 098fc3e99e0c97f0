"""Two hot spots of Rasa 3.6 made cheap without changing what they do (measured under load).

1. The JSON schema of the action server's answer is checked on every action call:
`RemoteAction._validate_action_result` calls `jsonschema.validate(result, schema)`, which
first validates the *schema* against its meta-schema and builds a new validator, each
time: measured here, 42% of a Rasa process's time under load went into that meta-schema
check. This replacement of `jsonschema.validate` does exactly what the original does (the
validator class the schema asks for, the schema checked, `best_match` of the errors
raised), but checks and builds each distinct schema once. Calls with extra arguments go
to the original.

2. Every event read from the tracker store looks up its class by walking all subclasses
of `Event` (`Event.resolve_by_type`): 13% of the process's time, and more the longer the
conversation. Here the classes are looked up in a table, built again when a name is not
in it (a subclass defined later), with the original's answers for unknown names.

3. `DialogueStateTracker.applied_events` folds over all events of the conversation, and
checks each event's class (ABC isinstance checks, slow): linear in the length of the
conversation, but called many times a turn (70% of the time at turn 200). Events
are only ever appended to a tracker's deque, so the fold is kept on the tracker and
continued over the new events only; it starts again when the deque is another one, has
a maximum length, or a new loop name appeared (the fold depends on the set of loop names).

4. Every call to the action server (`EndpointConfig.request`) opens a new aiohttp session, so
a new connection, and closes it again. Here each endpoint keeps its session (per event loop)
and with it a keep-alive connection; idle connections are dropped after 2 s, before the
action server's Sanic closes them (5 s), so a kept one is never found closed. The request
itself is Rasa's own.

5. `SpacyNLP` loads the spaCy pipeline in each of its two graph nodes (the one that provides
the pipeline and the one that runs it, which is given the provided one and never uses its
own): the start of a Rasa process paid for it twice (1-2 s each, mostly spaCy's tokenizer
exceptions). Here a pipeline is loaded once per name (a path: once per its config file's
modification time) and the same object is given to both.

Installed by `channels.install()` (channels/server.py, before Rasa loads the model), so it
applies in the Rasa server only; importing this module changes nothing.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import os
from typing import Any

import aiohttp
import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig

MAX_SCHEMAS = 64
_original = jsonschema.validate
_validators: dict[str, Any] = {}


def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
    if cls is not None or args or kwargs:
        return _original(instance, schema, cls, *args, **kwargs)
    key = json.dumps(schema, sort_keys=True, default=str)
    validator = _validators.get(key)
    if validator is None:
        kind = validator_for(schema)
        kind.check_schema(schema)
        validator = kind(schema)
        if len(_validators) < MAX_SCHEMAS:
            _validators[key] = validator
    error = best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


_resolve_original = Event.resolve_by_type
_event_classes: dict[str, type] = {}


def resolve_by_type(type_name: str, default: Any = None) -> Any:
    found = _event_classes.get(type_name)
    if found is None:
        _event_classes.clear()
        for kind in all_subclasses(Event):
            _event_classes.setdefault(kind.type_name, kind)
        found = _event_classes.get(type_name)
    return found if found is not None else _resolve_original(type_name, default)


_applied_original = DialogueStateTracker.applied_events


def applied_events(self: DialogueStateTracker) -> list:
    """The same list as Rasa's applied_events, continued from the last call on this tracker."""
    events = self.events
    if events.maxlen is not None:
        return _applied_original(self)
    cached = self.__dict__.get("_applied_fold")
    start, loop_names, applied = 0, set(), []
    if cached is not None and cached[0] is events and cached[1] <= len(events):
        start, loop_names, applied = cached[1], set(cached[2]), list(cached[3])
    new = list(itertools.islice(events, start, None))
    added = {e.name for e in new if isinstance(e, ActiveLoop) and e.name} - loop_names
    if added and start:  # the earlier fold used fewer loop names: do it all again
        return _fold_from_start(self)
    loop_names |= added
    for event in new:
        if isinstance(event, (Restarted, SessionStarted)):
            applied = []
        elif isinstance(event, ActionReverted):
            self._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            self._undo_till_previous(UserUttered, applied)
            self._undo_till_previous(ActionExecuted, applied)
        elif (isinstance(event, ActionExecuted) and event.action_name in loop_names
              and not self._first_loop_execution_or_unhappy_path(event.action_name, applied)):
            self._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
    self.__dict__["_applied_fold"] = (events, len(events), frozenset(loop_names), list(applied))
    return applied


def _fold_from_start(tracker: DialogueStateTracker) -> list:
    tracker.__dict__.pop("_applied_fold", None)
    return applied_events(tracker)


_session_original = EndpointConfig.session
KEEP_ALIVE_S = 2.0


class _KeptSession:
    """`async with` gives the endpoint's kept session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *exc: Any) -> bool:
        return False


def session(self: EndpointConfig) -> Any:
    """Rasa's session for this endpoint (headers, auth, timeout), made once per event loop and kept."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not in a loop: nothing to keep it for
        return _session_original(self)
    kept = self.__dict__.get("_kept_session")
    if kept is None or kept[0] is not loop or kept[1].closed:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        kept = (loop, aiohttp.ClientSession(headers=self.headers, auth=auth,
                                            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                                            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_S)))
        self.__dict__["_kept_session"] = kept
    return _KeptSession(kept[1])


_spacy_load_original = SpacyNLP.load_model
_spacy_models: dict[tuple, Any] = {}


def load_spacy_model(spacy_model_name: str) -> Any:
    """Rasa's SpacyNLP.load_model, once per model name (and version of its config on disk)."""
    config = os.path.join(str(spacy_model_name or ""), "config.cfg")
    key = (spacy_model_name, os.path.getmtime(config) if os.path.exists(config) else None)
    found = _spacy_models.get(key)
    if found is None:
        found = _spacy_models[key] = _spacy_load_original(spacy_model_name)
    return found


def install() -> None:
    """Puts the replacements in place of Rasa's; idempotent."""
    SpacyNLP.load_model = staticmethod(load_spacy_model)
    EndpointConfig.session = session
    jsonschema.validate = validate
    Event.resolve_by_type = staticmethod(resolve_by_type)
    DialogueStateTracker.applied_events = applied_events
