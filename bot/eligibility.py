"""Checks the basic conditions of the Mkb-Booster programme (domain.md), each with a reason code.

The product never decides finally: the outcome is "you meet the basic conditions; the
adviser confirms". The overall status is the worst over all rules.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from bot import contract

ELIGIBLE, CHECK_NEEDED, NOT_ELIGIBLE = contract.ELIGIBLE, contract.CHECK_NEEDED, contract.NOT_ELIGIBLE
_SEVERITY = {ELIGIBLE: 0, CHECK_NEEDED: 1, NOT_ELIGIBLE: 2}
UNKNOWN = contract.UNKNOWN


@dataclass(frozen=True)
class Rules:
    """The configurable defaults of domain.md."""
    version: str = "voorwaarden-v1"
    max_employees: int = 250            # fewer than this
    max_turnover: int = 50_000_000      # at most this ...
    max_balance: int = 43_000_000       # ... or a balance total of at most this
    aid_ceiling: int = 200_000
    not_manufacturing: frozenset[str] = frozenset({"geen_maakindustrie"})


DEFAULT_RULES = Rules()

TEXTS = {
    "geen_mkb": "Het programma is voor mkb-bedrijven volgens de Europese definitie: minder dan {max_employees} "
                "medewerkers en een jaaromzet tot € {max_turnover_m} miljoen (of een balanstotaal tot € "
                "{max_balance_m} miljoen). Je bedrijf valt daarbuiten.",
    "omzet_onbekend": "De omzet (en waar nodig het balanstotaal) is nog onbekend. De adviseur controleert samen met "
                      "je of je bedrijf onder de mkb-definitie valt.",
    "geen_maakindustrie": "Het programma is bedoeld voor de maakindustrie (bedrijven die zelf producten maken). Je "
                          "bedrijf valt daar niet onder.",
    "eerder_traject": "Een bedrijf kan één Mkb-Booster-traject per drie jaar volgen, en je bedrijf heeft er in de "
                      "afgelopen drie jaar al een gehad.",
    "steunplafond": "Je bedrijf heeft de afgelopen drie jaar al meer dan € {aid_k}.000 steun voor innovatieadvies "
                    "gehad. Dat is het Europese maximum (AGVV) voor volledig vergoed advies.",
    "steun_onbekend": "Je weet niet zeker hoeveel steun voor innovatieadvies je bedrijf de afgelopen drie jaar heeft "
                      "gehad. De adviseur checkt of het onder de € {aid_k}.000 blijft.",
    "geen_commitment_nee": "Het programma vraagt dat je binnen drie maanden een plan van aanpak maakt en elk "
                           "kwartaal evalueert. Daar ben je nu niet toe bereid.",
    "geen_commitment_misschien": "Het programma vraagt een plan van aanpak binnen drie maanden en een evaluatie elk "
                                 "kwartaal. Je twijfelt nog; de adviseur bespreekt met je wat dat inhoudt.",
    "koploper": "Je bedrijf is een koploper: het programma is bedoeld voor bedrijven die nog een inhaalslag maken. "
                "Voor jullie passen andere regelingen beter, zoals de WBSO, de MIT-regeling of een fieldlab.",
    "buiten_kerndoelgroep": "Je bedrijf is een ontwikkelaar en zit daarmee aan de rand van de doelgroep (volgers en "
                            "achterblijvers). De adviseur kijkt of begeleiding bij jullie past.",
}


@dataclass(frozen=True)
class Reason:
    code: str
    outcome: str
    text: str


@dataclass(frozen=True)
class Eligibility:
    status: str
    reasons: list[Reason] = field(default_factory=list)
    rules_version: str = DEFAULT_RULES.version

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def from_dict(stored: Mapping[str, object]) -> Eligibility:
    """An outcome as stored (to_dict) back into an Eligibility."""
    stored_reasons: Any = stored.get("reasons") or []
    reasons = [Reason(str(r["code"]), str(r["outcome"]), str(r["text"])) for r in stored_reasons]
    return Eligibility(status=str(stored["status"]), reasons=reasons,
                       rules_version=str(stored.get("rules_version") or DEFAULT_RULES.version))


def _number(value: Any) -> float | None:
    if value is None or value == UNKNOWN:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _text(key: str, rules: Rules) -> str:
    return TEXTS[key].format(
        max_employees=rules.max_employees, max_turnover_m=rules.max_turnover // 1_000_000,
        max_balance_m=rules.max_balance // 1_000_000, aid_k=rules.aid_ceiling // 1000)


def _findings(facts: Mapping[str, object], level: str | None, rules: Rules) -> Iterator[tuple[str, str, str]]:
    staff = _number(facts.get("medewerkers"))
    turnover, balance = _number(facts.get("jaaromzet")), _number(facts.get("balanstotaal"))
    size_too_big = staff is not None and staff >= rules.max_employees
    if turnover is not None and turnover > rules.max_turnover:
        if balance is None:
            yield ("omzet_onbekend", CHECK_NEEDED, "omzet_onbekend")
        elif balance > rules.max_balance:
            size_too_big = True
    elif turnover is None:
        yield ("omzet_onbekend", CHECK_NEEDED, "omzet_onbekend")
    if size_too_big:
        yield ("geen_mkb", NOT_ELIGIBLE, "geen_mkb")
    if facts.get("sector") in rules.not_manufacturing:
        yield ("geen_maakindustrie", NOT_ELIGIBLE, "geen_maakindustrie")
    if facts.get("eerder_traject") == "ja":
        yield ("eerder_traject", NOT_ELIGIBLE, "eerder_traject")
    if facts.get("ontvangen_steun") == "ja":
        yield ("steunplafond", NOT_ELIGIBLE, "steunplafond")
    elif facts.get("ontvangen_steun") == UNKNOWN:
        yield ("steun_onbekend", CHECK_NEEDED, "steun_onbekend")
    if facts.get("bereid_plan") == "nee":
        yield ("geen_commitment", NOT_ELIGIBLE, "geen_commitment_nee")
    elif facts.get("bereid_plan") == "misschien":
        yield ("geen_commitment", CHECK_NEEDED, "geen_commitment_misschien")
    if level == "koploper":
        yield ("koploper", NOT_ELIGIBLE, "koploper")
    elif level == "ontwikkelaar":
        yield ("buiten_kerndoelgroep", CHECK_NEEDED, "buiten_kerndoelgroep")


def check(facts: Mapping[str, object], level: str | None, rules: Rules = DEFAULT_RULES) -> Eligibility:
    """facts: medewerkers, jaaromzet, balanstotaal, sector, eerder_traject, ontvangen_steun, bereid_plan."""
    reasons = [Reason(code, outcome, _text(key, rules)) for code, outcome, key in _findings(facts, level, rules)]
    status = max((r.outcome for r in reasons), key=_SEVERITY.__getitem__, default=ELIGIBLE)
    return Eligibility(status=status, reasons=reasons, rules_version=rules.version)
