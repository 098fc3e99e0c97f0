#!/usr/bin/env python3
"""Prints the assistant's understanding figures: NLU intent and entity F1, answer interpretation.

    .venv/bot/bin/python scripts/evaluate.py            # all: cross-validation, held-out NLU, answers
    .venv/bot/bin/python scripts/evaluate.py --answers  # only the answer interpreter (seconds)

- NLU: `rasa test nlu --cross-validation` over data/nlu (intent and entity F1), and the trained
  model on the held-out set tests/data/nlu_test.yml.
- Answers: bot.answers.interpret over tests/data/heldout_answers.yml, phrasings the
  interpreter was not built from: accuracy, wrongly confident answers, re-asks.
- Turns: bot.dialogue over tests/data/repair_*.yml (corrections, facts said in passing,
  qualifiers, denials, questions, refusals, places abroad): handled as meant, and the share of
  messages after which something is stored wrong without the owner confirming it. The dev
  tables may be tuned on; the repair_heldout*.yml tables (heldout … heldout6) are only measured.
- Learned reader (bot/answer_classifier.py): leave-a-round-out over the last rounds of persona sets in
  bot/cues/learned.yml. Trained without a round, it reads the first answers of that round's scored
  questions; the figures are its accuracy alone, and what the two readers together do with those answers
  (the cue reader was tuned on these sets, so that part flatters).
The last line is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RASA = str(Path(sys.executable).with_name("rasa"))


def digits(value: object) -> str:
    return "".join(c for c in str(value) if c.isdigit())


def same(expected, actual) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, list):
        return sorted(map(str, expected)) == sorted(map(str, actual if isinstance(actual, list) else [actual]))
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:  # the persona runner's tolerance: "ruim 60 miljoen" stored as 62 million is not wrong
            return abs(float(actual) - expected) <= max(1.0, 0.05 * abs(expected))
        except (TypeError, ValueError):
            return False
    if digits(expected) and len(digits(expected)) >= 8 and str(expected).replace(" ", "").replace("-", "").isdigit():
        return digits(expected) == digits(actual)
    return str(expected).strip().lower() == str(actual).strip().lower()


def evaluate_answers(path: Path, verbose: bool) -> dict:
    from bot.answers import interpret

    table = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    right = wrong = reask = proposed = total = 0
    for question_id, items in table.items():
        for item in items:
            total += 1
            reading = interpret(question_id, item["text"])
            got = reading.value
            if reading.confirm and got is not None:
                proposed += 1   # "klopt dat?": the owner sees it; right when the proposal is
                if same(item["expect"], got):
                    right += 1
                elif verbose:
                    print(f"  proposed {question_id}: {item['text']!r} -> {got!r}? (meant {item['expect']!r})")
            elif same(item["expect"], got):
                right += 1
            elif got is None:
                reask += 1
                if verbose:
                    print(f"  re-ask  {question_id}: {item['text']!r} (meant {item['expect']!r})")
            else:
                wrong += 1
                if verbose:
                    print(f"  WRONG   {question_id}: {item['text']!r} -> {got!r} (meant {item['expect']!r})")
    figures = {"answers_total": total, "answers_accuracy": round(right / total, 3),
               "answers_wrong_confident": round(wrong / total, 3), "answers_reask": round(reask / total, 3),
               "answers_proposed": round(proposed / total, 3)}
    print(f"answer interpretation on {total} held-out phrasings: {right} right ({100 * right / total:.1f}%, "
          f"{proposed} of them proposed first), {wrong} stored wrong without asking ({100 * wrong / total:.1f}%), "
          f"{reask} asked again ({100 * reask / total:.1f}%)")
    return figures


def evaluate_repair(paths: list[Path], verbose: bool) -> dict:
    """Whole turns (bot.dialogue) over the repair tables: corrections, mentions, qualifiers,
    denials, questions, refusals, places abroad. The figure that matters: messages after which
    something the owner did not mean is stored without the owner confirming it."""
    from bot.repair_eval import score_table

    figures = {}
    for path in paths:
        if not path.exists():
            continue
        name = path.stem.replace("repair_", "")
        result = score_table(yaml.safe_load(path.read_text(encoding="utf-8")))
        total, right, wrong = result["total"], result["right"], result["wrong_unconfirmed"]
        print(f"repair table {path.name} ({total} messages): {right} handled as meant ({100 * right / total:.1f}%), "
              f"{wrong} stored wrong without the owner confirming ({100 * wrong / total:.1f}%)")
        for behaviour, b in result["by_behaviour"].items():
            print(f"    {behaviour:<12} {b['right']:>3}/{b['total']:<3} right, {b['wrong_unconfirmed']} stored wrong")
        if verbose:
            for o in result["outcomes"]:
                for w in o.wrong_unconfirmed:
                    print(f"  WRONG   {o.id} {w}")
        figures[f"repair_{name}_right"] = round(right / total, 3)
        figures[f"repair_{name}_stored_wrong"] = round(wrong / total, 3)
    return figures


def _f1(report: dict) -> tuple[float, float]:
    return report["macro avg"]["f1-score"], report["weighted avg"]["f1-score"]


def entity_report(folder: Path) -> dict | None:
    """The entity report of the pipeline's entity extractor (`<component>_report.json`), if any."""
    found = sorted(p for p in folder.glob("*_report.json")
                   if not p.name.startswith(("intent_", "response_selection_")))
    return json.loads(found[0].read_text()) if found else None


