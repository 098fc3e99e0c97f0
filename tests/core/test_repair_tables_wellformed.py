"""The repair tables and the persona files are well-formed against the questionnaire.

Checks the data, not the bot: `tests/data/repair_dev.yml`, `tests/data/repair_dev2.yml`,
`tests/data/repair_heldout.yml`, `tests/data/repair_heldout2.yml`, `tests/data/repair_heldout3.yml`,
`tests/data/repair_heldout4.yml`, `tests/data/repair_heldout5.yml` and `tests/data/repair_heldout6.yml`
(single messages with the expected reading, format in their header comment) and the personas of
`tests/personas-dev/`, `tests/personas/`, `tests/personas-heldout2/`, `tests/personas-heldout3/`,
`tests/personas-heldout4/`, `tests/personas-heldout5/`, `tests/personas-heldout6/`,
`tests/personas-heldout7/`, `tests/personas-heldout8/`, `tests/personas-heldout9/`, `tests/personas-heldout10/` and
`tests/personas-heldout11/`, `tests/personas-heldout12/`, `tests/personas-heldout13/`,
`tests/personas-heldout14/`, `tests/personas-heldout15/`, `tests/personas-heldout16/`,
`tests/personas-heldout17/`, `tests/personas-heldout18/`,
`tests/personas-heldout19/`, `tests/personas-heldout20/` to `tests/personas-heldout38/` (the JSON format of
../shared/eval/run_personas.py). Question ids
must exist, values must be valid for their question, a correction's `last` must be among the
answers already stored, every question the bot can ask on a persona's path must have answer
texts, and an intermediary named in a persona's `expect` must be the one contract.md's routing
rule gives.
"""
from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.questionnaire import load

ROOT = Path(__file__).resolve().parents[2]
Q = load()
TABLES = {"dev": ROOT / "tests" / "data" / "repair_dev.yml",
          "dev2": ROOT / "tests" / "data" / "repair_dev2.yml",
          "heldout": ROOT / "tests" / "data" / "repair_heldout.yml",
          "heldout2": ROOT / "tests" / "data" / "repair_heldout2.yml",
          "heldout3": ROOT / "tests" / "data" / "repair_heldout3.yml",
          "heldout4": ROOT / "tests" / "data" / "repair_heldout4.yml",
          "heldout5": ROOT / "tests" / "data" / "repair_heldout5.yml",
          "heldout6": ROOT / "tests" / "data" / "repair_heldout6.yml"}
