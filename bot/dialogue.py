"""One turn of the scan: which repair a message is, and what the bot stores, proposes and says.

The owner's message is read in this order, and the first that applies decides (``Turn.rule``):
1. a reply to a confirmation ("klopt dat?"): yes stores the proposed value, no asks again,
   anything else is read as a new answer;
2. navigation ("terug", "opnieuw beginnen");
3. a correction of an earlier answer ("nee wacht, het zijn er 35"): applied to the last answer
   taken or the topic it names, never stored as the answer to the question now open;
4. a question ("ERP, is dat hetzelfde als ons boekhoudpakket?"): answered, then asked again;
5. an answer to the open question, plus the facts it says about other questions (mentions).
A reading that a wrong guess would make costly (near a threshold, vague, said in passing about
a scored topic) is proposed, not stored: the question is asked as "klopt dat?" when its turn comes.
Pure functions over plain data; actions/scan_form.py applies the Turn.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from bot import answers as interpreter
from bot import conversation, mentions, numbers, repair
from bot.questionnaire import load
from bot.side_answers import NAVIGATION_INTENTS, SIDE_INTENTS

NAVIGATION_CONFIDENCE = 0.7
SIDE_CONFIDENCE = 0.5
WORDS_MAX = 500


@dataclass(frozen=True)
class Proposal:
    """A value read but not yet stored: the owner is asked to confirm it."""
    question: str
    value: Any
    words: str = ""      # what the owner said that gave it
    reason: str = ""     # "mentioned" | "near" | "straddles" | "vague"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Proposal:
        return cls(raw["question"], raw.get("value"), raw.get("words", ""), raw.get("reason", ""))


@dataclass(frozen=True)
class Context:
    asked: str | None                          # the open question; None for the opening message
    answers: Mapping[str, Any]                 # stored answers, the open question left out
    proposals: Mapping[str, Proposal] = field(default_factory=dict)
    last: tuple[str, ...] = ()                 # questions whose answers the previous turn took
    repeated: tuple[str, ...] = ()             # questions asked again before (not understood)
    intent: str | None = None
    confidence: float = 0.0
    today: date = field(default_factory=date.today)

    @property
    def proposal(self) -> Proposal | None:
        return self.proposals.get(self.asked) if self.asked else None


@dataclass
class Turn:
    kind: str                                   # answer | confirmed | correction | side | navigate | reask
    rule: str                                   # the rule that decided (see the module docstring)
    store: dict[str, Any] = field(default_factory=dict)        # question id -> value to store
    clear: list[str] = field(default_factory=list)             # questions to ask again
    propose: dict[str, Proposal] = field(default_factory=dict)  # values to confirm when asked
    drop: list[str] = field(default_factory=list)              # proposals that no longer hold
    echo: list[str] = field(default_factory=list)              # parts of "Genoteerd: ..."
    say: list[str] = field(default_factory=list)               # other texts, before the next question
    side: str | None = None                     # the side intent to answer
    navigate: str | None = None                 # "terug" | "opnieuw"
    words: dict[str, str] = field(default_factory=dict)        # the owner's own words per answer
    remarks: list[str] = field(default_factory=list)           # said beside the answers, for the adviser
    trace: list[str] = field(default_factory=list)

    @property
    def taken(self) -> list[str]:
        """The questions this turn gave an answer to (what a correction next turn refers to)."""
        return list(self.store)



def _adjusted(label: str) -> str:
    """"Aangepast: 35 medewerkers." (one full stop, also after a label that ends with one)."""
    return f"Aangepast: {label}" + ("" if label.endswith((".", "!", "?")) else ".")

def read(text: str, ctx: Context) -> Turn:
    """What the owner's message does to the conversation."""
    text = (text or "").strip()
    if ctx.asked is None:
        return _opening(text, ctx)
    question = load()[ctx.asked]
    pressed = question.option_for(text) is not None
    if ctx.proposal is not None:
        turn = _confirmation(text, ctx, pressed)
        if turn is not None:
            return turn
    if not pressed:
        turn = _correction(text, ctx) or _navigation(text, ctx) or _question(text, ctx)
        if turn is not None:
            return turn
    return _answer(text, ctx, pressed)


# ------------------------------------------------------------------ the steps

def _opening(text: str, ctx: Context) -> Turn:
    """The first message opens the scan; what it already tells about the company is taken."""
    turn = Turn("answer", "opening")
    if ctx.intent in SIDE_INTENTS and ctx.intent not in ("begroeting", "afscheid") \
            and ctx.confidence >= SIDE_CONFIDENCE and repair.question(text):
        turn.side = ctx.intent
    _take_facts(turn, text, ctx, exclude=None)
    return turn


