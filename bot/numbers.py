"""Dutch numbers in free text: counts of people and euro amounts.

Wraps text2num's ``alpha2digit`` and repairs what it gets wrong for Dutch
("twee komma vijf miljoen", "anderhalf", "tweeënhalf", "750 duizend", "drie ton"),
then reads a head count or an amount, with ranges ("tussen 30 en 40") taken at
their midpoint.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from text_to_num import alpha2digit, text2num

_UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "zeuven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
}

# "met z'n twaalven", "met ons vieren": the collective forms of small numbers.
_COLLECTIVE = {
    "tweeën": 2, "tweeen": 2, "drieën": 3, "drieen": 3, "vieren": 4, "vijven": 5,
    "zessen": 6, "zevenen": 7, "achten": 8, "negenen": 9, "tienen": 10, "elven": 11,
    "twaalven": 12, "dertienen": 13, "veertienen": 14, "vijftienen": 15, "twintigen": 20,
}

_MULTIPLIERS = {
    "miljard": 10**9, "mld": 10**9, "mrd": 10**9,
    "miljoen": 10**6, "miljoenen": 10**6, "mln": 10**6, "mio": 10**6, "m": 10**6,
    "mil": 10**6, "milj": 10**6, "million": 10**6, "mn": 10**6, "thousand": 10**3,
    "ton": 10**5,
    "duizend": 10**3, "dzd": 10**3, "k": 10**3, "duizend euro": 10**3,
}

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?"
# "zestig ton melk per dag", "300 ton staal": a weight, not a hundred thousand euro
_TON = (r"ton(?!\s+(?:melk|staal|aluminium|ijzer|hout|plastic|kunststof|granulaat|graan|meel|vlees|vis|kaas|"
        r"papier|karton|beton|zand|grind|voer|mest|suiker|aardappel\w*|schroot|afval|product\w*|materiaal)\b)"
        r"(?!\s+(?!omzet|euro|winst|netto|bruto)[a-z]+\s+per\b)")
_MULT_RE = rf"miljard|mld|mrd|miljoenen|miljoen|million|mln|mio|milj|mil|mn|m|{_TON}|duizend|thousand|dzd|k"
_AMOUNT_RE = re.compile(
    rf"(?P<euro>€|eur\b|euro\b)?\s*(?<![a-z\d.,²³])(?P<num>{_NUM})\s*(?P<mult>(?:{_MULT_RE})\b)?\s*(?P<euro2>€|euro|eur\b)?",
)
# A text that speaks of money: a euro sign or word, a money word, or a figure with a multiplier
# ("2 miljoen", "300k", "drie ton"); short forms ("k", "m", "mn") only right after a figure.
_MONEY_RE = re.compile(
    r"€|\b(?:euro|eur|mille|" + "|".join(sorted((w for w in _MULTIPLIERS if len(w) > 3 and " " not in w),
                                                  key=len, reverse=True))
    + rf"|ton|mln|mio|mld|mrd)\b|\d\s*(?:{_MULT_RE})\b")


def names_money(text: str) -> bool:
    """Whether the text speaks of money ("iets onder de twee miljoen", "€ 300.000", "rond 800k")."""
    return bool(_MONEY_RE.search(_fold(text)))


_RANGE_SEP = re.compile(r"^\s*(?:-|–|à|a|tot|of|en|á)(?:\s+(?:de|het))?\s*$")   # "tussen de 40 en de 60 miljoen"
_STAFF_NOUN = re.compile(
    r"^\s*(?:(?:eigen|vaste|fulltime|parttime|goede|ervaren|echte|eigen vaste)\s+)?"
    r"(?:man\b|mensen|medewerk|werknemer|fte\b|personeel|collega|koppen|personen|mw\b|mdw\w*\b|medew\b|"
    r"krachten|uitzend|flex|inleen|oproep|stagiair|vaste?\b|mannen|vrouwen|mensen|in dienst|op de loonlijst|banen|"
    r"werkplekken)"
)
_THEN_AND_NOW = re.compile(r"\b(?:was|waren|vroeger|destijds|toen|nu|straks|binnenkort|vorig jaar|volgend jaar|"
                           r"groeien|gegroeid|krimpen|gekrompen|naar|wordt|worden)\b")
_SUBSET = re.compile(r"\b(?:waarvan|daarvan|van wie|waaronder|inclusief|incl|inbegrepen)\b")


def _fold(text: str) -> str:
    """Lowercase and normalise quotes/dashes; keep Dutch diacritics for text2num."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = text.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)


def _word_value(word: str) -> float | None:
    word = word.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", word):
        return float(word.replace(",", "."))
    if word in _UNITS:
        return float(_UNITS[word])
    try:
        return float(text2num(word, "nl"))
    except (ValueError, IndexError, KeyError, AssertionError):
        return None


def _decimal(whole: float, frac_word: str) -> str | None:
    frac = _word_value(frac_word)
    if frac is None or frac != int(frac):
        return None
    return f"{int(whole)},{int(frac)}"


def _fix_halves(text: str) -> str:
    text = text.replace("½", ",5")
    text = re.sub(r"(\d),5", r"\1,5", text)
    text = re.sub(r"\banderhal(?:f|ve)\b", "1,5", text)
    text = re.sub(r"\bdriekwart\b", "0,75", text)

    def compound_half(m: re.Match[str]) -> str:
        value = _word_value(m.group(1))
        return f"{int(value)},5" if value is not None else m.group(0)

    # tweeënhalf, drieënhalf, vijfenhalf, "zeven en een half", "7 en een half"
    text = re.sub(r"\b([a-zë]+?|\d+)(?:ën|en)half\b", compound_half, text)
    text = re.sub(r"\b([a-zë]+|\d+) en een hal(?:f|ve)\b", compound_half, text)
    text = re.sub(r"\b(?:een )?kwart (?=miljoen|miljard|mln)", "0,25 ", text)
    text = re.sub(r"\b(?:een )?hal(?:f|ve) (?=miljoen|miljard|mln|ton)", "0,5 ", text)
    return text


