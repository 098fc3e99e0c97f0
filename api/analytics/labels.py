"""Dutch labels for the dashboard and the CSV; questionnaire wording comes from bot/questionnaire.yml."""
from __future__ import annotations

import re

from api.analytics.filters import NONE
from api.reports.view import short_question
from bot import questionnaire

DIMENSION_LABELS = {
    "campaign": "Campagne", "source": "Bron", "site": "Site", "province": "Provincie",
    "sector": "Sector", "week": "Week",
}
NO_VALUE = {
    "campaign": "(geen campagne)", "source": "(geen bron)", "site": "(geen site)",
    "province": "(nog onbekend)", "sector": "(nog onbekend)", "week": "(onbekend)",
}
QUESTION_LABEL_LENGTH = 70


def level(value: str) -> str:
    return questionnaire.load().levels.get(value, {}).get("label", value)


def value(dimension: str, raw: str | None) -> str:
    """How a group is shown: option labels for province and sector, the raw text otherwise."""
    if raw is None or raw == NONE:
        return NO_VALUE[dimension]
    if dimension in ("province", "sector"):
        return questionnaire.load()["regio" if dimension == "province" else "sector"].label_for(raw)
    return raw


# Question texts with a field filled in the conversation, as the dashboard names them.
TEMPLATE_FIELDS = {"intermediary_name": "de adviesorganisatie"}


def question(question_id: str) -> str:
    """The question itself (without the hint after it), its fields filled, shortened to fit a table."""
    found = questionnaire.load().questions.get(question_id)
    if found is None:
        return question_id
    text = short_question(found.text.split("\n")[0])
    text = re.sub(r"\{(\w+)\}", lambda m: TEMPLATE_FIELDS.get(m.group(1), "…"), text)
    return text if len(text) <= QUESTION_LABEL_LENGTH else text[:QUESTION_LABEL_LENGTH - 1].rstrip() + "…"


def dimension_of_question(dimension: str) -> str:
    return questionnaire.load().dimension_labels.get(dimension, dimension)


def question_order(question_id: str) -> tuple[int, str]:
    ids = list(questionnaire.load().questions)
    return (ids.index(question_id), "") if question_id in ids else (len(ids), question_id)