def _confirmation(text: str, ctx: Context, pressed: bool) -> Turn | None:
    proposal = ctx.proposal
    assert proposal is not None
    question = load()[proposal.question]
    if pressed:
        value = question.option_for(text)
        if value == proposal.value or text.strip().lower() in ("ja", "ja, dat klopt"):
            return _store_confirmed(proposal)
        return None  # an option button: the plain answer
    if question.kind == "multi" and isinstance(proposal.value, list):
        narrowed = _proposal_narrowed(text, proposal)
        if narrowed is not None:
            return narrowed
    strong = repair.correction(text)
    # what the owner's own last message gave, shown back, is what "die vorige" / "wat ik net zei" points at; a fact
    # said in passing earlier is not, and then it points at the answer just taken
    own_words = proposal.reason != "mentioned"
    points_back = own_words and strong is not None \
        and bool(strong.rule.endswith(_POINTS_BACK) or _POINTS_AT_THE_LAST.search(repair.fold(text)))
    if strong is not None and not points_back and any(q != proposal.question and ctx.answers.get(q) is not None
                                                      for q in repair.topics(text)):
        return None   # "nee wacht, dat van de werkvloer was te negatief": about an answer before, not the proposal
    if strong is not None and strong.rule.endswith(_POINTS_BACK) and not own_words \
            and any(q != proposal.question and ctx.answers.get(q) is not None for q in ctx.last):
        return None   # "nee, dat vorige klopt niet": the answer just taken, not what is proposed now
    own = interpreter.interpret(proposal.question, strong.rest, ctx.today) if strong and strong.rest else None
    if strong is not None and points_back and (own is None or own.value is None):
        # "wacht, wat ik net zei klopt niet": the proposal is dropped and its question asked again
        return Turn("reask", strong.rule, drop=[proposal.question], say=["Geen probleem. Wat is het dan wel?"],
                    trace=[strong.rule, "the owner takes back the words that were shown back"])
    if strong is not None and (strong.rule.startswith("correction.strong")
                               or (own is not None and own.value is not None)):
        if own is None or own.value is None or (own.value == proposal.value and not own_words):
            return None   # corrects the answer before; handled as a correction
        # "sorry, 4,8 mln moest dat zijn" to "klopt € 48 miljoen?": the owner made a slip, and the new figure
        # replaces one that had to be checked, so it is proposed back (one tap) rather than stored
        return Turn("correction", strong.rule, drop=[proposal.question],
                    propose={proposal.question: Proposal(proposal.question, own.value, text, "recheck")},
                    trace=[strong.rule, f"a correction of the proposal: {own.value!r} proposed back"])
    reply = repair.confirmation_reply(text)
    if reply.kind == "yes":
        return _store_confirmed(proposal)
    if question.kind == "multi" and isinstance(proposal.value, list) \
            and re.match(r"^\s*(?:ja|klopt|prima|goed)\b", text, re.I):
        more = interpreter.interpret(proposal.question, text, ctx.today)   # "ja, en ook personeel"
        if isinstance(more.value, list):
            both = sorted(set(proposal.value) | set(more.value) - {"geen"})
            turn = _store_confirmed(Proposal(proposal.question, both, proposal.words, proposal.reason))
            turn.trace.append("confirm.accept with more")
            return turn
    if reply.kind == "no":
        return Turn("reask", reply.rule, drop=[proposal.question],
                    say=["Geen probleem. Wat is het dan wel?"], trace=[reply.rule])
    turn = _answer(reply.rest, ctx, False, after_no=True, words=text)
    if reply.kind != "other" or proposal.question in turn.store or proposal.question in turn.propose:
        turn.drop.append(proposal.question)
    # else: "daar moet ik op terugkomen, op dat opleiden …" corrects an answer before; the proposal still waits
    turn.trace.insert(0, reply.rule)
    new = turn.store.get(proposal.question)
    if new is not None and new == proposal.value and reply.rule == "confirm.no_then":
        # "nee, tot in detail uitgeschreven ..." read as the very value the owner just said no to: not stored,
        # the question is asked again with its options
        return Turn("reask", "confirm.no_then.same", drop=[proposal.question],
                    say=["Dan heb ik het niet goed begrepen. Kies hieronder wat het best past."],
                    trace=[reply.rule, f"the rest reads as the proposal {new!r} the owner said no to"])
    taken_back = repair.claims_wrong(text) or _TAKEN_BACK.search(repair.fold(text))
    if new is not None and new != proposal.value and taken_back:
        # "dat van die keukenfabriek was vroeger, dat klopt niet meer. nu maken we eigen ontwerpen": the owner
        # takes back what we proposed and says something else; that is proposed back too (one tap)
        del turn.store[proposal.question]
        turn.echo = []
        turn.propose[proposal.question] = Proposal(proposal.question, new, text, "recheck")
        turn.trace.append("the proposal taken back in the owner's words: the new answer proposed back")
    return turn


# corrections that point back at the answer before ("dat vorige", "wat ik net zei")
_POINTS_BACK = (".vorige_antwoord", ".vorige_vraag", ".van_net", ".net_zei")
_POINTS_AT_THE_LAST = re.compile(r"\b(?:die|dat|mijn) vorige\b|"
                                 r"\bwat ik (?:net|zojuist|daarnet|zonet) (?:zei|zeg|schreef)\b")


