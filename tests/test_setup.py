"""Facts `make run` and `make test` rely on: the venvs, the Dutch spaCy pipeline, config."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BOT_PY = ROOT / ".venv" / "bot" / "bin" / "python"
API_PY = ROOT / ".venv" / "api" / "bin" / "python"
PIPELINE = ROOT / "var" / "spacy" / "nl"


def in_bot_venv(code: str, env: dict | None = None) -> str:
    if not BOT_PY.exists():
        pytest.fail(".venv/bot is missing: run `make setup`")
    done = subprocess.run([str(BOT_PY), "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def pipeline_info() -> dict[str, str]:
    path = PIPELINE / "PIPELINE.txt"
    assert path.exists(), "var/spacy/nl/PIPELINE.txt is missing: run `make setup`"
    return dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").splitlines() if ": " in line)


def test_bot_venv_has_python_310_with_rasa_and_spacy():
    versions = json.loads(in_bot_venv(
        "import json, sys, importlib.metadata as m; print(json.dumps({'python': list(sys.version_info[:2]), "
        "'rasa': m.version('rasa'), 'rasa_sdk': m.version('rasa-sdk'), 'spacy': m.version('spacy')}))"))
    assert versions["python"] == [3, 10]
    assert versions["rasa"] == "3.6.21"
    assert versions["rasa_sdk"].startswith("3.6.")


def test_api_venv_has_python_311_or_newer():
    assert API_PY.exists(), ".venv/api is missing: run `make setup`"
    done = subprocess.run([str(API_PY), "-c", "import sys, fastapi; print(*sys.version_info[:2])"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert tuple(map(int, done.stdout.split())) >= (3, 11)


def test_pipeline_txt_names_the_pipeline_that_is_on_disk():
    info = pipeline_info()
    meta = json.loads((PIPELINE / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "nl"
    if info["pipeline"].startswith("nl_core_news_sm"):
        assert meta["name"] == "core_news_sm"
    else:
        assert info["pipeline"] == meta["name"] == "blank_nl_lookup"
        assert "lemmatizer" in info["components"]
    spacy_version = in_bot_venv("import spacy; print(spacy.__version__)")
    assert info["spacy"] == spacy_version


def test_dutch_pipeline_yields_dutch_lemmas():
    words = ["machines", "medewerkers", "bouwde", "gekocht", "geautomatiseerd"]
    lemmas = json.loads(in_bot_venv(
        "import json, spacy; nlp = spacy.load('var/spacy/nl'); "
        f"print(json.dumps([nlp(w)[0].lemma_ for w in {words!r}]))"))
    assert dict(zip(words, lemmas)) == {"machines": "machine", "medewerkers": "medewerker", "bouwde": "bouwen",
                                        "gekocht": "kopen", "geautomatiseerd": "automatiseren"}


def test_config_uses_dutch_and_the_prepared_pipeline():
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    assert config["language"] == "nl"
    spacy_steps = [step for step in config["pipeline"] if step["name"] == "SpacyNLP"]
    assert spacy_steps and spacy_steps[0]["model"] == "var/spacy/nl"


def test_endpoints_expand_the_action_server_url():
    url = "http://127.0.0.1:5999/webhook"
    env = {**os.environ, "ACTION_ENDPOINT_URL": url, "RASA_TRACKER_DB": "/tmp/tracker.db"}
    read = in_bot_venv("from rasa.shared.utils.io import read_config_file; "
                       "print(read_config_file('endpoints.yml')['action_endpoint']['url'])", env=env)
    assert read == url


def test_trained_model_matches_its_inputs():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_if_stale
    finally:
        sys.path.pop(0)
    assert (ROOT / "models" / "scan.tar.gz").exists(), "no trained model: run `make train`"
    assert not train_if_stale.is_stale(), "models/scan.tar.gz is older than config.yml, domain/ or data/"
