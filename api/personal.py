"""What looks like personal data in free text that should hold none (campaign fields, ids): an e-mail
address or a Dutch phone number."""
from __future__ import annotations

import re

EMAIL_LIKE = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# A Dutch phone number standing on its own (not a run of digits inside a random id).
PHONE_LIKE = re.compile(r"(?<![0-9A-Za-z])(?:\+31|0031|0)[\s.-]?[1-9](?:[\s.-]?\d){8}(?![0-9A-Za-z])")


def looks_personal(text: str) -> bool:
    return bool(EMAIL_LIKE.search(text) or PHONE_LIKE.search(text))


def without_personal(values: dict[str, object]) -> dict[str, object]:
    """The values that do not look like an e-mail address or phone number."""
    return {key: value for key, value in values.items() if not (isinstance(value, str) and looks_personal(value))}
