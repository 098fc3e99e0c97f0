"""Free-text answer interpretation: what did the owner mean, and how sure are we?

``interpret(question_id, text)`` maps a button press or a Dutch free-text answer to
the value the questionnaire expects, or to ``value=None`` when it is not confident
(the bot then re-asks with buttons: never a silent guess).

Choice questions are scored per option by two signals:
- cue patterns from bot/cues/answers.yml (negation-aware regexes over normalised text; the
  Dutch word lists they rely on are in bot/cues/language.yml);
- similarity (character n-gram TF-IDF) to the option's label and example phrasings.
The best option must reach a minimum score and beat the runner-up by a margin.
Context rules keep things that are not (yet) there from counting: a negator before, inside
or after a match ("we hebben geen robots"), hypothetical wording ("naar een cobot gekeken",
"we willen een team opzetten"), a later "maar er is niks van gekomen", and an echoed
question answered with no ("Robots? Nee, ..."). Vague short answers ("gaat wel") are re-asked.
Multi-choice answers are also scored per part, so that each named cause counts.
Numbers, amounts, places and contact details have their own parsers.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from bot import answer_classifier, confirmation, numbers, places, repair
from bot.questionnaire import WEET_NIET, Question, load

CUES_FILE = Path(__file__).with_name("cues") / "answers.yml"
LANGUAGE_FILE = Path(__file__).with_name("cues") / "language.yml"

# Decision thresholds for choice questions (cue weights are ~1-3 per signal).
MIN_SCORE = 2.0
MIN_MARGIN = 1.0
CONFIRM_MARGIN = 2.0          # a scored answer decided by less than this is proposed ("bedoel je ...?")
SIMILARITY_WEIGHT = 2.5       # a near-verbatim example adds up to this much
SIMILARITY_FLOOR = 0.25       # cosine below this adds nothing
MULTI_MIN_SCORE = 2.0
MULTI_SIMILARITY = 0.7      # a near-verbatim label or example counts as a choice
CONTRADICTION_SCORE = 3.0
FUZZY_WORD_CUTOFF = 87

_LANGUAGE = yaml.safe_load(LANGUAGE_FILE.read_text(encoding="utf-8"))
NEGATORS = frozenset(_LANGUAGE["negators"])
_AFTER_NEGATORS = frozenset(_LANGUAGE["after_negators"])
_OPENERS = frozenset(_LANGUAGE["clause_openers"])
_IRREALIS = (frozenset(_LANGUAGE["irrealis"]["before"]), frozenset(_LANGUAGE["irrealis"]["after"]))
_WISH = (frozenset(_LANGUAGE["wish"]["before"]), frozenset(_LANGUAGE["wish"]["after"]))
_INFORMAL = _LANGUAGE["informal"]
_IDIOMS = tuple((re.compile(pattern), plain) for pattern, plain in _LANGUAGE["idioms"].items())
_INFORMAL_WORD = re.compile(r"(?<![\w|])(?<!\d )(" + "|".join(map(re.escape, _INFORMAL)) + r")(?![\w])")
# "Robots? Nee, ..." - an echoed question answered with "no" is not part of the answer;
# "Geld? Geen." means "geen geld".
_ECHO_NO = re.compile(r"(?:^|(?<=[.!;]))([^.!?;]{1,80})\?\s*(?:(?=(?:nee|neen|nope|nah|neuh|nooit|welnee|"
                      r"helaas niet|niet echt|absoluut niet|zeker niet|(?:dat|die|zoiets) (?:hebben|doen|kennen) "
                      r"(?:we|wij|ik) (?:\w+ )?niet|(?:dat|daar|die|zoiets) (?:willen|"
                      r"zouden|hopen|gaan|komen|denken) (?:we|wij|ik))\b)|(geen|niet)\s*(?:[.!,;]|$))",
                      re.IGNORECASE)


def _echo_no(m: re.Match[str]) -> str:
    if m.group(2):
        return f" {m.group(2)} {m.group(1).strip()}. "
    said, _, topic = m.group(1).rpartition(",")
    if not said.strip() or not topic.strip():
        return " "
    # "Ideeën genoeg, maar opgeschreven? Nee": what comes before the echoed topic is part of the answer
    opener = re.match(r"\s*((?:maar|en|alleen)\s+)?", topic, re.IGNORECASE)
    but, topic = (opener.group(1) if opener else None), topic[opener.end() if opener else 0:]
    return f"{said}, {but or ''}niet {topic.strip()}. "


_CLAUSE_BREAK = re.compile(r"\s*[.,;:!?()\[\]\n]+\s*|\s+-\s+")
# "geef mijn gegevens maar door": a "maar" before a last separable particle is no contrast
_CONTRAST = re.compile(r"(\w+)\s(maar|hoewel|echter|alleen dan)\s"
                       r"(?!(?:door|gerust|even|raak|toe|mee|op|aan|langs|weg|in)\b\W*$)"
                       # "daar staan per ploeg maar een paar man bij": "maar" before a small number means "only"
                       r"(?!(?:" + "|".join(_LANGUAGE["maar_only"]["few"]) + r") "
                       r"(?:" + "|".join(_LANGUAGE["maar_only"]["of"]) + r")\b)")
_MAAR_PARTICLE = frozenset(_LANGUAGE["maar_particles"])


@dataclass(frozen=True)
class Interpretation:
    value: object | None   # None = not understood with confidence -> bot re-asks with buttons
    echo: str = ""         # short Dutch echo of what was understood
    note: str = ""         # optional Dutch hint for the re-ask
    confirm: str = ""      # why the value must be proposed to the owner first ("near", "vague", ...)
    trace: tuple[str, ...] = ()   # which signal decided, and why it was not sure


# ------------------------------------------------------------------ normalisation

def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=512)
def normalize(text: str) -> str:
    """Lowercase, digits for number words, no accents or apostrophes, clauses split by '|'.

    "Er staat nog niks, maar we hebben één demo gehad" ->
    "er staat nog niks | maar we hebben 1 demo gehad"
    """
    text = _ECHO_NO.sub(_echo_no, text)
    text = numbers.words_to_digits(text)
    text = re.sub(r"(?<![\d.])(\d{1,3})((?:\.\d{3})+)(?![\d.,])", lambda m: m.group(1) + m.group(2).replace(".", ""),
                  text)                                          # 20.000 -> 20000
    text = re.sub(r"(\d),(\d)", r"\1_\2", text)                    # 0,75 stays one token: 0_75
    text = strip_accents(text)
    text = re.sub(r"\b(?:[a-z]\.){2,}(?:[a-z]\b\.?)?", lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"\b(ge\w{3,}ee)rt\b", r"\1rd", text)               # geautomatiseert -> -eerd
    text = re.sub(r"(\w)['’](\w)", r"\1\2", text)          # demo's -> demos, z'n -> zn
    text = re.sub(r"['’`\"]", " ", text)
    text = re.sub(r"(?<=\w)[-/](?=\w)", " ", text)          # cnc-kantbank, 24/7, en/of
    text = re.sub(r"(\d)\s*%", r"\1 procent", text)
    text = text.replace("&", " en ").replace("+", " plus ")
    text = _CLAUSE_BREAK.sub(" | ", f" {text} ")
    text = _CONTRAST.sub(lambda m: m.group(0) if m.group(2) == "maar" and m.group(1) in _MAAR_PARTICLE
                         else f"{m.group(1)} | {m.group(2)} ", text)
    text = re.sub(r"[^\w|]+", " ", text)
    text = re.sub(r"\s+", " ", text)
    text = _INFORMAL_WORD.sub(lambda m: _INFORMAL[m.group(1)], text)
    for idiom, plain in _IDIOMS:
        text = idiom.sub(plain, text)
    text = re.sub(r"(\|\s*)+", "| ", text)
    return text.strip(" |")


def _words(norm: str) -> list[str]:
    return [w for w in norm.split() if w != "|"]


# ------------------------------------------------------------------ cue data

@dataclass(frozen=True)
class Cue:
    option: str
    weight: float
    regex: re.Pattern[str] | None    # alternatives that a negator nearby cancels
    fixed: re.Pattern[str] | None    # alternatives that hold a negator themselves: never cancelled
    max_words: int              # counts only in an answer of at most this many words (0: any)
    topical: tuple[re.Pattern[str] | None, re.Pattern[str] | None] = (None, None)
    # ^ the alternatives that name the question's own topic (not anchored to the start of an
    #   answer, no generic "no"): the only ones that may read a fact said in passing (mentions)


@dataclass
class QuestionModel:
    cues: list[Cue]
    examples: list[tuple[str, Counter[str]]]     # (option, feature vector)
    idf: dict[str, float]
    targets: dict[str, list[str]]           # cue words by first letter, for typo repair
    irrealis: frozenset[str]                # options about things in use (see _IRREALIS_*)
    wish: frozenset[str]                    # options that a mere wish does not reach (_WISH)
    realized: frozenset[str]                # options that "er is niks van gekomen" undoes
    index: dict[str, list[tuple[int, float]]]   # feature -> (example number, weight)


@lru_cache(maxsize=1)
def _cue_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return data


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for name, value in macros.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _holds_negator(pattern: str) -> bool:
    """Whether the alternative itself says "no" ("geen robots"); words inside a lookaround
    ("(?<!nauwelijks )automatisch") only limit where it matches."""
    return any(re.search(rf"\b{n}\b", _without_lookarounds(pattern)) for n in NEGATORS)


def _without_lookarounds(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?<!", "(?<=", "(?!", "(?="), i) and (i == 0 or pattern[i - 1] != "\\"):
            depth, j = 0, i
            while j < len(pattern):
                if pattern[j] == "\\":
                    j += 2
                    continue
                depth += pattern[j] == "("
                depth -= pattern[j] == ")"
                j += 1
                if depth == 0:
                    break
            i = j
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


_GENERIC_MACROS = ("{pure_no}", "{pronoun_no}", "{first_no}")


_MACRO_REF = re.compile(r"\{([a-z][a-z_]*)\}")


def _compile_cues(option: str, raw: list[list[Any]], macros: dict[str, str], topical: bool = True,
                  local: dict[str, str] | None = None) -> list[Cue]:
    """Each cue counts once; per alternative it is decided whether a negator may cancel it.

    ``topical`` False: none of these cues may read a fact said in passing (shared groups,
    "weet ik niet"). ``local``: the question's own macros, written out before the pattern is
    split into alternatives, so a rule shared by two options reads as if written in each."""
    cues = []
    for item in raw:
        weight, pattern, *flags = item
        pattern = _expand(pattern, local or {})
        unknown = set(_MACRO_REF.findall(pattern)) - set(macros)
        if unknown:
            raise ValueError(f"cue of option {option!r} names unknown macros {sorted(unknown)}: {pattern[:80]}")
        free: list[str] = []
        fixed: list[str] = []
        topic_free: list[str] = []
        topic_fixed: list[str] = []
        short = "short" in flags or "brief" in flags
        for raw_alt in _alternatives(pattern):
            alt = _expand(raw_alt, macros)
            keep = "keep" in flags or _holds_negator(alt)
            (fixed if keep else free).append(alt)
            if topical and not short and not raw_alt.lstrip("(?:").startswith("^") \
                    and not any(m in raw_alt for m in _GENERIC_MACROS):
                (topic_fixed if keep else topic_free).append(alt)
        compiled = [re.compile(r"(?<![\w])(?:" + "|".join(alts) + ")") if alts else None
                    for alts in (free, fixed, topic_free, topic_fixed)]
        cues.append(Cue(option, float(weight), compiled[0], compiled[1],
                        max_words=4 if "short" in flags else 8 if "brief" in flags else 0,
                        topical=(compiled[2], compiled[3])))
    return cues


def _option_blocks(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(k): v for k, v in (spec.get("options") or {}).items()}


@cache
def _model(question_id: str) -> QuestionModel:
    data = _cue_data()
    macros = data.get("macros", {})
    spec = data["questions"].get(question_id, {})
    question = load().questions[question_id]
    cues: list[Cue] = []
    texts: list[tuple[str, str]] = []
    for choice in question.options:
        texts.append((choice.value, choice.label))
    local = spec.get("macros", {})
    if set(local) & set(macros):
        raise ValueError(f"{question_id}: its macros {sorted(set(local) & set(macros))} shadow the file's macros")
    for option, block in _option_blocks(spec).items():
        cues += _compile_cues(option, block.get("cues", []), macros, local=local)
        texts += [(option, t) for t in block.get("examples", [])]
    for group in spec.get("use", []):
        for option, raw in data["shared"][group].items():
            cues += _compile_cues(str(option), raw, macros, topical=False)
    if question.weet_niet or question_id in data.get("weet_niet_as", {}):
        target = data.get("weet_niet_as", {}).get(question_id, WEET_NIET)
        cues += _compile_cues(target, data["weet_niet"], macros, topical=False)
    docs = [(option, _features(normalize(t))) for option, t in texts]
    df = Counter(f for _, vec in docs for f in set(vec))
    n = len(docs) + 1
    idf = {f: math.log(n / (1 + c)) + 1.0 for f, c in df.items()}
    examples = [(option, _weigh(vec, idf)) for option, vec in docs]
    targets: dict[str, list[str]] = {}
    patterns = " ".join(r.pattern for cue in cues for r in (cue.regex, cue.fixed) if r)
    for word in sorted(set(re.findall(r"[a-z]{5,}", patterns))):
        targets.setdefault(word[0], []).append(word)
    irrealis = frozenset(str(o) for o in spec.get("irrealis", []))
    realized = frozenset(str(o) for o in spec.get("realized", spec.get("irrealis", [])))
    index: dict[str, list[tuple[int, float]]] = {}
    for i, (_, vec) in enumerate(examples):
        for f, v in vec.items():
            index.setdefault(f, []).append((i, v))
    wish = frozenset(str(o) for o in spec.get("wish", []))
    return QuestionModel(cues, examples, idf, targets, irrealis, wish, realized, index)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words that are never 'repaired': every word in the cue file and the questionnaire."""
    data = _cue_data()
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(str(key))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    questionnaire = load()
    for q in questionnaire.questions.values():
        texts += [q.text, q.why] + [o.label for o in q.options]
    texts += list(questionnaire.glossary.values())
    words = set()
    for text in texts:
        words |= set(re.findall(r"[a-z]+", strip_accents(text.lower())))
    return frozenset(words)


