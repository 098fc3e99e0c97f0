"""Answers to what an owner may ask mid-question: why, what a term means, cost, duration, data.

Pure text building from the questionnaire; the bot re-asks the open question afterwards.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from bot import contract
from bot.questionnaire import Questionnaire, load

QUESTION_WORDS = ("wat", "waarom", "hoe", "hoeveel", "hoelang", "wie", "waar", "wanneer", "welke",
                  "waarvoor", "wat's")
SIDE_INTENTS = contract.SIDE_INTENTS
NAVIGATION_INTENTS = contract.NAVIGATION_INTENTS
TERM_ALIASES = {
    "co-bot": "cobot", "cobots": "cobot", "robots": "robot", "robotarm": "robot",
    "3d-printen": "additive", "3d printen": "additive", "3d-printer": "additive",
    "additive manufacturing": "additive", "business case": "businesscase",
    "plan-van-aanpak": "plan van aanpak", "pva": "plan van aanpak", "field lab": "fieldlab",
    "fieldlabs": "fieldlab", "erp-systeem": "erp", "kamer van koophandel": "kvk",
    "kvk-nummer": "kvk", "camera": "vision", "camerasystemen": "vision",
    "mkb booster": "mkb-booster", "booster": "mkb-booster", "intermediaire": "intermediair",
    "sensor": "sensoren", "lean manufacturing": "lean",
    "uitzendkrachten": "medewerkers", "uitzendkracht": "medewerkers", "flexkrachten": "medewerkers",
    "flexwerkers": "medewerkers", "inleners": "medewerkers", "zzp": "medewerkers", "zzpers": "medewerkers",
    "parttimers": "fte", "btw": "omzet", "jaaromzet": "omzet", "balans": "balanstotaal",
    "activa": "balanstotaal", "ev": "eigen vermogen", "keten": "ketenpositie", "toeleveringsketen": "ketenpositie",
    "langetermijn": "lange termijn",
}


_COST_WORDS = r"\b(?:kost\w*|prijs\w*|betal\w*|gratis|tarief\w*|rekening|eigen bijdrage|geld)\b"

_ALIASES = {contract.glossary_id(alias): contract.glossary_id(term) for alias, term in TERM_ALIASES.items()}


def fold(text: str) -> str:
    """Lower case without accents, for matching."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def looks_like_question(text: str) -> bool:
    stripped = text.strip()
    if stripped.endswith("?"):
        return True
    first = re.split(r"[\s,]+", fold(stripped), maxsplit=1)[0] if stripped else ""
    return first in QUESTION_WORDS


def find_term(text: str, entity: str | None = None, questionnaire: Questionnaire | None = None) -> str | None:
    """The glossary id of the term the owner asks about: the NLU entity if known (already a
    canonical id through the NLU's synonyms), else a term or alias found in the text."""
    glossary = (questionnaire or load()).glossary
    if entity:
        wanted = contract.glossary_id(entity)
        for candidate in (wanted, wanted.replace("_", ""), wanted.rstrip("s"), wanted.replace("_", "").rstrip("s")):
            candidate = _ALIASES.get(candidate, candidate)
            if candidate in glossary:
                return candidate
    folded = fold(text)
    for alias, term in sorted(_ALIASES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(alias.replace('_', ' '))}\b", folded.replace("-", " ")):
            return term
    for term in sorted(glossary, key=len, reverse=True):
        if re.search(rf"\b{re.escape(term.replace('_', ' '))}\b", folded.replace("-", " ")):
            return term
    best = None
    for word in re.findall(r"[a-z0-9-]{3,}", folded):
        match = process.extractOne(contract.glossary_id(word), list(glossary), scorer=fuzz.ratio, score_cutoff=85)
        if match and (best is None or match[1] > best[1]):
            best = match
    return best[0] if best else None


def explain_question(question_id: str, questionnaire: Questionnaire | None = None) -> str:
    q = questionnaire or load()
    question = q[question_id]
    return f"Waarom ik dit vraag: {question.why}"


_MUST_I = re.compile(r"\b(?:moet|moeten|hoef|hoeven) (?:ik|we|wij|je) (?:\w+ ){0,3}(?:invullen|beantwoorden|antwoorden|"
                     r"zeggen|geven|opgeven|delen|vertellen)\b|\bis (?:het|dit|dat|deze vraag) (?:\w+ )?verplicht\b")


def side_answer(intent: str, text: str, question_id: str | None, minutes_left: int | None = None,
                questions_left: int | None = None, entity: str | None = None,
                questionnaire: Questionnaire | None = None) -> str:
    """The Dutch reply to a side question; the caller asks the open question again."""
    q = questionnaire or load()
    if question_id and _MUST_I.search(fold(text)):
        return q.faq["verplicht"]   # "moet ik dit echt invullen?", whatever the intent read
    if intent == "vraag_waarom" and question_id:
        return explain_question(question_id, q)
    if intent == "vraag_uitleg":
        term = find_term(text, entity, q)
        if term:
            return q.glossary[term]
        if question_id:
            return (f"Ik weet niet zeker welk begrip je bedoelt. Over deze vraag: "
                    f"{q[question_id].why} Kies het antwoord dat er het dichtst bij komt, "
                    f"of 'weet ik niet'.")
    if intent == "vraag_kosten":
        term = None if re.search(_COST_WORDS, fold(text)) else find_term(text, entity, q)
        # "moet dat met of zonder btw?" is no question about what the scan costs
        return q.glossary[term] if term else q.faq["kosten"]
    if intent == "vraag_duur":
        if questions_left:
            return (f"Nog {questions_left} vragen in dit deel, ongeveer {minutes_left} "
                    f"{'minuut' if minutes_left == 1 else 'minuten'}. {q.faq['duur']}")
        return q.faq["duur"]
    if intent == "vraag_privacy":
        return q.faq["privacy"]
    if intent == "vraag_mens":
        return q.faq["mens"]
    if intent == "vraag_programma":
        return q.faq["programma"]
    if intent == "stoppen":
        return ("Geen probleem. Je antwoorden tot nu toe blijven bewaard: typ later gewoon "
                "iets in dit venster en we gaan verder waar je was.")
    if intent == "begroeting":
        return "Hallo! We zijn al bezig met de scan."
    if intent == "afscheid":
        return "Tot ziens! Je antwoorden blijven bewaard, dus je kunt later verder waar je was."
    if intent == "vraag_waarom" or question_id:
        return q.faq["buiten_bereik"] + " Zullen we verder gaan met de scan?"
    return q.faq["buiten_bereik"]
