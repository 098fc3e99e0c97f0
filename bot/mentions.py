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
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot import answers, confirmation, numbers, places
from bot.questionnaire import load

# A scored topic said in passing counts when its own cues say it this strongly and clearly.
MENTION_MIN_SCORE = 2.0
MENTION_MIN_MARGIN = 1.0

_LOCATIVE = re.compile(
    r"(?:^|[\s,(])(?:in|uit|bij|te|nabij|vlakbij|vlak bij|dichtbij|dicht bij|in de buurt van|omgeving|regio|"
    r"gevestigd in|gevestigd te|gevestigd|vanuit|onder de rook van|net buiten|even buiten|vlak buiten|iets buiten|"
    r"buiten|aan de rand van|aan de (?:haven|kade|dijk|zuidkant|noordkant|oostkant|westkant) van|rondom|rond|"
    r"op het industrieterrein van|op het bedrijventerrein van|postcode)\s+", re.IGNORECASE)
_NOT_OUR_PLACE = re.compile(
    r"\b(?:klant\w*|leverancier\w*|lever\w*|exporte\w*|verkop\w*|afnemer\w*|opdrachtgever\w*|markt\w*|"
    r"beurs\w*|fieldlab\w*|filia\w*|dealer\w*|concurrent\w*|vakantie|geboren|opgegroeid|kaas|ham|worst|"
    r"naar|komen uit|komt uit|boekhoud\w*|accountant\w*|administrat\w*|bank|adviseur\w*|advocaat|notaris|"
    r"moederbedrijf|holding|hoofdkantoor|woon\w*|thuis|familie|zoon|dochter|broer|zus|vader|moeder|school|"
    r"opleiding|studie|cursus|hogeschool|universiteit|tu|beurs)\b", re.IGNORECASE)
_COMPANY = re.compile(
    r"\b(?:we zijn|wij zijn|ik ben|ik heb|we hebben|wij hebben|ik run|we runnen|ons bedrijf|mijn bedrijf|"
    r"het bedrijf|bedrijf\w*|fabriek\w*|we maken|wij maken|we produceren|wij produceren|we bouwen|"
    r"wij bouwen|\w+erij\b|\w+derij\b|eigenaar van)", re.IGNORECASE)


_OUR_SEAT = re.compile(r"\b(?:gevestigd|zitten we|zitten wij|zit ons bedrijf|zit de zaak|staat onze fabriek|"
                       r"staat ons bedrijf|ligt ons bedrijf|onze fabriek staat|ons bedrijf (?:staat|zit|ligt))\b",
                       re.IGNORECASE)


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
    return [c.strip() for c in re.split(r"(?<=[.!?;])\s+|\s*[,;]\s+|\s+(?:en|maar|want|terwijl)\s+"
                                        r"(?=(?:we|wij|ik|er|het|de|die|dat|ons|onze|sinds|alleen)\b)",
                                        text) if c and c.strip()]


def _staff(text: str) -> Fact | None:
    whole = [text] if numbers.names_people(text) else []   # "mijn broer en ik met zeven man": not split at "en"
    for clause in whole + _clauses(text):
        q = numbers.staff_count_in(clause)
        if q is not None and q.value is not None:
            why = confirmation.reason("medewerkers", q)
            return Fact("medewerkers", q.value, why, f"{q.value} medewerker" + ("" if q.value == 1 else "s"),
                        clause, "mention.medewerkers: " + "; ".join(q.trace))
    return None


def _amount(text: str, question_id: str, quantity: str) -> Fact | None:
    sentences = re.split(r"(?<=[.!?;])\s+", text)
    # the clauses first; then whole sentences: "En de omzet, als je die wil weten, die ligt rond de 14 miljoen."
    for clause in list(dict.fromkeys(_clauses(text) + sentences)):
        q = numbers.amount_named(clause, quantity)
        if q is not None and q.value is not None:
            why = confirmation.reason(question_id, q)
            echo = f"{_AMOUNT_NAMES[question_id]} {numbers.format_amount(q.value)}"   # "balanstotaal € 48 miljoen"
            return Fact(question_id, q.value, why, echo, clause, f"mention.{question_id}: " + "; ".join(q.trace))
    for sentence in sentences:   # "de omzet weet ik niet, die houdt de directie voor zich"
        if re.search(rf"\b{quantity}\w*", sentence, re.IGNORECASE) and _NOT_KNOWN.search(sentence) \
                and not re.search(r"\d", sentence):
            unknown = answers.interpret(question_id, "weet ik niet")
            if unknown.value is not None:
                return Fact(question_id, unknown.value, "mentioned", unknown.echo, sentence,
                            f"mention.{question_id}: not known")
    if question_id == "jaaromzet" and _profile_line(text) \
            and re.search(r"\d\s*(?:k|mil|mln|milj|mio|ton|miljoen)\b", text, re.IGNORECASE):
        # "plaatwerk alkmaar 32 mensen 4,5 mil": beside the head count, the one amount with a unit is the turnover,
        # proposed (it may be something else)
        q = numbers.read_amount(re.sub(r"\b\d+\s*(?:man|mensen|medewerkers|werknemers|mw|fte|koppen)\b", " ", text))
        if q.value is not None and q.value >= 100_000:
            return Fact(question_id, q.value, "mentioned", f"omzet {numbers.format_amount(q.value)}", text,
                        "mention.jaaromzet: the amount beside the head count of a line of facts")
    return None