@lru_cache(maxsize=1)
def _known_stems() -> frozenset[str]:
    """Stems that cues match with any ending ('overweg\\w*'): "overwegen" is no typo."""
    return frozenset(re.findall(r"([a-z]{4,})\\w\*", CUES_FILE.read_text(encoding="utf-8")))


# ------------------------------------------------------------------ similarity

def _mark_negation(words: list[str]) -> list[str]:
    out, scope = [], 0
    for w in words:
        if w == "|":
            scope = 0
            continue
        if w in NEGATORS:
            scope = 3
            out.append(w)
            continue
        out.append(("!" + w) if scope else w)
        scope = max(0, scope - 1)
    return out


def _features(norm: str) -> Counter[str]:
    feats: Counter[str] = Counter()
    for w in _mark_negation(norm.split()):
        prefix = "!" if w.startswith("!") else ""
        core = w.lstrip("!")
        feats["w:" + prefix + core] += 1
        padded = f"<{core}>"
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                feats[prefix + padded[i:i + n]] += 1
    return feats


def _weigh(vec: Counter[str], idf: dict[str, float]) -> Counter[str]:
    weighted = Counter({f: (1 + math.log(c)) * idf.get(f, 0.0) for f, c in vec.items()})
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return Counter({f: v / norm for f, v in weighted.items() if v})


def _similarities(model: QuestionModel, norm: str) -> dict[str, float]:
    vec = _weigh(_features(norm), model.idf)
    dots = [0.0] * len(model.examples)
    for f, v in vec.items():
        for i, w in model.index.get(f, ()):
            dots[i] += v * w
    best: dict[str, float] = {}
    for (option, _), cos in zip(model.examples, dots):
        if cos > best.get(option, 0.0):
            best[option] = cos
    return best


# ------------------------------------------------------------------ cue scoring

def _correct_typos(norm: str, targets: dict[str, list[str]]) -> str:
    """Replace an unknown word by a close cue word ("robbots" -> "robots", "paier" -> "papier")."""
    known, stems = known_words(), _known_stems()
    out = []
    for w in norm.split():
        if len(w) >= 5 and w.isalpha() and w not in known \
                and not any(w[:i] in stems for i in range(4, len(w))):
            # the first two letters kept: "sloepen" is no typo of "soepen", "robbots" is one of "robots"
            choices = [t for t in targets.get(w[0], ()) if abs(len(t) - len(w)) <= 2 and t[:2] == w[:2]
                       and not t.startswith(w) and not w.startswith(t)]
            best = process.extractOne(w, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD_CUTOFF)
            if best:
                w = best[0]
        out.append(w)
    return " ".join(out)


_CLAUSE_ENDS_NO = re.compile(r"^(?:\s\w+){0,5}?\s(?:is|zijn|was|waren|doen|deden|hebben|heb|heeft|gebruiken|kennen|"
                             r"bestaat|speelt|hangen|hangt|zit|zitten|staat|staan|ben|bent|kom|komen|ga|gaan) "
                             r"(?:het|dat|we|wij|ik|er|ze|die|hier|bij ons)(?: \w+){0,2} (?:niet|nooit)"
                             r"(?: meer| mee| aan| bij| in| op| consequent| altijd| structureel| standaard| echt| vaak|"
                             r" systematisch| stelselmatig| zo vaak| goed| geweest| gegaan| meer geweest)?\s*$")


def _negated(norm: str, start: int, end: int,
             irrealis: tuple[frozenset[str], frozenset[str]] | None = None) -> bool:
    """A negator shortly before, inside (a wildcard swallowed it) or just after the match.

    With ``irrealis`` (words before, words after) also words that make the thing hypothetical
    ("naar een robot gekeken", "we willen een innovatieteam opzetten").
    """
    before = norm[:start].rsplit("|", 1)[-1].split()[-4:]
    inside = norm[start:end].split()
    after = []
    if inside and inside[-1] not in _OPENERS:
        for w in norm[end:].split("|", 1)[0].split()[:4]:
            if w in _OPENERS:
                break
            after.append(w)
    if any(w in NEGATORS for w in before + inside) or any(w in _AFTER_NEGATORS for w in after):
        return True
    if _CLAUSE_ENDS_NO.search(re.sub(r"^\w+", "", norm[end:]).split("|", 1)[0]):   # from the end of the word matched
        return True   # "een vast percentage van de omzet is het niet": the clause's last words deny it
    if not irrealis:
        return False
    words_before, words_after = irrealis
    before = norm[:start].rsplit("|", 1)[-1].split()[-6:]     # a wish reaches a bit further
    pairs = {f"{a} {b}" for a, b in zip(before + inside, (before + inside)[1:])}
    return any(w in words_before for w in before + inside) or bool(pairs & words_before) \
        or any(w in words_after for w in inside + after)



def _cue_scores(model: QuestionModel, norm: str, log: list[str] | None = None,
                for_it: dict[str, float] | None = None,
                cancelled: dict[str, float] | None = None) -> dict[str, float]:
    """Cue weight per option; with ``log``, every cue that matched or was cancelled is noted there;
    with ``for_it``, the weight of the cues that spoke for each option, before any spoke against it;
    with ``cancelled``, the weight for each option that a negation, a plan or an undoing took away."""
    length = len(_words(norm))
    void_at = _void_at(norm) if model.realized else -1
    now_at = _now_at(norm)
    contrasted = _parts_contrasted(norm)
    scores: dict[str, float] = {}
    for cue in model.cues:
        if cue.max_words and length > cue.max_words:
            continue
        # Hypothetical things do not count: neither as evidence for an option about things in
        # use, nor as counter-evidence ("naar een CNC gekeken, alles handwerk").
        if cue.weight > 0:
            irrealis = _IRREALIS if cue.option in model.irrealis else \
                _WISH if cue.option in model.wish else None
        else:
            irrealis = _IRREALIS if model.irrealis else None
        # "..., maar er is niks van gekomen" undoes what the clauses before it claimed.
        start = void_at if cue.weight > 0 and cue.option in model.realized else -1
        if cue.weight > 0:
            start = max(start, now_at)   # what used to be is not how it is now
        at = _cue_match_at(cue, norm, irrealis, start)
        if at >= 0:
            weight = cue.weight * _clause_weight(norm, at) if cue.weight > 0 and contrasted else cue.weight
            scores[cue.option] = scores.get(cue.option, 0.0) + weight
            if for_it is not None and weight > 0:
                for_it[cue.option] = for_it.get(cue.option, 0.0) + weight
            if log is not None:
                log.append(f"cue {cue.option} {weight:+g}: {_evidence(cue, norm)!r}")
        elif at == CANCELLED:   # found, and taken away: no second search of the text
            if cancelled is not None and cue.weight > 0:
                cancelled[cue.option] = cancelled.get(cue.option, 0.0) + cue.weight
            if log is not None:
                log.append(f"cue {cue.option} {cue.weight:+g} cancelled (negation, hypothetical or undone): "
                           f"{_evidence(cue, norm)!r}")
    return scores


def _evidence(cue: Cue, norm: str) -> str:
    for regex in (cue.fixed, cue.regex):
        m = regex.search(norm) if regex else None
        if m:
            return m.group(0)
    return ""


def _void_at(norm: str) -> int:
    """Where the clause starts that says nothing came of it (-1: none)."""
    m = _matches_norm(("nothing_came_of_it",), norm)
    return norm.rfind("|", 0, m.start()) if m else -1


_NOW = re.compile(r"\| (?:en |maar )?(?:nu|tegenwoordig|inmiddels|sindsdien|vandaag de dag)\b")
_BEFORE = re.compile(r"\b(?:vroeger|destijds|toen|jaren geleden|ooit)\b")


