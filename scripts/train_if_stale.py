#!/usr/bin/env python3
"""Train the Rasa model only when its inputs changed, and the answer classifier (bot/answer_classifier.py),
which keeps a fingerprint of its own.

Fingerprint: SHA-256 over config.yml, every file under domain/ and data/, and
var/spacy/nl/PIPELINE.txt (the model embeds that pipeline's behaviour). It is kept in
models/.fingerprint beside models/scan.tar.gz. Standard library only:

    python3 scripts/train_if_stale.py [--force] [--verbose]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["config.yml", "domain", "data", "var/spacy/nl/PIPELINE.txt"]
MODEL = "models/scan.tar.gz"
FINGERPRINT = "models/.fingerprint"


def say(message: str) -> None:
    print(f"[train] {message}", flush=True)


def input_files(root: Path) -> list[Path]:
    files = []
    for name in INPUTS:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += [p for p in path.rglob("*") if p.is_file()
                      and not any(part.startswith(".") or part == "__pycache__"
                                  for part in p.relative_to(root).parts)]
    return sorted(files)


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def is_stale(root: Path = ROOT) -> bool:
    stored = root / FINGERPRINT
    return not ((root / MODEL).exists() and stored.exists()
                and stored.read_text().strip() == fingerprint(root))


def rasa_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")
    return env


def train(verbose: bool) -> int:
    missing = [name for name in ("config.yml", "domain", "data") if not (ROOT / name).exists()]
    if missing:
        say(f"ERROR: cannot train, missing: {', '.join(missing)}")
        return 1
    rasa = ROOT / ".venv" / "bot" / "bin" / "rasa"
    if not rasa.exists():
        say("ERROR: .venv/bot has no rasa; run `make setup` first")
        return 1
    wanted = fingerprint()
    command = [str(rasa), "train", "--config", "config.yml", "--domain", "domain", "--data", "data",
               "--out", "models", "--fixed-model-name", "scan"]
    log = ROOT / "var" / "log" / "train.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    say("training the Rasa model (log: var/log/train.log) ...")
    start = time.monotonic()
    with log.open("w") as out:
        done = subprocess.run(command, cwd=ROOT, env=rasa_env(), stdin=subprocess.DEVNULL,
                              stdout=None if verbose else out, stderr=None if verbose else subprocess.STDOUT)
    seconds = time.monotonic() - start
    if done.returncode != 0 or not (ROOT / MODEL).exists():
        tail = log.read_text(errors="replace").splitlines()[-40:] if not verbose else []
        say(f"ERROR: rasa train failed after {seconds:.0f} s (exit {done.returncode}):")
        print("\n".join("    " + line for line in tail), flush=True)
        return 1
    (ROOT / FINGERPRINT).write_text(wanted + "\n")
    say(f"model trained in {seconds:.0f} s: {MODEL}")
    return 0


def train_answer_classifier() -> int:
    """The reader learned from owner conversations (bot/answer_classifier.py): it keeps its own fingerprint,
    so this trains only when its corpus or code changed (about ten seconds)."""
    python = ROOT / ".venv" / "bot" / "bin" / "python"
    start = time.monotonic()
    done = subprocess.run([str(python), "-c", "from bot.answer_classifier import build; print(build().name)"],
                          cwd=ROOT, env=rasa_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        say("ERROR: the answer classifier could not be trained:")
        print("\n".join("    " + line for line in done.stderr.splitlines()[-20:]), flush=True)
        return 1
    say(f"answer classifier ready in {time.monotonic() - start:.0f} s: models/{done.stdout.strip()}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--force", action="store_true", help="train even when the inputs did not change")
    parser.add_argument("--verbose", action="store_true", help="show Rasa's output instead of logging it")
    args = parser.parse_args()
    if not args.force and not is_stale():
        say(f"model is up to date ({MODEL}, inputs unchanged)")
        return train_answer_classifier()
    return train(args.verbose) or train_answer_classifier()


if __name__ == "__main__":
    sys.exit(main())