def _proposal_narrowed(text: str, proposal: Proposal) -> Turn | None:
    """"Dat van dat geld neem ik terug, het probleem is puur tijd" to "Ik noteer: tijd, geld. Klopt dat?":
    what is taken back leaves the list, what the rest names joins it; what is added ("vergat ik …") joins it
    too; proposed back (one tap)."""
    target = proposal.question
    if repair.adds(text):   # "o, en bij die vorige vergat ik de terugverdientijd"
        more = interpreter.named_options(target, text) - set(proposal.value) - {"geen"}
        if more:
            both = sorted(set(proposal.value) | more)
            return Turn("correction", "confirm.added", drop=[target], propose={target: Proposal(target, both, text,
                                                                                                   "recheck")},
                        trace=[f"{target}: {sorted(more)} added to the proposal, now {both}"])
    clauses = [c for c in re.split(r"[,;.]|\bmaar\b", text) if c.strip()]
    removing = [c for c in clauses if repair.removes(c) or repair.takes_back(c)]
    gone = set().union(*(interpreter.named_options(target, c) for c in removing)) & set(proposal.value)
    if not gone:
        return None
    others = [c for c in clauses if c not in removing]
    added = set().union(*(interpreter.named_options(target, c) for c in others)) - gone - {"geen"}
    kept = sorted((set(proposal.value) - gone) | added)
    if not kept:
        return None
    return Turn("correction", "confirm.taken_back", drop=[target],
                propose={target: Proposal(target, kept, text, "recheck")},
                trace=[f"{target}: {sorted(gone)} taken back from the proposal, now {kept}"])


_TAKEN_BACK = re.compile(r"\b(?:klopt|klopte|klopten)\s+(?:\w+\s+)?niet\b|\bwas vroeger\b|\bterug ?nemen\b|"
                        r"\bneem ik terug\b|\bniet meer zo\b")


def _store_confirmed(proposal: Proposal) -> Turn:
    turn = Turn("confirmed", "confirm.accept", store={proposal.question: proposal.value},
                drop=[proposal.question], trace=["confirm.accept"])
    if proposal.words:
        turn.words[proposal.question] = proposal.words[:WORDS_MAX]
    return turn


def _navigation(text: str, ctx: Context) -> Turn | None:
    if ctx.intent not in NAVIGATION_INTENTS or ctx.confidence < NAVIGATION_CONFIDENCE:
        return None
    if interpreter.interpret(_open(ctx), text, ctx.today).value is not None:
        return None
    if repair.question(text) and not repair.asks_to_navigate(text):
        return None   # "hoe ver terug moet ik kijken?" asks about the question, it does not go back
    return Turn("navigate", f"nlu.{ctx.intent}", navigate=ctx.intent,
                trace=[f"intent {ctx.intent} {ctx.confidence:.2f}"])


def _correction(text: str, ctx: Context) -> Turn | None:
    found = repair.correction(text) or _denies_last(text, ctx) or _named_and_wrong(text, ctx)
    if found is None:
        return None
    echoed = re.match(r"^\s*([^?\s]{1,12})\s*\?", text)
    if found.rule == "correction.opening.echo_no" and echoed and ctx.asked \
            and interpreter.on_topic(ctx.asked, echoed.group(1)):
        return None   # "Robots? Nee joh" to the robot question is its answer
    weak = not found.rule.startswith("correction.strong")
    if weak and repair.question(text):
        return None   # "wacht, wat bedoel je met ERP?" is a question
    trace = [found.rule]
    named = [q for q in found.topics if q != ctx.asked and _known(q, ctx)]
    last = [q for q in ctx.last if _known(q, ctx)]
    # A new value is tried on the answer just taken first; "de plaats klopt niet" goes to the topic named.
    candidates = list(dict.fromkeys(last + named if found.rest else named + last))
    if not candidates:   # the message before was not taken (asked again): nothing was stored
        if found.rest and interpreter.interpret(_open(ctx), found.rest, ctx.today).value is not None:
            return None   # "wacht, dat was niet goed: 38 man zijn we" to the question asked again answers it
        trace.append("nothing taken last turn: the open question again, without what was proposed")
        return Turn("reask", found.rule, say=["Geen probleem, dat had ik nog niet genoteerd."],
                    drop=[_open(ctx)] if ctx.proposal else [], trace=trace)
    # "... en je moet er steeds bij staan": nothing to add to or take from a list answer; only a new answer
    # read below makes it a correction, never a question asked again
    listless = False
    if found.rule.endswith((".remove", ".add")):
        turn = _removal(found, candidates, text, ctx, trace)
        if turn is not None:
            return turn
        listless = not repair.claims_wrong(text)
    if found.rest and weak and not any(interpreter.interpret(q, found.rest, ctx.today).value is not None
                                       for q in candidates) \
            and _answers_the_open_question(found.rest, ctx):
        return None   # "oeps, nog alles op papier": an answer to the open question after all
    if not found.rest and weak and found.rule.endswith((".niet_zo", ".fout")):
        reading = interpreter.interpret(_open(ctx), text, ctx.today)
        if reading.value is not None and not reading.confirm:
            return None   # "nee, dat is niet zo" to a yes/no question is its answer
    if found.rest:
        for target in candidates:
            reading = _corrected_reading(target, found.rest, ctx)
            if reading.value is None:
                trace.append(f"{target}: {found.rest!r} not read ({'; '.join(reading.trace)})")
                continue
            if reading.value == ctx.answers.get(target):   # read as what was stored: not what the owner meant
                trace.append(f"{target}: {found.rest!r} reads as the answer stored ({reading.value!r})")
                continue
            turn = Turn("correction", found.rule, trace=trace + [f"{target}: {found.rest!r} -> {reading.value!r}"])
            turn.words[target] = text[:WORDS_MAX]
            if reading.confirm:   # a close call, a vague amount or one near a threshold: proposed, as an answer is
                turn.clear.append(target)
                turn.propose[target] = Proposal(target, reading.value, text, reading.confirm)
                _also_the_open_question(turn, _after_the_correction(text, target, reading.value, ctx), ctx)
                return turn
            turn.store[target] = reading.value
            turn.say.append(_adjusted(_label(target, reading)))
            _also_the_open_question(turn, _after_the_correction(text, target, reading.value, ctx), ctx)
            return turn
    if listless:
        return None
    if found.rule == "correction.opening.wacht" and found.rest and not repair.claims_wrong(text) \
            and _PAUSE.search(repair.fold(text)):
        # "momentje, er komt een vrachtwagen binnen... zo, ben er weer": a pause, no correction
        return Turn("reask", "pause", say=["Geen probleem."], trace=trace + ["a pause: the open question again"])
    target = candidates[0]
    stored = ctx.answers.get(target)
    shown = _shown(target, stored) if stored is not None else ""
    if not shown and target in ctx.proposals:
        shown = _shown(target, ctx.proposals[target].value)
    turn = Turn("correction", found.rule, clear=[target], drop=[target], trace=trace + [f"{target}: ask again"])
    turn.say.append(f"Geen probleem, dan vraag ik het opnieuw. Je antwoordde eerst: '{shown}'."
                    if shown else "Geen probleem, dan vraag ik het opnieuw.")
    return turn