def _fix_komma(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        whole = _word_value(m.group(1))
        if whole is None:
            return m.group(0)
        return _decimal(whole, m.group(2)) or m.group(0)

    return re.sub(r"\b([a-zëé]+|\d+) (?:komma|punt) ([a-zëé]+|\d+)\b", repl, text)


def words_to_digits(text: str) -> str:
    """Lowercased text with Dutch number words turned into digits.

    "twee komma vijf miljoen" -> "2,5 miljoen"; "anderhalf miljoen" -> "1,5 miljoen";
    "vijfenveertig man" -> "45 man"; "750 duizend" -> "750 duizend".
    Multiplier words after a number are kept as words so the amount parser sees them.
    """
    text = _fold(text)
    text = _fix_halves(text)
    text = _fix_komma(text)
    # "tussen vijf en zes" must not become 56/"5 en 6" joined by text2num ("drie en twintig" = 23).
    text = re.sub(r"\btussen (de |ca\.? |ongeveer )?(\S+) en ", r"tussen \1\2 tot ", text)
    # Keep a multiplier word that follows a written number as a word: protect it first.
    protected = re.sub(
        r"(\d) ?(miljard|miljoen|duizend)\b", lambda m: f"{m.group(1)} §{m.group(2)}", text
    )
    converted = alpha2digit(protected, "nl")
    converted = converted.replace("§", "")
    # text2num turns a lone multiplier after a decimal into its value: "1,5 1000000".
    converted = re.sub(r"(\d+,\d+|\d+) (1000000000|1000000|1000)\b",
                       lambda m: f"{m.group(1)} " + {"1000": "duizend", "1000000": "miljoen",
                                                    "1000000000": "miljard"}[m.group(2)],
                       converted)
    converted = re.sub(r"\b(twee)\b", "2", converted)
    converted = re.sub(r"\been (?=(?:ton|tonnetje|miljoen|miljard)\b)", "1 ", converted)
    converted = re.sub(r"\b(één|eén|ééntje|eentje)\b", "1", converted)
    return converted


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    multiplied: bool = False   # carried a multiplier word or symbol (miljoen, k, ton)
    euro: bool = False
    unit: int = 1              # the multiplier itself
    low: float | None = None   # a range ("30 tot 40") keeps its ends
    high: float | None = None


def _to_float(num: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", num):
        return float(num.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", num):
        return float(num.replace(",", ""))
    return float(num.replace(",", "."))


def _find_amounts(digits: str) -> list[Number]:
    found = []
    for m in _AMOUNT_RE.finditer(digits):
        num = m.group("num")
        mult = m.group("mult")
        value = _to_float(num)
        euro = bool(m.group("euro") or m.group("euro2"))
        after = digits[m.end("num"):]
        if re.match(r"\s*(?:m ?[²2³3]|vierkante|m2|kubieke|meter|km|kilo|kg|uur|jaar|dagen|%|procent)", after):
            continue   # areas, weights, durations, percentages: not what we are after
        if m.group("euro2") and not m.group("euro") and not mult and re.match(r"\s*\d", digits[m.end():]):
            euro = False   # "in 2025 € 17,9 miljoen": the euro sign belongs to the amount after it
        unit = _MULTIPLIERS[mult] if mult else 1
        found.append(Number(value * unit, m.start("num"), m.end(), bool(mult), euro, unit))
    return found


_CHANGE_AFTER = re.compile(r"\s*(?:man|mensen|medewerkers|werknemers|mln|miljoen|ton|duizend|k|euro)?\s*"
                           r"(?:minder|meer|erbij|eraf)\s+(?:dan|als)\b")
_THINGS_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:vestiging\w*|locatie\w*|winkel\w*|filiale?n?|fabrieken|hallen|machines?|"
                           r"robots?|cobots?|lasrobots?|klanten|afnemers|leveranciers|vrachtwagens|bussen|busjes|"
                           r"producten|artikelen|orders|projecten|landen|keer|jaar|maanden|weken|dagen|ploegen|ploeg|diensten|"
                           r"shifts?|generaties?|lijnen|persen|ovens)\b")


def _set_aside(numbers: list[Number], digits: str) -> list[Number]:
    """Numbers that are not the value, when another number is: a change ("2 man minder dan vorig
    jaar"), a figure the owner only echoes to deny it ("50 miljoen? Was het maar waar. 5 miljoen",
    "lang geen 250, 48")."""
    if len(numbers) < 2:
        return numbers
    kept = []
    for i, n in enumerate(numbers):
        later = numbers[i + 1:]
        if _CHANGE_AFTER.match(digits[n.end:]):
            continue
        if later and re.match(r"\s*(?:man|mensen|mln|miljoen|ton|k|euro)?\s*\?", digits[n.end:]):
            continue
        if later and re.search(r"\b(?:lang|bij lange na|bij lange na niet|echt|zeker) geen\s*$", digits[:n.start]):
            continue
        if re.match(r"\s*(?:man|mensen|mln|miljoen|ton|k|euro)?\s*(?:is|was|zijn|waren) (?:het|dat|er|ze) "
                    r"(?:\w+ )?(?:niet|lang niet|bij lange na niet|nooit)\b", digits[n.end:]):
            continue   # "ongeveer 180.000 euro. meer dan twee ton is het dus niet": a bound denied, not a value
        kept.append(n)
    return kept or numbers


def _round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def _is_year(n: Number, digits: str) -> bool:
    return not (n.multiplied or n.euro or n.value != int(n.value) or not 1900 <= n.value <= 2099)


def _is_percentage(n: Number, digits: str) -> bool:
    return bool(re.match(r"\s*(%|procent|pct)", digits[n.end:]))


def _merge_ranges(numbers: list[Number], digits: str) -> list[Number]:
    """Join "30 tot 40", "5 à 6 miljoen", "tussen 5 en 6 miljoen" into their midpoint."""
    out: list[Number] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        if i + 1 < len(numbers):
            b = numbers[i + 1]
            between = digits[a.end:b.start]
            if a.multiplied and b.multiplied and b.unit < a.unit and b.value < a.unit \
                    and re.fullmatch(r"\s*(?:en)?\s*", between):
                # "2 miljoen en 500 duizend"
                numbers[i + 1] = Number(a.value + b.value, a.start, b.end, True,
                                        a.euro or b.euro, a.unit)
                i += 1
                continue
            listed = (re.fullmatch(r"\s*,\s*", between) is not None and not a.multiplied
                      and a.value * b.unit < b.value <= a.value * b.unit * 1.5)   # "zo'n 49, 50 miljoen"
            if listed:
                a = Number(a.value * b.unit, a.start, a.end, b.multiplied, a.euro, b.unit)
            if listed or _RANGE_SEP.match(between) or re.fullmatch(r"\s*(?:-|–)\s*", between):
                av = a.value
                if not a.multiplied and av < 1000 and b.value >= 1000:
                    for power in (10**9, 10**6, 10**5, 10**3):
                        if av * power <= b.value * 1.0001 and b.value >= power:
                            av *= power
                            break
                if av <= b.value and (b.value <= av * 3 or (not b.multiplied and b.value <= av * 2)):
                    out.append(Number((av + b.value) / 2, a.start, b.end,
                                      a.multiplied or b.multiplied, a.euro or b.euro, low=av, high=b.value))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


# ------------------------------------------------------------------------ qualifiers

CUES_FILE = Path(__file__).with_name("cues") / "quantities.yml"


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    cues: dict[str, Any] = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return cues


@dataclass(frozen=True)
class Quantity:
    """A count or an amount read from text, with how sure the reading is.

    ``value`` is the point estimate to store (None: nothing found, or not confident; then
    ``note`` says why in Dutch). ``low``/``high`` bound what the owner may mean ("bijna 250":
    under 250), ``qualifier`` names the word that said so, ``vague`` marks a guess that must be
    proposed to the owner rather than stored, and ``trace`` says which rules decided.
    """
    value: int | None
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    vague: bool = False
    note: str = ""
    said: str = ""
    trace: tuple[str, ...] = ()


def _plain(text: str) -> str:
    return re.sub(r"['’`]", "", text)


_Qualifier = tuple[str, bool, str, re.Pattern[str]]   # (kind, vague, pattern, compiled)


@lru_cache(maxsize=1)
def _qualifier_patterns() -> tuple[tuple[_Qualifier, ...], tuple[_Qualifier, ...]]:
    cues = _cues()["qualifiers"]
    before = tuple((q["kind"], bool(q.get("vague")), q["pattern"],
                    re.compile(rf"(?:^|[^\w])(?:{q['pattern']})\s*(?:de\s+|het\s+)?(?:€|eur(?:o)?\b)?\s*$"))
                   for q in cues["before"])
    after = tuple((q["kind"], bool(q.get("vague")), q["pattern"], re.compile(rf"\s*(?:{q['pattern']})"))
                  for q in cues["after"])
    return before, after


_UNIT_WORDS = re.compile(r"\s*(?:€|euro|eur\b|man\b|mensen|medewerkers|werknemers|fte\b|personen|"
                         r"mensen in dienst|man personeel|personeelsleden|collegas|koppen)?")


def _qualifier(digits: str, n: Number) -> tuple[str, bool, str]:
    """(kind, vague, words) of the qualifier around a number, or ("", False, "")."""
    before_patterns, after_patterns = _qualifier_patterns()
    before = _plain(digits[max(0, n.start - 40):n.start])
    for kind, vague, _, regex in before_patterns:
        m = regex.search(before)
        if m:
            return kind, vague, m.group(0).strip()
    rest = _plain(digits[n.end:n.end + 40])
    unit = _UNIT_WORDS.match(rest)
    assert unit is not None   # the unit is optional: the pattern always matches
    rest = rest[unit.end():]
    for kind, vague, _, regex in after_patterns:
        m = regex.match(rest)
        if m:
            return kind, vague, m.group(0).strip()
    return "", False, ""


def _qualified(value: float, kind: str, vague: bool, count: bool) -> tuple[float, float, float]:
    """(point estimate, low, high) for a number said with a qualifier."""
    shift = _cues()["shift"]
    if kind == "below":
        step = value * (shift["vague_below"] if vague else shift["below"])
        step = max(1.0, round(step)) if count else step
        return value - step, (0.0 if vague else value * 0.9), value - (1 if count else 0.01)
    if kind == "above":
        step = value * shift["above"]
        step = max(1.0, round(step)) if count else step
        return value + step, value + (1 if count else 0.01), value * 1.2
    if kind == "at_most":
        return value, value * 0.8, value
    if kind == "at_least":
        return value, value, value * 1.2
    if kind == "around":
        return value, value * 0.9, value * 1.1
    return value, value, value


def _round_said(value: float, said: float) -> int:
    """Rounds an estimate to one digit finer than the number said ("ruim 12 miljoen" -> 12.5M)."""
    if said <= 0:
        return _round_half_up(value)
    exponent = math.floor(math.log10(said))
    digits = len(f"{said / 10 ** exponent:.6g}".replace(".", "").rstrip("0")) or 1
    step = 10 ** max(0, exponent - digits)
    return int(round(value / step) * step)


def _quantity(n: Number, digits: str, count: bool, trace: tuple[str, ...] = ()) -> Quantity:
    kind, vague, words = _qualifier(digits, n)
    said = digits[n.start:n.end].strip()
    if n.low is not None:
        return Quantity(_round_half_up(n.value), n.low, n.high, qualifier="range", said=said,
                        trace=trace + (f"range {said!r}: the middle",))
    if not kind:
        return Quantity(_round_half_up(n.value), n.value, n.value, said=said, trace=trace + (f"number {said!r}",))
    point, lo, hi = _qualified(n.value, kind, vague, count)
    value = _round_half_up(point) if count else _round_said(point, n.value)
    if not count and kind in ("below", "above") and value == round(n.value):
        value = _round_half_up(point)   # "bijna 2 miljoen" stays under 2 million
    return Quantity(value, lo, hi, qualifier=kind, vague=vague, said=f"{words} {said}".strip(),
                    trace=trace + (f"number {said!r} qualified {kind} by {words!r}",))


# ---------------------------------------------------------------------------- counts

_TEMPS = re.compile(r"\s*(?:man\s+|mensen\s+)?(?:uitzend\w*|inleen\w*|ingeleend\w*|flex\w*|zzp\w*|gedetacheerd\w*|"
                    r"payroll\w*|oproep\w*|tijdelijk\w*|seizoens?\w*)")


def _without_temps(numbers: list[Number], digits: str) -> tuple[float, bool]:
    """The staff total without temporary and agency workers (they work for someone else), and
    whether any were left out (then the total is proposed)."""
    temps = [n for n in numbers if _TEMPS.match(digits[n.end:])]
    return sum(n.value for n in numbers if n not in temps), bool(temps)


def _staff_parts(numbers: list[Number], digits: str) -> tuple[bool, bool]:
    """(every number names a part of the staff, some parts are another kind of contract)."""
    cues = _cues()
    noun = r"\s*(?:man\b|mensen\b|medewerkers\b|werknemers\b|fte\b|personen\b|krachten\b)?\s*"
    part = re.compile(rf"{noun}(?:{cues['staff_parts']})")
    kinds = re.compile(rf"{noun}(?:{cues['staff_kinds']})")
    kind = [bool(kinds.match(digits[n.end:])) for n in numbers]
    named = [bool(part.match(digits[n.end:])) for n in numbers]
    parts = all(named[i] or kind[i] or ((any(kind) or any(named)) and _STAFF_NOUN.match(digits[n.end:]))
                or re.search(rf"(?:{cues['staff_parts']})\s*$", digits[:n.start])
                or (i == 0 and any(kind[1:]) and re.match(r"\s*,?\s*(?:plus|en|\+|met daarbij|daarbij)\b",
                                                           digits[n.end:]))   # "12, plus 3 uitzendkrachten"
                for i, n in enumerate(numbers))
    return parts, any(kind)


_BEGAN = re.compile(r"\b(?:begonnen|gestart|startten|opgericht|begon|toen|vroeger|destijds)\b")


def _collective(digits: str) -> Quantity | None:
    """"Met z'n twaalven"; not how the company began ("in 1994 met z'n drieën begonnen, nu 57")."""
    for m in re.finditer(r"\b(?:z'n|zn|ons|zijn|onze)\s+([a-zëé]+)\b", digits):
        value = _collective_value(m.group(1))
        if re.match(r"\s*(?:erbij|meegeteld|meegerekend|inbegrepen|incluis)\b", digits[m.end():]) \
                and re.search(r"\d", digits):
            continue   # "met ons tweeën erbij 14": the two are inside the number
        if value and not _BEGAN.search(digits[max(0, m.start() - 30):m.end() + 30]):
            return Quantity(value, value, value, trace=(f"collective {m.group(1)!r}",))
    return None


def _collective_value(word: str) -> int | None:
    """"twaalven" -> 12, "achtenveertigen" -> 48, "drieëndertigen" -> 33: a number word with -en."""
    if word in _COLLECTIVE:
        return _COLLECTIVE[word]
    if not word.endswith("en") or len(word) < 7:
        return None
    try:
        value = int(text2num(word[:-2], "nl"))
    except ValueError:
        return None
    return value if 2 <= value < 1000 else None


def read_count(text: str) -> Quantity:
    """Number of employees in an answer, with its qualifier; value None when absent or ambiguous."""
    digits = words_to_digits(text)
    collective = _collective(digits)
    if collective is not None:
        return collective
    if re.search(r"\b(?:alleen ik(?:zelf)?|ik alleen|ikzelf alleen|eenmanszaak|zzp'?er|in m'n eentje|"
                 r"in mijn eentje|alleen mezelf)\b", digits):
        return Quantity(1, 1, 1, trace=("one-person business",))
    digits = re.sub(r"\b(?:een|1) (?:stuk|man|mannetje|persoon) of\b", "een stuk of", digits)
    digits = re.sub(r"\b(?:een|1) (?:paar|aantal)\b(?! \d)", "", digits)
    digits = _without_parts_of_the_total(digits)
    digits = _multiplied_groups(digits)
    numbers = [n for n in _find_amounts(digits) if not _is_percentage(n, digits)]
    numbers = [n for n in numbers if not (_is_year(n, digits) and len(numbers) > 1)]
    numbers = [n for n in numbers if not n.euro and not _ordinal(n, digits) and not (n.multiplied and n.unit >= 1000)]
    numbers = [n for n in numbers if not _THINGS_AFTER.match(digits[n.end:])]   # "over 2 vestigingen", "14 machines"
    numbers = _set_aside(numbers, digits)
    ranged = _merge_ranges(numbers, digits)
    if not ranged:
        return Quantity(None, note="Ik kon er geen aantal in vinden. Een schatting is goed, bijvoorbeeld '45'.")
    # "23, nee wacht, 24 sinds maandag": a number taken back within the message gives way to the next
    ranged = [n for n, after in zip(ranged, ranged[1:] + [None])
              if after is None or not _SELF_CORRECTED.search(digits[n.end:after.start])]
    if len(ranged) == 1:
        return _valid_count(_quantity(ranged[0], digits, True))
    if len(ranged) == 2 and ranged[0].value == ranged[1].value \
            and re.search(r"\b(?:die|dus|om|totaal|zijn het|blijft|gewoon)\s*$", digits[:ranged[1].start]):
        return _valid_count(_quantity(ranged[0], digits, True))   # "210 in vaste dienst ... het gaat om die 210"
    first = ranged[0]
    rest = digits[first.end:ranged[1].start]
    if re.match(r"\s*[:(]", rest):   # "drie: ikzelf en twee gezellen" - the total, then who
        return _valid_count(_quantity(first, digits, True, trace=("the total before a colon",)))
    if _SUBSET.search(rest) or (_SUBSET.search(digits[first.end:]) and _STAFF_NOUN.match(digits[first.end:])):
        return _valid_count(_quantity(first, digits, True, trace=("the first number; the rest is a subset",)))
    parts, kinds = _staff_parts(ranged, digits)
    if parts:
        total, temps = _without_temps(ranged, digits)
        said = " + ".join(format_number(n.value) for n in ranged)
        return _valid_count(Quantity(_round_half_up(total), total, total, vague=kinds or temps, said=said,
                                     trace=(f"sum of staff parts {said}"
                                            + (" without temporary workers" if temps else "")
                                            + (" (kinds of contract: proposed)" if kinds or temps else ""),)))
    exact = [n for n in ranged if not _qualifier(digits, n)[0]]
    bounds = [n for n in ranged if _qualifier(digits, n)[0]]
    if len(exact) == 1 and bounds and all(_fits(exact[0].value, b, digits) for b in bounds):
        return _valid_count(_quantity(exact[0], digits, True, trace=("the exact number, within the bound said",)))
    staff = [n for n in ranged if _STAFF_NOUN.match(digits[n.end:])]
    fte = [n for n in staff if re.match(r"\s*fte\b", digits[n.end:])]
    heads = [n for n in staff if n not in fte]
    if len(fte) == 1 and len(heads) == 1 and fte[0].value <= heads[0].value:   # "12 fte, 15 koppen": one staff, twice
        if fte[0].value < 250 <= heads[0].value:
            # "240 fte, 270 personen": the SME test counts work units (fte); on either side of 250 it is proposed
            q = _quantity(fte[0], digits, True, trace=("the fte beside a head count across 250: the SME measure",))
            return _valid_count(replace(q, vague=True))
        return _valid_count(_quantity(heads[0], digits, True, trace=("the head count beside the fte",)))
    if len(staff) == 1:
        return _valid_count(_quantity(staff[0], digits, True, trace=("the one number with a staff noun",)))
    if len(staff) == len(ranged) and not _THEN_AND_NOW.search(digits) and all(
            (re.fullmatch(r"\s*(?:man|mensen|medewerkers|werknemers|fte|personen|krachten)?\s*(?:,\s*)?(?:en|plus|\+)?\s*",
                          digits[a.end:b.start]) and digits[a.end:b.start].strip())
            or re.fullmatch(r"\s*\w+\s*(?:,|en|plus|\+)\s*", digits[a.end:b.start])
            for a, b in pairwise(staff)):   # "16 man en 6 man": groups of people added up
        total = sum(n.value for n in staff)
        return _valid_count(Quantity(_round_half_up(total), total, total,
                                     said=" + ".join(format_number(n.value) for n in staff),
                                     trace=("sum of groups of people",)))
    return Quantity(None, note="Ik zie meer dan één aantal. Hoeveel medewerkers zijn het in totaal?",
                    trace=("several numbers, none clearly the staff",))


_SELF_CORRECTED = re.compile(r"^\W*(?:\w+\W+){0,1}(?:nee+|neen|sorry|oeps|o nee|oh nee|ik bedoel|bedoel ik|"
                             r"of eigenlijk|eh+|uh+|pardon)\b", re.IGNORECASE)


_PEOPLE = (r"(?:ik ?zelf|ik|me ?zelf|mij ?zelf|(?:mijn|m'n|mn|de|onze) (?:vrouw|man|zoon|dochter|broer|zus|compagnon|"
           r"partner|vader|moeder|schoonzoon|zwager|planner|werkvoorbereider|secretaresse|boekhouder|bedrijfsleider|"
           r"productieleider|verkoper|inkoper|tekenaar|engineer|stagiair))")
# "18, mijn vrouw op kantoor meegeteld": the people named are inside the number, not beside it
_COUNTED_IN = re.compile(rf"\b{_PEOPLE}(?:,? (?:en )?{_PEOPLE})*(?: \w+){{0,3}} (?:meegeteld|meegerekend|inbegrepen|"
                         r"erbij geteld|erbij gerekend|incluis|meetel\w*|meereken\w*|mee tel\w*|mee reken\w*|"
                         r"erbij tel\w*|erbij reken\w*|bijtel\w*)\b")


# "we zijn met achttien, de twee stagiairs niet meegeteld": people left out of the number are no count
_LEFT_OUT = re.compile(r"\b(?:als|wanneer) (?:ik|we|je|wij) (?:de |die |onze )?\d+ (?:[\w-]+ ){0,3}niet "
                       r"(?:meetel|meereken|mee tel|mee reken)\w*"
                       r"|\b(?:de |die |onze )?\d+ (?:[\w-]+ ){0,5}(?:niet meegeteld|niet meegerekend|niet inbegrepen|"
                       r"niet meegenomen|buiten beschouwing)\b|\b(?:zonder|exclusief|excl) (?:de |die |onze )?\d+ \w+"
                       r"|\b(?:en )?(?:een|1|\d+) [\w-]+,? maar (?:die|ze|deze|dat) (?:\w+ ){0,3}niet mee\b",
                       re.IGNORECASE)


# "31, met de drie mensen op kantoor erbij", "met de 3 van kantoor erbij zijn we 31": inside the total
_INSIDE_AFTER = re.compile(r"(\b\d+\s*,?\s*)met (?:de |die |onze )?\d+ (?:[\w-]+ ){0,4}erbij\b")
_INSIDE_BEFORE = re.compile(r"\bmet (?:de |die |onze )?\d+ (?:[\w-]+ ){0,4}erbij "
                            r"(?=(?:zijn|komen) (?:we|wij) (?:op |met )?\d)")


def _without_parts_of_the_total(digits: str) -> str:
    """The text without the people said to be inside the total or left out of it, so only the total is
    counted ("18, mijn vrouw op kantoor meegeteld", "de twee stagiairs niet meegeteld")."""
    digits = _LEFT_OUT.sub("", _COUNTED_IN.sub("", digits))
    return _INSIDE_BEFORE.sub("", _INSIDE_AFTER.sub(r"\1", digits))


def _multiplied_groups(digits: str) -> str:
    """"2 ploegen van 12" -> "24 man", "3 vestigingen met elk zo'n 10 man" -> "30 man", "een
    dagploeg van 6" -> "6 man", "ikzelf en mijn vrouw op kantoor" -> "2 man op kantoor"."""
    digits = re.sub(r"\b(\d+) (?:ploegen|teams|groepen|diensten|shifts|lijnen|vestigingen|locaties|afdelingen|"
                    r"werkplaatsen|fabrieken|hallen) (?:van|met) (?:elk |ieder |steeds |allemaal )?"
                    r"(?:zo ?n |zon |zo'n |"
                    r"ongeveer |circa |ca |rond de |een stuk of )?(\d+)\b",
                    lambda m: f"{int(m.group(1)) * int(m.group(2))} man", digits)
    digits = re.sub(r"\b(?:een|1) (?:dag|nacht|avond|ochtend|middag|weekend)?(?:ploeg|dienst|team|groep) "
                    r"(?:van|met) (\d+)\b",
                    r"\1 man", digits)
    people = _PEOPLE
    digits = re.sub(rf"(\d man,? )(?:plus|en) ({people}(?:,? (?:en|plus)? ?{people})*)\b",
                    lambda m: m.group(1) + "en " + f"{len(re.findall(people, m.group(2)))} man", digits)
    digits = re.sub(r"\bikke\b", "ik", digits)
    # "ik sta er met mijn zoon en twee gasten": the owner works beside the people named
    digits = re.sub(r"\bik (?:sta|werk|zit|doe|run|draai|ben) (?:er |het |dat |hier )?(?:samen )?met "
                    r"(?=(?:mijn|m'n|mn|onze) )", "ik en ", digits)
    digits = re.sub(rf"\b({people}(?:,? (?:en )?{people})*),? (?:plus|en|met) (\d+)\b(?: (?:man|mensen|medewerkers))?",
                    lambda m: f"{len(re.findall(people, m.group(1)))} man en {m.group(2)} man",
                    digits)   # "ik en m'n vrouw, plus 3"
    # not "toen mijn vader in 2015 stopte": a time, not a place where people work
    at_work = r"(?=,? (?:op|in(?! (?:19|20)\d\d\b)|bij|doen|doe|voor) )"
    digits = re.sub(rf"(?<!toen )\b{people}(?:,? (?:en )?{people})*{at_work}",
                    lambda m: f"{len(re.findall(people, m.group(0)))} man", digits)
    digits = re.sub(r"\b(?:ik ?zelf|ik)(?= (?:en|plus) \d)", "1 man", digits)
    return re.sub(r"(?<=\d man) (?:en|plus) (?:ik ?zelf|mij ?zelf|mezelf)\b", " en 1 man", digits)


def _ordinal(n: Number, digits: str) -> bool:
    """"de 250ste", "onze 3e vestiging": an ordinal is no count."""
    return bool(re.match(r"(?:ste|de|e)\b", digits[n.end:n.end + 4]))


def _valid_count(q: Quantity) -> Quantity:
    if q.value is not None and not 0 <= q.value <= 1_000_000:
        return Quantity(None, note="Dat aantal lijkt me niet te kloppen. Hoeveel medewerkers zijn het?")
    return q


def parse_count(text: str) -> int | None:
    """Number of employees in an answer, or None when absent or ambiguous."""
    return read_count(text).value


# --------------------------------------------------------------------------- amounts

@dataclass(frozen=True)
class Amount:
    value: int | None   # euros; None when not found or not confident
    note: str = ""      # Dutch hint when not confident


@lru_cache(maxsize=1)
def _quantity_names() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rf"(?<!\w)(?:{pattern})") for name, pattern in _cues()["quantity_names"].items()}