# folder -> the first letter of its persona files (d01…, h01…, g01…, k01…, n01…, m01…, q01…, r01…, s01…,
# t01…, u01…, v01…, w01…, x01…, y01…, z01…, a01…, b01…, c01…, e01…, f01…, i01…, j01…, l01…, oa01…, ob01…,
# oc01…, od01…, oe01…, of01…, og01…, oh01…, oi01…, oj01…, ok01…, ol01…, om01…, on01…, oo01…, op01…,
# oq01…, or01…, os01…, ot01…, ou01…, ov01…, ow01…, ox01…, oy01…, oz01…, pa01…,
# pb01…, pc01…, pd01…, pe01…, pf01…, pg01…, ph01…, pi01…, pj01…, pk01…, pl01…, pm01…, pn01…, po01…, pp01…, pq01…,
# pr01…, ps01…, pt01…, pu01…, pv01…, pw01…, px01…, py01…, pz01…, qa01…, qb01…, qc01…)
PERSONA_DIRS = {"dev": (ROOT / "tests" / "personas-dev", "d"), "heldout": (ROOT / "tests" / "personas", "h"),
                "heldout2": (ROOT / "tests" / "personas-heldout2", "g"),
                "heldout3": (ROOT / "tests" / "personas-heldout3", "k"),
                "heldout4": (ROOT / "tests" / "personas-heldout4", "n"),
                "heldout5": (ROOT / "tests" / "personas-heldout5", "m"),
                "heldout6": (ROOT / "tests" / "personas-heldout6", "q"),
                "heldout7": (ROOT / "tests" / "personas-heldout7", "r"),
                "heldout8": (ROOT / "tests" / "personas-heldout8", "s"),
                "heldout9": (ROOT / "tests" / "personas-heldout9", "t"),
                "heldout10": (ROOT / "tests" / "personas-heldout10", "u"),
                "heldout11": (ROOT / "tests" / "personas-heldout11", "v"),
                "heldout12": (ROOT / "tests" / "personas-heldout12", "w"),
                "heldout13": (ROOT / "tests" / "personas-heldout13", "x"),
                "heldout14": (ROOT / "tests" / "personas-heldout14", "y"),
                "heldout15": (ROOT / "tests" / "personas-heldout15", "z"),
                "heldout16": (ROOT / "tests" / "personas-heldout16", "a"),
                "heldout17": (ROOT / "tests" / "personas-heldout17", "b"),
                "heldout18": (ROOT / "tests" / "personas-heldout18", "c"),
                "heldout19": (ROOT / "tests" / "personas-heldout19", "e"),
                "heldout20": (ROOT / "tests" / "personas-heldout20", "f"),
                "heldout21": (ROOT / "tests" / "personas-heldout21", "i"),
                "heldout22": (ROOT / "tests" / "personas-heldout22", "j"),
                "heldout23": (ROOT / "tests" / "personas-heldout23", "l"),
                "heldout24": (ROOT / "tests" / "personas-heldout24", "oa"),
                "heldout25": (ROOT / "tests" / "personas-heldout25", "ob"),
                "heldout26": (ROOT / "tests" / "personas-heldout26", "oc"),
                "heldout27": (ROOT / "tests" / "personas-heldout27", "od"),
                "heldout28": (ROOT / "tests" / "personas-heldout28", "oe"),
                "heldout29": (ROOT / "tests" / "personas-heldout29", "of"),
                "heldout30": (ROOT / "tests" / "personas-heldout30", "og"),
                "heldout31": (ROOT / "tests" / "personas-heldout31", "oh"),
                "heldout32": (ROOT / "tests" / "personas-heldout32", "oi"),
                "heldout33": (ROOT / "tests" / "personas-heldout33", "oj"),
                "heldout34": (ROOT / "tests" / "personas-heldout34", "ok"),
                "heldout35": (ROOT / "tests" / "personas-heldout35", "ol"),
                "heldout36": (ROOT / "tests" / "personas-heldout36", "om"),
                "heldout37": (ROOT / "tests" / "personas-heldout37", "on"),
                "heldout38": (ROOT / "tests" / "personas-heldout38", "oo"),
                "heldout39": (ROOT / "tests" / "personas-heldout39", "op"),
                "heldout40": (ROOT / "tests" / "personas-heldout40", "oq"),
                "heldout41": (ROOT / "tests" / "personas-heldout41", "or"),
                "heldout42": (ROOT / "tests" / "personas-heldout42", "os"),
                "heldout43": (ROOT / "tests" / "personas-heldout43", "ot"),
                "heldout44": (ROOT / "tests" / "personas-heldout44", "ou"),
                "heldout45": (ROOT / "tests" / "personas-heldout45", "ov"),
                "heldout46": (ROOT / "tests" / "personas-heldout46", "ow"),
                "heldout47": (ROOT / "tests" / "personas-heldout47", "ox"),
                "heldout48": (ROOT / "tests" / "personas-heldout48", "oy"),
                "heldout49": (ROOT / "tests" / "personas-heldout49", "oz"),
                "heldout50": (ROOT / "tests" / "personas-heldout50", "pa"),
                "heldout51": (ROOT / "tests" / "personas-heldout51", "pb"),
                "heldout52": (ROOT / "tests" / "personas-heldout52", "pc"),
                "heldout53": (ROOT / "tests" / "personas-heldout53", "pd"),
                "heldout54": (ROOT / "tests" / "personas-heldout54", "pe"),
                "heldout55": (ROOT / "tests" / "personas-heldout55", "pf"),
                "heldout56": (ROOT / "tests" / "personas-heldout56", "pg"),
                "heldout57": (ROOT / "tests" / "personas-heldout57", "ph"),
                "heldout58": (ROOT / "tests" / "personas-heldout58", "pi"),
                "heldout59": (ROOT / "tests" / "personas-heldout59", "pj"),
                "heldout60": (ROOT / "tests" / "personas-heldout60", "pk"),
                "heldout61": (ROOT / "tests" / "personas-heldout61", "pl"),
                "heldout62": (ROOT / "tests" / "personas-heldout62", "pm"),
                "heldout63": (ROOT / "tests" / "personas-heldout63", "pn"),
                "heldout64": (ROOT / "tests" / "personas-heldout64", "po"),
                "heldout65": (ROOT / "tests" / "personas-heldout65", "pp"),
                "heldout66": (ROOT / "tests" / "personas-heldout66", "pq"),
                "heldout67": (ROOT / "tests" / "personas-heldout67", "pr"),
                "heldout68": (ROOT / "tests" / "personas-heldout68", "ps"),
                "heldout69": (ROOT / "tests" / "personas-heldout69", "pt"),
                "heldout70": (ROOT / "tests" / "personas-heldout70", "pu"),
                "heldout71": (ROOT / "tests" / "personas-heldout71", "pv"),
                "heldout72": (ROOT / "tests" / "personas-heldout72", "pw"),
                "heldout73": (ROOT / "tests" / "personas-heldout73", "px"),
                "heldout74": (ROOT / "tests" / "personas-heldout74", "py"),
                "heldout75": (ROOT / "tests" / "personas-heldout75", "pz"),
                "heldout76": (ROOT / "tests" / "personas-heldout76", "qa"),
                "heldout77": (ROOT / "tests" / "personas-heldout77", "qb"),
                "heldout78": (ROOT / "tests" / "personas-heldout78", "qc")}