_PAUSE = re.compile(r"\b(?:ben (?:er )?weer|ben terug|daar ben ik weer|ik ben er weer|telefoon|bellen|belt|"
                    r"vrachtwagen|levering|klant aan de (?:deur|balie)|koffie|collega|er komt (?:\w+ ){0,2}binnen|"
                    r"even (?:weg|iets regelen|bellen)|moet even)\b")


_DENIABLE = ("sector", "medewerkers", "jaaromzet", "balanstotaal", "regio", "bedrijfsnaam", "kvk_nummer",
             "contact_naam", "contact_email", "contact_telefoon")


_NOT_KNOWN = re.compile(r"\b(?:ken ik niet|weet ik niet|weet ik het niet|weet ik eigenlijk niet|geen idee|onbekend|"
                        r"was een gok|heb ik gegokt|(?:ik )?gokte)\b")


def _answers_the_open_question(rest: str, ctx: Context) -> bool:
    """A reading of the open question that stands on its own: sure, or on the question's topic (a guess
    from a word or two is no reason to drop what the owner said about an earlier answer)."""
    reading = interpreter.interpret(_open(ctx), rest, ctx.today)
    return reading.value is not None and (not reading.confirm or interpreter.on_topic(_open(ctx), rest))


def _corrected_reading(target: str, rest: str, ctx: Context) -> interpreter.Interpretation:
    """The new value a correction states for ``target``: "is 13,5" after "15 mln" is 13.5 million;
    "Pietersma, niet Pieterse" replaces that word of the name."""
    reading = interpreter.interpret(target, rest, ctx.today)
    stored = ctx.answers.get(target)
    kind = load()[target].kind
    if reading.value is None and kind in ("amount", "integer") and isinstance(stored, (int, float)) \
            and not isinstance(stored, bool):
        # "het zijn er 27. Met 45 waren wij tien jaar geleden": the figure replaced is no part of the new answer
        said = [str(int(stored)), numbers.format_number(stored)]
        without = re.sub(r"(?<![\d.,])(?:" + "|".join(map(re.escape, said)) + r")(?![\d.,]\d)", " ", rest)
        if without != rest:
            reading = interpreter.interpret(target, without, ctx.today)
    if kind in ("amount", "integer") and _NOT_KNOWN.search(repair.fold(rest)):
        # "die 30 miljoen was een gok, het echte cijfer ken ik niet": the figure named is the one taken back
        unknown = interpreter.interpret(target, "weet ik niet", ctx.today)
        if unknown.value is not None:
            return unknown
    if reading.value is None and kind == "amount" and isinstance(stored, (int, float)) and stored >= 1_000_000 \
            and re.search(r"\d", rest) and not re.search(r"miljoen|mln|mio|\bm\b|duizend|\bk\b|ton", rest.lower()):
        reading = interpreter.interpret(target, f"{rest} miljoen", ctx.today)   # the unit said before
    domain = re.search(r"(?<![@\w.-])((?:[a-z0-9-]+\.)+[a-z]{2,})\b", rest.lower())
    if reading.value is None and kind == "email" and isinstance(stored, str) and "@" in stored and domain:
        fixed = f"{stored.split('@')[0]}@{domain.group(1)}"   # "moet kuipers-bv.nl zijn": the part after the @
        return interpreter.interpret(target, fixed, ctx.today)
    if kind == "text" and isinstance(stored, str):
        new_words = re.findall(r"\b[A-Z][\w'-]+", rest)
        stored_words = stored.split()
        if len(new_words) == 1 and len(stored_words) > 1:
            old = next((w for w in stored_words if w[:1].isupper() and w != new_words[0]
                        and (w[:4].lower() == new_words[0][:4].lower()
                             or re.search(rf"\b{re.escape(w)}\b", rest))), None)
            if old:
                renamed = stored.replace(old, new_words[0])
                return interpreter.Interpretation(renamed, echo=renamed, trace=(f"name: {old} -> {new_words[0]}",))
    return reading


def _named_and_wrong(text: str, ctx: Context) -> repair.Correction | None:
    """"Trouwens, dat aantal medewerkers van eerder klopt niet, het zijn er 102": wrong, with the
    topic of an earlier answer named."""
    if not repair.claims_wrong(text):
        return None
    named = [q for q in repair.topics(text) if q != ctx.asked and ctx.answers.get(q) is not None]
    if not named:
        return None
    return repair.Correction("correction.with_topic", repair.new_answer_text(text), tuple(named))


