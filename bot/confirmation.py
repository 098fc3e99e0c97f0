"""Which readings are proposed to the owner instead of stored: a value near an eligibility
threshold (a wrong reading would change the outcome) or a vague amount. Pure functions."""
from __future__ import annotations

from bot import eligibility, numbers


def thresholds(rules: eligibility.Rules = eligibility.DEFAULT_RULES) -> dict[str, int]:
    return {"medewerkers": rules.max_employees, "jaaromzet": rules.max_turnover,
            "balanstotaal": rules.max_balance, "ontvangen_steun": rules.aid_ceiling}


def reason(question_id: str, quantity: numbers.Quantity,
           rules: eligibility.Rules = eligibility.DEFAULT_RULES) -> str:
    """Why this reading must be confirmed ("vague", "near", "straddles"), or "" when it need not."""
    if quantity.value is None:
        return ""
    if quantity.vague:
        return "vague"
    threshold = thresholds(rules).get(question_id)
    if threshold is None:
        return ""
    low = quantity.low if quantity.low is not None else quantity.value
    high = quantity.high if quantity.high is not None else quantity.value
    if low < threshold < high or (low <= threshold <= high and low != high):
        return "straddles"
    share = numbers._cues()["confirm_near"].get(question_id, 0)
    return "near" if abs(quantity.value - threshold) <= share * threshold else ""