def _now_at(norm: str) -> int:
    """"Vroeger hadden we een ideeënbus, nu ...": where the present starts after a past (-1: none).
    Also "verlies hadden wij in 2023 | over 2025 ...": the clause of the latest year after an earlier one."""
    for m in _NOW.finditer(norm):
        if _BEFORE.search(norm, 0, m.start()):
            return m.start()
    years = [(m.start(), int(m.group())) for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", norm)]
    if len({y for _, y in years}) > 1:
        latest = max(y for _, y in years)
        at = min(p for p, y in years if y == latest)
        # the earlier year in a clause of its own ("in 2023 en in 2025 gelukt" lists, it does not contrast)
        if any(p < at and y < latest and "|" in norm[p:at] for p, y in years):
            return norm.rfind("|", 0, at)
    return -1


def _cue_match_at(cue: Cue, norm: str, irrealis: tuple[frozenset[str], frozenset[str]] | None,
                  start: int = -1) -> int:
    """Where the cue's first valid match starts: -1 when it does not match, CANCELLED when it matches only where
    a negation, a plan or an undoing takes it away."""
    seen = False
    if cue.fixed:
        for m in cue.fixed.finditer(norm):
            if m.end() > start:
                return m.start()
            seen = True
    if cue.regex:
        for m in cue.regex.finditer(norm):
            if m.end() > start and not _negated(norm, m.start(), m.end(), irrealis):
                return m.start()
            seen = True
    return CANCELLED if seen else -1


CANCELLED = -2


# "Het grootste deel zijn eigen coatings ... | daarnaast mengen we voor een paar klanten op hun recept":
# when the answer sets the larger part against a side line, the larger part weighs more, the side line half.
_MAJOR = re.compile(r"\b(?:het grootste deel|grotendeels|het gros|het meeste|het overgrote deel|merendeels|"
                    r"hoofdzakelijk|voornamelijk|overwegend)\b")
_MINOR = re.compile(r"\b(?:daarnaast|een klein deel|een kleiner deel|een klein stukje|bijzaak|een enkele keer|"
                    r"(?:voor|bij) (?:een paar|enkele|een handvol) klanten)\b")


def _parts_contrasted(norm: str) -> bool:
    """Whether the answer sets a larger part against a side line (checked once per text)."""
    return "|" in norm and bool(_MINOR.search(norm)) and bool(_MAJOR.search(norm))


def _clause_weight(norm: str, at: int) -> float:
    start = norm.rfind("|", 0, at) + 1
    end = norm.find("|", at)
    clause = norm[start:end if end >= 0 else len(norm)]
    return 0.5 if _MINOR.search(clause) else 1.3 if _MAJOR.search(clause) else 1.0


@dataclass
class _Evidence:
    """What the cues said beside the combined score, per option: the weight that spoke for it, and the net
    weight of its cues (for a reading torn between far-apart levels)."""
    for_it: dict[str, float] = field(default_factory=dict)
    net: dict[str, float] = field(default_factory=dict)
    cancelled: dict[str, float] = field(default_factory=dict)   # denied, planned or undone: no evidence


def option_scores(question_id: str, text: str, log: list[str] | None = None,
                  evidence: _Evidence | None = None) -> dict[str, float]:
    """Combined cue + similarity score per option (with ``log``: why, line by line; with ``evidence``: what
    the cues alone said)."""
    model = _model(question_id)
    norm = _correct_typos(normalize(text), model.targets)
    ignore = _pattern_for(question_id, "ignore")
    if ignore is not None and ignore.search(norm):
        norm = re.sub(r"\s+", " ", ignore.sub(" voor hen ", norm)).strip()   # who it works for, left unnamed
        if log is not None:
            log.append("context: left out who the company works for")
    if log is not None:
        log.append(f"normalised: {norm!r}")
    scores = _cue_scores(model, norm, log, for_it=evidence.for_it if evidence is not None else None,
                         cancelled=evidence.cancelled if evidence is not None else None)
    if evidence is not None:
        evidence.net.update(scores)
    for option, sim in _similarities(model, norm).items():
        if sim > SIMILARITY_FLOOR:
            bonus = SIMILARITY_WEIGHT * (sim - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR)
            scores[option] = scores.get(option, 0.0) + bonus
            if log is not None:
                log.append(f"similarity {option} +{bonus:.2f} (cosine {sim:.2f} to its label or examples)")
    return scores


def explain(question_id: str, text: str, today: date | None = None) -> list[str]:
    """Why the interpreter reads ``text`` as it does for ``question_id``: every signal that counted
    (cue, similarity, number parser, context rule), the scores, and the decision with its thresholds."""
    question = load().questions[question_id]
    lines: list[str] = []
    reading = interpret(question_id, text, today)
    if question.kind in ("choice", "multi"):
        scores = option_scores(question_id, text, lines)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        lines.append("scores: " + ", ".join(f"{o}={s:.2f}" for o, s in ranked))
        lines.append(f"decision needs the best >= {MIN_SCORE} and {MIN_MARGIN} ahead of the next"
                     if question.kind == "choice" else f"each part names an option at >= {MULTI_MIN_SCORE}")
    lines += [f"rule: {t}" for t in reading.trace]
    outcome = repr(reading.value) if reading.value is not None else f"not sure -> ask again ({reading.note})"
    lines.append(f"read: {outcome}" + (f"; confirm first ({reading.confirm})" if reading.confirm else ""))
    return lines


def topical_scores(question_id: str, text: str) -> dict[str, float]:
    """Cue scores from the question's own topical cues only: how strongly a sentence said in
    answer to another question also answers this one ("..., en Sanne heeft er twee dagen per week
    voor" for org_capaciteit). No similarity, no generic "no"."""
    model = _model(question_id)
    norm = _correct_typos(normalize(text), model.targets)
    topical = [Cue(c.option, c.weight, c.topical[0], c.topical[1], 0) for c in model.cues if any(c.topical)]
    return _cue_scores(QuestionModel(topical, [], {}, {}, model.irrealis, model.wish, model.realized, {}), norm)


@cache
def _topic(question_id: str) -> re.Pattern[str] | None:
    data = _cue_data()
    pattern = data["questions"].get(question_id, {}).get("topic")
    return re.compile(r"(?<![\w])(?:" + _expand(pattern, data.get("macros", {})) + ")") if pattern else None


def on_topic(question_id: str, text: str) -> bool:
    """Whether the text talks about this question's topic at all (its `topic` words in the cue file)."""
    topic = _topic(question_id)
    return bool(topic and topic.search(normalize(text)))


def _decide(scores: dict[str, float], min_score: float = MIN_SCORE) -> str | None:
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < min_score:
        return None
    if len(ranked) > 1:
        (best, top), (runner, second) = ranked[0], ranked[1]
        if top - second < MIN_MARGIN:
            return None
        # Strong evidence for two far-apart levels ("1" and "4"): a contradiction, not an answer.
        if best.isdigit() and runner.isdigit() and abs(int(best) - int(runner)) >= 2 \
                and second >= CONTRADICTION_SCORE and second >= 0.5 * top:
            return None
    return ranked[0][0]


# ------------------------------------------------------------------ buttons and labels

def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", strip_accents(text.lower())).strip()


def _button(question: Question, text: str) -> str | None:
    """The option value for a button payload or a (nearly) typed label."""
    values = question.values
    if text in values:
        return text
    plain = _plain(text)
    plain = re.sub(r"^(?:optie|antwoord|nummer|nr|keuze|niveau)\s+(?=\d$)", "", plain)
    for value in values:
        if plain == _plain(value):
            return value
    labels = {o.value: _plain(o.label) for o in question.options}
    if question.weet_niet:
        labels[WEET_NIET] = _plain(load().weet_niet_label)
    for value, label in labels.items():
        if plain == label:
            return value
    if len(plain) >= 12:
        ranked = sorted(((fuzz.ratio(plain, label), value) for value, label in labels.items()),
                        reverse=True)
        if ranked[0][0] >= 92 and (len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 10):
            return ranked[0][1]
    return None


def _looks_like_question(text: str) -> bool:
    words = _plain(text).split()
    return text.rstrip().endswith("?") and bool(words) and words[0] in {
        "wat", "waarom", "hoe", "wie", "welke", "welk", "wanneer", "waar", "waarvoor",
        "wordt", "is", "zijn", "kan", "kun", "kunt", "mag", "moet", "bedoel", "bedoelen",
        "telt", "tellen", "geldt", "hoort", "valt", "vallen", "wil", "heb", "hebben"}


# ------------------------------------------------------------------ kinds

@cache
def _patterns(*names: str) -> tuple[re.Pattern[str], ...]:
    """Compiled regexes of the named lists in the cue file (items are cues or plain patterns)."""
    data = _cue_data()
    macros = data.get("macros", {})
    out = []
    for name in names:
        for item in data.get(name, []):
            pattern = item[1] if isinstance(item, list) else item
            out.append(re.compile(r"(?<![\w])(?:" + _expand(pattern, macros) + ")"))
    return tuple(out)


def _matches(names: tuple[str, ...], text: str, max_words: int = 0) -> re.Match[str] | None:
    norm = normalize(text)
    if max_words and len(_words(norm)) > max_words:
        return None
    return _matches_norm(names, norm)


def _matches_norm(names: tuple[str, ...], norm: str) -> re.Match[str] | None:
    for regex in _patterns(*names):
        m = regex.search(norm)
        if m:
            return m
    return None


def _dont_know_value(question: Question) -> str | None:
    """The value "I don't know" takes for this question ("onbekend", "misschien", "weet_niet"), or None."""
    value: str | None = _cue_data().get("weet_niet_as", {}).get(question.id, WEET_NIET if question.weet_niet else None)
    return value


def _weet_niet_alone(question: Question, text: str) -> str | None:
    """'weet ik niet' (and little else) -> the question's don't-know value."""
    target = _dont_know_value(question)
    if target is None:
        return None
    norm = normalize(text)
    for regex in _patterns("weet_niet"):
        m = regex.search(norm)
        if m:
            rest = [w for w in _words(norm[:m.start()] + " " + norm[m.end():])
                    if w not in _FILLER_WORDS]
            if len(rest) <= 1 or _NOT_MINE.search(norm):   # "... weet ik niet, dat heeft mijn compagnon geregeld"
                return target
    return None


_FILLER_WORDS = frozenset(_LANGUAGE["dont_know_fillers"])
_BUT = re.compile(r"\b(?:maar|wel|behalve|alleen|toch)\b")


def _set_aside(names: tuple[str, ...], text: str) -> tuple[re.Match[str], str, str] | None:
    """The first match of the named cue lists, the normalised text and the rest of it without the match."""
    norm = normalize(text)
    hit = next((m for regex in _patterns(*names) if (m := regex.search(norm))), None)
    if hit is None:
        return None
    return hit, norm, (norm[:hit.start()] + " " + norm[hit.end():]).strip()


def _leans(question: Question, rest: str) -> bool:
    """Does what is left of the message still lean to an option?"""
    return bool(rest) and max(option_scores(question.id, rest).values(), default=0.0) >= GUESS_MIN_SCORE


def _declined(question: Question, text: str) -> str | None:
    """A scored question the owner cannot or will not answer, with a reason beside it: "geen idee, ik zit
    hier pas een half jaar", "sla deze maar over", "dat hou ik liever voor mezelf". Not when the rest of
    the message leans to an option or turns with "maar": then it is (part of) an answer."""
    if not question.scored or not question.weet_niet:
        return None
    found = _set_aside(("weet_niet", "decline_scored"), text)
    if found is None:
        return None
    hit, norm, rest = found
    if re.search(r"\b(?:niet van toepassing|n v t|nvt)\b", hit.group(0)) and not _BUT.search(rest):
        return WEET_NIET   # "zelf hebben we geen productie, dus ook geen robots. niet van toepassing": said outright
    if re.match(r"\s*(?:wat|hoe|welke?|waar\w*|wie|of|van|waarom|wanneer|dat)\b", norm[hit.end():]):
        return None   # "ik weet niet wat er te koop is": what they do not know is the answer
    if _NOT_MINE.search(rest) and not _BUT.search(rest.replace("| maar over", "")):
        return WEET_NIET   # "daar ga ik niet over, dat regelt de eigenaar met de bank. weet ik niet."
    if _BUT.search(rest.replace("| maar over", "")) or re.search(r"\d", rest) or _leans(question, rest):
        return None
    return WEET_NIET


# It is someone else's business: what the rest names is that person's domain, not an answer.
_NOT_MINE = re.compile(r"\b(?:daar|dat) (?:ga|gaat) (?:ik|hij|zij) (?:\w+ )?niet over\b"
                       r"|\b(?:daar|dat) gaat (?:de|mijn|onze) \w+ over\b"
                       r"|\b(?:regelt|doet|weet|beheert) (?:de|mijn|onze) (?:eigenaar|directeur|"
                       r"directie|boekhouder|accountant|controller|compagnon|vrouw|man|vader|moeder|broer|baas)\b"
                       r"|\bmoet je (?:aan )?(?:de|mijn|onze) \w+ vragen\b"
                       r"|\b(?:dat|dit) is (?:echt |helemaal )?(?:de afdeling van (?:de|mijn|onze) \w+|"
                       r"(?:zijn|haar) afdeling)\b"
                       r"|\b(?:dat|dit) heeft (?:de|mijn|onze) \w+ (?:\w+ )?geregeld\b")


_UNSURE_WHETHER = re.compile(r"\b(?:weet|weten) (?:ik |we |wij )?(?:\w+ ){0,2}niet (?:\w+ )?(?:of|wat)\b"
                             r"(?! (?:\w+ ){0,3}(?:beginnen|aanpakken))|\bgeen idee of\b"
                             r"|\bniet (?:zeker|helemaal zeker) of\b")


def _refuses_answer(question: Question, text: str) -> bool:
    """"Geen zin om daarop te antwoorden" on a question without a don't-know: no option, unless the rest
    of the message names one."""
    found = _set_aside(("refuse_answer",), text)
    return found is not None and not _leans(question, found[2])


# "Eerst dacht ik: niks nieuws. Maar ..." / "eerst zou ik misschien zeggen ... Maar ...: ja": a first thought
# taken back; what follows its "maar" is the answer.
_FIRST_THOUGHT = re.compile(r"\b(?:eerst (?:dacht|zou|zei|wou|wilde) ik|in eerste instantie|aanvankelijk|"
                            r"mijn eerste (?:gedachte|reactie|ingeving) (?:was|is))\b(.*?)[.,;:!\s]+maar\b\s*(.+)$",
                            re.IGNORECASE | re.DOTALL)
# "... Machinebouw dus.": the answer the owner ends on, in a last short sentence; to a yes/no question also
# "... Ja, toch wel." (to a scale, "op papier... nee, eigenlijk niet" denies the clause before it, not the scale)
_ENDS_ON = re.compile(r"(?:^|[.!;?]|\.\.\.)\s*([^.!?;]{1,40}\s+dus|dus\s+[^.!?;]{1,30})[.!\s]*$", re.IGNORECASE)
_ENDS_ON_YES_NO = re.compile(r"(?:^|[.!;?]|\.\.\.)\s*((?:ja|nee|jawel)\b[^.!?;]{0,20}\b(?:toch wel|toch niet|"
                             r"eigenlijk wel|eigenlijk niet))[.!\s]*$", re.IGNORECASE)


def _ended_on(question: Question, text: str) -> str | None:
    """The part of an answer the owner settles on after thinking aloud, or None."""
    first = _FIRST_THOUGHT.search(text)
    if first:
        return first.group(2)
    end = _ENDS_ON.search(text)
    if not end and {"ja", "nee"} <= set(question.values):
        end = _ENDS_ON_YES_NO.search(text)
    return end.group(1) if end and end.start(1) > 0 else None


def _choice(question: Question, text: str, learned: bool = True) -> Interpretation:
    asked = repair.question(text)
    if _looks_like_question(text) or asked:
        return Interpretation(None, note="", trace=(asked or "question: interrogative with '?'",))
    echo = re.match(r"^\s*[\w' -]{1,30}\?\s+(?=\S)", text)
    if echo and len(text) - echo.end() >= 8:
        text = text[echo.end():]   # "Tijd? Die is er niet": the owner repeats the topic, then answers
    settled = _ended_on(question, text)
    if settled:
        reading = _choice(question, settled, learned)   # a shorter part each time: the reading ends
        if reading.value is not None:
            return replace(reading, trace=reading.trace + (f"the answer the owner ends on: {settled!r}",))
    dont_know = _weet_niet_alone(question, text)
    if dont_know:
        return Interpretation(dont_know, echo=question.label_for(dont_know))
    if {"ja", "nee"} <= set(question.values) and _UNSURE_WHETHER.search(repair.fold(text)) \
            and not re.match(r"\s*(?:ja|nee|jazeker|zeker|nooit)\b", repair.fold(text)):
        # "Ik weet niet of wat wij toen gedaan hebben zo heette": no yes and no no
        not_known = _dont_know_value(question)
        if not_known:
            return Interpretation(not_known, echo=question.label_for(not_known), trace=("not sure whether: not known",))
        return Interpretation(None, note="Weet je het niet zeker? Kies dan wat het meest waarschijnlijk is.",
                              trace=("not sure whether: asked again",))
    declined = _declined(question, text)
    if declined:
        return Interpretation(declined, echo=question.label_for(declined),
                              trace=("declined or unknown, with a reason that names no option",))
    if not question.scored and not question.unknown_value and _refuses_answer(question, text) \
            and not {"onbekend", "weet_niet", "misschien"} & {o.value for o in question.options}:
        return Interpretation(None, note="Een eerste indruk is genoeg: kies het antwoord dat het best past, dan kan ik "
                                         "verder.", trace=("refused or no opinion: asked again",))
    if question.scored and _mixed(text):
        return Interpretation(None, note="Het lijkt erop dat het verschilt. Kies wat voor het "
                                         "grootste deel van jullie productie geldt.")
    if question.scored and _vague(question, text):
        return Interpretation(None, note="Dat kan op meer antwoorden slaan. Kies het antwoord "
                                         "dat het best past.")
    evidence = _Evidence()
    reading = _cue_reading(question, text, evidence)
    return _second_opinion(question, text, reading, evidence) if question.scored and learned else reading


def _cue_reading(question: Question, text: str, evidence: _Evidence) -> Interpretation:
    scores = option_scores(question.id, text, evidence=evidence)
    value = _decide(scores)
    trace: tuple[str, ...] = ()
    if value is None:
        value = _conclusion(question.id, text, scores)
        trace = ("context: the clause after 'maar' settles a close call",) if value else ()
    if value is None:
        model = _model(question.id)
        guess = _best_guess(scores, _cue_scores(model, _correct_typos(normalize(text), model.targets)))
        if guess is not None:   # a close call: "bedoel je ...?" instead of asking all over again
            return Interpretation(guess, echo=question.label_for(guess), confirm="unsure",
                                  trace=(f"choice: close call {_rounded(scores)}, the best proposed",))
        return Interpretation(None, note=_choice_note(question, scores), trace=("choice: no clear winner",))
    ranked = sorted(scores.values(), reverse=True) + [0.0]
    # a close call, or one weak cue on its own ("er hangt een verbeterbord, maar ..."): shown back first
    unsure = question.scored and (ranked[0] - ranked[1] < CONFIRM_MARGIN or ranked[0] < WEAK_EVIDENCE)
    torn = question.scored and not unsure and _torn(question.id, text, value, evidence)
    return Interpretation(value, echo=question.label_for(value), confirm="unsure" if unsure or torn else "",
                          trace=trace or (f"choice: scores {_rounded(scores)}"
                                          + (" (close: confirm)" if unsure else "")
                                          + (f" (a far level spoken for too: {torn}, confirm)" if torn else ""),))


STORE_AGREED = 0.7     # both readers name the value, the learned one at least this sure: stored
STORE_UNSURE = 0.9     # the cue reader was unsure, the learned reader this sure of the same value: stored
OVERRULE = 0.85        # the readers differ: the learned reader's value is the one proposed when this sure,
OVERRULE_UNSURE = 0.7  # or this sure when the cue reader was unsure itself
PROPOSE_UNREAD = 0.5   # the cue reader found no answer: the learned reader's value is proposed when this sure,
PROPOSE_OFF_TOPIC = 0.7  # or this sure when no word of the question's topic is in the answer
CHECKED_AT_LENGTH = 10  # words from which the learned reader checks the cues' reading (under that the cues read
                        # alone: the learned reader has met few short answers, and is sure of them wrongly)
STORY_LENGTH = 14       # words from which its own value is proposed too; in a shorter answer a "geen" or a
                        # "gekeken naar" decides, and the cues read those


def _second_opinion(question: Question, text: str, reading: Interpretation, evidence: _Evidence) -> Interpretation:
    """The cue reading weighed against the reader learned from owner conversations (answer_classifier):
    stored only when both agree; proposed ("klopt dat?") when they differ or either is unsure. The learned
    reader's value is not proposed over the cues' when the cues took the words for it away ("naar een ERP
    gekeken", "geen robot"): it counts words, the cues read what is denied, planned or undone."""
    length = len(_words(normalize(text)))
    if length < CHECKED_AT_LENGTH:
        return reading
    opinion = answer_classifier.opinion(question.id, text)
    if opinion is None:
        return reading
    learned, sure = opinion
    said = f"learned reader: {learned} ({sure:.2f})"
    if reading.value is None:
        if length < STORY_LENGTH or sure < (PROPOSE_UNREAD if on_topic(question.id, text) else PROPOSE_OFF_TOPIC):
            return replace(reading, trace=reading.trace + (said + ", too unsure to propose",))
        return Interpretation(learned, echo=question.label_for(learned), confirm="unsure",
                              trace=reading.trace + (said + ": proposed, the cues found no answer",))
    if learned == str(reading.value):
        if reading.confirm and sure >= STORE_UNSURE:
            return replace(reading, confirm="", trace=reading.trace + (said + ": the same and sure, stored",))
        if not reading.confirm and sure < STORE_AGREED:
            return replace(reading, confirm="unsure", trace=reading.trace + (said + ": the same but unsure, confirm",))
        return replace(reading, trace=reading.trace + (said + ": the same",))
    overrules = length >= STORY_LENGTH and sure >= (OVERRULE_UNSURE if reading.confirm else OVERRULE) \
        and learned not in evidence.cancelled
    chosen = learned if overrules else str(reading.value)
    return Interpretation(chosen, echo=question.label_for(chosen), confirm="unsure",
                          trace=reading.trace + (said + f": the readers differ, {chosen} proposed",))


WEAK_EVIDENCE = 3.0   # a scored reading on less than this is proposed, not stored
TORN_EVIDENCE = 3.0   # cues this strong for a level two or more away, then countered, make the reading a proposal


def _torn(question_id: str, text: str, value: str, evidence: _Evidence) -> str:
    """"We hebben geleased, dat lukte, maar de bank was niet happig": the reading won, but a level far
    from it had strong evidence of its own that a counter-cue took away. Shown back, never stored silently."""
    if not value.isdigit():
        return ""
    for_it, net = evidence.for_it, evidence.net
    far = [o for o, w in for_it.items() if o.isdigit() and abs(int(o) - int(value)) >= 2 and w >= TORN_EVIDENCE
           and net.get(o, 0.0) <= w - 2.0]   # spoken for, and then against: the text pulls both ways
    # "er hangt een verbeterbord, maar dat wordt alleen gebruikt als er een klacht is"
    after = _after_the_last_maar(question_id, text)
    if after is not None and after.isdigit() and abs(int(after) - int(value)) >= 2 \
            and for_it.get(after, 0.0) >= TORN_EVIDENCE:
        far.append(after)
    return ",".join(sorted(set(far)))


def _after_the_last_maar(question_id: str, text: str) -> str | None:
    """The option the clause after the last "maar" names on its own (None: no such clause, or no clear one)."""
    norm = normalize(text)
    at = norm.rfind("| maar ")
    return _decide(option_scores(question_id, norm[at + 7:])) if at >= 0 else None


GUESS_MIN_SCORE = 1.5
GUESS_MIN_MARGIN = 0.3


def _best_guess(scores: dict[str, float], cues: dict[str, float]) -> str | None:
    """The option to propose when none is clear: the best, if a cue of its own names it (not
    similarity alone), it leads, and it is no contradiction of far-apart levels."""
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < GUESS_MIN_SCORE or cues.get(ranked[0][0], 0.0) < GUESS_MIN_SCORE:
        return None
    if len(ranked) > 1:
        (best, top), (runner, second) = ranked[0], ranked[1]
        if top - second < GUESS_MIN_MARGIN:
            return None
        if best.isdigit() and runner.isdigit() and abs(int(best) - int(runner)) >= 2 and second >= 0.6 * top:
            return None
    return ranked[0][0]


def _rounded(scores: dict[str, float]) -> dict[str, float]:
    return {o: round(v, 2) for o, v in sorted(scores.items(), key=lambda kv: -kv[1])}


def _conclusion(question_id: str, text: str, scores: dict[str, float]) -> str | None:
    """"De bank doet moeilijk, maar met lease lukt het": when two far-apart levels are both
    strongly named, the one the clause after the last "maar" names on its own wins, if it leads."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) < 2 or not (ranked[0][0].isdigit() and ranked[1][0].isdigit()) \
            or abs(int(ranked[0][0]) - int(ranked[1][0])) < 2:
        return None   # only a contradiction of far-apart levels is settled this way
    after = _after_the_last_maar(question_id, text)
    return after if after is not None and after == ranked[0][0] and ranked[0][1] >= MIN_SCORE + 1 else None


def _mixed(text: str) -> bool:
    return _matches(("mixed",), text) is not None


def _vague(question: Question, text: str) -> bool:
    """A short answer like "gaat wel" or "wisselend" that fits no option of this question clearly."""
    m = _matches(("vague",), text)
    allowed = _cue_data().get("vague_allowed", {}).get(question.id, [])
    return m is not None and not any(re.fullmatch(a, normalize(text)) for a in allowed)


def _choice_note(question: Question, scores: dict[str, float]) -> str:
    ranked = [v for v, s in sorted(scores.items(), key=lambda kv: -kv[1]) if s >= 1.0][:2]
    if len(ranked) == 2:
        a, b = (question.label_for(v) for v in ranked)
        return f"Ik twijfel tussen '{a}' en '{b}'. Kies wat het best past."
    return "Ik weet niet zeker wat je bedoelt. Kies het antwoord dat het best past."


def _multi(question: Question, text: str) -> Interpretation:
    valid = {o.value for o in question.options}
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if parts and all(p in valid for p in parts):
        chosen = sorted(set(parts))
    else:
        if _looks_like_question(text) or repair.question(text):
            return Interpretation(None, trace=(repair.question(text) or "question",))
        labelled = [_button(question, p) for p in parts] if parts else []
        if parts and all(labelled):
            chosen = sorted(set(labelled))
        else:
            chosen = _multi_free_text(question.id, text)
    if "geen" in chosen and len(chosen) > 1:
        chosen = [c for c in chosen if c != "geen"]
    if not chosen:
        return Interpretation(None, note="Ik kon er geen onderwerp uit halen. Kies er één of meer.")
    typed = not ((parts and all(p in valid for p in parts)) or (parts and all(_button(question, p) for p in parts)))
    words = _words(normalize(text))
    # A list read from a sentence is shown back ("ik noteer: ... klopt dat?"), unless it is one
    # short plain cause: a cause missed or added by mistake is only found by the owner.
    check = typed and chosen != ["geen"] and (len(chosen) >= 2 or len(words) > 6 or any(w in NEGATORS for w in words))
    return Interpretation(chosen, echo=", ".join(question.label_for(c) for c in chosen),
                          confirm="list" if check else "",
                          trace=("list: " + ", ".join(chosen) + (" (read from a sentence: confirm)" if check else ""),))


_MULTI_SPLIT = re.compile(r"\s*\|\s*|\s+(?:en|plus|alsook|evenals|daarnaast|bovendien|tevens)\s+")


def _multi_free_text(question_id: str, text: str) -> list[str]:
    """Options named anywhere: the whole answer and each of its parts are scored on their own,
    so that one cause does not cancel another ("geld en de lange terugverdientijd"). A part that
    denies a cause ("kennis is geen probleem") takes that cause out, and so the bare items listed
    just before it ("geld, kennis en mensen zijn op orde"), unless another part names it."""
    model = _model(question_id)
    all_but = _pattern_for(question_id, "all_but")
    m = all_but.search(_correct_typos(normalize(text), model.targets)) if all_but else None
    if m:   # "alles behalve 3D printen"
        but = _named_ignoring_negation(model, m.group("but"))
        everything = {o.value for o in load()[question_id].options} - {"anders", "geen"}
        return sorted(everything - but) if but else []
    denials = _patterns_for(question_id, "denied")
    parts: list[str] = []
    denying: list[str] = []
    present, absent = _pattern_for(question_id, "present"), _pattern_for(question_id, "absent_after_present")
    missing = _pattern_for(question_id, "absent")
    absences: list[str] = []
    for sentence in re.split(r"[.!?;:]+", text):
        norm = _correct_typos(normalize(sentence), model.targets)
        split = [p.strip() for p in _MULTI_SPLIT.split(norm) if p and p.strip()]
        for i, part in enumerate(split):
            if (present and absent and absent.search(part) and any(present.search(q) for q in split[:i])) \
                    or (missing and missing.search(part)):
                absences.append(part)   # "de kennis is er, het geld niet": money is missing
                continue
            if any(d.search(part) for d in denials):
                denying.append(part)
                j = i - 1
                sweeps = bool(_named_ignoring_negation(model, part))   # "..., mensen zijn op orde"
                while sweeps and j >= 0 and len(split[j].split()) <= 2 and split[j] not in denying \
                        and not re.search(r"\b(?:ja|wel|graag|zeker|interessant|vooral)\b", split[j]):
                    denying.append(split[j])
                    j -= 1
        parts += split
    whole = _correct_typos(normalize(text), model.targets)
    chosen: set[str] = set()
    denied: set[str] = set()
    for part in ([whole] if not denying and not absences else []) \
            + [p for p in parts if (p != whole or denying) and p not in absences]:
        scores = _cue_scores(model, part)
        for option, sim in _similarities(model, part).items():
            if sim >= MULTI_SIMILARITY:
                scores[option] = scores.get(option, 0.0) + MULTI_MIN_SCORE
        named = {o for o, s in scores.items() if s >= MULTI_MIN_SCORE}
        if part in denying:
            denied |= named | _named_ignoring_negation(model, part)
        else:
            chosen |= named
    for part in absences:
        chosen |= _named_ignoring_negation(model, part)
    return sorted(chosen - (denied - _affirmed(model, [p for p in parts if p not in denying])))


def _pattern_for(question_id: str, key: str) -> re.Pattern[str] | None:
    data = _cue_data()
    pattern = data["questions"].get(question_id, {}).get(key)
    return re.compile(r"(?<![\w])(?:" + _expand(pattern, data.get("macros", {})) + ")") if pattern else None


def _named_ignoring_negation(model: QuestionModel, part: str) -> set[str]:
    """The causes a denying part names ("kennis is geen probleem" names kennis, negated or not)."""
    plain = [Cue(c.option, c.weight, None, c.regex or c.fixed, 0) for c in model.cues if c.weight > 0]
    scores = _cue_scores(QuestionModel(plain, [], {}, {}, frozenset(), frozenset(), frozenset(), {}), part)
    return {o for o, s in scores.items() if s >= MULTI_MIN_SCORE}


def named_options(question_id: str, text: str) -> set[str]:
    """The options a text names, negated or not ("kennis moet er af" names kennis)."""
    model = _model(question_id)
    return _named_ignoring_negation(model, _correct_typos(normalize(text), model.targets))


def _affirmed(model: QuestionModel, parts: list[str]) -> set[str]:
    found: set[str] = set()
    for part in parts:
        found |= {o for o, s in _cue_scores(model, part).items() if s >= MULTI_MIN_SCORE}
    return found


@cache
def _patterns_for(question_id: str, key: str) -> tuple[re.Pattern[str], ...]:
    data = _cue_data()
    macros = data.get("macros", {})
    return tuple(re.compile(r"(?<![\w])(?:" + _expand(p, macros) + ")")
                 for p in data["questions"].get(question_id, {}).get(key, []))


def _refused(text: str) -> bool:
    """"Omzetcijfers geef ik liever niet", "gaat je niks aan": a refusal, not a don't-know."""
    return bool(re.search(r"\b(?:liever niet|zeg ik (?:liever )?niet|geef ik (?:liever )?niet|"
                          r"gaat je (?:niets|niks) aan|wil ik niet (?:zeggen|kwijt|delen|geven)|geheim|prive|"
                          r"vertrouwelijk|zeg ik niet)\b",
                          repair.fold(text))) and not re.search(r"\bweet\b", repair.fold(text))


def _unknown(text: str) -> bool:
    return _matches(("weet_niet", "unknown_extra"), text, max_words=12) is not None


def _unknown_with_reason(text: str) -> bool:
    """"Geen idee eerlijk gezegd, dat weet de boekhouder. Kan ik nu niet zeggen": a don't-know with the
    reason beside it, no figure and no question in the message."""
    norm = normalize(text)
    return (_matches_norm(("weet_niet", "unknown_extra"), norm) is not None and "?" not in text
            and not re.search(r"\d", numbers.words_to_digits(norm)))


def _count(question: Question, text: str) -> Interpretation:
    q = numbers.read_count(text)
    if q.value is None:
        return Interpretation(None, note=q.note, trace=q.trace)
    return Interpretation(q.value, echo=f"{q.value} medewerker" + ("" if q.value == 1 else "s"),
                          confirm=confirmation.reason(question.id, q), trace=q.trace)


_QUANTITY_ASKED = {"jaaromzet": "omzet", "balanstotaal": "balans"}


def _amount(question: Question, text: str) -> Interpretation:
    q = numbers.read_amount(text, _QUANTITY_ASKED.get(question.id))
    if q.value is not None:
        return Interpretation(q.value, echo=numbers.format_amount(q.value),
                              confirm=confirmation.reason(question.id, q), trace=q.trace)
    if question.unknown_value and _refused(text):
        return Interpretation(None, note="Dat begrijp ik. De omzet is alleen nodig om te zien of je bedrijf "
                                         "onder de mkb-regels van het programma valt; een ruwe schatting is genoeg "
                                         "en het blijft anoniem. Wil je het liever niet zeggen, zeg dan nog een keer "
                                         "'liever niet', dan noteer ik 'onbekend'.",
                              trace=("refusal: asked once more",))
    with_reason = _unknown_with_reason(text)
    if question.unknown_value and (_unknown(text) or with_reason):
        if re.search(r"\b(?:precies|exact|niet zeker)\b", repair.fold(text)) \
                and (len(_words(normalize(text))) <= 8 or not with_reason):
            return Interpretation(None, note="Een ruwe schatting is ook goed, bijvoorbeeld '12 miljoen'. Weet je het "
                                             "echt niet, zeg dan 'weet ik niet'.",
                                  trace=("unknown precisely: ask for an estimate",))
        return Interpretation(question.unknown_value, echo="Weet ik niet", trace=("unknown",))
    return Interpretation(None, note=q.note, trace=q.trace)


_OTHERS_PLACES = re.compile(r"\b(?:klant\w*|leverancier\w*|afnemer\w*|opdrachtgever\w*|lever\w*|exporte\w*|"
                            r"verkop\w*|dealer\w*|concurrent\w*|beurs\w*|markt\w*|eigenaar|eigenaren|directeur|"
                            r"moederbedrijf|holding|woon\w*|familie)\b|^\s*niet\b", re.IGNORECASE)
_COUNTRY_MARK = re.compile(r"\s*\((?:b|be|bel|belgie|belgië|d|de|dld|duitsland)\)\s*$", re.IGNORECASE)


def _province(question: Question, text: str) -> Interpretation:
    own = [c for c in re.split(r"(?<=[.!?;])\s+|,\s*|\s+maar\s+", text) if c.strip() and not _OTHERS_PLACES.search(c)]
    if own and len(own) < len(re.split(r"(?<=[.!?;])\s+|,\s*|\s+maar\s+", text)):
        text = ", ".join(own)   # "Goes, maar de meeste klanten zitten rond Antwerpen": Goes
    marked = _COUNTRY_MARK.search(text)
    if marked and not places.province_from_text(text[:marked.start()]).province:
        text = text[:marked.start()]   # "lommel (B)"
        there = places.abroad_from_text(text) or places.Abroad(text.strip(), "het buitenland")
        return Interpretation(None, note=f"{there.name} ligt in {there.country}. Het Mkb-Booster-programma is er voor "
                                         "bedrijven in Nederland. Heeft je bedrijf een vestiging in Nederland? "
                                         "Kies dan de provincie waar die zit.",
                              trace=(f"abroad: {there.name} ({there.country})",))
    text = places.without_denied(text)
    match = places.province_from_text(text)
    across, foreign = places.location_across_border(text)
    if across == "both" and foreign is not None and foreign.country.startswith("Nederland"):
        return Interpretation(None, note=f"{foreign.name} ligt op de grens van Nederland en België. Zit je bedrijf aan "
                                         "de Nederlandse kant? Noem dan de gemeente of kies de provincie.",
                              trace=(f"on the border: {foreign.name}",))
    if across == "both" and match.province and foreign is not None and \
            places.normalize(foreign.name) in map(places.normalize, match.places):
        return Interpretation(None, note=f"{foreign.name} bestaat in {places.PROVINCE_LABELS[match.province]} en in "
                                         f"{foreign.country}. Het programma is voor bedrijven in Nederland: zit je "
                                         "bedrijf in Nederland? Kies dan de provincie.",
                              trace=(f"a name on both sides of the border: {foreign.name}",))
    if across == "both" and match.province and foreign is not None:
        named = match.places[0] if match.places else places.PROVINCE_LABELS[match.province]
        return Interpretation(None, note=f"Je noemt {foreign.name} ({foreign.country}) en {named}. "
                                         "Het programma is voor bedrijven in Nederland: in welke Nederlandse provincie "
                                         "is je bedrijf gevestigd?", trace=(f"abroad and Dutch: {foreign.name}",))
    if across == "abroad" and foreign is not None:
        match = places.PlaceMatch(None)   # "Kleef, net over de grens bij Nijmegen": the company is across
    if match.province:
        return Interpretation(match.province, echo=match.echo, confirm="unsure" if match.guessed else "",
                              trace=(f"place: {match.via} {', '.join(match.places)}"
                                     + (" (typo repaired)" if match.guessed else ""),))
    if len(match.conflict) > 1:
        labels = " of ".join(places.PROVINCE_LABELS[p] for p in match.conflict)
        return Interpretation(None, note=f"Ik zie meer dan één provincie ({labels}). "
                                         "Waar is het bedrijf gevestigd?")
    if match.places:
        return Interpretation(None, note=f"'{match.places[0]}' bestaat in meer dan één provincie. "
                                         "Welke provincie is het?")
    abroad = foreign or places.abroad_from_text(text)
    if abroad:
        where = abroad.name if abroad.name == abroad.country else f"{abroad.name} ligt in {abroad.country}"
        return Interpretation(None, note=f"{where}. Het Mkb-Booster-programma is er voor bedrijven in "
                                         "Nederland. Heeft je bedrijf een vestiging in Nederland? Kies dan de "
                                         "provincie waar die zit.",
                              trace=(f"abroad: {abroad.name} ({abroad.country})",))
    return Interpretation(None, note="Ik herken de plaats niet. Kies de provincie.")


_NAME_PREFIX = re.compile(r"^\s*(?:(?:nou|oke|ok|ja|dus|hoi|hallo|goedemiddag|goedemorgen),?\s+)*"
                          + _LANGUAGE["name_prefix"] + r"\s*:?\s+", re.IGNORECASE)
# "Piet Jansen, eigenaar", "Gerrit-Jan Hofman, operationeel manager": the function after the name is no part of it
_NAME_SUFFIX = re.compile(r"(?:,\s+(?:[\w-]+\s+){0,2}|,?\s+(?:de |en ik ben (?:de )?)?)" + _LANGUAGE["name_suffix"]
                          + r"\b.*$", re.IGNORECASE)


_NOT_A_NAME_NOTE = {
    "bedrijfsnaam": "Wat is de naam van je bedrijf? Heeft je eenmanszaak geen handelsnaam, dan is je eigen naam "
                    "ook goed.",
    "contact_naam": "Hoe heet je? Een voornaam is ook goed.",
}
_REFUSAL_NOTE = {
    "bedrijfsnaam": "Dat begrijp ik, maar zonder bedrijfsnaam kan de adviseur je niet goed voorbereiden. "
                    "Wil je de naam toch noemen? Liever niet? Zeg dan 'terug' en kies bij de "
                    "toestemming 'Nee, liever niet'.",
    "contact_naam": "Dat begrijp ik, maar de adviseur wil graag weten wie hij kan vragen. Een voornaam is ook "
                    "goed. Liever niet? Zeg dan 'terug' en kies bij de toestemming 'Nee, liever niet'.",
}


_NAME_TAIL = re.compile(r"\s*(?:[,;(]|\.(?=\s))\s*"
                        r"(?=[^,;]*(?:\d{3}|@|\b(?:bel|mail|kvk|tel|telefoon|nummer|e-?mail|mobiel|"
                        r"bereikbaar|liefst|graag|eigenaar|directeur)\b))|\s+(?=(?:kvk|tel|telefoon|e-?mail|mobiel)\b)",
                        re.IGNORECASE)


# Lowercase words that make a text a sentence rather than a name ("dat doet er niet toe").
_SENTENCE_WORDS = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, _LANGUAGE["sentence_words"])) + r")(?![\w'])")