def _named_quantity(digits: str, n: Number) -> str | None:
    """The quantity named in the number's own clause, nearest first ("omzet", "winst", ...);
    a name with another number between it and this one belongs to that number."""
    clause_start = max(digits.rfind(c, 0, n.start) for c in ",;.:\n|") + 1
    ends = [i for i in (digits.find(c, n.end) for c in ",;.\n|") if i >= 0]
    clause_end = min(ends) if ends else len(digits)
    clause = _plain(digits[clause_start:clause_end])
    years = [range(m.start(), m.end()) for m in re.finditer(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])", clause)]
    others = [m.start() + clause_start for m in re.finditer(r"\d", clause)
              if not n.start <= m.start() + clause_start < n.end
              and not any(m.start() in y for y in years)]   # "de omzet over 2025 was € 31,5 miljoen"
    best = _nearest_name(digits, n, clause_start, clause_end, clause, others)
    if best is None:   # "het eigen vermogen weet ik, 15 miljoen": a name earlier in the sentence
        start = max(digits.rfind(c, 0, n.start) for c in ".;\n|!?") + 1
        before = _plain(digits[start:n.start])
        numbers_between = [m.start() for m in re.finditer(r"\d", before)]
        for name, regex in _quantity_names().items():
            for m in regex.finditer(before):
                if not any(o > m.end() for o in numbers_between) and (best is None or m.end() > best[0]):
                    best = (m.end(), name)
    return best[1] if best else None


