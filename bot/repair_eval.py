"""Scores bot.dialogue over a table of single messages (tests/data/repair_*.yml): for each message,
did the bot store what the owner meant, ask again, or store something wrong without asking?

The figure that matters most is ``wrong_unconfirmed``: messages after which a value the owner
did not mean is stored without the owner having confirmed it. A proposal ("klopt dat?") is
never wrong: the owner sees it and can say no. Used by scripts/evaluate.py and the tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot import dialogue


def same(expected: Any, actual: Any) -> bool:
    """Does a stored value match the table's expectation (exact, a {min, max} range, a list)?"""
    if actual is None:
        return expected is None
    if isinstance(expected, dict) and ("min" in expected or "max" in expected):
        try:
            value = float(actual)
        except (TypeError, ValueError):
            return False
        return bool(expected.get("min", value) <= value <= expected.get("max", value))
    if isinstance(expected, list):
        return sorted(map(str, expected)) == sorted(map(str, actual if isinstance(actual, list) else [actual]))
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            return abs(float(actual) - expected) <= max(1.0, 0.05 * abs(expected))
        except (TypeError, ValueError):
            return False
    def digits(value: object) -> str:   # a Dutch number in national form: +31 6 ... is 06 ...
        found = "".join(c for c in str(value) if c.isdigit())
        if str(value).strip().startswith("+31"):
            return "0" + found[2:]
        return "0" + found[4:] if found.startswith("0031") else found

    if str(expected).replace(" ", "").replace("-", "").lstrip("+").isdigit() and len(digits(expected)) >= 8:
        return digits(expected) == digits(actual)
    return str(expected).strip().lower() == str(actual).strip().lower()


@dataclass
class Outcome:
    id: str
    behaviour: str
    right: bool
    wrong_unconfirmed: list[str] = field(default_factory=list)   # what was stored wrongly
    missed: list[str] = field(default_factory=list)              # what should have happened and did not
    turn: str = ""


def score_item(item: dict[str, Any], today: date | None = None) -> Outcome:
    expect = item.get("expect") or {}
    before = dict(item.get("before") or {})
    asked = item["asked"]
    last = (item["last"],) if item.get("last") else tuple(q for q in before if q != asked)[-1:]
    ctx = dialogue.Context(asked=asked, answers={k: v for k, v in before.items() if k != asked},
                           last=last, today=today or date.today())
    turn = dialogue.read(item["text"], ctx)
    out = Outcome(item["id"], item["behaviour"], True,
                  turn=f"{turn.kind} store={turn.store} propose={ {q: p.value for q, p in turn.propose.items()} } "
                       f"clear={turn.clear} side={turn.side}")
    wanted = expect.get("answer")
    wanted = None if wanted in ("none", "None") else wanted
    also = expect.get("also") or {}
    correct = expect.get("correct") or {}
    for question, value in turn.store.items():
        if question == asked and wanted is not None:
            if not same(wanted, value):
                out.wrong_unconfirmed.append(f"{question}={value!r}, meant {wanted!r}")
            elif expect.get("confirm") is True:
                out.missed.append(f"{question}={value!r} stored without the confirmation it needs")
        elif question in correct:
            if correct[question] == "ask" or not same(correct[question], value):
                out.wrong_unconfirmed.append(f"{question}={value!r}, meant {correct[question]!r}")
        elif question in also:
            if not same(also[question], value):
                out.wrong_unconfirmed.append(f"{question}={value!r}, meant {also[question]!r}")
        elif before.get(question) is not None and same(before[question], value):
            continue
        else:
            out.wrong_unconfirmed.append(f"{question}={value!r} stored, the message does not say it")
    taken = {**{q: p.value for q, p in turn.propose.items()}, **turn.store}
    if wanted is not None and asked not in taken:
        out.missed.append(f"{asked} not taken (meant {wanted!r})")
    elif wanted is not None and asked in turn.propose and not same(wanted, turn.propose[asked].value):
        out.missed.append(f"{asked} proposed as {turn.propose[asked].value!r}, meant {wanted!r}")
    for question, value in also.items():
        if question not in taken:
            out.missed.append(f"{question} said in passing, not taken (meant {value!r})")
    for question, value in correct.items():
        if value == "ask":
            if question not in turn.clear:
                out.missed.append(f"{question} should be asked again")
        elif question not in taken:
            out.missed.append(f"{question} not corrected to {value!r}")
    reply = expect.get("reply")
    if reply == "question" and turn.kind != "side":
        out.missed.append("a question, not answered as one")
    if reply == "abroad" and not any("abroad" in t for t in turn.trace):
        out.missed.append("not said to be outside the Netherlands")
    if (reply in ("reask", "abroad", "question") or ("answer" in expect and wanted is None and not correct)) \
            and asked in turn.store:
        out.wrong_unconfirmed.append(f"{asked}={turn.store[asked]!r} stored, should be asked again")
    out.right = not out.wrong_unconfirmed and not out.missed
    return out


def score_table(items: list[dict[str, Any]], today: date | None = None) -> dict[str, Any]:
    outcomes = [score_item(item, today) for item in items]
    by: dict[str, dict[str, int]] = {}
    for o in outcomes:
        b = by.setdefault(o.behaviour, {"total": 0, "right": 0, "wrong_unconfirmed": 0})
        b["total"] += 1
        b["right"] += o.right
        b["wrong_unconfirmed"] += bool(o.wrong_unconfirmed)
    total = len(outcomes)
    return {"total": total, "right": sum(o.right for o in outcomes),
            "wrong_unconfirmed": sum(bool(o.wrong_unconfirmed) for o in outcomes),
            "by_behaviour": by, "outcomes": outcomes}
