"""Which kind of message is this, besides an answer: a correction, a question, a reply to a
confirmation, a refusal, a remark? Dutch cue data in bot/cues/repair.yml.

Each function returns plain data and names the rule that decided (``rule``), so that any
decision can be traced back to one line of the cue file. No Rasa import.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

CUES_FILE = Path(__file__).with_name("cues") / "repair.yml"


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    cues: dict[str, Any] = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return cues


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def fold(text: str) -> str:
    """Lowercase, no accents or apostrophes, single spaces; punctuation is kept."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(\w)['’`](\w)", r"\1\2", text)
    text = re.sub(r"['’`\"]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# ------------------------------------------------------------------ corrections

@dataclass(frozen=True)
class Correction:
    rule: str               # the cue that made it a correction, e.g. "correction.strong.vergist"
    rest: str               # what is left as the new answer ("" when it only says it was wrong)
    topics: tuple[str, ...]  # question ids the message names ("de omzet ..."), best first


def correction(text: str) -> Correction | None:
    """A message that corrects an earlier answer, or None."""
    folded = fold(text)
    cues = _cues()["correction"]
    rule = None
    for kind in ("strong", "opening"):
        # Taking out of or adding to a list says more than "was een vergissing" beside it.
        names = sorted(cues[kind], key=lambda n: n not in ("remove", "add"))
        for name in names:
            pattern = cues[kind][name]
            if _regex(pattern).search(folded):
                rule = f"correction.{kind}.{name}"
                break
        if rule:
            break
    if rule is None:
        return None
    return Correction(rule, new_answer_text(text), topics(text))


def asks_to_navigate(text: str) -> bool:
    """"Kunnen we terug naar de vorige vraag?": a question that asks to move in the scan."""
    return bool(_regex(_cues()["navigate"]).search(fold(text)))


def claims_wrong(text: str) -> bool:
    """"Dat aantal medewerkers van eerder klopt niet": says an answer was wrong somewhere in the
    message; a correction only when it also names the topic of an answer given before."""
    return bool(_regex(_cues()["correction"]["with_topic"]).search(fold(text)))


def adds(text: str) -> bool:
    """"Bij de vorige wil ik nog personeel toevoegen": something joins an earlier list answer."""
    return bool(_regex(_cues()["correction"]["strong"]["add"]).search(fold(text)))


def takes_back(text: str) -> bool:
    """"Dat van dat geld neem ik terug": the owner withdraws something said before."""
    return bool(_regex(_cues()["correction"]["strong"]["terugnemen"]).search(fold(text)))


def removes(text: str) -> bool:
    """"Vision mag er weer af": the text takes something out of an earlier list answer."""
    return bool(_regex(_cues()["correction"]["strong"]["remove"]).search(fold(text)))


def new_answer_text(text: str) -> str:
    """The part of a correction that states the new answer: cue words, explanations of the slip
    and the replaced value taken out ("Correctie: dat moet 30 zijn, ik tikte er per ongeluk een 1
    voor" -> "30"; "nee wacht, het zijn er 35, niet 53" -> "het zijn er 35")."""
    cues = _cues()["correction"]
    text = re.sub(r"^\s*[^?\s]{1,12}\s*\?+\s*(?=(?:nee|neen|nope)\b)", "", text, flags=re.IGNORECASE)  # "300?? nee 30"
    swap = re.search(r"\b(?:niet|geen)\s+[^,;.]+?\s*[,;]?\s*maar\s+(?P<new>.+)$", text, re.IGNORECASE)
    if swap:   # "ik bedoelde niet 3 maar 4 miljoen": only what comes after "maar"
        text = swap.group("new")
    clauses = [c.strip() for c in re.split(r"(?<=[.!?;:])\s+|\s*,\s+|\s+(?=maar\s)", text) if c.strip()]
    kept = []
    for clause in clauses:
        folded = fold(clause)
        concluded = re.match(r"^(?:dus|oftewel|kortom|dus gewoon)\s+(ja|nee)\b[\s.!]*$", folded)
        if concluded:   # "..., geen adviestraject. Dus nee": the conclusion is the new answer
            return concluded.group(1)
        captured = False
        for pattern in cues["value_patterns"]:
            m = _regex(pattern).search(folded)
            if m and m.group("value").strip():
                folded, captured = m.group("value").strip(), True
                break
        else:
            if _regex(cues["explanation"]).search(folded) and not re.search(r"\bmaar\b", folded):
                continue   # "ik tikte er per ongeluk een 1 voor", "bij die vorige vraag zei ik ...": the slip
            if len(clauses) > 1 and _regex(cues["strong"]["te_positief"]).search(folded):
                continue   # "ruim is overdreven, gewoon gezond": the clause names what was wrong
            for kind in ("strong", "opening"):
                for pattern in cues[kind].values():
                    folded = _regex(pattern).sub(" ", folded)
            if _regex(cues["explanation"]).search(folded):
                continue
        previous = None
        while previous != folded:
            previous = folded
            folded = _regex(cues["strip"]).sub("", folded.strip(" ,.!:;-")).strip()
            folded = re.sub(r"^maar\s+", "", folded)
        if captured and re.search(r"\w", folded):
            return _as_typed(text, folded.strip(" ,.!:;-"))   # "die vorige moet 3 zijn. robots: ..." -> "3"
        if re.search(r"\w", folded) and not _regex(cues["filler"]).match(folded):
            kept.append(folded)
    rest = _regex(cues["pointer"]).sub("", ", ".join(kept)).strip(" ,")
    m = _regex(cues["replaced"]).search(rest)
    if m:
        rest = (m.group("new") or m.group("new2") or m.group("new3") or m.group("new4") or "").strip()
    return _as_typed(text, rest.strip(" ,.!:;-"))


def _as_typed(text: str, folded_part: str) -> str:
    """The words of `folded_part` as the owner typed them (capitals, accents), when found in order."""
    want = [w for w in re.findall(r"\w+", folded_part)]
    if not want:
        return folded_part
    tokens = [(m.start(), m.end(), re.findall(r"\w+", fold(m.group(0)))) for m in re.finditer(r"\S+", text)]
    flat = [(start, end, w) for start, end, words in tokens for w in words]
    for i in range(len(flat) - len(want) + 1):
        if [w for _, _, w in flat[i:i + len(want)]] == want:
            return text[flat[i][0]:flat[i + len(want) - 1][1]].strip(" ,.!:;-")
    return folded_part


@lru_cache(maxsize=1)
def _topic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((qid, re.compile(p)) for qid, p in _cues()["topics"].items())


def topics(text: str) -> tuple[str, ...]:
    """Question ids whose topic the text names, in the order they appear."""
    folded = fold(text)
    found = []
    for qid, regex in _topic_patterns():
        m = regex.search(folded)
        if m:
            found.append((m.start(), qid))
    return tuple(qid for _, qid in sorted(found))


# ------------------------------------------------------------------ confirmations

@dataclass(frozen=True)
class Reply:
    kind: str    # "yes" | "no" | "other"
    rest: str    # for "other": the text to read as a new answer ("nee, 35" -> "35")
    rule: str


def confirmation_reply(text: str) -> Reply:
    """The owner's reply to "Klopt dat?": yes, a bare no, or a new answer."""
    folded = fold(text)
    cues = _cues()["confirm"]
    if _regex(cues["accept"]).match(folded):
        return Reply("yes", "", "confirm.accept")
    if _regex(cues["reject"]).match(folded):
        return Reply("no", "", "confirm.reject")
    m = _regex(cues["no_then"]).match(folded)
    if m and m.end() > 0:
        cut = _cut_at(text, folded, m.end())
        return Reply("other", cut, "confirm.no_then")
    return Reply("other", text, "confirm.other")


def _cut_at(text: str, folded: str, end: int) -> str:
    """The original text after the first `end` characters of its folded form (same words)."""
    words = len(folded[:end].split())
    parts = text.split()
    return " ".join(parts[words:]).strip(" ,.!:;-") or text


# ------------------------------------------------------------------ questions

# A question word with the verb right after it asks ("wat voor partij is dat?", "hoe lang duurt het?");
# with the subject first it echoes the question before an answer ("hoe we plannen? met een bord").
_DIRECT = re.compile(r"(?:wat voor (?:een )?\w+|welke \w+|hoe ?(?:lang|veel|vaak|groot)|wat|wie|waar|wanneer|waarom|"
                     r"hoe) "
                     r"(?:is|zijn|was|waren|heet|heten|doet|doen|bedoel|bedoelt|bedoelen|betekent|kost|kosten|duurt|"
                     r"gebeurt|gaat|moet|moeten|kan|kun|kunt|mag|wordt|worden|krijg|krijgt|valt|telt|hoort|zit)\b")


# A sentence with "?" that opens with a finite verb and its subject asks (Dutch inverts a yes/no question)
_VERB_FIRST = re.compile(r"^\s*(?!(?:niet|met|want|wat|dat|echt|net|best|toen|even|ten|maar|eigenlijk|heel|"
                         r"ongeveer|alleen|meestal|vaak|soms|ook|nooit|altijd)\b)"
                         r"\w+(?:t|en|ie)\s+(?:die|de|het|dat|deze|dit|jullie|je|jij|u|ik|we|wij|hij|zij|ze|er|mijn|"
                         r"m'n|mn|onze|ons|een|iemand|iedereen|men|zo ?n|zulke|alle)\b")


def question(text: str) -> str | None:
    """The rule that makes the message a question (answered, then the question is asked
    again), or None. "Robots? Nee." is an answer; so is a bare "40?"."""
    cues = _cues()["question"]
    folded = fold(text)
    if not folded or _regex(cues["not_question"]).search(folded):
        return None
    if _regex(cues["echo"]).match(folded) and not _DIRECT.match(folded):
        return None   # "Robots? Nee." answers; "Wat is Delta Maakkracht voor club? Nooit van gehoord." asks
    echo = re.match(r"^([^?.!]{1,50})\?+\s*(?=\S)", folded)
    inverted = echo and re.match(r"(?:kan|kun|kunt|kunnen|mag|mogen|moet|moeten|is|zijn|wordt|worden|heb|hebben|heeft|"
                                 r"wil|willen|krijg|krijgen|doe|doen|doet|gaat|gaan|telt|tellen|geldt|bedoel|bedoelt|"
                                 r"weet|weten|zou|zouden|hoort|valt|reken|betekent|klopt|komt|staat|ziet)\s+\w+",
                                 echo.group(1))   # "kan ik het rapport downloaden? ...": a real question
    asks = echo and (_regex(cues["with_mark"]).search(echo.group(1)) or _DIRECT.match(echo.group(1))
                     or any(_regex(cues["opens"]).match(c.strip()) for c in echo.group(1).split(",")[1:]))
    if echo and not inverted and not asks and len(echo.group(1).split()) <= 6 and not folded.rstrip().endswith("?") \
            and not _regex(cues["anywhere"]).search(echo.group(1)) and not _regex(cues["opens"]).match(echo.group(1)):
        after = folded[echo.end():]
        if _regex(cues["anywhere"]).search(after) or _regex(cues["opens"]).match(after):
            return "question.opens"   # "cobot?? is dat iets anders dan een robot": asked again, in words
        return None   # "Hoe we plannen? Met een magneetbord.": the owner repeats the question, then answers
    if _regex(cues["anywhere"]).search(folded):
        return "question.anywhere"
    # after a colon only with a question mark: "ik reken het globaal uit: wat kost het en wat scheelt het."
    pieces = folded.split(":")
    clauses = re.split(r"[,;]", folded)[1:] + [c for before, c in pairwise(pieces)
                                              if "?" in c or re.search(r"\bvra(?:ag|agje|gen)\s*$", before)]
    # a later clause opening with "welk(e)" or "wat kost" asks only in a message with "?": "die bepalen hoe het
    # verpakt moet, welk etiket erop komt en welke maat" names what the customer decides; "ik reken het globaal
    # door, wat kost het en wat levert het op" says how the owner decides
    if _regex(cues["opens"]).match(folded) or any(
            _regex(cues["opens"]).match(c.strip())
            and ("?" in folded or not re.match(r"(?:welke?|(?:wat|hoeveel) (?:kost|kosten))\b", c.strip()))
            for c in clauses):
        return "question.opens"
    for sentence in re.findall(r"[^.!?]*\?", folded):
        if _regex(cues["with_mark"]).search(sentence):
            return "question.with_mark"
        sentence = re.sub(r"^[\s,;:-]*(?:en|maar|of|dus|ok|oke|ja|nee|hoi|hallo|sorry|even|eh|uh|hmm)?[\s,;:-]*", "",
                          sentence)
        if _regex(cues["starts"]).match(sentence) \
                or _regex(r"(?:^|,\s*)(?:" + cues["starts"][1:] + r")").search(sentence):
            return "question.starts"
        if _VERB_FIRST.match(sentence) and len(sentence.split()) >= 4:
            return "question.verb_first"   # "krijgen die adviseurs ook mijn omzet te zien?"
        if _regex(cues["alternatives"]).search(sentence.strip()):
            return "question.alternatives"
        if _regex(cues["tags"]).search(sentence):
            return "question.tags"
    last = re.findall(r"[^.!?]*\?\s*$", folded)
    if last and len(last[0].split()) >= 3 and folded.count("?") >= 2:
        return "question.marks"   # "effen tussendoor: wie krig dit te zien? geet dit naor de bank?": asked twice over
    return None


# ------------------------------------------------------------------ refusals and remarks

def refusal(text: str) -> bool:
    """The owner declines or does not know ("liever anoniem", "weet ik niet"): not a name."""
    return bool(_regex(_cues()["refusal"]["pattern"]).match(fold(text)))


def remarks(text: str, contact: bool = False) -> list[str]:
    """Sentences or clauses of the text that hold a remark for the adviser ("we zitten midden in een
    verhuizing"; with the contact details also "liefst na 4 uur")."""
    cues = _cues()["remark"]
    patterns = [cues["always"]] + ([cues["contact"]] if contact else [])
    parts = [p.strip(" ,;") for p in re.split(r"(?<=[.!?;])\s+|,\s+", text) if p.strip(" ,;")]
    return [p for p in parts if any(_regex(c).search(fold(p)) for c in patterns)]
