"""Facts said in passing: what a message tells about questions other than the one asked.

"Wij zijn een koffiebranderij in Groningen, met 22 mensen, en we draaien zo'n 5,4 miljoen
omzet" answers the sector question and also says the staff, the place and the turnover.
Profile facts that are clear are stored (and echoed, so the owner can correct them); a fact
near an eligibility threshold, a vague amount, and every scored topic read in passing are
proposed: the bot asks "klopt dat?" when it gets to that question instead of asking it
plainly. Each fact names the rule that read it (``rule``). Pure functions, no Rasa import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Mapping

from bot import answers, confirmation, numbers, places
from bot.questionnaire import load

# A scored topic said in passing counts when its own cues say it this strongly and clearly.
MENTION_MIN_SCORE = 3.0
MENTION_MIN_MARGIN = 1.5

_LOCATIVE = re.compile(
    r"(?:^|[\s,(])(?:in|uit|bij|te|nabij|vlakbij|vlak bij|dichtbij|dicht bij|in de buurt van|omgeving|regio|"
    r"gevestigd in|gevestigd te|gevestigd|vanuit|onder de rook van|net buiten|aan de rand van|rondom|rond|"
    r"op het industrieterrein van|op het bedrijventerrein van|postcode)\s+", re.IGNORECASE)
_NOT_OUR_PLACE = re.compile(
    r"\b(?:klant\w*|leverancier\w*|lever\w*|exporte\w*|verkop\w*|afnemer\w*|opdrachtgever\w*|markt\w*|"
    r"beurs\w*|fieldlab\w*|filia\w*|dealer\w*|concurrent\w*|vakantie|geboren|opgegroeid|kaas|ham|worst|"
    r"naar|komen uit|komt uit)\b", re.IGNORECASE)
_COMPANY = re.compile(
    r"\b(?:we zijn|wij zijn|ik ben|ik heb|we hebben|wij hebben|ik run|we runnen|ons bedrijf|mijn bedrijf|"
    r"het bedrijf|bedrijf\w*|fabriek\w*|we maken|wij maken|we produceren|wij produceren|we bouwen|"
    r"wij bouwen|\w+erij\b|\w+derij\b|eigenaar van)", re.IGNORECASE)


_PLACE_LEAD = re.compile(r"^(?:(?:de|het)\s+)?(?:stad|dorp|gemeente|provincie|regio|omgeving|buurt van|kop van|plaats|"
                        r"mooie|prachtige|oude|gezellige)?\s*", re.IGNORECASE)
_NOT_A_PLACE_START = {"een", "de", "het", "ons", "onze", "mijn", "die", "dat", "deze", "dit", "hun", "zijn", "haar"}


@dataclass(frozen=True)
class Fact:
    question: str
    value: object
    confirm: str     # why it must be confirmed first ("mentioned", "near", "vague"), "" = store it
    echo: str        # what the owner is told was taken
    words: str       # the owner's words that said it
    rule: str


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<=[.!?;])\s+|\s*[,;]\s+|\s+(?:en|maar|want|terwijl)\s+(?=(?:we|wij|ik|er|het|de|die|dat|ons|onze|sinds|alleen)\b)",
                                        text) if c and c.strip()]


def _staff(text: str) -> Fact | None:
    for clause in _clauses(text):
        q = numbers.staff_count_in(clause)
        if q is not None and q.value is not None:
            why = confirmation.reason("medewerkers", q)
            return Fact("medewerkers", q.value, why, f"{q.value} medewerker" + ("" if q.value == 1 else "s"),
                        clause, "mention.medewerkers: " + "; ".join(q.trace))
    return None


def _amount(text: str, question_id: str, quantity: str) -> Fact | None:
    for clause in _clauses(text):
        q = numbers.amount_named(clause, quantity)
        if q is not None and q.value is not None:
            why = confirmation.reason(question_id, q)
            return Fact(question_id, q.value, why, numbers.format_amount(q.value), clause,
                        f"mention.{question_id}: " + "; ".join(q.trace))
    return None


def _place(text: str) -> Fact | None:
    for clause in _clauses(text):
        m = _LOCATIVE.search(clause)
        if not m or _NOT_OUR_PLACE.search(clause[:m.end()]):
            continue
        where = re.split(r"\s+(?:met|en|maar|want|waar|sinds|voor)\s+|[,.;!?]", clause[m.end():])[0]
        where = _PLACE_LEAD.sub("", where)
        first = where.split()[0] if where.split() else ""
        if not first or (first.isupper() and len(first) <= 4 and not first.isdigit()) or first.lower() in _NOT_A_PLACE_START:
            continue
        match = places.province_from_text(where)
        if match.province and match.via != "regio" or match.province and len(where.split()) <= 3:
            return Fact("regio", match.province, "", match.echo, clause,
                        f"mention.regio: {match.via} {', '.join(match.places) or where!r}")
    return None


def _sector(text: str) -> Fact | None:
    if not _COMPANY.search(text):
        return None
    question = load()["sector"]
    scores = answers.topical_scores("sector", text)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MENTION_MIN_SCORE or len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MENTION_MIN_MARGIN:
        return None
    value = ranked[0][0]
    return Fact("sector", value, "", question.label_for(value).lower(), text, f"mention.sector: cues {scores}")


def _scored(question_id: str, text: str) -> Fact | None:
    question = load()[question_id]
    for clause in _clauses(text) + ([text] if len(_clauses(text)) > 1 else []):
        if not answers.on_topic(question_id, clause):
            continue
        scores = answers.topical_scores(question_id, clause)
        ranked = sorted(((o, s) for o, s in scores.items() if s > 0), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < MENTION_MIN_SCORE:
            continue
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MENTION_MIN_MARGIN:
            continue
        value = ranked[0][0]
        return Fact(question_id, value, "mentioned", question.label_for(value), clause,
                    f"mention.{question_id}: topical cues {scores} in {clause!r}")
    return None


def facts(text: str, open_questions: Collection[str], known: Mapping[str, object]) -> list[Fact]:
    """What the text says about the questions in ``open_questions`` (not yet answered), in
    questionnaire order. ``known`` are the answers so far (for the path: the balance total only
    counts above € 50 million turnover)."""
    found: list[Fact] = []
    wanted = [q for q in load().questions if q in open_questions and known.get(q) is None]
    for question_id in wanted:
        fact = None
        if question_id == "sector":
            fact = _sector(text)
        elif question_id == "medewerkers":
            fact = _staff(text)
        elif question_id == "jaaromzet":
            fact = _amount(text, "jaaromzet", "omzet")
        elif question_id == "balanstotaal":
            turnover = known.get("jaaromzet") or next((f.value for f in found if f.question == "jaaromzet"), None)
            if isinstance(turnover, (int, float)) and turnover > confirmation.thresholds()["jaaromzet"]:
                fact = _amount(text, "balanstotaal", "balans")
        elif question_id == "regio":
            fact = _place(text)
        elif load()[question_id].scored:
            fact = _scored(question_id, text)
        if fact is not None:
            found.append(fact)
    return found