def _denies_last(text: str, ctx: Context) -> repair.Correction | None:
    """"Geen metaal eigenlijk, we maken meubels": the message denies the value just taken."""
    folded = repair.fold(text)
    for question_id in ctx.last:
        value = ctx.answers.get(question_id)
        if question_id not in _DENIABLE or value is None:
            continue
        question = load()[question_id]
        terms = {str(value).lower(), repair.fold(question.label_for(value)).split(" ")[0]}
        if question_id == "regio":
            from bot.places import PROVINCE_LABELS
            terms.add(repair.fold(PROVINCE_LABELS.get(str(value), str(value))))
        if question.kind == "text":
            terms |= {repair.fold(w) for w in str(value).split() if len(w) >= 3}
        for term in (t for t in terms if len(t) >= 2 or t.isdigit()):
            stem = re.escape(term[:5]) + r"\w*" if len(term) >= 6 and not term.isdigit() else re.escape(term) + r"\b"
            m = re.search(rf"(?:^|[\s,.;:!])(?:geen|niet)\s+(?:de |het |een )?{stem}", folded)
            if m:   # the rest without the denied value: "sorry 18 man, niet 8" -> "sorry 18 man"
                typed = re.sub(rf"(?:^|(?<=[\s,.;:!]))(?:geen|niet)\s+(?:de |het |een )?{stem}", " ", text,
                               count=1, flags=re.IGNORECASE)
                rest = repair.new_answer_text(typed).strip(" ,.;")
                return repair.Correction("correction.denies_value", rest, (question_id,))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            said = {str(int(value))} | ({f"{value / 1e6:g}".replace(".", ",")} if value >= 1e6 else set())
            m = re.search(rf"(?<![\d,.])({'|'.join(re.escape(x) for x in said)})(?![\d,.])\s*(?:\w+\s+){{0,2}}?"
                          rf"(?:klopt|klopte|is|was)\s+(?:\w+\s+)?(?:niet|nie|fout|verkeerd)\b", folded)
            if m:   # "15 mln klopt niet, is 13,5"
                rest = repair.new_answer_text(text[:0] + folded[m.end():]).strip(" ,.;")
                return repair.Correction("correction.denies_value", rest, (question_id,))
    return None


def _removal(found: repair.Correction, candidates: list[str], text: str, ctx: Context,
             trace: list[str]) -> Turn | None:
    """"Kennis moet er af": the named options leave a list answer; "..., alleen robots" keeps only those."""
    clauses = [c for c in re.split(r"[,;.]|\bmaar\b", text) if c.strip()]
    if found.rule.endswith(".add"):   # "bij de vorige wil ik nog personeel toevoegen"
        for target in candidates:
            stored = ctx.answers.get(target)
            if load()[target].kind == "multi" and isinstance(stored, list):
                new = sorted(set(stored) | interpreter.named_options(target, text) - {"geen"})
                if set(new) > set(stored):
                    turn = Turn("correction", found.rule, store={target: [v for v in new if v != "geen"] or new},
                                trace=trace + [f"{target}: with {sorted(set(new) - set(stored))}"])
                    turn.say.append(_adjusted(load()[target].label_for(turn.store[target])))
                    return turn
        return None
    removing = [c for c in clauses if repair.removes(c)]
    others = [c for c in clauses if c not in removing]
    for target in candidates:
        stored = ctx.answers.get(target)
        if load()[target].kind != "multi" or not isinstance(stored, list):
            continue
        gone = set().union(*(interpreter.named_options(target, c) for c in removing)) if removing else set()
        only = [c for c in others if re.search(r"\b(?:alleen|enkel|nog|wel)\b", repair.fold(c))]
        kept = [v for v in stored if v not in gone]
        if only:
            kept = sorted(set().union(*(interpreter.named_options(target, c) for c in only))) or kept
        if gone & set(stored) and kept:
            turn = Turn("correction", found.rule, store={target: kept},
                        trace=[*trace, f"{target}: without {sorted(gone)}"])
            turn.say.append(_adjusted(load()[target].label_for(kept)))
            return turn
    return None


def _implicit_correction(text: str, ctx: Context) -> Turn | None:
    """"Die roadmap ligt er nog niet hoor, het zijn ideeën in m'n hoofd", or "het zijn er 85" after
    58 staff while the turnover is asked: no answer to the open question, but a different answer
    to the one before (on its topic). Proposed, never stored."""
    for previous in ctx.last[:1]:
        stored = ctx.answers.get(previous)
        question = load()[previous]
        if stored is None or (question.scored and not interpreter.on_topic(previous, text)):
            continue
        if not question.scored and question.kind not in ("integer", "amount", "province"):
            continue
        if question.kind == "integer" and ctx.asked and load()[ctx.asked].kind == "amount" \
                and numbers.names_money(text):
            continue   # "iets onder de twee miljoen" to the turnover question is no head count
        reading = interpreter.interpret(previous, text, ctx.today)
        if reading.value is None or reading.value == stored:
            continue
        turn = Turn("correction", "correction.implicit", clear=[previous], drop=[previous],
                    propose={previous: Proposal(previous, reading.value, text, "corrected")},
                    trace=[f"correction.implicit: {previous} {stored!r} -> {reading.value!r}"])
        return turn
    return None


