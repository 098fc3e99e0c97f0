"""Settings dataclasses filled from an environment mapping: each field is the variable of its name in
capitals, converted by the field's type; a value that does not convert names its variable. Shared by
the action server (actions/settings.py) and the Rasa extensions (channels/settings.py), which each
pass their own os.environ."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_TYPES: dict[str, Any] = {"int": int, "float": float, "str": str, "str | None": str, "Path": Path}


def from_environment(cls: type[T], environ: Mapping[str, str]) -> T:
    values: dict[str, Any] = {}
    for field in fields(cls):  # type: ignore[arg-type]  # cls is a dataclass
        raw = environ.get(field.name.upper(), "").strip()
        if raw:
            try:
                values[field.name] = _TYPES[str(field.type)](raw)
            except ValueError:
                raise ValueError(f"{field.name.upper()}={raw!r} is not a valid {field.type}") from None
    return cls(**values)