_FUNCTION_ONLY = re.compile(r"(?:de |het )?(?:afdeling \w+|" + "|".join(_LANGUAGE["functions"]) + ")")


def _name(question: Question, text: str) -> Interpretation:
    asked_first = re.match(r"^\s*[^?]{3,80}\?\s+(?=\S)", text)
    if asked_first and not repair.question(text[asked_first.end():]):
        text = text[asked_first.end():]   # "Moet mijn naam erbij? Zet maar 'de directie'": the part after the question
    turn = re.match(r"^(.+?),?\s+maar\s+(.+)$", text.strip(), re.IGNORECASE | re.DOTALL)
    if repair.question(text) and not (turn and not repair.question(turn.group(2))):
        return Interpretation(None, trace=(repair.question(text) or "question",))
    first, *others = re.split(r"\s*[,.;!]\s*", text.strip(), maxsplit=1)
    rest = others[0] if others else ""   # "doe maar zonder naam, ze horen het wel van mij"
    if repair.refusal(text) or (rest and repair.refusal(first) and (
            _SENTENCE_WORDS.search(rest) or not re.search(r"\b[A-Z]", rest))):
        return Interpretation(None, note=_REFUSAL_NOTE.get(question.id, "Dat is geen naam."),
                              trace=("refusal: not a name",))
    name = re.sub(r"\s+", " ", text).strip()
    turn = re.match(r"^(.+?),?\s+maar\s+(.+)$", name, re.IGNORECASE)
    if turn and (_SENTENCE_WORDS.search(turn.group(1)) or repair.question(turn.group(1))):
        # "geen idee waarom je dat wil weten, maar het is Karin"
        name = re.sub(r"^(?:goed|vooruit|vooruit dan|ok|oke|nou|toch|dan|voor de zekerheid)\s*[:,]\s*", "",
                      turn.group(2),
                      flags=re.IGNORECASE)
    # "Zet Kees de Vos er maar neer, dat is de eigenaar"
    name = re.sub(r"^(?:zet|noteer|schrijf|doe)\s+(.+?)\s+(?:er\s+)?maar(?:\s+(?:neer|op|bij|in))?\s*(?=[,.;]|$)",
                  r"\1", name, flags=re.IGNORECASE)
    name = _NAME_PREFIX.sub("", name, count=1)
    name = _NAME_TAIL.split(name)[0]   # "Karin Bos, bel me op 06 ...", "Bakkerij Van Dam, kvk 4112..."
    name = re.sub(r",?\s*(?:dat|zo|die) (?:is|heet|heten|hebben|noemen) (?:\w+ ){0,2}(?:naam|we|wij|het|ons)\b.*$"
                  r"|,\s*(?:met|zonder) (?:een |de |het )?(?:\w|'\w+')(?: erin| ertussen| erbij| aan het eind)?\b.*$"
                  r"|\s+(?:met|zonder) (?:een |de |het |dubbele? )?(?:[a-z]|'\w+')"
                  r"(?: erin| ertussen| erbij| aan het eind| op het eind| achteraan)?\s*[.!]?$",
                  "", name,
                  flags=re.IGNORECASE)   # "Bakkerij Jansen, dat is de naam", "Oost-Twente BV, met een s"
    instead = re.match(r"^(?:niet|geen)\s+[^,;]+[,;]\s*(?:maar\s+)?(?:gewoon\s+)?(.+)$", name, re.IGNORECASE)
    if instead:   # "Niet meneer Jansen hoor, gewoon Eef Jansen"
        name = instead.group(1)
    name = _NAME_SUFFIX.sub("", name) if question.id == "contact_naam" else name
    name = name.strip(" ,;:!\"'‘’“”")
    short, _, whole = name.partition(",")
    if short.strip() and whole.strip().lower().startswith(short.strip().lower() + " "):
        name = whole.strip()   # "Zet Daan er maar neer, Daan van der Sluis": the short name, then the whole
    name = re.sub(r"^['‘“\"](.+?)['’”\"]\.?$", r"\1", name).strip()   # "'de directie'."
    if question.id == "contact_naam" and _FUNCTION_ONLY.fullmatch(name.lower().rstrip(".")):
        return Interpretation(None, note="Ik hoor graag de naam van de persoon die de adviseur kan vragen. "
                                         + _REFUSAL_NOTE.get(question.id, ""),
                              trace=("name: a function, not a person",))
    if _SENTENCE_WORDS.search(name) or re.fullmatch(r"(?:het|de|een|dat|die|dit|er|en|of|ja|nee|ok|oke)", name.lower()):
        return Interpretation(None, note="Dat lijkt me geen naam. " + _NOT_A_NAME_NOTE.get(question.id, ""),
                              trace=("name: reads as a sentence, not a name",))
    if name.endswith(".") and re.search(r"(?:^|\s)[A-Za-zÀ-ÿ]{4,}\.$", name) and \
            not re.search(r"\b(?:[A-Za-z]\.){2,}$", name):
        name = name[:-1]
    if not name or len(name) > 120 or not re.search(r"[A-Za-zÀ-ÿ0-9]", name):
        return Interpretation(None, note="Ik kon er geen naam in vinden.")
    return Interpretation(name, echo=name)


