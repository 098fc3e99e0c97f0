"""Facts `make run` and `make test` rely on: the venvs and their locks, the Dutch spaCy pipeline, config."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
BOT_PY = ROOT / ".venv" / "bot" / "bin" / "python"
API_PY = ROOT / ".venv" / "api" / "bin" / "python"
PIPELINE = ROOT / "var" / "spacy" / "nl"
REQUIREMENTS = ROOT / "requirements"
ENVIRONMENTS = {"bot": (BOT_PY, (3, 10)), "api": (API_PY, (3, 11))}
LOCKS = ["bot.lock", "bot-test.lock", "api.lock", "api-test.lock"]
LOCK_ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?P<spec>\S*) \\$")
HASH = re.compile(r"^    --hash=sha256:[0-9a-f]{64}(?: \\)?$")


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


def test_api_venv_has_python_311_the_version_its_lock_is_for():
    assert API_PY.exists(), ".venv/api is missing: run `make setup`"
    done = subprocess.run([str(API_PY), "-c", "import sys, fastapi; print(*sys.version_info[:2])"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert tuple(map(int, done.stdout.split())) == (3, 11)


# ------------------------------------------------------------------ locked dependencies

def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(name: str) -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)} of a lock; fails on any requirement line that is not `name==version \\`
    followed by its hash lines."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for number, line in enumerate((REQUIREMENTS / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("    --hash="):
            assert current is not None and HASH.match(line), f"{name}:{number}: {line!r}"
            entries[current][1].append(line.split(":", 1)[1].rstrip(" \\"))
            continue
        entry = LOCK_ENTRY.match(line)
        assert entry, f"{name}:{number}: not a pinned requirement with hashes: {line!r}"
        assert re.fullmatch(r"==[0-9][0-9A-Za-z.+!-]*", entry["spec"]), f"{name}:{number}: not pinned with ==: {line!r}"
        current = normal(entry["name"])
        assert current not in entries, f"{name}:{number}: {current} twice"
        entries[current] = (entry["spec"][2:], [])
    return entries


def read_in(name: str) -> list[Requirement]:
    """The requirements of an .in file, those of the files it includes with -r as well (-c only constrains)."""
    found: list[Requirement] = []
    for line in (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            found += read_in(line[2:].strip())
        elif line and not line.startswith("-c"):
            found.append(Requirement(line))
    return found


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_of_a_lock_is_pinned_with_its_hashes(lock):
    entries = read_lock(lock)
    assert len(entries) >= 30
    unhashed = sorted(name for name, (_, hashes) in entries.items() if not hashes)
    assert not unhashed, f"{lock}: no --hash for {unhashed}"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_package_of_an_in_file_is_in_its_lock_at_a_version_it_allows(lock):
    entries = read_lock(lock)
    for requirement in read_in(lock.replace(".lock", ".in")):
        name = normal(requirement.name)
        assert name in entries, f"{requirement} is missing from {lock}: run `make lock`"
        version = entries[name][0]
        assert requirement.specifier.contains(version, prereleases=True), \
            f"{lock} has {name}=={version}: not {requirement}"


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_the_test_lock_holds_the_runtime_lock_at_the_same_versions(env):
    runtime, full = read_lock(f"{env}.lock"), read_lock(f"{env}-test.lock")
    differ = {name: (version, full.get(name, ("missing",))[0]) for name, (version, _) in runtime.items()
              if full.get(name, ("missing",))[0] != version}
    assert not differ, f"{env}.lock and {env}-test.lock disagree (runtime, test): {differ}"
    assert set(full) > set(runtime), f"{env}-test.lock adds no test tool to {env}.lock"


def test_the_locks_hold_the_house_tools_and_the_api_migrations():
    bot, api, api_runtime = read_lock("bot-test.lock"), read_lock("api-test.lock"), read_lock("api.lock")
    assert {"pytest", "mypy"} <= set(bot)
    assert {"pytest", "ruff", "mypy", "uv"} <= set(api)
    assert {"alembic", "mako"} <= set(api_runtime)
    assert bot["rasa"][0] == "3.6.21" and bot["pydantic"][0].startswith("1.")
    assert bot["sqlalchemy"][0].startswith("1.4.") and bot["tensorflow"][0] == "2.12.0"


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_each_venv_has_exactly_the_versions_of_its_lock(env):
    python, minor = ENVIRONMENTS[env]
    assert python.exists(), f".venv/{env} is missing: run `make setup`"
    code = ("import json, sys, importlib.metadata as m; print(json.dumps("
            "[list(sys.version_info[:2]), {d.metadata['Name']: d.version for d in m.distributions()}]))")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    version, installed = json.loads(done.stdout)
    assert tuple(version) == minor, f".venv/{env} runs Python {version}, its lock is for {minor}"
    installed = {normal(name): v for name, v in installed.items()}
    wrong = {name: (pinned, installed.get(name, "not installed"))
             for name, (pinned, _) in read_lock(f"{env}-test.lock").items() if installed.get(name) != pinned}
    assert not wrong, f".venv/{env} differs from requirements/{env}-test.lock (lock, installed): {wrong}; " \
                      "run `make setup`"


def setup_env_module():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import setup_env
    finally:
        sys.path.pop(0)
    return setup_env


def test_the_stamp_changes_with_either_lock(tmp_path, monkeypatch):
    setup_env = setup_env_module()
    for lock in LOCKS:
        shutil.copy(REQUIREMENTS / lock, tmp_path / lock)
    monkeypatch.setattr(setup_env, "REQUIREMENTS", tmp_path)
    spec = setup_env.VENVS["api"]
    stamps = {setup_env.stamp_value(spec, (3, 11))}
    for lock in ("api.lock", "api-test.lock"):
        (tmp_path / lock).write_text((tmp_path / lock).read_text() + "# changed\n")
        stamps.add(setup_env.stamp_value(spec, (3, 11)))
    stamps.add(setup_env.stamp_value(spec, (3, 12)))
    assert len(stamps) == 4


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