_NOT_KNOWN = re.compile(r"\b(?:weet ik (?:\w+ )?niet|ken ik niet|geen idee|niet vragen|houdt (?:\w+ ){0,3}voor zich|"
                        r"weet (?:de|mijn|onze) \w+)\b", re.IGNORECASE)


_AMOUNT_NAMES = {"jaaromzet": "omzet", "balanstotaal": "balanstotaal"}


def _place(text: str) -> Fact | None:
    for clause in _clauses(text):
        # every "in"/"bij"/... of the clause: "in onze werkplaats in Vlissingen" names the place at the second
        for m in _LOCATIVE.finditer(clause):
            before = clause[:m.end()]
            blocking = list(_NOT_OUR_PLACE.finditer(before))
            # "kaas en boter hier in Heerenveen"
            here = {b.group(0).lower() for b in blocking} <= {"kaas", "ham", "worst"} \
                and re.search(r"\bhier\s+(?:in|te|bij)\s+$", before, re.IGNORECASE)
            # "door mijn vader opgericht en is gevestigd op industrieterrein Hoogeind in Helmond": the seat named after
            seated = blocking and _OUR_SEAT.search(before[blocking[-1].end():])
            if blocking and not here and not seated:
                break
            where = re.split(r"\s+(?:met|en|maar|want|waar|sinds|voor)\s+|[,.;!?]", clause[m.end():])[0]
            fact = _place_in(_PLACE_LEAD.sub("", where), clause)
            if fact:
                return fact
    clauses = _clauses(text)
    for i, clause in enumerate(clauses):   # "..., 70 medewerkers, Steenwijk": a place on its own
        words = clause.strip(" .!").split()
        # lower case only as a later item of a list typed on a phone: "precisieverspaning, 70 man, alkmaar"
        if not (1 <= len(words) <= 3 and (words[0][:1].isupper() or (i > 0 and len(clauses) >= 2))):
            continue
        if any(p.homonym for group in places.find_places(clause, fuzzy_ok=False) for p in group) \
                and not (len(words) == 1 and _profile_line(text)):
            continue   # "Echt, ik zou het niet weten": a word that is also a town names no place on its own
        if not words[0][:1].isupper() and any(w.lower() in answers.known_words() for w in words) \
                and not _profile_line(text):
            continue   # "knippen, zetten, puntlassen": a word of the trade that is also a village (Zetten)
        if numbers.names_money(clause) or re.search(r"\d", numbers.words_to_digits(clause)):
            continue   # "Acht miljoen" is a turnover, not the village of Acht
        fact = _place_in(clause.strip(" .!"), clause)
        if fact:
            return fact
    # "plaatwerk alkmaar 32 mensen": a town among the facts of a line typed on a phone (no sentence: no "we",
    # no "zetten ... om"); a word the reader knows ("zetten") is no town there
    if _profile_line(text) and not re.search(r"\b(?:we|wij|ik|ons|onze|mijn|het|de)\b", text, re.IGNORECASE):
        for word in re.findall(r"[A-Za-zÀ-ÿ'-]{4,}", text):
            if word.lower() in answers.known_words():
                continue
            found = places.find_places(word, fuzzy_ok=False)
            if found and not any(p.homonym for group in found for p in group):
                fact = _place_in(word, text)
                if fact:
                    return fact
    return None


@lru_cache(maxsize=256)
def _profile_line(text: str) -> bool:
    """"elektro, schakelkasten. venlo 60 man 9 mil omzet": a short line of facts with a head count."""
    if len(text.split()) > 12:
        return False
    staff = numbers.staff_count_in(text)
    return staff is not None and staff.value is not None


def _place_in(where: str, clause: str) -> Fact | None:
    first = where.split()[0] if where.split() else ""
    if not first or (first.isupper() and len(first) <= 4 and not first.isdigit()) \
            or first.lower() in _NOT_A_PLACE_START:
        return None
    if first[:1].isdigit() and not re.match(r"\d{4}\s?[A-Za-z]{2}\b", where) and "postcode" not in clause.lower():
        return None   # "in 1998", "in 2012": a year, not a postcode
    match = places.province_from_text(where, fuzzy=False)
    named = any(p.lower() == where.lower().strip(" .!") for p in match.places)   # "Alphen aan den Rijn" whole
    if match.province and (match.via != "regio" or len(where.split()) <= 3 or named):
        return Fact("regio", match.province, "", match.echo, clause,
                    f"mention.regio: {match.via} {', '.join(match.places) or where!r}")
    return None


def _sector(text: str) -> Fact | None:
    if not _COMPANY.search(text):
        return None
    question = load()["sector"]
    scores = answers.topical_scores("sector", text)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MENTION_MIN_SCORE \
            or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MENTION_MIN_MARGIN):
        return None
    value = ranked[0][0]
    # "mijn accountant zei dat ik dit moest invullen" is no sign of an accountancy: outside manufacturing ends
    # the programme for the owner, so read in passing it is proposed, never stored
    why = "outcome" if value == "geen_maakindustrie" else ""
    return Fact("sector", value, why, question.label_for(value).lower(), text, f"mention.sector: cues {scores}")