def _nearest_name(digits: str, n: Number, clause_start: int, clause_end: int, clause: str,
                  others: list[int]) -> tuple[int, str] | None:
    best = None
    for name, regex in _quantity_names().items():
        for m in regex.finditer(clause):
            at, until = clause_start + m.start(), clause_start + m.end()
            low, high = (until, n.start) if at < n.start else (n.end, at)
            if any(low < o < high for o in others):
                continue
            distance = high - low
            if best is None or distance < best[0]:
                best = (distance, name)
    return best


def _per_period(digits: str, n: Number) -> tuple[int, str]:
    after = _plain(digits[n.end:n.end + 40])
    before = _plain(digits[max(0, n.start - 30):n.start])
    for item in _cues()["per_period"]:
        if re.match(rf"\s*(?:€|euro|eur\b|omzet)?\s*(?:{item['pattern']})", after) or \
                re.search(rf"(?:{item['pattern']})\s*(?:\w+\s+){{0,2}}$", before):
            return int(item["times"]), item["label"]
    return 1, ""


def _vague_amount(digits: str) -> Quantity | None:
    for item in _cues()["vague_amounts"]:
        m = re.search(item["pattern"], digits)
        if not m:
            continue
        if "times_last" in item:
            last = re.findall(r"\d+", m.group(0))[-1]
            value = int(last) * int(item["times_last"])
        else:
            value = item.get("value")
        if value is None:
            return Quantity(None, note="Dat is wel heel ruim. Kun je een bedrag noemen, bijvoorbeeld '12 miljoen'?",
                            trace=(f"vague amount {m.group(0)!r} without a usable estimate",))
        return Quantity(int(value), value * 0.5, value * 1.5, qualifier="around", vague=True, said=m.group(0),
                        trace=(f"vague amount {m.group(0)!r}",))
    return None


