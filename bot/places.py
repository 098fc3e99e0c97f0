"""Dutch province from a place, municipality, region or postcode in free text.

Data: bot/data/places_nl.csv (all 342 municipalities, larger places, province and
region names) and bot/data/postcodes_nl.csv (4-digit postcode ranges per province).
Loaded once, lazily. Typos are tolerated with rapidfuzz against the place names.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

DATA_DIR = Path(__file__).with_name("data")
PROVINCE_LABELS = {
    "groningen": "Groningen", "friesland": "Friesland", "drenthe": "Drenthe",
    "overijssel": "Overijssel", "flevoland": "Flevoland", "gelderland": "Gelderland",
    "utrecht": "Utrecht", "noord-holland": "Noord-Holland", "zuid-holland": "Zuid-Holland",
    "zeeland": "Zeeland", "noord-brabant": "Noord-Brabant", "limburg": "Limburg",
}
# Other spellings of a province name, not worth echoing next to it.
_PROVINCE_VARIANTS = {"fryslan", "frysland", "noordholland", "zuidholland", "drente", "overijsel",
                      "brabants", "brabantse", "limburgs", "limburgse", "zeeuws", "zeeuwse",
                      "gelders", "gelderse", "drents", "drentse", "friese", "flevolands",
                      "noord hollands", "zuid hollands", "utrechts", "utrechtse", "gronings",
                      "groningse", "provincie groningen", "provincie utrecht"}
# Stronger kinds win over weaker ones when an answer names several places.
_RANK = {"regio": 3, "gemeente": 2, "plaats": 1}
_FILLER = {"we", "wij", "zitten", "zit", "ik", "in", "uit", "te", "het", "de", "gevestigd", "is",
           "zijn", "ons", "bedrijf", "regio", "omgeving", "bij", "vlakbij", "gemeente", "dorp",
           "stad", "provincie", "net", "buiten", "hier", "daar", "ja", "nee", "en", "wonen", "woon"}
_FUZZY_SKIP = {"zitten", "gevestigd", "bedrijf", "provincie", "gemeente", "omgeving", "vlakbij",
               "buiten", "midden", "noorden", "zuiden", "oosten", "westen", "richting", "tussen",
               "industrieterrein", "bedrijventerrein", "bedrijvenpark", "centrum", "tegen",
               "wonen", "werken", "eigenlijk", "ongeveer", "hoofdkantoor", "vestiging",
               "vestigingen", "locatie", "locaties", "grens", "duitse", "belgische", "noordelijk", "zuidelijk",
               "oostelijk", "westelijk", "platteland", "randstad"}


@dataclass(frozen=True)
class Place:
    name: str          # as written in the data, e.g. "Eindhoven"
    province: str      # province id, "" for a name used in two provinces
    kind: str          # regio | gemeente | plaats | ambigu
    homonym: bool      # also a common Dutch word ("Best", "Putten", "Dalen")
    guessed: bool = False   # found by typo repair, not as written


@dataclass(frozen=True)
class PlaceMatch:
    province: str | None
    places: tuple[str, ...] = ()
    via: str = ""                      # postcode | regio | gemeente | plaats
    conflict: tuple[str, ...] = field(default_factory=tuple)   # provinces when ambiguous
    guessed: bool = False              # a name found only by typo repair ("Zwole" -> Zwolle)

    @property
    def echo(self) -> str:
        if not self.province:
            return ""
        label = PROVINCE_LABELS[self.province]
        plain = normalize(label)
        extra = [p for p in self.places if normalize(p) not in plain and plain not in normalize(p)
                 and normalize(p) not in _PROVINCE_VARIANTS]
        return f"{label} ({extra[0]})" if extra else label


def normalize(text: str) -> str:
    """Lowercase, accents off, hyphens and slashes as spaces, 'a/d' as 'aan de'."""
    return " ".join(_tokens(text)[1])


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """(original-case tokens, normalised tokens) of a text, aligned."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("`", "'")
    text = re.sub(r"\b[aA]\s*/\s*[dD]\b|\b[aA]\.[dD]\.", " aan de ", text)
    text = re.sub(r"\b[aA]\s*/\s*[dD]en\b", " aan de ", text)
    text = re.sub(r"\b[aA][dD]\b(?= (?:[rR]ijn|[iI]jssel|[mM]aas|[aA]mstel|[zZ]aan|[lL]ek|[vV]echt|[hH]oef)\b)",
                  " aan de ", text)
    original = re.findall(r"[A-Za-z0-9]+", text)
    norm = [t.lower() for t in original]
    norm = ["de" if t == "den" and i > 0 and norm[i - 1] == "aan" else t for i, t in enumerate(norm)]
    # "'s-Hertogenbosch" -> "s hertogenbosch", "'t Harde" -> "t harde": keep as tokens
    return original, norm


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], list[Place]], int, dict[str, list[str]]]:
    by_tokens: dict[tuple[str, ...], list[Place]] = {}
    with open(DATA_DIR / "places_nl.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            place = Place(row["naam"], row["provincie"], row["soort"], row["homoniem"] == "1")
            key = tuple(_tokens(row["naam"])[1])
            if key and place not in by_tokens.setdefault(key, []):
                by_tokens[key].append(place)
    longest = max(len(k) for k in by_tokens)
    # Fuzzy candidates: single- and two-word names that are not common words, by first letter.
    fuzzy: dict[str, list[str]] = {}
    for key, places in by_tokens.items():
        joined = " ".join(key)
        if len(key) <= 2 and len(joined) >= 5 and not any(p.homonym for p in places):
            fuzzy.setdefault(joined[0], []).append(joined)
    return by_tokens, longest, fuzzy


@lru_cache(maxsize=1)
def _postcode_ranges() -> list[tuple[int, int, str]]:
    with open(DATA_DIR / "postcodes_nl.csv", encoding="utf-8") as fh:
        return [(int(r["van"]), int(r["tot"]), r["provincie"]) for r in csv.DictReader(fh)]


def province_for_postcode(code: int | str) -> str | None:
    digits = re.sub(r"\D", "", str(code))[:4]
    if len(digits) != 4 or digits[0] == "0":
        return None
    number = int(digits)
    for low, high, province in _postcode_ranges():
        if low <= number <= high:
            return province
    return None


_WORDS_AFTER_A_FIGURE = frozenset({"ha", "km", "uu", "mm", "cm", "kg", "fte", "en", "of", "in", "is", "op", "al", "te",
                                   "nu", "ze", "we", "ik", "zo", "om", "er", "ca"})


def _postcode_in(text: str) -> tuple[str, str] | None:
    m = re.search(r"(?<![\d.,])([1-9]\d{3})\s?([A-Za-z]{2})(?![A-Za-z])", text)
    # two lowercase letters after a year or a figure that make a word are no postcode ("eind 2024 is € 46 miljoen")
    if m and (not m.group(2).islower() or m.group(2) not in _WORDS_AFTER_A_FIGURE):
        return m.group(1) + " " + m.group(2).upper(), m.group(1)
    m = re.search(r"postcode\D{0,12}([1-9]\d{3})(?!\d)", text, re.I) or \
        re.fullmatch(r"\s*([1-9]\d{3})\s*", text)
    if m:
        return m.group(1), m.group(1)
    return None


def _homonym_ok(original: list[str], norm: list[str], start: int, end: int) -> bool:
    """A place that is also a common word ("Best", "Putten", "Heel") counts only when it
    clearly is a place: the whole answer, or written with a capital inside a sentence."""
    content = [t for i, t in enumerate(norm) if not start <= i < end and t not in _FILLER]
    if not content:
        return True
    return start > 0 and original[start][:1].isupper()


def find_places(text: str, fuzzy_ok: bool = True) -> list[tuple[Place, ...]]:
    """Every place name in the text, longest names first; each item lists the
    places with that name (two provinces for a name like "Bergen"). ``fuzzy_ok`` False: no
    typo repair (for a place said in passing)."""
    by_tokens, longest, fuzzy = _index()
    original, norm = _tokens(text)
    found: list[tuple[Place, ...]] = []
    i = 0
    while i < len(norm):
        for size in range(min(longest, len(norm) - i), 0, -1):
            key = tuple(norm[i:i + size])
            places = by_tokens.get(key)
            if places and (not any(p.homonym for p in places)
                           or _homonym_ok(original, norm, i, i + size)):
                found.append(tuple(places))
                i += size
                break
        else:
            match = _fuzzy(norm, i, fuzzy) if fuzzy_ok else None
            if match:
                near, size = match
                found.append(tuple(replace(p, guessed=True) for p in near))
                i += size
            else:
                i += 1
    return found


def _fuzzy(norm: list[str], i: int, fuzzy: dict[str, list[str]]) -> tuple[tuple[Place, ...], int] | None:
    by_tokens = _index()[0]
    for size in (2, 1):
        if i + size > len(norm):
            continue
        words = norm[i:i + size]
        if any(w in _FUZZY_SKIP or w.isdigit() for w in words):
            continue
        query = " ".join(words)
        if len(query) < 5:
            continue
        choices = [c for c in fuzzy.get(query[0], ()) if abs(len(c) - len(query)) <= 2]
        best = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=88)
        if best:
            return tuple(by_tokens[tuple(best[0].split())]), size
    return None


def province_from_text(text: str, fuzzy: bool = True) -> PlaceMatch:
    """The province an answer points to, or PlaceMatch(None, conflict=...) when unclear."""
    postcode = _postcode_in(text)
    candidates: list[tuple[str, str, str]] = []   # (province, name, kind)
    if postcode:
        province = province_for_postcode(postcode[1])
        if province:
            candidates.append((province, postcode[0], "postcode"))
    ambiguous_names = []
    guesses = set()
    for places in find_places(text, fuzzy):
        if any(p.guessed for p in places):
            guesses.add(min(places, key=lambda p: _RANK.get(p.kind, 0)).name)
        provinces = {p.province for p in places if p.province}
        if len(provinces) == 1 and not any(p.kind == "ambigu" for p in places):
            kind = max((p.kind for p in places), key=lambda k: _RANK.get(k, 0))
            name = min(places, key=lambda p: _RANK.get(p.kind, 0)).name   # "'s-Hertogenbosch"
            candidates.append((places[0].province, name, kind))
        else:
            ambiguous_names.append(places[0].name)
    if not candidates:
        return PlaceMatch(None, tuple(ambiguous_names), "", ("?",) if ambiguous_names else ())
    # A postcode is the most precise; then region/province names; then municipalities; then places.
    order = {"postcode": 4, **_RANK}
    top = max(order[k] for _, _, k in candidates)
    strongest = [c for c in candidates if order[c[2]] == top]
    strongest_provinces = sorted({p for p, _, _ in strongest})
    if len(strongest_provinces) > 1:
        return PlaceMatch(None, tuple(n for _, n, _ in strongest), "", tuple(strongest_provinces))
    province = strongest_provinces[0]
    names = tuple(dict.fromkeys(n for p, n, k in candidates if p == province and k != "postcode"))
    guessed = top != 4 and all(name in guesses for _, name, _ in strongest)
    if top == 4:
        assert postcode is not None   # only a postcode gives a candidate of rank 4
        names = names or (postcode[0],)
    return PlaceMatch(province, names, strongest[0][2], guessed=guessed)


# "geen Friesland", "ik zei Oldenzaal" (the answer being corrected), "verhuisd van Delft naar ...",
# "vroeger zaten we in Ede": a place named only to say it is not (or no longer) the place
_DENIED_PLACE = re.compile(r"\b(?:niet|geen|(?:aan|op|bij|vlak bij) de grens (?:met|mit)|"
                           r"ik (?:zei|had|schreef|typte|typ|tik|tikte)"
                           r"(?:\s+(?:nog steeds|nog|steeds|eerst|net|uit gewoonte))*|"
                           r"verhuisd\s+(?:\w+\s+)?van(?:uit)?|"
                           r"(?:vroeger|eerder|toen)\s+zaten\s+(?:we|wij|ik)|zaten\s+(?:we|wij)\s+(?:vroeger|eerst|eerder))"
                           r"\s+(?:(?:in|uit|bij|op|te)\s+)?(?:(?:de|het)\s+)?"
                           r"((?:['\w-]+)(?:\s+['\w-]+){0,2})", re.IGNORECASE)


def without_denied(text: str) -> str:
    """The text without the places it denies: "nee geen Friesland, we zitten in Steenwijk" keeps only
    Steenwijk, "Weert, niet in Brabant" only Weert. The longest run of up to three words after
    "niet"/"geen" that is a place's name is blanked; "niet ver van Zwolle" keeps Zwolle."""
    for m in reversed(list(_DENIED_PLACE.finditer(text))):
        words = m.group(1).split()
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            match = province_from_text(name, fuzzy=False)
            if match.province and normalize(name) in map(normalize, match.places):
                end = m.start(1) + len(name)
                text = text[:m.start()] + " " * (end - m.start()) + text[end:]
                break
    return text


@dataclass(frozen=True)
class Abroad:
    name: str       # as written in the data, e.g. "Antwerpen"
    country: str    # "België"
    word: bool = False   # also a common Dutch word ("Boom", "Mol"): only with a capital or alone


@lru_cache(maxsize=1)
def _abroad_index() -> tuple[dict[tuple[str, ...], Abroad], int]:
    rows = (DATA_DIR / "places_abroad.csv").read_text(encoding="utf-8").splitlines()
    index: dict[tuple[str, ...], Abroad] = {}
    for row in csv.DictReader(line for line in rows if not line.startswith("#")):
        index.setdefault(tuple(_tokens(row["naam"])[1]), Abroad(row["naam"], row["land"], row.get("woord") == "ja"))
    return index, max(len(k) for k in index)


def abroad_from_text(text: str) -> Abroad | None:
    """A place or country outside the Netherlands named in the text ("Antwerpen", "in Duitsland"),
    when it names no Dutch town. Names that are also Dutch words ("Boom", "Geel") count only
    when written with a capital or when they are the whole answer; others however typed."""
    dutch = province_from_text(text)
    if dutch.province and dutch.via != "regio":
        return None   # a Dutch town or postcode; a region name ("de Kempen") may cross the border
    index, longest = _abroad_index()
    original, norm = _tokens(text)
    for i in range(len(norm)):
        for size in range(min(longest, len(norm) - i), 0, -1):
            found = index.get(tuple(norm[i:i + size]))
            if found and (not found.word or _homonym_ok(original, norm, i, i + size) or original[i][:1].isupper()):
                return found
    return None


def town_named(text: str) -> str | None:
    """The town or municipality the owner named ("in de buurt van Deventer" -> "Deventer"), not a
    province or region name; None when there is none."""
    match = province_from_text(text)
    if not match.province:
        return None
    label = normalize(PROVINCE_LABELS[match.province])
    for name in match.places:
        plain = normalize(name)
        if plain != label and plain not in _PROVINCE_VARIANTS and not re.fullmatch(r"\d{4}(?: [A-Z]{2})?", name):
            return name
    return None


_ACROSS = re.compile(r"\b(?:over de grens|de grens over|aan de (?:duitse|belgische|vlaamse) kant|"
                     r"in (?:duitsland|belgie|vlaanderen|wallonie)|net over|juist over|aan gene zijde|"
                     r"(?:net|dus|in) (?:belgisch|duits|vlaams)\w*)\b")
_NEAR = re.compile(r"\b(?:bij|vlakbij|vlak bij|naast|tegen|nabij|dichtbij|dicht bij|richting|onder de rook van|"
                   r"in de buurt van|op \w+ (?:km|kilometer) van|grenst aan|grenzend aan|niet ver van|bijna|haast|"
                   r"(?:de )?grens met|kant van|zo goed als|"
                   r"(?:net|vlak|even|iets|pal) (?:boven|onder|achter|voorbij|na))\s*$")
_DUTCH_POSTCODE = re.compile(r"\b\d{4} ?[a-z]{2}\b")
_DENIED = re.compile(r"\bniet (?:die |dat |de |het |zoals )?(?:in|uit|van|bij)\s*$")


def location_across_border(text: str) -> tuple[str, Abroad | None]:
    """Where the owner says the company is when a place across the border is named:
    ("abroad", place) when the company is there ("Kleef, net over de grens bij Nijmegen"),
    ("both", place) when a Dutch and a foreign place are named without saying which ("fabriek in
    Lommel, kantoor in Eindhoven"), ("", None) when it is Dutch ("Kerkrade, vlakbij Aken") or no
    foreign place is named."""
    index, longest = _abroad_index()
    original, norm = _tokens(text)
    found: tuple[int, Abroad] | None = None
    for i in range(len(norm)):
        for size in range(min(longest, len(norm) - i), 0, -1):
            place = index.get(tuple(norm[i:i + size]))
            if place and (not place.word or _homonym_ok(original, norm, i, i + size) or original[i][:1].isupper()):
                found = (i, place)
                break
        if found:
            break
    if not found:
        return "", None
    dutch = province_from_text(text)
    foreign_name = normalize(found[1].name)
    if any(normalize(n) != foreign_name and re.search(rf"(?:^| ){re.escape(foreign_name)}(?: |$)", normalize(n))
           for n in dutch.places):
        return "", None                     # "Baarle-Nassau", "Sas van Gent" are Dutch; "Baarle" alone is not clear
    before_foreign = " ".join(norm[:found[0]])
    if dutch.province and not dutch.conflict and len(dutch.places) > 1 and foreign_name in map(normalize, dutch.places):
        return "", None                     # "Hasselt, in Overijssel": the Dutch one, its province said
    if dutch.province and dutch.via != "regio" and _DENIED.search(before_foreign):
        return "", None                     # "Hasselt in Overijssel, niet die in België"
    if found[1].country.startswith("Nederland"):
        return "both", found[1]             # a village on the border itself
    plain = " ".join(norm)
    if not dutch.province or dutch.via == "regio" or (dutch.via == "postcode" and not _DUTCH_POSTCODE.search(plain)):
        return "abroad", found[1]           # "postcode 2018 antwerpen": four digits beside a foreign town are its own
    if _ACROSS.search(plain):
        return "abroad", found[1]
    if _NEAR.search(before_foreign):
        return "", None                     # the foreign place is only a landmark
    dutch_names = [normalize(n) for n in dutch.places]
    if any(_NEAR.search(plain[:plain.find(n)]) for n in dutch_names if n and plain.find(n) >= 0):
        return "abroad", found[1]           # the Dutch place is only a landmark
    return "both", found[1]