def _scored(question_id: str, text: str) -> Fact | None:
    question = load()[question_id]
    for clause in _clauses(text) + ([text] if len(_clauses(text)) > 1 else []):
        if not answers.on_topic(question_id, clause):
            continue
        reading = answers.interpret(question_id, clause, learned=False)   # a clause on this topic: read as an answer
        if reading.value is not None and reading.value != "weet_niet" and len(_clauses(text)) > 1:
            return Fact(question_id, reading.value, "mentioned", question.label_for(reading.value), clause,
                        f"mention.{question_id}: {clause!r} on its topic reads {reading.value!r}")
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


def _wishes(text: str) -> Fact | None:
    """Topics of interest named while telling what holds the company back ("..., en ik wil graag iets
    met 3D printen"): only clauses that say a wish, proposed."""
    wished = [c for c in _clauses(text) if re.search(r"\b(?:wil|willen|zou|zouden|graag|interesse|interessant|"
                                                      r"belangstelling|lijkt me|lijkt ons|benieuwd|droom|ambitie)\b",
                                                      c, re.IGNORECASE)]
    if not wished:
        return None
    reading = answers.interpret("interesse", " ".join(wished))
    if not reading.value or reading.value == ["anders"]:
        return None
    return Fact("interesse", reading.value, "mentioned", load()["interesse"].label_for(reading.value),
                " ".join(wished), f"mention.interesse: {wished!r}")


# one surname particle: "Jan de Vries van De Vries Metaal" is Jan de Vries (of De Vries Metaal)
_NAMED = re.compile(r"\b(?i:mijn naam is|ik heet|ik ben|je spreekt met|u spreekt met|met vriendelijke groet,?|"
                    r"groet(?:en|jes)?,?)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
                    r"(?:(?:\s+(?:van der|van de|van den|van 't|van|de|der|den|ter|ten|in 't))?\s+[A-Z][\w'-]+)?)")


def _contact(question_id: str, text: str) -> Fact | None:
    """An e-mail address, a Dutch phone number, a KvK number or a name ("mijn naam is ...") given
    beside another answer."""
    if question_id == "contact_naam":
        named = _NAMED.search(text)
        if named is None:
            return None
        reading = answers.interpret(question_id, named.group(1))
        if not reading.value:
            return None
        return Fact(question_id, reading.value, "", str(reading.value), named.group(0),
                    "mention.contact_naam: 'mijn naam is'")
    if question_id == "kvk_nummer":
        m = re.search(r"(?<![\d+])(\d{8})(?!\d)", re.sub(r"(?<=\d)[ .](?=\d)", "", text))
        if m and re.search(r"\bkvk\b|kamer van koophandel|handelsregister", text, re.IGNORECASE):
            return Fact(question_id, m.group(1), "", m.group(1), text, "mention.kvk_nummer: 8 digits after 'kvk'")
        return None
    reading = answers.interpret(question_id, text)
    if question_id == "contact_email" and reading.value and "@" in str(reading.value):
        return Fact(question_id, reading.value, "", str(reading.value), text, "mention.contact_email: an address")
    if question_id == "contact_telefoon" and reading.value and reading.value != "geen" \
            and re.search(r"\b(?:bel|bellen|belt|tel|tel nr|telefoon\w*|mobiel\w*|nummer|06|whatsapp|app)\b|\+31|0031",
                          text, re.IGNORECASE):
        return Fact(question_id, reading.value, "", str(reading.value), text, "mention.contact_telefoon: a number")
    return None


def _eligibility(question_id: str, text: str) -> Fact | None:
    """"Nee nooit, en steun voor advies ook niet": the other eligibility questions, proposed."""
    sentences = [x for x in re.split(r"(?<=[.!?;])\s+", text) if x.strip()]
    for clause in _clauses(text) + (sentences if len(sentences) > 1 else []):
        if not answers.on_topic(question_id, clause):
            continue
        reading = answers.interpret(question_id, clause)
        if reading.value is not None and reading.value != "onbekend":
            return Fact(question_id, reading.value, "mentioned", load()[question_id].label_for(reading.value),
                        clause, f"mention.{question_id}: {clause!r}")
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
            # "we zetten per jaar zo'n 4 miljoen om" told the turnover: it says nothing of an innovation budget
            rest = text
            for told in (f.words for f in found if not load()[f.question].scored):
                rest = rest.replace(told, " ")
            fact = _scored(question_id, rest) if rest.strip() else None
        elif question_id in ("kvk_nummer", "contact_email", "contact_telefoon", "contact_naam"):
            fact = _contact(question_id, text)
        elif question_id in ("eerder_traject", "ontvangen_steun", "bereid_plan", "wil_contact"):
            fact = _eligibility(question_id, text)
        elif question_id == "interesse":
            fact = _wishes(text)
        if fact is not None:
            found.append(fact)
    return found
