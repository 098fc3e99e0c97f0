#!/usr/bin/env python3
"""Prints the assistant's understanding figures: NLU intent and entity F1, answer interpretation.

    .venv/bot/bin/python scripts/evaluate.py            # all: cross-validation, held-out NLU, answers
    .venv/bot/bin/python scripts/evaluate.py --answers  # only the answer interpreter (seconds)

- NLU: `rasa test nlu --cross-validation` over data/nlu (intent and entity F1), and the trained
  model on the held-out set tests/data/nlu_test.yml.
- Answers: bot.answers.interpret over tests/data/heldout_answers.yml, phrasings the
  interpreter was not built from: accuracy, wrongly confident answers, re-asks.
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


def same(expected, actual) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, list):
        return sorted(map(str, expected)) == sorted(map(str, actual if isinstance(actual, list) else [actual]))
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            return abs(float(actual) - expected) < 0.5
        except (TypeError, ValueError):
            return False
    digits = lambda v: "".join(c for c in str(v) if c.isdigit())
    if digits(expected) and len(digits(expected)) >= 8 and str(expected).replace(" ", "").replace("-", "").isdigit():
        return digits(expected) == digits(actual)
    return str(expected).strip().lower() == str(actual).strip().lower()


def evaluate_answers(path: Path, verbose: bool) -> dict:
    from bot.answers import interpret

    table = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    right = wrong = reask = total = 0
    for question_id, items in table.items():
        for item in items:
            total += 1
            got = interpret(question_id, item["text"]).value
            if same(item["expect"], got):
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
               "answers_wrong_confident": round(wrong / total, 3), "answers_reask": round(reask / total, 3)}
    print(f"answer interpretation on {total} held-out phrasings: {right} right "
          f"({100 * right / total:.1f}%), {wrong} wrongly confident ({100 * wrong / total:.1f}%), "
          f"{reask} asked again ({100 * reask / total:.1f}%)")
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
        figures["cv_entity_f1_macro"], figures["cv_entity_f1_weighted"] = _f1(entities)
        print(f"NLU {folds}-fold cross-validation: intent F1 {figures['cv_intent_f1_weighted']:.3f} "
              f"(macro {figures['cv_intent_f1_macro']:.3f}), entity F1 {figures['cv_entity_f1_weighted']:.3f} "
              f"(macro {figures['cv_entity_f1_macro']:.3f})")
        rasa_nlu(["--nlu", "tests/data/nlu_test.yml", "--model", "models"], out / "heldout")
        intents = json.loads((out / "heldout" / "intent_report.json").read_text())
        figures["heldout_intent_f1_macro"], figures["heldout_intent_f1_weighted"] = _f1(intents)
        entities = entity_report(out / "heldout")
        if entities is not None:
            figures["heldout_entity_f1_macro"], figures["heldout_entity_f1_weighted"] = _f1(entities)
        print(f"NLU held-out set (tests/data/nlu_test.yml): intent F1 {figures['heldout_intent_f1_weighted']:.3f}"
              + (f", entity F1 {figures['heldout_entity_f1_weighted']:.3f}" if entities is not None else ""))
    return {k: round(v, 3) for k, v in figures.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", action="store_true", help="only the answer interpreter")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    figures = evaluate_answers(ROOT / "tests" / "data" / "heldout_answers.yml", args.verbose)
    if not args.answers:
        figures.update(evaluate_nlu(args.folds))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
