"""Loads bot/questionnaire.yml, the one source of questionnaire content."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.contract import glossary_id

QUESTIONNAIRE_FILE = Path(__file__).with_name("questionnaire.yml")
WEET_NIET = "weet_niet"
SCORED_DIMENSIONS = ("technologie", "organisatie", "businessmodel")


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    dimension: str
    kind: str
    text: str
    why: str
    options: tuple[Option, ...] = ()
    scored: bool = False
    advice: str = ""
    unknown_value: str | None = None
    only_when: Mapping[str, object] = field(default_factory=dict)

    @property
    def weet_niet(self) -> bool:
        """Scored questions also accept 'weet_niet' (left out of the score)."""
        return self.scored

    @property
    def multiple(self) -> bool:
        return self.kind == "multi"

    @property
    def values(self) -> tuple[str, ...]:
        extra = (WEET_NIET,) if self.weet_niet else ()
        return tuple(o.value for o in self.options) + extra

    def option_for(self, text: str) -> str | list[str] | None:
        """The option value when the text is a button press: a value or a label, exactly.

        Multi-choice questions take several values joined by commas.
        """
        wanted = text.strip().casefold()
        for value in self.values:
            if wanted == value.casefold():
                return [value] if self.multiple else value
        for option in self.options:
            if wanted == option.label.casefold():
                return [option.value] if self.multiple else option.value
        if self.weet_niet and wanted == load().weet_niet_label.casefold():
            return WEET_NIET
        if self.multiple and "," in wanted:
            parts = [p.strip() for p in wanted.split(",") if p.strip()]
            if parts and all(p in self.values for p in parts):
                return sorted(set(parts))
        return None

    def label_for(self, value: object) -> str:
        if isinstance(value, (list, tuple)):
            return ", ".join(self.label_for(v) for v in value)
        for option in self.options:
            if option.value == str(value):
                return option.label
        if str(value) == WEET_NIET:
            return load().weet_niet_label
        return str(value)


@dataclass(frozen=True)
class Questionnaire:
    version: str
    questions: dict[str, Question]
    dimension_labels: dict[str, str]
    levels: dict[str, dict[str, str]]
    level_bounds: dict[str, int]
    uncertain_below_share: float
    weet_niet_label: str
    glossary: dict[str, str]
    faq: dict[str, str]
    consent_version: str
    consent_text: str

    @property
    def dimensions(self) -> dict[str, list[str]]:
        """Scored dimension -> its question ids, in conversation order."""
        return {d: [q.id for q in self.questions.values() if q.dimension == d and q.scored]
                for d in SCORED_DIMENSIONS}

    @property
    def scored_ids(self) -> list[str]:
        return [q.id for q in self.questions.values() if q.scored]

    def __getitem__(self, question_id: str) -> Question:
        return self.questions[question_id]


def _question(raw: dict[str, Any]) -> Question:
    options = tuple(Option(str(o["value"]), o["label"]) for o in raw.get("options", []))
    return Question(
        id=raw["id"], dimension=raw["dimension"], kind=raw["kind"], text=raw["text"].strip(),
        why=raw["why"].strip(), options=options, scored=bool(raw.get("scored", False)),
        advice=raw.get("advice", "").strip(),
        unknown_value=raw.get("unknown_value"), only_when=raw.get("only_when", {}),
    )


def parse(raw: dict[str, Any]) -> Questionnaire:
    questions = {q["id"]: _question(q) for q in raw["questions"]}
    scoring = raw["scoring"]
    return Questionnaire(
        version=str(raw["version"]),
        questions=questions,
        dimension_labels={k: v["label"] for k, v in raw["dimensions"].items()},
        levels=raw["levels"],
        level_bounds=dict(scoring["level_bounds"]),
        uncertain_below_share=float(scoring["uncertain_below_share"]),
        weet_niet_label=raw["weet_niet_label"],
        glossary={glossary_id(term): text for term, text in raw["glossary"].items()},
        faq=dict(raw["faq"]),
        consent_version=raw["consent"]["version"],
        consent_text=raw["consent"]["text"].strip(),
    )


@cache
def load(path: str | None = None) -> Questionnaire:
    file = Path(path) if path else QUESTIONNAIRE_FILE
    return parse(yaml.safe_load(file.read_text(encoding="utf-8")))