BEHAVIOURS = {"mentions", "corrections", "qualifiers", "denial", "questions", "refusals", "abroad"}
REPLIES = {"question", "reask", "abroad"}
MIN_PER_BEHAVIOUR = 15
NUMERIC_KINDS = {"integer", "amount"}
PROFILE = ["sector", "medewerkers", "jaaromzet", "balanstotaal", "regio"]
ELIGIBILITY = ["eerder_traject", "ontvangen_steun", "bereid_plan"]
CONTACT = ["bedrijfsnaam", "kvk_nummer", "contact_naam", "contact_email", "contact_telefoon"]
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
# Values a careful bot should confirm before storing (issue 10): the persona's texts must give them exactly.
NEAR = {"medewerkers": (240, 260), "jaaromzet": (45_000_000, 55_000_000), "balanstotaal": (40_000_000, 46_000_000)}


def _shared() -> Path:
    """../shared beside the checkout (the main checkout) or beside the worktrees' folder."""
    for parent in ROOT.parents:
        if (parent / "shared" / "eval" / "run_personas.py").exists():
            return parent / "shared"
    pytest.fail(f"../shared/eval/run_personas.py not found above {ROOT}")


def _runner():
    spec = importlib.util.spec_from_file_location("run_personas_for_checks", _shared() / "eval" / "run_personas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dutch_phone(text: str) -> bool:
    digits = re.sub(r"[^\d+]", "", text)
    if digits.startswith("+31"):
        digits = "0" + digits[3:]
    elif digits.startswith("0031"):
        digits = "0" + digits[4:]
    return bool(re.fullmatch(r"0[1-9]\d{8}", digits))


def value_problem(question_id: str, value, allow_range: bool = False) -> str | None:
    """Why `value` is not a valid stored value for the question (None when it is)."""
    if question_id not in Q.questions:
        return f"unknown question id {question_id!r}"
    question = Q[question_id]
    kind = question.kind
    if allow_range and isinstance(value, dict):
        if kind not in NUMERIC_KINDS:
            return f"{question_id}: a range only for counts and amounts"
        if set(value) != {"min", "max"} \
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
            return f"{question_id}: a range is {{min: int, max: int}}, got {value!r}"
        return None if 0 <= value["min"] <= value["max"] else f"{question_id}: min > max in {value!r}"
    if kind == "choice" or kind == "province":
        if isinstance(value, str) and value in question.values:
            return None
        return f"{question_id}: {value!r} is not an option value"
    if kind == "multi":
        if not isinstance(value, list) or not value or len(set(value)) != len(value):
            return f"{question_id}: a non-empty list without repeats, got {value!r}"
        if any(v not in question.values for v in value):
            return f"{question_id}: {value!r} holds a value that is not an option"
        if "geen" in value and len(value) > 1:
            return f"{question_id}: 'geen' stands alone"
        return None
    if kind == "integer":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return None
        return f"{question_id}: {value!r} is not a count"
    if kind == "amount":
        if value == question.unknown_value:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return None
        return f"{question_id}: {value!r} is not an amount in euro"
    if kind == "kvk":
        if value == question.unknown_value or (isinstance(value, str) and re.fullmatch(r"\d{8}", value)):
            return None
        return f"{question_id}: {value!r}"
    if kind == "email":
        if isinstance(value, str) and EMAIL.match(value):
            return None
        return f"{question_id}: {value!r} is not an e-mail address"
    if kind == "phone":
        if value == question.unknown_value or (isinstance(value, str) and dutch_phone(value)):
            return None
        return f"{question_id}: {value!r} is not a Dutch number"
    if kind == "text":
        return None if isinstance(value, str) and value.strip() else f"{question_id}: empty text"
    return f"{question_id}: unknown kind {kind}"


# ---------- the tables ----------

def _load_table(name: str) -> list[dict]:
    items = yaml.safe_load(TABLES[name].read_text(encoding="utf-8"))
    assert isinstance(items, list) and items, f"{TABLES[name]} is not a YAML list"
    return items


def item_problems(item: dict) -> list[str]:
    problems = []
    allowed = {"id", "behaviour", "asked", "before", "last", "text", "expect"}
    if set(item) - allowed:
        problems.append(f"unknown keys {sorted(set(item) - allowed)}")
    for key in ("id", "behaviour", "asked", "text", "expect"):
        if key not in item:
            problems.append(f"missing {key}")
    if problems:
        return problems
    if item["behaviour"] not in BEHAVIOURS:
        problems.append(f"behaviour {item['behaviour']!r}")
    if not isinstance(item["text"], str) or not item["text"].strip():
        problems.append("empty text")
    asked = item["asked"]
    if asked not in Q.questions:
        return problems + [f"asked {asked!r} is no question id"]
    before = item.get("before", {}) or {}
    if not isinstance(before, dict):
        return problems + ["before is not a mapping"]
    for qid, value in before.items():
        if (p := value_problem(qid, value)):
            problems.append(f"before: {p}")
    if asked in before:
        problems.append(f"{asked} is open, so it cannot be in before")
    if "last" in item and item["last"] not in before:
        problems.append(f"last {item['last']!r} is not in before")
    expect = item["expect"]
    if not isinstance(expect, dict) or "answer" not in expect:
        return problems + ["expect needs an answer"]
    unknown_keys = set(expect) - {"answer", "also", "correct", "confirm", "reply"}
    if unknown_keys:
        problems.append(f"unknown expect keys {sorted(unknown_keys)}")
    answer = expect["answer"]
    if answer != "none" and (p := value_problem(asked, answer, allow_range=True)):
        problems.append(f"answer: {p}")
    for qid, value in (expect.get("also") or {}).items():
        if qid == asked:
            problems.append("also names the asked question")
        elif (p := value_problem(qid, value, allow_range=True)):
            problems.append(f"also: {p}")
    correct = expect.get("correct") or {}
    if correct:
        if item["behaviour"] != "corrections":
            problems.append("correct only in corrections")
        if "last" not in item:
            problems.append("a correction needs last")
    for qid, value in correct.items():
        if qid not in before:
            problems.append(f"correct: {qid} was not answered before")
        elif value != "ask" and (p := value_problem(qid, value)):
            problems.append(f"correct: {p}")
    if expect.get("confirm", "any") not in (True, False, "any"):
        problems.append(f"confirm {expect['confirm']!r}")
    if "reply" in expect:
        if expect["reply"] not in REPLIES:
            problems.append(f"reply {expect['reply']!r}")
        if answer != "none":
            problems.append("reply only when nothing is stored")
        if correct:
            problems.append("a correction says what happens in correct, not reply")
    return problems


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_items_are_wellformed(name):
    items = _load_table(name)
    problems = [f"{item.get('id', i)}: {p}" for i, item in enumerate(items) for p in item_problems(item)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_covers_every_behaviour(name):
    counts = {b: 0 for b in BEHAVIOURS}
    for item in _load_table(name):
        counts[item["behaviour"]] = counts.get(item["behaviour"], 0) + 1
    thin = {b: n for b, n in counts.items() if n < MIN_PER_BEHAVIOUR}
    assert not thin, f"{name}: behaviours with fewer than {MIN_PER_BEHAVIOUR} items: {thin}"


def test_ids_and_phrasings_are_unique_across_the_tables():
    """A short text ("liever niet") may recur for another question, where it means something else."""
    seen_ids, seen_texts, repeats = set(), {}, []
    for name in sorted(TABLES):
        for item in _load_table(name):
            if item["id"] in seen_ids:
                repeats.append(f"id {item['id']}")
            seen_ids.add(item["id"])
            key = (item["asked"], " ".join(item["text"].casefold().split()))
            if key in seen_texts:
                repeats.append(f"{item['id']} repeats {seen_texts[key]} (same question, same text)")
            seen_texts[key] = item["id"]
    assert not repeats, repeats


def test_the_checks_catch_a_broken_item():
    broken = {"id": "x", "behaviour": "corrections", "asked": "org_cultuur", "before": {"org_bewustzijn": "5"},
              "last": "tech_robotisering", "text": "oeps", "expect": {"answer": "2", "reply": "reask",
                                                                       "correct": {"tech_robotisering": "ask"}}}
    found = " | ".join(item_problems(broken))
    for part in ("not an option value", "last 'tech_robotisering' is not in before", "reply only when nothing",
                 "correct: tech_robotisering was not answered"):
        assert part in found, found


# ---------- the personas ----------

def _persona_files() -> list[Path]:
    files = []
    for folder, letter in PERSONA_DIRS.values():
        found = sorted(folder.glob(f"{letter}*.json"))
        assert found, f"no persona files {letter}*.json in {folder}"
        files += found
    return files


def _registry() -> list[dict]:
    return json.loads((_shared() / "spec" / "intermediaries.example.json").read_text(encoding="utf-8"))


def route(values: dict, today: date) -> tuple[str, bool]:
    """contract.md's routing rule: (intermediary id, whether the choice is certain).

    Capacity counts as available unless it is 0 (a test run sends only a few leads); a tie on
    expertise would be broken by this month's lead counts, which depend on the run: not certain.
    """
    candidates = [i for i in _registry()
                  if i["active"] and date.fromisoformat(i["qualified_until"]) >= today
                  and ("alle" in i["provinces"] or values["regio"] in i["provinces"])
                  and ("alle" in i["sectors"] or values["sector"] in i["sectors"])
                  and i["monthly_capacity"] > 0]
    if not candidates:
        return "programmabureau", True
    overlap = {i["id"]: len(set(values.get("interesse", [])) & set(i["expertise"])) for i in candidates}
    best = max(overlap.values())
    top = sorted(i for i, n in overlap.items() if n == best)
    return top[0], len(top) == 1


def persona_path(values: dict, status: str | None) -> list[str]:
    """The questions the bot asks on this persona's path (questionnaire.md's order)."""
    turnover = values.get("jaaromzet")
    profile = [q for q in PROFILE if q != "balanstotaal"
               or (isinstance(turnover, (int, float)) and turnover > 50_000_000)]
    path = profile + Q.scored_ids + ["knelpunten", "interesse", "nieuwe_inzichten", "wil_contact"]
    if values.get("wil_contact") == "ja":
        path += ELIGIBILITY
        if status in ("eligible", "check_needed"):
            path.append("toestemming")
            if values.get("toestemming") == "ja":
                path += CONTACT
    return path


def renderings(value: int) -> set[str]:
    """Ways a text can give an exact number: 246, 50.800.000, 50,8 miljoen."""
    out = {str(value), f"{value:,}".replace(",", ".")}
    if value >= 1_000_000:
        millions = f"{value / 1_000_000:.3f}".rstrip("0").rstrip(".").replace(".", ",")
        out.add(f"{millions} miljoen")
    return out


def gives_exactly(text: str, value: int) -> bool:
    return any(re.search(rf"(?<![\d.,]){re.escape(r)}(?![\d]|[.,]\d)", text) for r in renderings(value))


def text_of(entry) -> str:
    return entry["text"] if isinstance(entry, dict) else entry


def persona_problems(path_: Path, runner, today: date) -> list[str]:
    try:
        persona = json.loads(path_.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        return [f"not JSON: {error}"]
    problems = []
    allowed = {"id", "about", "metadata", "opening", "answers", "values", "interjections", "corrections", "expect"}
    if set(persona) - allowed:
        problems.append(f"unknown keys {sorted(set(persona) - allowed)}")
    if persona.get("id") != path_.stem:
        problems.append(f"id {persona.get('id')!r} is not the file name")
    for key in ("about", "opening"):
        if not isinstance(persona.get(key), str) or not persona[key].strip():
            problems.append(f"missing {key}")
    metadata = persona.get("metadata", {})
    if set(metadata) - {"utm_source", "utm_medium", "utm_campaign", "site"}:
        problems.append(f"metadata keys {sorted(metadata)}")
    if "site" in metadata and metadata["site"] not in {i["id"] for i in _registry()}:
        problems.append(f"site {metadata['site']!r} is no intermediary")
    answers, values = persona.get("answers", {}), persona.get("values", {})
    for qid, value in values.items():
        if (p := value_problem(qid, value)):
            problems.append(f"values: {p}")
    if problems:
        return problems
    scores = runner.expected_scores({q: v for q, v in values.items() if Q[q].scored})
    level = runner.expected_level(scores["totaal"])
    status = runner.expected_eligibility(values, level) if values.get("wil_contact") == "ja" else None
    path = persona_path(values, status)
    if set(values) != set(path):
        problems.append(f"values off the path: {sorted(set(values) - set(path))}; "
                        f"path questions without a value: {sorted(set(path) - set(values))}")
    for qid in path:
        entries = answers.get(qid)
        if not entries or not all(isinstance(text_of(e), str) and text_of(e).strip() for e in entries):
            problems.append(f"no answer texts for {qid}")
    for qid in set(answers) - set(path):
        problems.append(f"answers for {qid}, which is not on the path")
    mentioned = set()
    for qid, entries in answers.items():
        for entry in entries or []:
            if isinstance(entry, dict):
                if set(entry) - {"text", "mentions"}:
                    problems.append(f"{qid}: entry keys {sorted(entry)}")
                for other in entry.get("mentions", []):
                    mentioned.add(other)
                    if other == qid or other not in path:
                        problems.append(f"{qid} mentions {other!r}, not another question on the path")
    for qid, (low, high) in NEAR.items():
        value = values.get(qid)
        if isinstance(value, int) and low <= value <= high and qid in answers:
            texts = [text_of(e) for e in answers[qid]]
            if not gives_exactly(texts[-1], value):
                problems.append(f"{qid} = {value} is near a threshold: the last text must give it exactly")
            if qid in mentioned and not gives_exactly(texts[0], value):
                problems.append(f"{qid} is mentioned elsewhere and near a threshold: "
                                "its first text must give it exactly")
    for qid in ("medewerkers", "jaaromzet", "balanstotaal"):
        value = values.get(qid)
        if isinstance(value, int) and qid in answers and not gives_exactly(text_of(answers[qid][-1]), value):
            problems.append(f"the last text for {qid} does not give {value}")
    corrections = persona.get("corrections") or []
    for fix in corrections:
        qid = fix.get("question")
        if set(fix) != {"question", "first", "then"} or not fix.get("first") or not fix.get("then"):
            problems.append(f"correction {fix!r} needs question, first and then")
        elif qid not in path or qid in ("wil_contact", "toestemming") or qid == path[-1]:
            problems.append(f"correction of {qid!r}: not on the path, or it ends or turns the conversation")
        elif fix["first"].strip() == fix["then"].strip():
            problems.append(f"correction of {qid}: first and then are the same")
        if isinstance(values.get(qid), int) and gives_exactly(fix.get("first", ""), values[qid]):
            problems.append(f"correction of {qid}: the first (wrong) answer already gives the intended value")
    if len({c.get("question") for c in corrections}) != len(corrections):
        problems.append("two corrections of one question")
    befores = [i.get("before") for i in persona.get("interjections") or []]
    for i, before in enumerate(befores):
        text = (persona["interjections"][i].get("text") or "").strip()
        if before not in path or not text:
            problems.append(f"interjection before {before!r}: not on the path, or no text")
    if len(set(befores)) != len(befores):
        problems.append("two interjections before one question")
    expect = persona.get("expect", {})
    if set(expect) - {"intermediary_id", "level", "eligibility"}:
        problems.append(f"expect keys {sorted(expect)}")
    if expect.get("level", level) != level:
        problems.append(f"expect.level {expect['level']} but the values give {level}")
    if "eligibility" in expect and expect["eligibility"] != status:
        problems.append(f"expect.eligibility {expect['eligibility']} but the values give {status}")
    if "intermediary_id" in expect:
        if values.get("toestemming") != "ja":
            problems.append("expect.intermediary_id without a hand-off")
        else:
            chosen, certain = route(values, today)
            if not certain:
                problems.append("expect.intermediary_id although a tie makes the choice depend on the run")
            elif expect["intermediary_id"] != chosen:
                problems.append(f"expect.intermediary_id {expect['intermediary_id']} but the rule gives {chosen}")
    return problems


@pytest.mark.parametrize("path_", _persona_files(), ids=lambda p: p.stem)
def test_persona_is_wellformed(path_):
    problems = persona_problems(path_, _runner(), date.today())
    assert not problems, "\n".join(problems)


def test_routing_check_knows_a_tie_and_an_expired_intermediary():
    tie = {"regio": "zuid-holland", "sector": "voedingsmiddelen", "interesse": ["lean_werkwijzen", "automatisering"]}
    assert route(tie, date(2026, 12, 7)) == ("delta-maakkracht", False)
    food_north_brabant = {"regio": "noord-brabant", "sector": "voedingsmiddelen", "interesse": ["vision_kwaliteit"]}
    assert route(food_north_brabant, date(2026, 12, 7)) == ("programmabureau", True)
    assert route(food_north_brabant, date(2024, 6, 1)) == ("voedsel-en-vakmanschap", True)