_FOREIGN_COMPANY_NUMBER = re.compile(r"\b(?:ondernemingsnummer|btw ?nummer be|be ?0\d{3}|kbo|handelsregisternummer|"
                                     r"hrb|handelsregister (?:in|van) (?:duitsland|belgie))\b"
                                     r"|\b0\d{3}[. ]?\d{3}[. ]?\d{3}\b",
                                     re.IGNORECASE)


def _kvk(question: Question, text: str) -> Interpretation:
    if _FOREIGN_COMPANY_NUMBER.search(text) and not re.search(r"(?<!\d)\d{8}(?!\d)", re.sub(r"[ .\-]", "", text)):
        return Interpretation(None, note="Dat lijkt een nummer uit het buitenland (zoals een Belgisch "
                                         "ondernemingsnummer). Het programma vraagt het nummer van de Nederlandse "
                                         "Kamer van Koophandel (8 cijfers). Heb je dat niet, zeg dan 'onbekend'.",
                              trace=("kvk abroad: a foreign company number",))
    for m in re.finditer(r"(?<!\d)\d(?:[ .\-]?\d){5,11}(?!\d)", text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) == 8:
            return Interpretation(digits, echo=digits)
    if _unknown(text):
        return Interpretation("onbekend", echo="Weet ik niet")
    if re.search(r"\d{5,}", re.sub(r"[ .\-]", "", text)):
        return Interpretation(None, note="Een KvK-nummer heeft 8 cijfers. Klopt het nummer?")
    return Interpretation(None, note="Ik kon er geen KvK-nummer (8 cijfers) in vinden.")


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def _email(question: Question, text: str) -> Interpretation:
    found = {m.group(0).lower().strip(".") for m in _EMAIL.finditer(text)}
    if len(found) == 1:
        email = found.pop()
        if ".." not in email and not email.split("@")[0].startswith("."):
            return Interpretation(email, echo=email)
    if len(found) > 1:
        return Interpretation(None, note="Ik zie meer dan één e-mailadres. Welk adres is het?")
    return Interpretation(None, note="Dat lijkt geen geldig e-mailadres, bijvoorbeeld naam@bedrijf.nl.")


