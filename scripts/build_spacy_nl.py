#!/usr/bin/env python3
"""Prepare the Dutch spaCy pipeline at var/spacy/nl, the one path config.yml names.

Runs inside .venv/bot (needs spaCy). Preference order:
1. the official nl_core_news_sm: already installed, a local wheel named by the env var
   SPACY_NL_WHEEL, or the release wheel if reachable (short timeout, quiet failure);
2. otherwise spacy.blank("nl") with the Dutch lookup lemmatizer of spacy-lookups-data.
Which one was used is written to var/spacy/nl/PIPELINE.txt. Nothing is done while
PIPELINE.txt matches the installed spaCy and the wheel request (or with --force).
Uses spaCy's Python API only: its CLI breaks under Rasa's pinned typer.
"""
from __future__ import annotations

import argparse
import datetime
import importlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "var" / "spacy" / "nl"
OFFICIAL = "nl_core_news_sm"
FALLBACK = "blank_nl_lookup"
RELEASE_URL = ("https://github.com/explosion/spacy-models/releases/download/"
               "{name}-{version}/{name}-{version}-py3-none-any.whl")
RELEASE_TIMEOUT_S = 60


def say(message: str) -> None:
    print(f"[spacy] {message}", flush=True)


def read_info(path: Path) -> dict[str, str]:
    info = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            info[key.strip()] = value.strip()
    return info


def is_current(wheel: str | None) -> bool:
    info = read_info(TARGET / "PIPELINE.txt")
    if info.get("spacy") != spacy.__version__ or not (TARGET / "meta.json").exists():
        return False
    # a pipeline built from another wheel than the one asked for is not current
    return not wheel or info.get("source") == wheel


def pip_install(target: str, timeout: float | None) -> tuple[bool, str]:
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check"]
    if timeout:
        command += ["--timeout", "5", "--retries", "0"]
    try:
        done = subprocess.run(command + [target], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"no answer within {timeout:.0f} s"
    lines = (done.stdout + done.stderr).strip().splitlines()
    last = lines[-1] if lines else ""
    cause = re.search(r"\[Errno[^\]]*\][^'\")]*", last)
    return done.returncode == 0, cause.group(0) if cause else last[:120]


def load_official():
    importlib.invalidate_caches()
    try:
        module = importlib.import_module(OFFICIAL)
    except ImportError:
        return None
    return module.load()


def official_pipeline(wheel: str | None):
    """nl_core_news_sm as (nlp, source), or (None, reason) when it cannot be had."""
    if wheel:
        if not Path(wheel).is_file():
            raise SystemExit(f"[spacy] ERROR: SPACY_NL_WHEEL={wheel} is not a file")
        ok, message = pip_install(wheel, timeout=None)
        if not ok:
            raise SystemExit(f"[spacy] ERROR: could not install {wheel}: {message}")
        return load_official(), wheel
    nlp = load_official()
    if nlp is not None:
        return nlp, f"{OFFICIAL} (installed)"
    major, minor = spacy.__version__.split(".")[:2]
    url = RELEASE_URL.format(name=OFFICIAL, version=f"{major}.{minor}.0")
    ok, message = pip_install(url, timeout=RELEASE_TIMEOUT_S)
    if not ok:
        return None, f"the {OFFICIAL} release is not reachable ({message})"
    return load_official(), url


def blank_pipeline():
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lemma lookup table from spacy-lookups-data
    nlp.meta.update(name=FALLBACK, version="1.0.0",
                    description='spacy.blank("nl") with the Dutch lookup lemmatizer of spacy-lookups-data')
    lookups = importlib.metadata.version("spacy-lookups-data")
    return nlp, f'spacy.blank("nl") + lookup lemmatizer (spacy-lookups-data {lookups})'


def write(nlp, pipeline: str, source: str) -> None:
    staging = TARGET.with_name(TARGET.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    nlp.to_disk(staging)
    (staging / "PIPELINE.txt").write_text(
        f"pipeline: {pipeline}\n"
        f"source: {source}\n"
        f"spacy: {spacy.__version__}\n"
        f"components: {', '.join(nlp.pipe_names)}\n"
        f"vectors: {nlp.vocab.vectors.shape[0]}\n"
        f"built: {datetime.datetime.now().isoformat(timespec='seconds')}\n", encoding="utf-8")
    shutil.rmtree(TARGET, ignore_errors=True)
    staging.rename(TARGET)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when current")
    args = parser.parse_args()
    wheel = os.environ.get("SPACY_NL_WHEEL") or None
    if not args.force and is_current(wheel):
        info = read_info(TARGET / "PIPELINE.txt")
        say(f"var/spacy/nl is up to date: {info.get('pipeline')} (spaCy {spacy.__version__})")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    nlp, source = official_pipeline(wheel)
    if nlp is not None:
        pipeline = f"{OFFICIAL} {nlp.meta.get('version', '')}".strip()
    else:
        say(f"{source}; building the fallback pipeline")
        nlp, source = blank_pipeline()
        pipeline = FALLBACK
    write(nlp, pipeline, source)
    say(f"var/spacy/nl ready: {pipeline} ({source})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
