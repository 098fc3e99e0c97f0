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
from dataclasses import dataclass

from text_to_num import alpha2digit, text2num

_UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
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
_MULT_RE = r"miljard|mld|mrd|miljoenen|miljoen|million|mln|mio|milj|mil|mn|m|ton|duizend|thousand|dzd|k"
_AMOUNT_RE = re.compile(
    rf"(?P<euro>€|eur\b|euro\b)?\s*(?<![a-z\d.,²³])(?P<num>{_NUM})\s*(?P<mult>(?:{_MULT_RE})\b)?\s*(?P<euro2>€|euro|eur\b)?",
)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|à|a|tot|of|en|á)\s*$")
_STAFF_NOUN = re.compile(
    r"^\s*(?:man\b|mensen|medewerk|werknemer|fte\b|personeel|collega|koppen|personen|"
    r"krachten|uitzend|flex|inleen|oproep|stagiair|vaste?\b|mannen|vrouwen|mensen|in dienst|op de loonlijst|banen|werkplekken)"
)
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

    def compound_half(m: re.Match) -> str:
        value = _word_value(m.group(1))
        return f"{int(value)},5" if value is not None else m.group(0)

    # tweeënhalf, drieënhalf, vijfenhalf, "zeven en een half", "7 en een half"
    text = re.sub(r"\b([a-zë]+?|\d+)(?:ën|en)half\b", compound_half, text)
    text = re.sub(r"\b([a-zë]+|\d+) en een hal(?:f|ve)\b", compound_half, text)
    text = re.sub(r"\b(?:een )?kwart (?=miljoen|miljard|mln)", "0,25 ", text)
    text = re.sub(r"\b(?:een )?hal(?:f|ve) (?=miljoen|miljard|mln|ton)", "0,5 ", text)
    return text


def _fix_komma(text: str) -> str:
    def repl(m: re.Match) -> str:
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
        unit = _MULTIPLIERS[mult] if mult else 1
        found.append(Number(value * unit, m.start("num"), m.end(), bool(mult), euro, unit))
    return found


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def _is_year(n: Number, digits: str) -> bool:
    if n.multiplied or n.euro or n.value != int(n.value) or not 1900 <= n.value <= 2099:
        return False
    return True


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
            if _RANGE_SEP.match(between) or re.fullmatch(r"\s*(?:-|–)\s*", between):
                av = a.value
                if not a.multiplied and av < 1000 and b.value >= 1000:
                    for power in (10**9, 10**6, 10**5, 10**3):
                        if av * power <= b.value * 1.0001 and b.value >= power:
                            av *= power
                            break
                if av <= b.value and (b.value <= av * 3 or not b.multiplied and b.value <= av * 2):
                    out.append(Number((av + b.value) / 2, a.start, b.end,
                                      a.multiplied or b.multiplied, a.euro or b.euro))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


# ---------------------------------------------------------------------------- counts

def parse_count(text: str) -> int | None:
    """Number of employees in an answer, or None when absent or ambiguous."""
    digits = words_to_digits(text)
    for word, value in _COLLECTIVE.items():
        if re.search(rf"\b(?:z'n|zn|ons|zijn|onze)\s+{word}\b", digits):
            return value
    if re.search(r"\b(?:alleen ik(?:zelf)?|ik alleen|ikzelf alleen|eenmanszaak|zzp'?er|in m'n eentje|"
                 r"in mijn eentje|alleen mezelf)\b", digits):
        return 1
    digits = re.sub(r"\b(?:een|1) (?:stuk|man|mannetje|persoon) of\b", "", digits)
    digits = re.sub(r"\b(?:een|1) (?:paar|aantal)\b", "", digits)
    numbers = [n for n in _find_amounts(digits) if not _is_percentage(n, digits)]
    numbers = [n for n in numbers if not (_is_year(n, digits) and len(numbers) > 1)]
    numbers = [n for n in numbers if not n.euro]
    numbers = _merge_ranges(numbers, digits)
    if not numbers:
        return None
    if len(numbers) > 1:
        staff = [n for n in numbers if _STAFF_NOUN.match(digits[n.end:])]
        first = numbers[0]
        rest = digits[first.end:numbers[1].start]
        if _SUBSET.search(rest) or _SUBSET.search(digits[first.end:]) and _STAFF_NOUN.match(digits[first.end:]):
            chosen = first
        elif len(staff) == 1:
            chosen = staff[0]
        else:
            return None
    else:
        chosen = numbers[0]
    if chosen.value < 0 or chosen.value > 1_000_000:
        return None
    return _round_half_up(chosen.value)


# --------------------------------------------------------------------------- amounts

@dataclass(frozen=True)
class Amount:
    value: int | None   # euros; None when not found or not confident
    note: str = ""      # Dutch hint when not confident


def parse_amount(text: str) -> Amount:
    """Euro amount in an answer ("6,5 miljoen", "€ 3.200.000", "750k", "drie ton")."""
    digits = words_to_digits(text)
    numbers = _find_amounts(digits)
    numbers = [n for n in numbers if not _is_percentage(n, digits)]
    if len(numbers) > 1:
        numbers = [n for n in numbers if not _is_year(n, digits)] or numbers
    numbers = _merge_ranges(numbers, digits)
    if not numbers:
        if re.search(r"\b(?:nog )?geen omzet\b|\bnul\b", digits):
            return Amount(0)
        return Amount(None, "Ik kon er geen bedrag in vinden.")
    if len(numbers) > 1:
        values = {round(n.value) for n in numbers}
        if len(values) > 1:
            return Amount(None, "Ik zag meer dan één bedrag; welk bedrag bedoel je?")
    n = numbers[0]
    if n.value == 0:
        return Amount(0)
    if not n.multiplied and n.value < 10_000 and not (n.euro and n.value >= 1000):
        shown = format_number(n.value)
        return Amount(None, f"Bedoel je € {shown} miljoen of € {shown} duizend? "
                            "Zet er 'miljoen' of 'duizend' bij.")
    if n.value > 10**12:
        return Amount(None, "Dat bedrag lijkt me te groot.")
    return Amount(_round_half_up(n.value))


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