_DUTCH_PREFIXES = frozenset(_LANGUAGE["dutch_phone_prefixes"])


def _dutch_prefix(digits: str) -> bool:
    return any(digits.startswith(p) for p in _DUTCH_PREFIXES)


_COUNTRY_CODES = tuple(sorted(_LANGUAGE["country_codes"].items(), key=lambda kv: -len(kv[0])))
_PHONE = re.compile(r"(?:\+|00)?\d[\d\s\-().]{7,18}\d")


def _phone(question: Question, text: str) -> Interpretation:
    for m in _PHONE.finditer(text):
        raw = re.sub(r"\s+", " ", m.group(0)).strip()
        digits = re.sub(r"\D", "", raw)
        if raw.startswith("+31") or digits.startswith("0031"):
            national = digits[2:] if raw.startswith("+") else digits[4:]
            ok = len(national) == 9 and national[0] != "0"
        elif raw.startswith("+") or digits.startswith("00"):
            code = digits[:4] if raw.startswith("+") else digits[2:6]
            country = next((name for prefix, name in _COUNTRY_CODES if code.startswith(prefix)), "het buitenland")
            return Interpretation(None, note=f"Dat is een nummer uit {country}. De adviseurs van het programma "
                                             "bellen naar Nederlandse nummers: heb je een Nederlands nummer? "
                                             "Anders is 'geen' ook goed, dan mailt de adviseur je.",
                                  trace=(f"phone abroad: {raw}",))
        else:
            near = repair.fold(text[max(0, m.start() - 25):m.end() + 30])
            said = re.search(r"(?<!niet )(?<!niet mijn )(?<!geen )\b(belgisch|duits|buitenlands|vlaams|frans|engels)e?"
                             r"\b", near)
            # "0475 62 18 90 (Belgisch nummer)": 0475 is also Roermond's area code; the owner says which
            if said:
                return Interpretation(None, note=f"Dat is een {said.group(1)} nummer. De adviseurs van het programma "
                                                 "bellen naar Nederlandse nummers: heb je een Nederlands nummer? "
                                                 "Anders is 'geen' ook goed, dan mailt de adviseur je.",
                                      trace=(f"phone abroad, as said: {raw}",))
            ok = len(digits) == 10 and digits[0] == "0" and _dutch_prefix(digits)
            if len(digits) == 10 and digits[0] == "0" and not ok:
                return Interpretation(None, note="Dat lijkt geen Nederlands nummer (dat netnummer bestaat in "
                                                 "Nederland niet). Klopt het nummer? Een 06-nummer is ook goed, of "
                                                 "'geen'.", trace=(f"phone: no Dutch area code in {raw}",))
        if ok:
            return Interpretation(raw, echo=raw)
        return Interpretation(None, note="Dat nummer klopt niet helemaal: een Nederlands nummer "
                                         "heeft 10 cijfers, bijvoorbeeld 06-12345678.")
    if _matches(("no_phone",), text):
        return Interpretation("geen", echo=question.label_for("geen"))
    return Interpretation(None, note="Ik kon er geen telefoonnummer in vinden.")


