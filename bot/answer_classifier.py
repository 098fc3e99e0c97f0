"""A second reader for the scored questions, learned from whole owner conversations.

The cue reader (answers.py) reads an answer through rules a person can follow: cues, negation,
time, "maar". It is exact where owners say what it knows, and lost in a story it has not met.
This reader has learned from the held-out persona conversations listed in cues/learned.yml:
some 25,000 answers in owners' own words, each with the value it means. For one scored
question it gives the value it finds most likely and how sure it is.

It never stores an answer on its own. answers.py stores a reading only when both readers agree,
and proposes one ("klopt dat?") when they differ or either is unsure.

The model is trained from the corpus in about ten seconds and kept in models/ under the corpus's
fingerprint, so a changed corpus trains a new one (scripts/train_if_stale.py does it ahead).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import pickle
import re
import tempfile
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from bot.questionnaire import load

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = Path(__file__).resolve().parent / "cues" / "learned.yml"
CUES = Path(__file__).resolve().parent / "cues" / "answers.yml"
MODELS = ROOT / "models"
VERSION = "2"             # change when the features or the learner change
CUE_EXAMPLE_WEIGHT = 5    # one example of the cue file counts as this many persona answers

Examples = dict[str, list[tuple[str, str]]]


def _plain(text: str) -> str:
    """Lowercase, no accents, "20.000" as 20000, words and digits only."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text)
    return re.sub(r"[^\w€%]+", " ", text).strip()


_NEGATORS = frozenset({"geen", "niet", "niks", "niets", "nooit", "nergens", "zonder"})
_UNREAL = frozenset({"gekeken", "kijken", "kijk", "orienteren", "orienteer", "gesproken", "praten", "gepraat",
                     "nagedacht", "denken", "willen", "wil", "gaan", "hopen", "hoop", "plan", "plannen", "overwegen",
                     "offerte", "volgend", "volgende"})
_SCOPE_ENDS = frozenset({"maar", "want", "dus", "en", "toch", "wel", "alleen", "behalve"})


def _marked_words(text: str) -> list[str]:
    """The words, those in the scope of a negator marked "no_" and those after a plan or a look "if_", so
    that "geen ERP" and "naar een ERP gekeken" do not read as "ERP" ("Een ERP hebben we niet" is caught
    by the word pairs)."""
    out: list[str] = []
    for clause in re.split(r"[.,;:!?()\n]+", text):
        mark = ""
        for word in _plain(clause).split():
            if word in _SCOPE_ENDS:
                mark = ""
            out.append(mark + word if mark else word)
            if word in _NEGATORS:
                mark = "no_"
            elif word in _UNREAL and not mark:
                mark = "if_"
    return out


def corpus_files(sources: Path = SOURCES) -> list[Path]:
    folders = yaml.safe_load(sources.read_text(encoding="utf-8"))["corpus"]
    files: list[Path] = []
    for folder in folders:
        found = sorted((ROOT / folder).glob("*.json"))
        if not found:
            raise FileNotFoundError(f"{sources.name}: no conversations in {folder}")
        files += found
    return files


def examples(files: list[Path]) -> Examples:
    """(answer text, value) per scored choice question: every phrasing of every persona, and the
    option labels and examples of the cue file (short, plain answers the stories lack)."""
    questions = {q.id: q for q in load().questions.values() if q.scored and q.kind == "choice"}
    out: Examples = defaultdict(list)
    for path in files:
        persona = json.loads(path.read_text(encoding="utf-8"))
        values = persona.get("values", {})
        for qid, entries in persona.get("answers", {}).items():
            if qid in questions and qid in values:
                for entry in entries:
                    out[qid].append((entry["text"] if isinstance(entry, dict) else entry, str(values[qid])))
    cues = yaml.safe_load(CUES.read_text(encoding="utf-8"))["questions"]
    for qid, question in questions.items():
        for option in question.options:
            out[qid] += [(option.label, str(option.value))] * CUE_EXAMPLE_WEIGHT
        for value, block in (cues.get(qid, {}).get("options") or {}).items():
            out[qid] += [(text, str(value)) for text in block.get("examples", [])] * CUE_EXAMPLE_WEIGHT
    return dict(out)


def _word_grams(text: str) -> list[str]:
    words = _marked_words(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    words = TfidfVectorizer(analyzer=_word_grams, sublinear_tf=True)
    letters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True,
                              preprocessor=_plain)
    return make_pipeline(make_union(words, letters), LogisticRegression(C=10, max_iter=2000))


def train(data: Examples) -> dict[str, Any]:
    models = {}
    for qid, pairs in sorted(data.items()):
        if len({value for _, value in pairs}) < 2:
            continue
        model = _pipeline()
        model.fit([text for text, _ in pairs], [value for _, value in pairs])
        models[qid] = model
    return models


def fingerprint(data: Examples) -> str:
    import sklearn

    digest = hashlib.sha256(f"{VERSION} {sklearn.__version__}".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def build(models_dir: Path = MODELS) -> Path:
    """The trained model's file, trained and written first when the corpus changed."""
    files = corpus_files()
    data = examples(files)
    path = models_dir / f"answers-{fingerprint(data)}.pkl"
    if path.exists():
        return path
    models_dir.mkdir(parents=True, exist_ok=True)
    log.info("training the answer classifier from %d conversations", len(files))
    blob = pickle.dumps(train(data))
    fd, tmp = tempfile.mkstemp(dir=models_dir, prefix=".answers-")
    with os.fdopen(fd, "wb") as out:
        out.write(blob)
    os.replace(tmp, path)   # two processes training at once both write whole files
    for old in models_dir.glob("answers-*.pkl"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


_lock = threading.Lock()
_models: dict[str, Any] | None = None


def available() -> bool:
    """Whether this environment can read with it: the conversation side (.venv/bot, where Rasa brings
    scikit-learn) can; the web service's environment, which shares bot/ for the questionnaire, cannot."""
    return importlib.util.find_spec("sklearn") is not None


def _loaded() -> dict[str, Any]:
    global _models
    with _lock:
        if _models is None:
            _models = pickle.loads(build().read_bytes()) if available() else {}
        return _models


def opinion(question_id: str, text: str) -> tuple[str, float] | None:
    """The value this reader finds most likely for the answer, and its probability (None: no model)."""
    model = _loaded().get(question_id)
    if model is None or not _plain(text):
        return None
    probabilities = model.predict_proba([text])[0]
    best = int(probabilities.argmax())
    return str(model.classes_[best]), float(probabilities[best])


@contextmanager
def using(models: dict[str, Any]) -> Iterator[None]:
    """Read with other models for a while (make eval: a model trained without the conversations measured)."""
    global _models
    with _lock:
        before, _models = _models, models
    try:
        yield
    finally:
        with _lock:
            _models = before