def read_amount(text: str, quantity: str | None = None) -> Quantity:
    """Euro amount in an answer ("6,5 miljoen", "€ 3.200.000", "750k", "drie ton", "bijna 50 miljoen").

    ``quantity`` names what was asked ("omzet", "balans"): an amount whose clause names
    another quantity ("eigen vermogen 10 miljoen") is not the answer.
    """
    digits = words_to_digits(text)
    # "drie ton tachtig": 380 thousand
    digits = re.sub(r"\b(\d) ton (\d0|\d{2})\b(?![.,]\d)(?!\s*(?:duizend|k\b|ton|miljoen|mln|euro\b|€|\d))",
                    lambda m: f"{int(m.group(1)) * 100 + int(m.group(2))} duizend", digits)
    vague = _vague_amount(digits)
    if vague is not None:
        return vague
    numbers = _find_amounts(digits)
    numbers = [n for n in numbers if not _is_percentage(n, digits) and not _ordinal(n, digits)]
    if len(numbers) > 1:
        numbers = [n for n in numbers if not _is_year(n, digits)] or numbers
    numbers = _set_aside(numbers, digits)
    trace: tuple[str, ...] = ()
    if quantity:
        named = [(n, _named_quantity(digits, n)) for n in numbers]
        other = [n for n, name in named if name not in (None, quantity)]
        own = [n for n, name in named if name == quantity]
        if own and len(own) < len(numbers):
            trace += (f"kept the amount named {quantity!r}",)
            numbers = own
        elif other:
            numbers = [n for n in numbers if n not in other]
            if not numbers:
                name = _named_quantity(digits, other[0]) or ""
                note = (f"Dat bedrag lijkt {_QUANTITY_LABELS.get(name, 'iets anders')} te zijn; "
                        f"ik vraag naar {_QUANTITY_LABELS.get(quantity, 'het bedrag')}.")
                return Quantity(None, note=note, trace=(f"the amount is named {name!r}, not {quantity!r}",))
            trace += ("dropped amounts named as another quantity",)
    ranged = _merge_ranges(numbers, digits)
    ranged = _inherit_unit(ranged, digits)
    if any(n.multiplied or n.euro for n in ranged):   # "3 miljoen, met 19 man": the plain small numbers are no amounts
        ranged = [n for n in ranged if n.multiplied or n.euro or n.value >= 10_000]
    if not ranged:
        if re.search(r"\b(?:nog )?geen omzet\b|\bnul\b", digits):
            return Quantity(0, 0, 0, trace=("no turnover",))
        return Quantity(None, note="Ik kon er geen bedrag in vinden.")
    if len(ranged) > 1 and len({round(n.value) for n in ranged}) > 1:
        exact = [n for n in ranged if not _qualifier(digits, n)[0]]
        bounds = [n for n in ranged if _qualifier(digits, n)[0]]
        if len(exact) == 1 and bounds and all(_fits(exact[0].value, b, digits) for b in bounds):
            ranged = exact   # "iets minder dan twee ton: 185.000 euro": the exact amount, within the bound
        else:
            return Quantity(None, note="Ik zag meer dan één bedrag; welk bedrag bedoel je?",
                            trace=("several different amounts",))
    n = ranged[0]
    if n.value == 0:
        return Quantity(0, 0, 0)
    if not n.multiplied and n.value < 10_000 and not (n.euro and n.value >= 1000):
        shown = format_number(n.value)
        return Quantity(None, note=f"Bedoel je € {shown} miljoen of € {shown} duizend? "
                                   "Zet er 'miljoen' of 'duizend' bij.", trace=("a small number without unit",))
    if n.value > 10**12:
        return Quantity(None, note="Dat bedrag lijkt me te groot.")
    times, label = _per_period(digits, n)
    q = _quantity(n, digits, False, trace)
    if times == 1:
        return q
    assert q.value is not None   # _quantity always reads a value
    return Quantity(q.value * times, (q.low or q.value) * times, (q.high or q.value) * times, q.qualifier,
                    q.vague, said=f"{q.said} {label}", trace=q.trace + (f"{label}: times {times}",))