_KIND = {
    "choice": _choice, "multi": _multi, "integer": _count, "amount": _amount,
    "province": _province, "text": _name, "kvk": _kvk, "email": _email, "phone": _phone,
}


_SCRIPT = re.compile(r"<\s*(script|style)\b[^>]*>.*?(<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?\s*[a-zA-Z][^<>]*>")
KEEPS_MARKUP = ("text", "email")  # names stay as typed (escaped where shown); "Jan <jan@x.nl>" is an address


def visible_text(text: str) -> str:
    """The text as a browser would show it: no script or style content, no tags."""
    return _TAG.sub(" ", _SCRIPT.sub(" ", text))


def interpret(question_id: str, text: str, today: date | None = None, learned: bool = True) -> Interpretation:
    """What the owner answered to ``question_id``; value None when not confident.

    ``today`` dates "the last three years" of the eligibility questions (default: today). ``learned``: the
    text answers this question, so the reader learned from answers weighs in (not for words said in passing)."""
    question = load().questions[question_id]
    text = (text or "").strip()
    if question.kind not in KEEPS_MARKUP:
        text = visible_text(text).strip()  # "<script>alert(1)</script>" is not 1 employee
    if not text:
        return Interpretation(None, note="Ik heb geen antwoord gezien.")
    if question.kind in ("choice", "multi", "amount", "kvk", "phone", "province"):
        value = _button(question, text)
        if value is not None and question.kind != "multi":
            echo = question.label_for(value)
            return Interpretation(value, echo=echo)
        if value is not None:
            return Interpretation([value], echo=question.label_for(value))
    reading = _choice(question, text, learned) if question.kind == "choice" else _KIND[question.kind](question, text)
    if question.id in _THREE_YEARS:
        reading = _THREE_YEARS[question.id](question, text, reading, today or date.today())
    if question.id == "sector" and reading.value == NOT_MANUFACTURING:
        reading = _making_after_all(question, text, reading)
    elif question.id == "sector" and reading.value is not None and _MAKES_NOTHING.search(normalize(text)):
        # "we ontwerpen machines, maar bouwen doen we niet zelf": the trade named is not made here
        reading = Interpretation(NOT_MANUFACTURING, echo=question.label_for(NOT_MANUFACTURING), confirm="outcome",
                                 trace=reading.trace + ("says it makes nothing itself: not manufacturing, confirm",))
    if reading.value is not None and _EXCLUDES.get(question.id) == reading.value and not reading.confirm \
            and len(_words(normalize(text))) > 4:
        # a sentence read as the answer that ends the programme for this owner: shown back first
        reading = replace(reading, confirm="outcome", trace=reading.trace + ("excludes from the programme: confirm",))
    return reading


# The answers that make an owner not eligible (domain.md).
NOT_MANUFACTURING = "geen_maakindustrie"
_EXCLUDES = {"eerder_traject": "ja", "ontvangen_steun": "ja", "bereid_plan": "nee", "sector": NOT_MANUFACTURING}


_MAKES_NOTHING = re.compile(r"\b(?:maken|produceren|fabriceren|maak|produceer) (?:we |wij |ik )?(?:zelf )?(?:\w+ )?"
                            r"(?:niks|niets|niet|geen)\b|"
                            r"\b(?:bouwen|maken|produceren|fabriceren|assembleren) (?:doen|laten) (?:we|wij|ik) "
                            r"(?:\w+ )?(?:niet|nooit|uitbesteden|buiten de deur)\b|"
                            r"\bzelf (?:\w+ )?(?:niks|niets|niet) (?:\w+ )?(?:maken|produceren)")


_ONLY_NOW = re.compile(r"\b(?:nu|tegenwoordig|inmiddels)\b[^|]*\b(?:alleen|enkel|niet meer|niks meer|niets meer)\b")


def _making_after_all(question: Question, text: str, reading: Interpretation) -> Interpretation:
    """"Een chocolaterie, we maken bonbons in ons atelier achter de winkel": a shop beside the making.
    When a manufacturing sector is named too, that one is proposed instead of ending the programme."""
    if _MAKES_NOTHING.search(normalize(text)) or _ONLY_NOW.search(normalize(text)):
        return reading   # "mijn opa maakte kachels … nu verkopen en plaatsen we alleen nog": what was made is the past
    scores = option_scores(question.id, text)
    making = [(s, o) for o, s in scores.items() if o != NOT_MANUFACTURING and s >= MIN_SCORE + 0.5
              and s >= scores.get(NOT_MANUFACTURING, 0.0) - 1.0]
    if not making:
        return reading
    best = max(making)[1]
    return Interpretation(best, echo=question.label_for(best), confirm="unsure",
                          trace=reading.trace + (f"a manufacturing sector named too: {best} proposed",))


# ------------------------------------------------------------------ the last three years

_SEASON_MONTH = {"voorjaar": 4, "lente": 4, "zomer": 7, "najaar": 10, "herfst": 10, "winter": 1, "begin": 2,
                 "eind": 11, "einde": 11}


def _years_ago(clause: str, today: date) -> list[float]:
    """How many years ago each time reference in a clause lies (years and relative phrases); a year with
    its month or season ("in de zomer van 2023") as a fraction, so it falls on one side of three years."""
    clause = numbers.words_to_digits(clause)
    found: list[float] = []
    for m in re.finditer(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,])", clause):
        year = int(m.group(1))
        if year > today.year:
            continue
        named = _MONTH_BEFORE.search(clause[:m.start()])
        if named:
            word = named.group(1)
            month = _MONTHS.index(word) + 1 if word in _MONTHS else _SEASON_MONTH[word]
            found.append(round((today - date(year, month, 15)).days / 365.25, 2))
        else:
            found.append(today.year - year)
    for item in repair._cues()["time"]["relative"]:
        if re.search(item["pattern"], clause):
            found.append(int(item["years_ago"]))
    return found


