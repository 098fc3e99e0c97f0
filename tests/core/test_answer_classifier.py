"""The reader learned from owner conversations, and how the answer interpreter weighs it against the cues."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import answer_classifier
from bot.answers import interpret
from bot.questionnaire import load

# The learned reader is the conversation side's (.venv/bot, where Rasa brings scikit-learn): there these tests
# run and must pass; the web service's environment shares bot/ for the questionnaire only.
pytestmark = pytest.mark.skipif(not answer_classifier.available(), reason="the learned reader lives in .venv/bot")

SCORED = sorted(q.id for q in load().questions.values() if q.scored and q.kind == "choice")


def test_the_corpus_holds_every_scored_question_and_every_option():
    data = answer_classifier.examples(answer_classifier.corpus_files())
    assert sorted(data) == SCORED
    for qid in SCORED:
        values = {value for _, value in data[qid]}
        options = {str(o.value) for o in load()[qid].options}
        assert options - {"weet_niet"} <= values <= options | {"weet_niet"}, qid


def test_a_folder_named_in_the_corpus_list_that_holds_no_conversation_is_an_error(tmp_path):
    listing = tmp_path / "learned.yml"
    listing.write_text("corpus:\n  - tests/no-such-folder\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        answer_classifier.corpus_files(listing)


def test_the_model_is_trained_once_per_corpus_and_again_when_the_corpus_changes(tmp_path):
    first = answer_classifier.build(tmp_path)
    assert first.exists() and answer_classifier.build(tmp_path) == first
    data = answer_classifier.examples(answer_classifier.corpus_files())
    changed = {**data, "org_cultuur": data["org_cultuur"] + [("een nieuwe zin", "1")]}
    assert answer_classifier.fingerprint(changed) != answer_classifier.fingerprint(data)
    assert [p.name for p in tmp_path.glob("answers-*.pkl")] == [first.name]


@pytest.mark.parametrize("qid,text,value", [
    ("tech_robotisering", "Vorig jaar hebben we twee lasrobots neergezet en die draaien nu elke dag, en bij het "
                          "inpakken staat sinds kort een cobot die de dozen op de pallet zet", "3"),
    ("org_strategie", "Ik heb wel ideeën, maar op papier staat er niks en met de jongens heb ik het er nog nooit "
                      "echt over gehad, het zit allemaal in mijn hoofd", "2"),
    ("bm_rendement", "Het afgelopen jaar hebben we met moeite quitte gespeeld, de energie en de lonen vraten alles "
                     "op en er bleef onder de streep niets over", "1"),
])
def test_the_learned_reader_reads_an_unseen_story(qid, text, value):
    learned, sure = answer_classifier.opinion(qid, text)
    assert learned == value and 0.0 < sure <= 1.0


def test_a_question_outside_the_learned_ones_has_no_opinion():
    assert answer_classifier.opinion("sector", "we zijn een metaalbedrijf met lasrobots") is None


def test_a_story_is_stored_only_when_both_readers_agree():
    reading = interpret("tech_robotisering", "Vorig jaar hebben we twee lasrobots neergezet en die draaien nu elke "
                                             "dag, en bij het inpakken staat sinds kort een cobot")
    assert reading.value == "3" and not reading.confirm
    assert any("learned reader: 3" in step and "the same" in step for step in reading.trace), reading.trace


def test_a_short_answer_is_read_by_the_cues_alone():
    reading = interpret("tech_digitalisering", "Geen ERP, alles op papier")
    assert reading.value == "1" and not any("learned reader" in step for step in reading.trace)


def test_readers_that_differ_propose_and_never_store():
    # a story whose cue reading the learned reader does not share: the owner is asked "klopt dat?"
    differ = 0
    for path in sorted((Path(__file__).resolve().parents[1] / "personas-heldout44").glob("*.json")):
        persona = json.loads(path.read_text(encoding="utf-8"))
        for qid in SCORED:
            entries = persona["answers"].get(qid, [])
            if not entries:
                continue
            text = entries[0]["text"] if isinstance(entries[0], dict) else entries[0]
            reading = interpret(qid, text)
            if any("the readers differ" in step for step in reading.trace):
                differ += 1
                assert reading.confirm == "unsure", (qid, text, reading)
    assert differ > 0
