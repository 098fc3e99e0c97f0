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

Installed by channels/limited.py, so it applies in the Rasa server only.
"""
from __future__ import annotations

import json
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

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


def install() -> None:
    jsonschema.validate = validate
    Event.resolve_by_type = staticmethod(resolve_by_type)