def _time_window(question: Question, text: str, today: date) -> tuple[str | None, str]:
    """("ja"/"nee" when time references settle it, None when they do not; the rule).

    A "yes" at a moment more than three years ago is a no for these questions; a moment exactly
    three years ago (which part of that year?) leaves it open."""
    cues = repair._cues()["time"]
    # "1,5 jaar terug" stays one clause: a comma or point between digits is a decimal sign
    breaks = r"(?<!\d)[,.;]|[,.;](?!\d)|\b(?:maar|en|daarna|sindsdien|toen)\b"
    clauses = [c for c in re.split(breaks, repair.fold(text)) if c.strip()]
    inside = outside = borderline = False
    for clause in clauses:
        ago = _years_ago(clause, today)
        if not ago or (re.search(cues["not_happened"], clause) and not re.search(r"\bwel\b", clause)):
            continue
        inside |= any(a < 3 for a in ago)
        borderline |= any(a == 3 for a in ago)
        outside |= any(a > 3 for a in ago)
    if inside:
        return "ja", "time: within the last three years"
    if borderline:
        return None, "time: exactly three years ago"
    if outside:
        return "nee", "time: more than three years ago"
    return None, ""


def _eerder_traject(question: Question, text: str, reading: Interpretation, today: date) -> Interpretation:
    settled, rule = _time_window(question, text, today)
    if rule == "time: exactly three years ago":
        since = f"{today.day} {_MONTHS[today.month - 1]} {today.year - 3}"
        return Interpretation(None, note=f"Het gaat om de afgelopen drie jaar, dus sinds {since}. Was dat "
                                         "daarna (ja) of daarvoor (nee)?", trace=(rule,))
    if settled and settled != reading.value and not _unknown_when_vague(reading, text):
        return Interpretation(settled, echo=question.label_for(settled), trace=reading.trace + (rule,))
    return reading


def _unknown_when_vague(reading: Interpretation, text: str) -> bool:
    """"Dat weet ik niet, dat heeft de boekhouder destijds geregeld": the owner does not know; a vague
    "destijds" or "toen" without a year or a number of years does not settle it for them."""
    return reading.value == "onbekend" and not re.search(r"\b(?:19|20)\d\d\b|\b\d+(?:[.,]\d+)? (?:jaar|maanden)\b",
                                                          numbers.words_to_digits(text))


# "meer dan twee ton zeker niet", "boven de 200.000 kwamen we bij lange na niet"
_BOUND_DENIED = re.compile(r"\b(?:meer dan|boven(?: de)?|over de|ruim)\s+[\d.,]+\s*(?:k|duizend|ton|miljoen|euro)?\s*"
                           r"(?:(?:is|was|waren|kwamen|zaten|zitten|komen|het|dat|we|wij|er|dus|toch|ook)\s+){0,3}"
                           r"(?:zeker|echt|lang|bij lange na|absoluut|helemaal)?\s*(?:niet|nie|ni|nooit)\b")


def _ontvangen_steun(question: Question, text: str, reading: Interpretation, today: date) -> Interpretation:
    """An amount decides against the € 200,000 ceiling; a time outside the window is a no."""
    settled, rule = _time_window(question, text, today)
    if settled == "nee" and not _unknown_when_vague(reading, text):
        return Interpretation("nee", echo=question.label_for("nee"), trace=reading.trace + (rule,))
    echoed = re.search(r"(?:^|[,.!]\s*)[\w' -]{1,30}\?[\s,]*(?:nee|neen|nope|niet|nog niet|lang niet|bij lange na niet|"
                       r"(?:veel |een stuk |stukken )?minder|(?:veel )?lager)\b", text, re.IGNORECASE)
    if echoed:
        return Interpretation("nee", echo=question.label_for("nee"), trace=reading.trace + ("an echoed amount denied",))
        # "meer dan 2 ton? nee dat niet, veel minder": the owner echoes the amount to deny it
    if _BOUND_DENIED.search(numbers.words_to_digits(repair.fold(text))):
        return Interpretation("nee", echo=question.label_for("nee"), trace=reading.trace + ("a bound denied",))
    listed = _listed_per_year(text, today)
    if listed is not None:
        total, said = listed
        ceiling = confirmation.thresholds()["ontvangen_steun"]
        value = "ja" if total > ceiling else "nee"
        q = numbers.Quantity(total, total, total)
        return Interpretation(value, echo=question.label_for(value), confirm=confirmation.reason("ontvangen_steun", q),
                              trace=(f"amounts per year added up: {said} = {numbers.format_amount(total)}",))
    amount = numbers.read_amount(text)
    if amount.value is None or amount.value < 10_000:
        if rule == "time: exactly three years ago" and reading.value != "onbekend":
            return _eerder_traject(question, text, reading, today)
        return reading   # when it was is no answer to how much it was
    ceiling = confirmation.thresholds()["ontvangen_steun"]
    amount, yearly = _over_the_years(text, amount)
    euros = amount.value
    if euros is None:
        return reading
    if reading.value == "onbekend" and confirmation.reason("ontvangen_steun", amount):
        return Interpretation(None, note=f"Rond {numbers.format_amount(euros)} ligt dicht bij de grens van "
                                         f"{numbers.format_amount(int(ceiling))}. Was het bij elkaar opgeteld meer of "
                                         "minder dan dat? Weet je het niet, zeg dan 'weet ik niet'.",
                              trace=amount.trace + ("unsure, near the ceiling: asked again",))
    above = euros > ceiling or (amount.qualifier in ("above", "at_least") and euros >= ceiling)
    value = "ja" if above else "nee"
    why = confirmation.reason("ontvangen_steun", amount) or ("vague" if reading.value == "onbekend" else "")
    return Interpretation(value, echo=question.label_for(value), confirm=why,
                          trace=amount.trace + yearly
                          + (f"{numbers.format_amount(euros)} against the ceiling of {ceiling}",))


def _listed_per_year(text: str, today: date) -> tuple[int, str] | None:
    """"In 2024 € 62.500, in 2025 € 71.000 en in 2026 € 58.000": each year's aid named with its year; the
    years inside the window are added up (None when the text is no such list)."""
    digits = numbers.words_to_digits(repair.fold(text))
    amount = r"\d{1,3}(?:[.]\d{3})+|\d{4,7}"
    year = r"((?:19|20)\d\d)"
    pairs = re.findall(rf"\b(?:in|over) {year}\s*[:,]?\s*(?:€|eur|euro)?\s*({amount}|\d+(?:,\d+)?\s*"
                       rf"(?:k|duizend|mille|ton))\b|(?:€|eur|euro)\s*({amount})\s*(?:in|over) {year}\b", digits)
    if len(pairs) < 2:
        return None
    total, parts = 0, []
    for year_a, amount_a, amount_b, year_b in pairs:
        when, said = int(year_a or year_b), amount_a or amount_b
        value = numbers.read_amount(said if re.search(r"[a-z]", said) else f"€ {said}").value
        if value is None:
            return None
        if today.year - when < 3:
            total += value
            parts.append(f"{when}: {numbers.format_amount(value)}")
    return (total, " + ".join(parts)) if parts else None


def _over_the_years(text: str, amount: numbers.Quantity) -> tuple[numbers.Quantity, tuple[str, ...]]:
    """"Per jaar zo'n 80 duizend, al 3 jaar op rij": the aid of the three years together."""
    digits = numbers.words_to_digits(repair.fold(text))
    years = re.search(r"\b(?:al |ook al )?(\d) jaar (?:op rij|lang|achter elkaar|achtereen)|\bal (\d) jaar\b|"
                      r"\b(?:de|afgelopen|laatste) (\d) jaar (?:elk|ieder)", digits)
    yearly = re.search(r"\b(?:per jaar|jaarlijks|elk jaar|ieder jaar|p ?j)\b", digits)
    if amount.value is None or not years or not yearly:
        return amount, ()
    times = min(int(next(g for g in years.groups() if g)), 3)
    if times < 2:
        return amount, ()
    total = numbers.Quantity(amount.value * times, (amount.low or amount.value) * times,
                             (amount.high or amount.value) * times, amount.qualifier, amount.vague,
                             said=f"{amount.said} x {times}", trace=amount.trace)
    return total, (f"per year, {times} years: times {times}",)


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
# "in de zomer van 2023", "maart 2024": the month or season said right before a year
_MONTH_BEFORE = re.compile(r"\b(" + "|".join((*_MONTHS, *_SEASON_MONTH)) + r")\b(?: van)?\s*$")


def _implementatie(question: Question, text: str, reading: Interpretation, today: date) -> Interpretation:
    """"De laatste keer dat we iets nieuws kochten was in 2012": nothing in the last three years."""
    settled, rule = _time_window(question, text, today)
    if settled == "nee" and reading.value in (None, "2", "3") and re.search(
            r"\b(?:laatste|laatst|vorige)\b(?! (?:jaren|tijd|maanden|paar))"
            r"|\b(?:sindsdien|daarna|daarna is er|sinds die tijd) (?:\w+ ){0,2}"
            r"(?:niks|niets|geen|niet|nooit)\b", repair.fold(text)):   # "de cnc-frees is van 2019, sindsdien niks meer"
        return Interpretation("1", echo=question.label_for("1"), trace=reading.trace + (rule,))
    return reading


_CONTACT_WISH = re.compile(r"\b(?:bel\w*|mail\w*|telefo\w*|app\w*|whatsapp|sms|bereikbaar)\b")


def no_phone_wish(text: str) -> bool:
    """"Bel me liever niet, mailen werkt beter": the owner does not want to be phoned."""
    return any(_CONTACT_WISH.search(c) and _matches(("no_phone",), c)
               for c in re.split(r"(?<=[.!;,])\s+", repair.fold(text)))


def _consent(question: Question, text: str, reading: Interpretation, today: date) -> Interpretation:
    """Consent is only taken from a plain yes: a negation, a condition or a later moment in the
    message ("doe maar niet", "ja, maar eerst ...", "nog niet") asks again with the buttons."""
    if reading.value != "ja" or question.option_for(text) is not None:
        return reading
    folded = repair.fold(text)
    # "geef maar door", "geen bezwaar": still a yes
    folded = re.sub(r"\b(?:(?:doe|geef|stuur|zet|mail|bel|geef het|stuur het|doe het) (?:\w+ ){0,3}maar|"
                    r"geen (?:bezwaar|probleem|punt)|niet erg|waarom niet)\b", " ", folded)
    sentences = re.split(r"(?<=[.!;])\s+", folded)
    if len(sentences) > 1 and re.match(r"^(?:ja|jawel|prima|goed|dat is goed|is goed|akkoord|oke|ok)\b", sentences[0]):
        # "Ja, dat is goed. Maar bel me liever niet, mail liever": how to be reached, not a condition on the yes
        folded = " ".join([sentences[0]] + [x for x in sentences[1:] if not _CONTACT_WISH.search(x)])
    if re.search(r"\b(?:niet|geen|nee|nooit|liever|later|eerst|zelf|misschien|twijfel|maar|als|tenzij|wacht)\b",
                 folded):
        return Interpretation(None, note="Ik wil het zeker weten voordat ik iets doorgeef. Kies 'Ja, dat is goed' "
                                         "of 'Nee, liever niet'.", trace=("consent: not a plain yes",))
    return reading


_THREE_YEARS = {"eerder_traject": _eerder_traject, "toestemming": _consent, "herscan_delen": _consent,
                "ontvangen_steun": _ontvangen_steun, "tech_implementatie": _implementatie}
