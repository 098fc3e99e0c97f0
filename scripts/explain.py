#!/usr/bin/env python3
"""Says why the bot reads a message as it does: which signal decided (cue, similarity, number
parser, context rule, repair rule) and why it was not sure.

    .venv/bot/bin/python scripts/explain.py tech_robotisering "we hebben geen robots"
    .venv/bot/bin/python scripts/explain.py --turn org_vaardigheden "nee wacht, dat klopt niet" --last org_cultuur

The first form shows the interpreter's reading for one question; --turn shows what the whole
turn does (bot/dialogue.py: confirmation, correction, question, answer, facts said in passing).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import answers, dialogue


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question", help="the open question id")
    parser.add_argument("text", help="what the owner typed")
    parser.add_argument("--turn", action="store_true", help="explain the whole turn, not only the reading")
    parser.add_argument("--last", nargs="*", default=[], help="questions answered in the previous turn")
    args = parser.parse_args()
    if not args.turn:
        print("\n".join(answers.explain(args.question, args.text)))
        return 0
    known = {q: "2" for q in args.last}
    turn = dialogue.read(args.text, dialogue.Context(asked=args.question, answers=known, last=tuple(args.last)))
    print(f"turn: {turn.kind} (rule {turn.rule})")
    for name in ("store", "clear", "propose", "echo", "say", "side", "remarks"):
        if getattr(turn, name):
            print(f"{name}: {getattr(turn, name)}")
    print("\n".join(f"trace: {t}" for t in turn.trace))
    return 0


if __name__ == "__main__":
    sys.exit(main())