def rasa_nlu(args: list[str], out: Path) -> None:
    command = [RASA, "test", "nlu", "--config", "config.yml", "--out", str(out), *args]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def evaluate_nlu(folds: int) -> dict:
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rasa_nlu(["--nlu", "data/nlu", "--cross-validation", "--folds", str(folds)], out / "cv")
        intents = json.loads((out / "cv" / "intent_report.json").read_text())
        entities = entity_report(out / "cv")
        figures["cv_intent_f1_macro"], figures["cv_intent_f1_weighted"] = _f1(intents)
        entity_text = ""  # a pipeline without an entity extractor writes no entity report
        if entities is not None:
            figures["cv_entity_f1_macro"], figures["cv_entity_f1_weighted"] = _f1(entities)
            entity_text = (f", entity F1 {figures['cv_entity_f1_weighted']:.3f} "
                           f"(macro {figures['cv_entity_f1_macro']:.3f})")
        print(f"NLU {folds}-fold cross-validation: intent F1 {figures['cv_intent_f1_weighted']:.3f} "
              f"(macro {figures['cv_intent_f1_macro']:.3f}){entity_text}")
        rasa_nlu(["--nlu", "tests/data/nlu_test.yml", "--model", "models"], out / "heldout")
        intents = json.loads((out / "heldout" / "intent_report.json").read_text())
        figures["heldout_intent_f1_macro"], figures["heldout_intent_f1_weighted"] = _f1(intents)
        entities = entity_report(out / "heldout")
        if entities is not None:
            figures["heldout_entity_f1_macro"], figures["heldout_entity_f1_weighted"] = _f1(entities)
        print(f"NLU held-out set (tests/data/nlu_test.yml): intent F1 {figures['heldout_intent_f1_weighted']:.3f}"
              + (f", entity F1 {figures['heldout_entity_f1_weighted']:.3f}" if entities is not None else ""))
    return {k: round(v, 3) for k, v in figures.items()}


def evaluate_learned(rounds: int, per_round: int = 4) -> dict:
    from datetime import date

    from bot import answer_classifier as learned
    from bot.answers import interpret

    files = learned.corpus_files()
    folders = list(dict.fromkeys(f.parent for f in files))[-rounds * per_round:]
    counts = {"answers": 0, "learned_right": 0, "stored_right": 0, "stored_wrong": 0, "proposed_right": 0,
              "proposed_wrong": 0, "asked_again": 0}
    for start in range(0, len(folders), per_round):
        held = folders[start:start + per_round]
        models = learned.train(learned.examples([f for f in files if f.parent not in held]))
        with learned.using(models):
            for path in (p for folder in held for p in sorted(folder.glob("*.json"))):
                persona = json.loads(path.read_text(encoding="utf-8"))
                for qid, entries in persona.get("answers", {}).items():
                    if qid not in models or qid not in persona.get("values", {}) or not entries:
                        continue
                    text, want = (entries[0]["text"] if isinstance(entries[0], dict) else entries[0]), \
                        str(persona["values"][qid])
                    counts["answers"] += 1
                    opinion = learned.opinion(qid, text)
                    counts["learned_right"] += opinion is not None and opinion[0] == want
                    reading = interpret(qid, text, today=date(2026, 12, 7))
                    if reading.value is None:
                        counts["asked_again"] += 1
                    else:
                        kind = "proposed" if reading.confirm else "stored"
                        counts[f"{kind}_{'right' if str(reading.value) == want else 'wrong'}"] += 1
    n = counts["answers"] or 1
    print(f"learned reader, leave-a-round-out over {len(folders)} persona sets ({counts['answers']} first answers "
          f"to scored questions): {100 * counts['learned_right'] / n:.1f}% right alone; both readers: "
          f"{counts['stored_wrong']} stored wrong ({100 * counts['stored_wrong'] / n:.2f}%), "
          f"{100 * (counts['stored_right'] + counts['proposed_right']) / n:.1f}% stored or proposed right, "
          f"{100 * (counts['proposed_right'] + counts['proposed_wrong']) / n:.1f}% proposed, "
          f"{100 * counts['asked_again'] / n:.1f}% asked again")
    return {"learned_right": round(counts["learned_right"] / n, 4),
            "learned_both_stored_wrong": round(counts["stored_wrong"] / n, 4),
            "learned_both_first_try": round((counts["stored_right"] + counts["proposed_right"]) / n, 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", action="store_true", help="only the answer interpreter")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=4, help="rounds of four persona sets the learned reader is "
                                                               "measured on, each left out of its training")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    figures = evaluate_answers(ROOT / "tests" / "data" / "heldout_answers.yml", args.verbose)
    repair_sets = ("dev", "dev2", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
    figures.update(evaluate_repair([ROOT / "tests" / "data" / f"repair_{name}.yml" for name in repair_sets],
                                   args.verbose))
    figures.update(evaluate_learned(args.rounds))
    if not args.answers:
        figures.update(evaluate_nlu(args.folds))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