_EARLIER = re.compile(r"\b(?:daarvoor|ervoor|daarvoor|voorheen|vroeger|toen|destijds|eerder|vorige jaren|"
                      r"jaren daarvoor|het jaar daarvoor|voor de \w+)\b")


def _inherit_unit(numbers: list[Number], digits: str) -> list[Number]:
    """"Iets onder de twee miljoen, 1,9 om precies te zijn": a bare number close to an amount said with a
    unit takes that unit and, being the exact figure, replaces it."""
    def unit(n: Number) -> int:   # "twee miljoen" arrives as 2000000, without its multiplier
        if n.multiplied and n.unit > 1:
            return n.unit
        return next((u for u in (1_000_000, 100_000, 1000) if n.value >= u and n.value % u == 0), 1)

    with_unit = [n for n in numbers if unit(n) > 1 and n.value >= 1000]
    bare = [n for n in numbers if not n.multiplied and not n.euro and n.value < 1000]
    if len(with_unit) != 1 or len(bare) != 1:
        return numbers
    said, plain = with_unit[0], bare[0]
    value = plain.value * unit(said)
    if plain.start < said.start or not 0.7 * said.value <= value <= 1.3 * said.value \
            or re.fullmatch(r"\s*(?:of|tot|a|à|-|en|\/)\s*", digits[said.end:plain.start]):
        return numbers   # "5 miljoen of 6" is a range, not a correction
    bound = _qualifier(digits, said)[0] in ("below", "above", "at_most", "at_least")
    refines = bound or re.search(r"\b(?:precies|exact|eigenlijk|nauwkeurig\w*|afgerond)\b",
                                 digits[plain.end:plain.end + 40]) \
        or re.search(r"\b(?:iets|wat|een beetje) (?:meer|minder|hoger|lager)\b|\b(?:nee|eigenlijk|beter gezegd|wacht|"
                     r"correctie|sorry|pardon)\b", digits[said.end:plain.start])
    # the last: "Anderhalf miljoen... iets meer, 1,6"
    if not refines or _EARLIER.search(digits, said.end, plain.start):
        return numbers   # "2,4 mln, het jaar daarvoor nog 3", "zo'n 2,1 miljoen, de jaren daarvoor rond de 1,8"
    return [Number(value, plain.start, plain.end, True, said.euro, unit(said))]