def _after_the_correction(text: str, target: str, value: Any, ctx: Context) -> str:
    """The sentences after the ones that state the corrected value ("Sorry, cultuur is meer
    incidenteel. En tijd? Nee, niemand." -> "En tijd? Nee, niemand.")."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()]
    for k in range(1, len(sentences)):
        head = repair.new_answer_text(" ".join(sentences[:k]))
        if head and _corrected_reading(target, head, ctx).value == value:
            after = " ".join(sentences[k:])
            if re.search(r"\b(?:dus|oftewel|kortom|zeg maar)\b", after, re.IGNORECASE) and len(after.split()) <= 8 \
                    and _corrected_reading(target, re.sub(r"\bmoet\b|\bzijn\b", " ", after), ctx).value == value:
                return ""   # "..., dat was een ander traject. Dus nee.": the correction said again
            if _corrected_reading(target, after, ctx).value == value:
                return ""   # "dat half miljoen was een gok. Ik weet het eigenlijk niet, …": the same said twice
            return after
    return ""


def _also_the_open_question(turn: Turn, text: str, ctx: Context) -> None:
    """"Sorry, 18 man, niet 8. Omzet rond de 2 miljoen": a correction that also answers the open
    question, naming its topic (or in sentences of its own)."""
    if not text.strip() or ctx.asked in (conversation.CONSENT, conversation.RESCAN_CONSENT, None):
        return   # consent is never taken in passing
    corrected = [q for q in turn.store if q != ctx.asked]
    if any(interpreter.on_topic(q, text) for q in corrected) and not interpreter.on_topic(ctx.asked, text):
        return   # "... Een Mkb-Booster hebben we nooit gehad": still about the answer just corrected
    reading = interpreter.interpret(ctx.asked, text, ctx.today)
    if reading is not None and reading.value is not None and not reading.confirm and not repair.question(text) \
            and (interpreter.on_topic(ctx.asked, text) or load()[ctx.asked].kind not in ("choice", "multi")
                 or len(text.split()) <= 12):
        turn.store[ctx.asked] = reading.value
        turn.echo.append(_label(ctx.asked, reading))
        turn.words[ctx.asked] = text[:WORDS_MAX]
        return
    _add_facts(turn, mentions.facts(text, [ctx.asked], ctx.answers))


def _question(text: str, ctx: Context) -> Turn | None:
    rule = repair.question(text)
    side = ctx.intent in SIDE_INTENTS and ctx.confidence >= SIDE_CONFIDENCE
    if rule:
        intent = ctx.intent if side and ctx.intent not in ("begroeting", "afscheid") else "vraag_uitleg"
        both = _answer_beside_the_question(text, ctx)
        if both is not None:   # "Bedoel je omzet of winst? Omzet is ruim 11 miljoen": both are answered
            both.side = intent
            both.trace[:0] = [rule, "an answer beside the question"]
            return both
        return Turn("side", rule, side=intent, trace=[rule, f"intent {ctx.intent} {ctx.confidence:.2f}"])
    # "out of scope" is for what the owner asks; a statement not understood is asked again instead
    # ("wat de granulaatleverancier vertelt + ..." is an answer the interpreter could not place)
    if side and ctx.intent != "buiten_bereik" and interpreter.interpret(_open(ctx), text, ctx.today).value is None:
        return Turn("side", f"nlu.{ctx.intent}", side=ctx.intent, trace=[f"intent {ctx.intent} {ctx.confidence:.2f}"])
    return None


_ABOUT_THE_WORDING = re.compile(r"\b(?:het woord|de term|het begrip|die term|dat woord|dat begrip|"
                                r"(?:bij|in|tussen) de (?:antwoorden|opties|keuzes|knoppen|vraag)|"
                                r"in (?:die|deze|uw|jullie) vraag|"
                                r"(?:staat|staan|stond|zie|lees) (?:\w+ ){0,3}(?:in de vraag|bij de antwoorden))\b")


def _answer_beside_the_question(text: str, ctx: Context) -> Turn | None:
    """The sentences that are no question, read as the answer to the open question; None when they
    do not answer it. Consent is never taken beside a question: the owner asked something first."""
    if ctx.asked in (None, conversation.CONSENT, conversation.RESCAN_CONSENT):
        return None
    sentences = [x.strip() for x in re.split(r"(?<=[?.!])\s+", text) if x.strip()]
    rest = " ".join(x for x in sentences if not x.endswith("?") and not repair.question(x))
    if not rest or rest == text.strip() or repair.question(rest) or repair.correction(rest):
        return None
    if re.match(r"\s*(?:die|dat|daar|deze|dit|zo ?n|zulke|ervan|hiervan|daarvan)\b", repair.fold(rest)) \
            and not (load()[ctx.asked].kind in ("amount", "integer") and re.search(r"\d", rest)):
        return None   # "telt een pick-and-place als robot? die hebben we er 3": the answer hangs on the question
    if _ABOUT_THE_WORDING.search(repair.fold(rest)):
        return None   # "ik zie bij de antwoorden het woord lean staan. wat is dat?": about the question's words
    turn = _answer(rest, ctx, False, words=text)
    if turn.store.get(ctx.asked) in ("weet_niet", "onbekend"):
        return None   # "moet ik dit echt invullen? dat geef ik liever niet": answered, then the choice is theirs
    if ctx.asked in turn.store or ctx.asked in turn.propose:
        return turn
    return None


def _answer(text: str, ctx: Context, pressed: bool, after_no: bool = False, words: str | None = None) -> Turn:
    asked = ctx.asked
    assert asked is not None
    reading = interpreter.interpret(asked, text, ctx.today)
    turn = Turn("answer", "answer.pressed" if pressed else "answer.read", trace=list(reading.trace))
    if not pressed:
        _take_facts(turn, text, ctx, exclude=asked,
                    taken={asked: reading.value} if reading.value is not None else {})
        turn.remarks += repair.remarks(text, contact=load()[asked].dimension == "contact")
    if (reading.value is None or reading.confirm == "unsure") and turn.words and not pressed:
        rest = _without(text, [w for q, w in turn.words.items() if q != asked])
        if rest and rest != text:   # "melkpoeder en zuivel, fabriek in Leeuwarden met 140 man": the branch alone
            again = interpreter.interpret(asked, rest, ctx.today)
            if again.value is not None and not again.confirm:
                reading = again
                turn.trace.append(f"read again without what was said in passing: {rest!r}")
    if reading.value is None and not turn.store and not turn.propose:
        implicit = _implicit_correction(text, ctx)
        if implicit is not None:
            return implicit
    unknown = load()[asked].unknown_value
    if reading.value is None and unknown and "refusal: asked once more" in reading.trace and asked in ctx.repeated:
        reading = interpreter.Interpretation(unknown, echo="Weet ik niet",
                                             trace=(*reading.trace, "refused twice: unknown"))
    if reading.value is None:
        turn.kind, turn.rule = "reask", "answer.not_understood"
        if not turn.store and not turn.propose:
            turn.say.append(_not_understood(asked, reading.note))
        return turn
    # After a no, the owner's own new words are taken: a figure near a threshold is not checked twice; a
    # close call between two options is shown back once more (it was a guess, and so was the first), and a
    # list read from a sentence is shown back again when it differs from what was proposed ("kennis klopt
    # niet, het is geld en weerstand").
    proposed = ctx.proposal.value if ctx.proposal is not None else None
    must_confirm = reading.confirm and not (after_no and (reading.confirm in ("near", "straddles", "outcome")
                                                          or (reading.confirm == "list" and reading.value == proposed)))
    if must_confirm:
        turn.propose[asked] = Proposal(asked, reading.value, words or text, reading.confirm)
        turn.trace.append(f"propose {asked}={reading.value!r}: {reading.confirm}")
        return turn
    turn.store = {asked: reading.value, **turn.store}
    if not pressed:
        turn.echo.insert(0, _label(asked, reading))
        turn.words[asked] = (words or text)[:WORDS_MAX]
    if asked == conversation.CONSENT and reading.value == "ja" and not pressed and interpreter.no_phone_wish(text):
        turn.store["contact_telefoon"] = "geen"   # "ja, maar bel me liever niet": the phone question is answered
        turn.echo.append(load()["contact_telefoon"].label_for("geen"))
        turn.trace.append("consent given; no phone wanted")
    if asked == conversation.CONSENT and reading.value == "ja" and not pressed:
        _details_with_the_yes(turn, text, ctx)
    return turn


def _details_with_the_yes(turn: Turn, text: str, ctx: Context) -> None:
    """"Ja, is goed. Ik ben Kees Padmos, mailen kan naar kees@…": details given in the message that says
    yes are given with consent; never beside a no, a doubt or a question (nothing is taken there)."""
    known = {**ctx.answers, **turn.store}
    wanted = [q for q in conversation.CONTACT if known.get(q) is None]
    _add_facts(turn, mentions.facts(text, wanted, known))


_SCORED_PART = ("technologie", "organisatie", "businessmodel", "knelpunten", "interesse")


def _facts_wanted(asked: str | None, known: Mapping[str, Any], booster: bool = False) -> list[str]:
    """Which questions a message may answer in passing, by the part of the conversation it is in:
    the opening and the profile tell about the company; answers about how it works also tell
    about other scored topics (and what holds it back, about wishes); the eligibility questions
    about each other; the contact details about each other."""
    part = load()[asked].dimension if asked else "profiel"
    if asked in (conversation.RESCAN_CONSENT, conversation.CONSENT):
        return []   # consent is asked on its own: nothing personal is taken before the owner said yes
    if part == "contact":
        return [q for q in conversation.CONTACT if q != asked]
    if part == "geschiktheid":
        return [q for q in conversation.ELIGIBILITY if q != asked]
    if part == "afsluiting":   # "ja, en ik wil graag een adviseur spreken"; "ja graag, nooit een traject gehad"
        return ["wil_contact"] if asked == "nieuwe_inzichten" else list(conversation.ELIGIBILITY)
    if part in _SCORED_PART:
        scored = [q for q in conversation.scan_questions(known) if load()[q].scored]
        # "sinds ons Mkb-Booster-traject in 2024 ...": an earlier trajectory named outright, proposed for later
        return scored + (["interesse"] if asked == "knelpunten" else []) + (["eerder_traject"] if booster else [])
    if part == "profiel":   # the branch is the first question: only the opening may tell it in passing
        return [q for q in conversation.scan_questions(known)
                if (load()[q].dimension == "profiel" or (load()[q].scored and asked is not None))
                and (q != "sector" or asked is None)]
    return []


def _without(text: str, parts: list[str]) -> str:
    """The text with the clauses that told other facts taken out."""
    for part in sorted(parts, key=len, reverse=True):
        if part and part != text:
            text = text.replace(part, " ")
    return re.sub(r"\s*([,.;])(?:\s*[,.;])+", r"\1", re.sub(r"\s+", " ", text)).strip(" ,.;")


def _take_facts(turn: Turn, text: str, ctx: Context, exclude: str | None,
                taken: Mapping[str, Any] | None = None) -> None:
    """Facts the message tells about other open questions: stored and echoed, or proposed. ``taken``: the
    answer the message gives to the open question, which may open the path to another ("omzet rond de 62
    mio, balans zo'n 48 mio": the balance total is asked only above € 50 million)."""
    known = {**ctx.answers, **(taken or {})}
    booster = bool(re.search(r"\bbooster\w*", text, re.IGNORECASE))
    open_questions = [q for q in _facts_wanted(exclude, known, booster)
                      if q != exclude and known.get(q) is None and q not in ctx.proposals]
    _add_facts(turn, mentions.facts(text, open_questions, known))


def _add_facts(turn: Turn, facts: list[mentions.Fact]) -> None:
    """Facts said in passing: stored and echoed, or proposed when a wrong reading would matter."""
    for fact in facts:
        turn.trace.append(fact.rule)
        if fact.confirm:
            turn.propose[fact.question] = Proposal(fact.question, fact.value, fact.words, fact.confirm)
        else:
            turn.store[fact.question] = fact.value
            turn.echo.append(fact.echo)
            turn.words[fact.question] = fact.words[:WORDS_MAX]


# ------------------------------------------------------------------ helpers

def _open(ctx: Context) -> str:
    """The open question: every step after the opening message (read) has one."""
    assert ctx.asked is not None
    return ctx.asked


def _known(question_id: str | None, ctx: Context) -> bool:
    if not question_id:
        return False
    return ctx.answers.get(question_id) is not None or question_id in ctx.proposals


def _shown(question_id: str, value: Any) -> str:
    """A stored answer as the owner would say it: "€ 30 miljoen", not "30000000"."""
    kind = load()[question_id].kind
    if kind == "amount" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return numbers.format_amount(int(value))
    if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return interpreter.interpret(question_id, str(value)).echo or str(value)
    return load()[question_id].label_for(value)


def _label(question_id: str, reading: interpreter.Interpretation) -> str:
    return reading.echo or load()[question_id].label_for(reading.value)


def _not_understood(question_id: str, note: str) -> str:
    if note:
        return f"Hm, {note[0].lower()}{note[1:]}"
    if load()[question_id].options:
        return "Hm, dat begreep ik niet helemaal. Kies een van de knoppen, of zeg het in andere woorden."
    return "Hm, dat begreep ik niet helemaal. Kun je het nog eens anders zeggen?"


_THRESHOLD_LABELS = {"medewerkers": "250 medewerkers", "jaaromzet": "€ 50 miljoen omzet",
                     "balanstotaal": "€ 43 miljoen balanstotaal", "ontvangen_steun": "€ 200.000 steun"}


def confirmation_text(proposal: Proposal) -> str:
    """The "klopt dat?" sentence said before a question whose answer is proposed."""
    question = load()[proposal.question]
    label = question.label_for(proposal.value)
    if question.kind == "integer":
        label = f"{proposal.value} medewerker" + ("" if proposal.value == 1 else "s")
    elif question.kind == "amount" and isinstance(proposal.value, (int, float)):
        from bot.numbers import format_amount
        label = format_amount(int(proposal.value))
    if proposal.reason == "mentioned":
        return f"Je vertelde al: \"{_quote(proposal.words)}\" Dan past hier: '{label}'. Klopt dat?"
    if proposal.reason == "unsure":
        return f"Bedoel je: '{label}'?"
    if proposal.reason == "outcome":
        return f"Even checken, want dit bepaalt of je in aanmerking komt voor het programma: '{label}'. Klopt dat?"
    if proposal.reason == "list":
        return f"Ik noteer: {label}. Klopt dat? Je kunt ook iets toevoegen of weghalen."
    if proposal.reason == "corrected":
        return f"Je zegt: \"{_quote(proposal.words)}\" Zal ik je antwoord op deze vraag aanpassen naar '{label}'?"
    if proposal.reason == "recheck":
        return f"Dan noteer ik {label}. Klopt dat?" if question.kind in ("amount", "integer") \
            else f"Dan noteer ik: '{label}'. Klopt dat?"
    if proposal.reason == "vague":
        return f"Ik noteer dan ongeveer {label}. Klopt dat? Anders hoor ik graag het precieze getal."
    limit = _THRESHOLD_LABELS.get(proposal.question, "de grens van het programma")
    if proposal.reason == "straddles":
        return (f"Je zei: \"{_quote(proposal.words)}\" De grens van het programma ligt bij {limit}, dus ik wil het "
                f"precies weten: klopt {label}? Zo niet, noem dan het precieze getal.")
    return f"Even checken, want de grens van het programma ligt bij {limit}: klopt {label}?"


def _quote(words: str, limit: int = 140) -> str:
    """The owner's words for a quote, ending in a full stop or the mark they ended with."""
    words = " ".join(words.split())
    words = words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + " …"
    return words if words.endswith((".", "!", "?", "…")) else words + "."