_QUANTITY_LABELS = {
    "omzet": "de jaaromzet", "balans": "het balanstotaal (het totaal van de balans)",
    "eigen_vermogen": "het eigen vermogen", "winst": "de winst of het resultaat",
    "kosten": "kosten, een lening of een investering",
}


def _fits(value: float, bound: Number, digits: str) -> bool:
    """Does an exact amount agree with a qualified one ("minder dan 2 ton" and 185.000)?"""
    kind, vague, _ = _qualifier(digits, bound)
    _, low, high = _qualified(bound.value, kind, vague, False)
    return low <= value <= high or (kind in ("below", "at_most") and value <= bound.value) \
        or (kind in ("above", "at_least") and value >= bound.value)


def parse_amount(text: str) -> Amount:
    """Euro amount in an answer; see read_amount for qualifiers and ranges."""
    q = read_amount(text)
    return Amount(q.value, q.note)


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def format_amount(euros: int) -> str:
    """Short Dutch echo: 6500000 -> '€ 6,5 miljoen', 750000 -> '€ 750.000'."""
    if euros >= 10**9:
        return f"€ {format_number(round(euros / 10**9, 2))} miljard"
    if euros >= 10**6:
        return f"€ {format_number(round(euros / 10**6, 2))} miljoen"
    return f"€ {format_number(euros)}"


# ------------------------------------------------------------------ said in passing

# "we zijn (nu) met 19", "met z'n allen zijn we met 19": a count that ends the clause names people.
_STAFF_BEFORE = re.compile(r"\b(?:we|wij|ze|zij)\s+zijn\s+(?:nu\s+|inmiddels\s+|momenteel\s+|op dit moment\s+|"
                           r"tegenwoordig\s+|totaal\s+|in totaal\s+|al\s+)*met\s+(?:zo'?n\s+|ongeveer\s+|"
                           r"ruim\s+|bijna\s+|een\s+|een stuk of\s+|een man of\s+)?$")
_STAFF_AFTER = re.compile(
    r"\s*(?:vaste\s+|fulltime\s+|eigen\s+|vaste\s+)?(?:man\b|mensen\b|medewerkers?\b|werknemers?\b|fte\b|"
    r"personeel\b|personeelsleden|collegas|collega's|koppen\b|personen\b|vakmensen|vakkrachten|krachten\b|"
    r"mannen\b|in dienst\b|op de loonlijst|mw\b|mdw\w*\b|medew\b|medw\b|mdws\b|wn\b|wns\b)")   # typed short on a phone


_PEOPLE_NAMED = re.compile(r"\b(?:ik|(?:mijn|m'n|mn) (?:vrouw|man|zoon|dochter|broer|zus|compagnon|partner|vader))\b"
                           r"[^.!?]{0,30}\b(?:en|plus|met)\s+(?:\w+\s+){0,2}\d+\s+(?:man|mensen|gasten|medewerkers|"
                           r"personeel|jongens|krachten|vakmensen)")


def names_people(text: str) -> bool:
    """"Mijn broer en ik met zeven man": people named beside a count of staff."""
    return bool(_PEOPLE_NAMED.search(words_to_digits(text)))


def staff_count_in(text: str) -> Quantity | None:
    """A head count said in passing ("met 22 mensen", "een man of 25", "met z'n twaalven"):
    only a number that names people counts, so "14 machines" or "sinds 1998" never does."""
    digits = words_to_digits(text)
    collective = _collective(digits)
    if collective is not None:
        return collective
    if _PEOPLE_NAMED.search(digits):   # "mijn broer en ik met zeven man personeel" is nine
        q = read_count(text)
        if q.value is not None and "sum of groups of people" in q.trace:
            return q
    # "een man of 25" names people; "een stuk of tien" (robots, customers) only with a staff noun after it
    digits = re.sub(r"\b(?:een|1) (?:man|mannetje|persoon) of\b(?=\s*\d)", "een man of", digits)
    numbers = [n for n in _find_amounts(digits) if not n.euro and not n.multiplied
               and not _is_percentage(n, digits) and not _ordinal(n, digits)]
    ranged = _merge_ranges(_set_aside(numbers, digits), digits)
    ranged = [n for n in ranged if not _CHANGE_AFTER.match(digits[n.end:])   # "2 man minder dan vorig jaar"
              and not _THINGS_AFTER.match(digits[n.end:])]                    # "3 ploegen met 24 man"
    staff = [n for n in ranged
             if _STAFF_AFTER.match(digits[n.end:]) or re.search(r"een man of\s*$", digits[:n.start])
             or (_STAFF_BEFORE.search(digits[:n.start]) and re.match(r"\s*(?:[,.;!?]|$)", digits[n.end:]))]
    if staff and len(ranged) > 1:
        parts, kinds = _staff_parts(ranged, digits)
        if parts:   # "40 man in de productie en 6 op kantoor"
            total, temps = _without_temps(ranged, digits)
            kinds = kinds or temps
            said = " + ".join(format_number(n.value) for n in ranged)
            return _valid_count(Quantity(_round_half_up(total), total, total, vague=kinds, said=said,
                                         trace=(f"sum of staff parts {said}",)))
    if len(staff) != 1:
        return None
    return _valid_count(_quantity(staff[0], digits, True, trace=("a number that names people",)))


# "12.000 pakjes barbecueworst", "15.000 stuks": a figure without euro or unit that counts things is no amount
_COUNTED_THINGS = re.compile(r"\s*(?:stuks?|pakjes|dozen|doosjes|zakken|kilo|kg|liter|meter|m2|vierkante|pallets?|"
                             r"\w+(?:tjes|jes|pjes))\b|" + _THINGS_AFTER.pattern)


def amount_named(text: str, quantity: str) -> Quantity | None:
    """An amount said in passing whose own clause names the quantity ("we draaien zo'n 5,4
    miljoen omzet"); None when there is none or more than one."""
    digits = words_to_digits(text)
    numbers = [n for n in _find_amounts(digits) if not _is_percentage(n, digits) and not _ordinal(n, digits)
               and not _is_year(n, digits)]
    named = [n for n in _merge_ranges(numbers, digits) if _named_quantity(digits, n) == quantity
             and (n.multiplied or n.euro or (n.value >= 10_000 and not _COUNTED_THINGS.match(digits[n.end:])))]
    if len(named) != 1:
        return None
    n = named[0]
    times, label = _per_period(digits, n)
    q = _quantity(n, digits, False, (f"an amount named {quantity!r}",))
    if times == 1:
        return q
    assert q.value is not None   # _quantity always reads a value
    return Quantity(q.value * times, (q.low or q.value) * times, (q.high or q.value) * times, q.qualifier,
                    q.vague, said=f"{q.said} {label}", trace=q.trace + (f"{label}: times {times}",))
